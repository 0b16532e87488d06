"""Candidate solutions to evaluate: JSONL rows {problem_id, language, code, [iteration], [sample_id]},
or evalplus samples {task_id, solution | completion} as evalplus users have them (.jsonl or .jsonl.gz).

An evalplus `solution` is the whole program; a `completion` continues the problem's prompt (evalplus
judges `prompt + completion`). A sample that is a chat answer with Markdown fences is reduced as
evalplus' sanitizer would: the code of its fenced Python block (the longest that parses, the first on a
tie), keeping only its imports, classes, functions and assignments (a demo call or a
`if __name__ == "__main__":` block would print into the judged output), each name's first definition.
"""

from __future__ import annotations

import ast
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from afterburner.core.errors import UsageError
from afterburner.datasets.formats.common import read_text
from afterburner.datasets.model import Dataset

FENCE = re.compile(r"^```[ \t]*([\w+-]*)[^\n]*\n(.*?)^```", re.DOTALL | re.MULTILINE)
PYTHON_FENCES = ("", "python", "py", "python3")
KEPT = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign)


@dataclass(frozen=True)
class Candidate:
    problem_id: str
    language: str
    code: str
    iteration: int = 0
    sample_id: int = 0
    # An evalplus `completion`: the code continues the problem's prompt (`with_prompts` puts it in front).
    completes_prompt: bool = False


def _names(node: ast.stmt) -> list[str]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        return []
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [node.name]
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]  # type: ignore[attr-defined]
    return [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]


def sanitize(code: str) -> str:
    """Top-level imports, classes, functions and assignments only, each name's first definition.

    Code that does not parse comes back unchanged: judging reports its error.
    """
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return code
    lines = code.splitlines()
    seen: set[str] = set()
    kept: list[str] = []
    for node in tree.body:
        if not isinstance(node, KEPT):
            continue
        names = _names(node)
        if names and all(name in seen for name in names):
            continue
        seen.update(names)
        decorators = getattr(node, "decorator_list", [])
        start = min([node.lineno, *(d.lineno for d in decorators)]) - 1
        kept.append("\n".join(lines[start : node.end_lineno]))
    return "\n".join(kept) + "\n" if kept else code


def _parses(code: str) -> bool:
    try:
        ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def fenced_code(text: str) -> str | None:
    """The code of a Markdown answer's Python block: the longest that parses (the first on a tie), else
    the first Python block; None when the text has no fenced Python block."""
    blocks: list[str] = [code for tag, code in FENCE.findall(text) if tag.lower() in PYTHON_FENCES]
    if not blocks:
        return None
    valid = [code for code in blocks if _parses(code)]
    if not valid:
        return blocks[0]
    return max(valid, key=lambda code: sum(1 for line in code.splitlines() if line.strip()))


def _evalplus_code(text: str) -> tuple[str, bool]:
    """(code, whether it still needs the prompt in front) of an evalplus sample's text."""
    code = fenced_code(text)
    if code is None:
        return text, False
    return sanitize(code), True


def _candidate(row: Any, per_task: Counter[str]) -> Candidate:
    if not isinstance(row, dict):
        raise TypeError(f"a row is a JSON object, not {type(row).__name__}")
    if "problem_id" in row or "task_id" not in row:
        return Candidate(
            problem_id=str(row["problem_id"]),
            language=str(row.get("language", "python")),
            code=str(row["code"]),
            iteration=int(row.get("iteration", 0)),
            sample_id=int(row.get("sample_id", 0)),
        )
    # evalplus: {task_id, solution} or {task_id, completion}; evalplus numbers a task's samples in order.
    task = str(row["task_id"])
    sample = per_task[task]
    per_task[task] += 1
    if "solution" in row:
        return Candidate(task, "python", _evalplus_code(str(row["solution"]))[0], sample_id=sample)
    code, whole = _evalplus_code(str(row["completion"]))
    # A fenced chat answer restates the function: it is the program. A plain completion continues the prompt.
    complete = whole and any(isinstance(n, ast.FunctionDef | ast.ClassDef) for n in _body(code))
    return Candidate(task, "python", code, sample_id=sample, completes_prompt=not complete)


def _body(code: str) -> list[ast.stmt]:
    try:
        return ast.parse(code).body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []


def read_candidates(path: Path) -> list[Candidate]:
    """Read a JSONL file (gzipped when it ends in .gz); a bad line is reported with its number, never skipped."""
    if not path.is_file():
        raise UsageError(f"no such candidates file: {path}")
    found = []
    per_task: Counter[str] = Counter()
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            found.append(_candidate(json.loads(line), per_task))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise UsageError(
                f"{path}:{number}: bad candidate row ({type(error).__name__}: {error})",
                'each line needs {"problem_id": ..., "language": ..., "code": ...}, or evalplus\' '
                '{"task_id": ..., "solution": ...} or {"task_id": ..., "completion": ...}',
            ) from error
    if not found:
        raise UsageError(f"no candidates in {path}")
    return found


def with_prompts(candidates: Sequence[Candidate], dataset: Dataset) -> list[Candidate]:
    """Put each problem's prompt in front of the evalplus completions, as evalplus does (`prompt + completion`)."""
    done = []
    for candidate in candidates:
        if candidate.completes_prompt:
            try:
                prompt = dataset.get(candidate.problem_id).starters.get(candidate.language, "")
            except KeyError as error:
                raise UsageError(f"candidate for unknown problem {candidate.problem_id!r} in {dataset.name}") from error
            candidate = replace(candidate, code=prompt + candidate.code, completes_prompt=False)
        done.append(candidate)
    return done
