"""Rows in the Venus schema (Elfsong/Venus_Python, raw Elfsong/Venus) from JSONL, Parquet or the HF hub.

Venus_Python rows are Python-only and function-style; our extension accepts per-language
dicts for `code_prompt` and `test_case_runners`, and a `language` field on solutions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.core.testcase import TestCase
from afterburner.datasets.model import Dataset, Issue, Problem, Solution, Style, validate

REQUIRED = ("problem_id", "question_content", "test_case_generator", "test_case_evaluator", "solutions")


def _per_language(value: Any, default_language: str) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {default_language: value} if value.strip() else {}
    return {str(k): str(v) for k, v in dict(value).items() if v}


def _tests(value: Any) -> tuple[TestCase, ...]:
    rows = json.loads(value) if isinstance(value, str) else (value or [])
    return tuple(TestCase(str(row["input"]), str(row["output"])) for row in rows)


def _solutions(rows: Iterable[Mapping[str, Any]], origin: str, language: str) -> tuple[Solution, ...]:
    found = []
    for index, row in enumerate(rows):
        passed = row.get("passed", True) and row.get("status", "success") in ("success", "pass", "passed", True)
        if row.get("code") and passed:
            found.append(Solution(str(row.get("language", language)), str(row["code"]), str(index), origin))
    return tuple(found)


def problem_from_row(row: Mapping[str, Any], origin: str, language: str = "python") -> Problem:
    """A Venus_Python-style row; raises KeyError/ValueError when a required field is absent."""
    missing = [name for name in REQUIRED if name not in row or row[name] in (None, "")]
    if missing:
        raise KeyError(f"missing fields: {', '.join(missing)}")
    runners = _per_language(row.get("test_case_runners"), language)
    return Problem(
        id=str(row["problem_id"]),
        title=str(row.get("title", "")),
        description=str(row["question_content"]),
        difficulty=str(row.get("difficulty", "")),
        tags=tuple(row.get("tags") or ()),
        style=Style.FUNCTION if runners else Style.PROGRAM,
        generator=str(row["test_case_generator"]),
        evaluator=str(row["test_case_evaluator"]),
        tests=_tests(row.get("test_cases")),
        solutions=_solutions(row["solutions"], origin, language),
        starters=_per_language(row.get("code_prompt"), language),
        runners=runners,
        origin=origin,
    )


def raw_venus_row(row: Mapping[str, Any], language: str) -> Mapping[str, Any]:
    """Map a raw Elfsong/Venus row (question_id, name, content, rt_list, ...) to the Venus_Python keys.

    Raw rows carry no generator or evaluator, so they load as problems with issues: useful for
    their human solutions (training data), not for judging.
    """
    solutions = [*(row.get("rt_list") or []), *(row.get("mm_list") or [])]
    return {
        "problem_id": row.get("question_id", row.get("problem_id")),
        "title": row.get("name", row.get("title", "")),
        "question_content": row.get("content", row.get("question_content")),
        "difficulty": row.get("difficulty", ""),
        "tags": row.get("topics", row.get("tags")),
        "code_prompt": row.get("code_prompt"),
        "test_case_generator": row.get("test_case_generator"),
        "test_case_evaluator": row.get("test_case_evaluator"),
        "test_case_runners": row.get("test_case_runners"),
        "test_cases": row.get("test_cases"),
        "solutions": [{"code": s.get("code"), "language": language} for s in solutions if isinstance(s, Mapping)],
    }


def dataset_from_rows(rows: Iterable[Mapping[str, Any]], name: str, language: str = "python") -> Dataset:
    problems: list[Problem] = []
    issues: list[Issue] = []
    for index, row in enumerate(rows):
        if "question_id" in row and "problem_id" not in row:
            row = raw_venus_row(row, language)
        row_id = str(row.get("problem_id", f"row {index}"))
        try:
            problem = problem_from_row(row, name, language)
        except (KeyError, ValueError, TypeError, json.JSONDecodeError) as error:
            issues.append(Issue(row_id, f"malformed row: {error}"))
            continue
        problems.append(problem)
        issues.extend(validate(problem))
    return Dataset(name, tuple(problems), tuple(issues))


def read_local(path: Path) -> Dataset:
    """A local .jsonl or .parquet file of Venus-schema rows."""
    if not path.exists():
        raise UsageError(f"no such dataset file: {path}")
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    elif path.suffix == ".parquet":
        import pyarrow.parquet as pq

        rows = pq.read_table(path).to_pylist()
    else:
        raise UsageError(f"unknown dataset file type {path.suffix!r}", "use .jsonl or .parquet")
    return dataset_from_rows(rows, path.name)


def read_hub(repo: str, split: str = "test", config: str | None = None, language: str = "python") -> Dataset:
    """Load from the Hugging Face hub through `datasets` (needs network and `pip install afterburner[hf]`)."""
    try:
        import datasets
    except ImportError as error:
        raise UsageError(
            "loading from the Hugging Face hub needs the datasets package", "pip install 'afterburner[hf]'"
        ) from error
    try:
        rows = datasets.load_dataset(repo, config, split=split)
    except (ConnectionError, OSError) as error:
        raise AfterburnerError(
            f"cannot load {repo} from the Hugging Face hub: {error}",
            "this looks offline: download the rows elsewhere and pass the .jsonl/.parquet file",
        ) from error
    return dataset_from_rows(rows, repo, language)
