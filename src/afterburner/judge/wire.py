"""Judge batches and results as JSON, for a judge on another machine (the service, its client).

What crosses the wire is data only: language names, sources, tests, limits, checker specs.
A custom evaluator arrives as source code and is run in the sandbox on the receiving side
(`SandboxedEvaluator`), unless the receiver says it trusts that exact source (its own bundled
evaluators): code from the network never runs in the judge's process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import asdict, fields
from typing import Any

from afterburner.core.errors import UsageError
from afterburner.core.limits import Limits
from afterburner.core.measured import Measured
from afterburner.core.results import run_result_from_dict
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.judge.checkers import Checker, Evaluator, FloatTolerance, SandboxedEvaluator, exact, tokens
from afterburner.judge.compiler import CompileResult
from afterburner.judge.executor import JudgeBatch
from afterburner.judge.judge import JudgeItem, JudgeResult, TestOutcome
from afterburner.judge.measurement import Measurement
from afterburner.judge.stats import Spread
from afterburner.languages.registry import get_language
from afterburner.sandbox.runner import SandboxOptions

MAX_ITEMS = 256  # programs in one batch
BATCH_FIELDS = frozenset({"items", "tests", "limits", "options", "measurement", "stop_on_failure"})


def source_digest(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()


def checker_to_dict(checker: Checker) -> dict[str, Any]:
    """A checker as data: tokens, exact, float (tolerance) or evaluator (source)."""
    if checker is tokens:
        return {"kind": "tokens"}
    if checker is exact:
        return {"kind": "exact"}
    if isinstance(checker, FloatTolerance):
        return {"kind": "float", "tolerance": checker.tolerance}
    if isinstance(checker, Evaluator | SandboxedEvaluator):
        return {"kind": "evaluator", "source": checker.source}
    raise UsageError(f"checker {checker!r} cannot be sent to another judge", "use tokens, exact, float or evaluate()")


def checker_from_dict(data: Mapping[str, Any], trusted: Callable[[str], bool] = lambda digest: False) -> Checker:
    """The checker a spec names; an evaluator runs sandboxed unless `trusted(sha256 of its source)`."""
    kind = data.get("kind", "tokens")
    if kind == "tokens":
        return tokens
    if kind == "exact":
        return exact
    if kind == "float":
        return FloatTolerance(float(data.get("tolerance", 1e-6)))
    if kind == "evaluator":
        source = data.get("source")
        if not isinstance(source, str) or not source.strip():
            raise UsageError("an evaluator checker needs its source", "send {kind: evaluator, source: ...}")
        return Evaluator(source) if trusted(source_digest(source)) else SandboxedEvaluator(source)
    raise UsageError(f"unknown checker kind {kind!r}", "use tokens, exact, float or evaluator")


def limits_from_dict(data: Mapping[str, Any] | None) -> Limits:
    known = {f.name for f in fields(Limits)}
    unknown = set(data or {}) - known
    if unknown:
        raise UsageError(f"unknown limits {', '.join(sorted(unknown))}", f"use {', '.join(sorted(known))}")
    return Limits(**dict(data or {}))


def options_to_dict(options: SandboxOptions) -> dict[str, Any]:
    """Only what a caller may choose of the sandbox: how often to sample memory."""
    return {"sample_hz": options.sample_hz}


def options_from_dict(data: Mapping[str, Any] | None) -> SandboxOptions:
    data = data or {}
    sample_hz = int(data.get("sample_hz", 10_000))
    if not 10 <= sample_hz <= 50_000:
        raise UsageError("sample_hz must be 10 .. 50000")
    return SandboxOptions(sample_hz=sample_hz)


def batch_to_dict(batch: JudgeBatch) -> dict[str, Any]:
    """A batch as JSON-ready data; test lists shared by several programs are sent once."""
    tables: list[list[dict[str, str]]] = []
    index_of: dict[int, int] = {}
    items = []
    for item in batch.items:
        table = index_of.get(id(item.tests))
        if table is None:
            table = index_of[id(item.tests)] = len(tables)
            tables.append([{"input": t.input, "output": t.output} for t in item.tests])
        items.append(
            {
                "language": item.language.name,
                "source": item.source,
                "tests": table,
                "checker": checker_to_dict(item.checker),
            }
        )
    return {
        "items": items,
        "tests": tables,
        "limits": asdict(batch.limits),
        "options": options_to_dict(batch.options),
        "measurement": batch.measurement.to_dict(),
        "stop_on_failure": batch.stop_on_failure,
    }


def _tests(table: Any) -> tuple[TestCase, ...]:
    if not isinstance(table, list) or not all(isinstance(t, dict) for t in table):
        raise UsageError("tests must be a list of {input, output}")
    try:
        return tuple(TestCase(str(t["input"]), str(t.get("output", ""))) for t in table)
    except KeyError as error:
        raise UsageError("every test needs an input") from error


def batch_from_dict(data: Mapping[str, Any], trusted: Callable[[str], bool] = lambda digest: False) -> JudgeBatch:
    """A batch from `batch_to_dict`'s data, validated (UsageError says what is wrong)."""
    unknown = set(data) - BATCH_FIELDS
    if unknown:  # e.g. an older client's top-level repeat: measured otherwise than it asked, so refused
        raise UsageError(f"unknown batch fields {', '.join(sorted(unknown))}", f"use {', '.join(sorted(BATCH_FIELDS))}")
    raw_items, tables = data.get("items"), data.get("tests", [])
    if not isinstance(raw_items, list) or not raw_items:
        raise UsageError("a batch needs a non-empty list of items")
    if len(raw_items) > MAX_ITEMS:
        raise UsageError(f"a batch holds at most {MAX_ITEMS} programs")
    if not isinstance(tables, list):
        raise UsageError("tests must be a list of test lists")
    test_lists = [_tests(table) for table in tables]
    items = []
    for raw in raw_items:
        tests = raw.get("tests") if isinstance(raw, dict) else None
        if isinstance(tests, int) and 0 <= tests < len(test_lists):
            chosen = test_lists[tests]
        elif isinstance(tests, list):
            chosen = _tests(tests)
        else:
            raise UsageError("each item needs tests: an index into the batch's tests, or a list")
        source = raw.get("source")
        if not isinstance(source, str):
            raise UsageError("each item needs its source as a string")
        checker = checker_from_dict(raw.get("checker") or {}, trusted)
        items.append(JudgeItem(get_language(str(raw.get("language", ""))), source, chosen, checker))
    return JudgeBatch(
        tuple(items),
        limits_from_dict(data.get("limits")),
        Measurement.from_dict(data.get("measurement")),
        bool(data.get("stop_on_failure", True)),
        options_from_dict(data.get("options")),
    )


def result_to_dict(result: JudgeResult) -> dict[str, Any]:
    """A result with every test's run (output truncated), enough to rebuild it on the other side."""
    data = result.to_dict()
    data["tests"] = [
        {"index": t.index, "verdict": t.verdict.value, "detail": t.detail, "run": t.run.to_dict()} for t in result.tests
    ]
    return data


def result_from_dict(data: Mapping[str, Any]) -> JudgeResult:
    compiled = data.get("compile", {})
    return JudgeResult(
        compile=CompileResult(
            bool(compiled.get("ok")), None, str(compiled.get("message", "")), bool(compiled.get("cached"))
        ),
        measured=Measured.from_dict(data),
        tests=[
            TestOutcome(
                int(t["index"]), Verdict(t["verdict"]), run_result_from_dict(t["run"]), str(t.get("detail", ""))
            )
            for t in data.get("tests", [])
        ],
        spread={name: Spread(**values) for name, values in data.get("spread", {}).items()},
    )
