"""Standard input/output benchmarks: APPS and CodeContests rows as program-style problems."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from afterburner.core.testcase import TestCase
from afterburner.datasets.formats.common import (
    MAX_POOL,
    TOKENS_EVALUATOR,
    as_json,
    pool_generator,
    require_tests,
)
from afterburner.datasets.model import Problem, Solution, Style

# CodeContests' solution language codes (its Language enum); Java entries name their own classes, not Main.
CODE_CONTESTS_LANGUAGES = {2: "cpp", 3: "python"}


def _problem(
    pid: str, title: str, description: str, difficulty: str, pool: list[TestCase], shown: list[TestCase], **extra: Any
) -> Problem:
    require_tests(pid, len(pool))
    return Problem(
        id=pid,
        title=title,
        description=description,
        difficulty=difficulty,
        style=Style.PROGRAM,
        generator=pool_generator(pool),
        evaluator=TOKENS_EVALUATOR,
        tests=tuple(shown),
        **extra,
    )


def apps_problem(row: Mapping[str, Any], name: str) -> Problem:
    """APPS: `question`, `input_output` {inputs, outputs[, fn_name]}, `solutions` (JSON list of Python 3)."""
    pid = str(row["problem_id"])
    io = as_json(row["input_output"])
    if io.get("fn_name"):
        raise ValueError("call-based APPS problems (fn_name) are not supported; only standard input/output")
    pool = [TestCase(_text(i), _text(o)) for i, o in zip(io["inputs"], io["outputs"], strict=True)][:MAX_POOL]
    codes = as_json(row.get("solutions") or "[]")
    solutions = tuple(Solution("python", str(code), str(index), name) for index, code in enumerate(codes))
    return _problem(
        pid,
        str(row.get("title", "")),
        str(row["question"]),
        str(row.get("difficulty", "")),
        pool,
        [],
        solutions=solutions,
        origin=name,
    )


def _text(value: Any) -> str:
    """APPS stores some inputs and outputs as lists of lines."""
    return "\n".join(map(str, value)) + "\n" if isinstance(value, list) else str(value)


def _tests(block: Any) -> list[TestCase]:
    block = as_json(block) or {}
    return [TestCase(str(i), str(o)) for i, o in zip(block.get("input", []), block.get("output", []), strict=True)]


def code_contests_problem(row: Mapping[str, Any], name: str) -> Problem:
    """CodeContests: public tests shown; private and generated ones make the pool (feedback and scoring)."""
    pid = str(row["name"])
    public = _tests(row.get("public_tests"))
    pool = (_tests(row.get("private_tests")) + _tests(row.get("generated_tests")))[:MAX_POOL]
    block = as_json(row.get("solutions")) or {}
    solutions = tuple(
        Solution(CODE_CONTESTS_LANGUAGES[int(code)], str(text), str(index), name)
        for index, (code, text) in enumerate(zip(block.get("language", []), block.get("solution", []), strict=True))
        if int(code) in CODE_CONTESTS_LANGUAGES
    )
    return _problem(
        pid,
        pid,
        str(row["description"]),
        str(row.get("difficulty", "")),
        pool,
        public[:2],
        solutions=solutions,
        origin=name,
    )
