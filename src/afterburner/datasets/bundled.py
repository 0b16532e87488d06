"""Problems stored as one directory each (the venus-mini format, docs/dataset-format.md)."""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path

from afterburner.core.testcase import TestCase
from afterburner.datasets.model import LANGUAGES, Dataset, Issue, Problem, Solution, Style, validate
from afterburner.languages import get_language

BUNDLED = "venus-mini"
PROVENANCE = "venus-mini authors"


def bundled_root() -> Path:
    return Path(str(resources.files("afterburner.datasets.venus_mini") / "problems"))


def _by_language(directory: Path) -> dict[str, str]:
    """{language: text} for files named <language>.<ext> in a directory."""
    if not directory.is_dir():
        return {}
    return {path.stem: path.read_text() for path in sorted(directory.iterdir()) if path.stem in LANGUAGES}


def _solutions(directory: Path) -> list[Solution]:
    found = []
    for language in LANGUAGES:
        folder = directory / "solutions" / language
        extensions = get_language(language).extensions
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            if path.suffix.lstrip(".") in extensions:
                code = path.read_text()
                first = code.splitlines()[0] if code.strip() else ""
                note = first.lstrip("#/ ").strip()
                found.append(Solution(language, code, path.stem, PROVENANCE, note))
    return found


def load_problem_dir(directory: Path, bundled: bool = False) -> Problem:
    """Read one problem directory; raises ValueError/OSError/KeyError for a broken one.

    `bundled`: it ships with Afterburner, so its evaluator may run in-process.
    """
    meta = tomllib.loads((directory / "problem.toml").read_text())
    tests = [TestCase(str(t["input"]), str(t["output"])) for t in json.loads((directory / "tests.json").read_text())]
    return Problem(
        id=str(meta["id"]),
        slug=meta.get("slug", directory.name),
        title=meta["title"],
        description=meta["description"],
        difficulty=meta.get("difficulty", ""),
        tags=tuple(meta.get("tags", ())),
        style=Style(meta["style"]),
        generator=(directory / "generator.py").read_text(),
        evaluator=(directory / "evaluator.py").read_text(),
        tests=tuple(tests),
        solutions=tuple(_solutions(directory)),
        starters=_by_language(directory / "starter"),
        runners=_by_language(directory / "runners"),
        origin=str(directory),
        bundled=bundled,
    )


def load_directory(root: Path, name: str, bundled: bool = False) -> Dataset:
    """Every problem directory under root; broken ones become issues, not silence."""
    problems: list[Problem] = []
    issues: list[Issue] = []
    for directory in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        try:
            problem = load_problem_dir(directory, bundled)
        except (OSError, ValueError, KeyError, TypeError) as error:
            issues.append(Issue(directory.name, f"cannot be read: {type(error).__name__}: {error}"))
            continue
        problems.append(problem)
        issues.extend(validate(problem))
    return Dataset(name, tuple(problems), tuple(issues))


def load_bundled() -> Dataset:
    return load_directory(bundled_root(), BUNDLED, bundled=True)
