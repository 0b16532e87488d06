"""Reading user input files with one-line errors instead of tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from afterburner.core.errors import UsageError
from afterburner.core.testcase import TestCase
from afterburner.languages import Language, detect_language, get_language


def read_text_file(path: Path, what: str = "file") -> str:
    if not path.exists():
        raise UsageError(f"no such {what}: {path}", "check the path")
    if not path.is_file():
        raise UsageError(f"{path} is not a regular file", f"pass a {what}")
    data = path.read_bytes()
    if b"\0" in data:
        raise UsageError(f"{path} looks binary (it contains NUL bytes)", f"pass a text {what}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(f"{path} is not UTF-8 text (byte {error.start})", "save it as UTF-8") from error


def read_program(path: Path, lang: str | None) -> tuple[Language, str]:
    source = read_text_file(path, "source file")
    if not source.strip():
        raise UsageError(f"{path} is empty", "write a program first")
    language = get_language(lang) if lang else detect_language(path)
    return language, source


def read_tests(path: Path) -> list[TestCase]:
    """Tests from JSON ([{input, output}]), JSONL, or a directory of NAME.in / NAME.out pairs."""
    if path.is_dir():
        pairs = sorted(path.glob("*.in"))
        tests = [TestCase(read_text_file(p), read_text_file(p.with_suffix(".out"), "expected output")) for p in pairs]
    else:
        text = read_text_file(path, "tests file")
        try:
            rows = (
                json.loads(text)
                if text.lstrip().startswith("[")
                else [json.loads(line) for line in text.splitlines() if line.strip()]
            )
            tests = [TestCase(str(row["input"]), str(row["output"])) for row in rows]
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise UsageError(
                f"cannot read tests from {path}: {error}",
                'write a JSON list or JSONL of {"input": ..., "output": ...}, or a directory of .in/.out files',
            ) from error
    if not tests:
        raise UsageError(f"no tests in {path}", "add at least one test")
    return tests
