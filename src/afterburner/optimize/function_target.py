"""`optimize path/module.py::function --tests FILE`: one function of your module as the problem.

The calls come from FILE (`datasets.own_function.read_calls`). A call without an expected value
gets what the original function returns, run in the sandbox exactly as it will be judged; then
the original is judged on every call, so a function that fails its own tests stops the run before
a model is asked anything. The loop rewrites the function alone (pasted where it was, in a copy of
the module); `write_best_function` writes the best back into a copy of the module, with a diff.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from afterburner.core.errors import UsageError
from afterburner.core.limits import Limits
from afterburner.datasets.judging import judge_solution
from afterburner.datasets.model import Dataset, Problem, clip_keeping_last_line
from afterburner.datasets.own_function import (
    Call,
    FoundCalls,
    call_input,
    extract_function,
    function_problem,
    missing_expected,
    original_program,
    parse_target,
    read_calls,
    splice_function,
)
from afterburner.evaluation.changes import ProblemChange
from afterburner.judge.compiler import compile_source
from afterburner.judge.measurement import Measurement
from afterburner.languages import get_language
from afterburner.optimize.best_version import write_best

CHECK = Measurement(1, metric="cpu_time", counter="off")  # a verdict, not a figure


@dataclass(frozen=True)
class FunctionTarget:
    """Your module, the function in it, the calls found, and the one-problem dataset built from them."""

    path: Path
    function: str
    module_source: str
    calls: FoundCalls
    dataset: Dataset

    @property
    def problem(self) -> Problem:
        return self.dataset.problems[0]

    @property
    def original(self) -> str:
        """The function's own source: the start, and what a rewrite replaces."""
        return self.problem.solutions[0].code


def _read_module(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(f"{path} is not UTF-8 text (byte {error.start})", "save it as UTF-8") from error


def record_expected(module_source: str, function: str, calls: list[Call], where: str) -> dict[int, str]:
    """What the original returns for each call that has no expected value (run in the sandbox)."""
    wanted = missing_expected(calls)
    if not wanted:
        return {}
    compiled = compile_source(get_language("python"), original_program(module_source, function, where=where))
    if compiled.program is None:
        raise UsageError(f"{where} does not compile in the sandbox: {clip_keeping_last_line(compiled.message, 400)}")
    recorded: dict[int, str] = {}
    for index in wanted:
        result = compiled.program.run(call_input(calls[index]).encode(), Limits())
        if not result.verdict.passed:
            detail = clip_keeping_last_line(result.stderr_text or result.message, 400)
            raise UsageError(
                f"the original {function} fails on call {index + 1} ({result.verdict.value}): {detail}",
                "fix the function or the call before optimizing it",
            )
        recorded[index] = result.stdout_text
    return recorded


def function_target(spec: str, tests: Path | None) -> FunctionTarget:
    """Parse `path::function`, read its calls, record missing expected values, check the original passes."""
    path, function = parse_target(spec)
    if tests is None:
        raise UsageError(
            f"{spec} needs calls to check a rewrite: --tests calls.json or --tests test_{path.stem}.py",
            'a JSON list of {"args": [...], "kwargs": {...}, "expected": ...} or a pytest file',
        )
    source = _read_module(path)
    extract_function(source, function, where=str(path))  # a clear error before anything runs
    found = read_calls(tests, function)
    calls = list(found.calls)
    expected = record_expected(source, function, calls, str(path))
    dataset = function_problem(path, source, function, calls, expected)
    target = FunctionTarget(path, function, source, found, dataset)
    checked = judge_solution(target.problem, "python", target.original, target.problem.tests, CHECK)
    if not checked.passed:
        failed = checked.first_failure
        where_failed = f"call {failed.index + 1}: {failed.detail}" if failed else checked.compile.message
        raise UsageError(
            f"the original {function} fails its own tests ({checked.verdict.value}) on "
            f"{clip_keeping_last_line(where_failed, 400)}",
            "fix the expected values (or the function) before optimizing it",
        )
    return target


def write_best_function(change: ProblemChange, target: FunctionTarget, out_dir: Path) -> dict[str, Path]:
    """The module with the best version of the function (out/MODULE.py) and a diff against yours (best.diff)."""
    module = splice_function(target.module_source, target.function, change.best_code)
    names = (str(target.path), f"{target.path} (best)")
    return write_best(target.module_source, module, out_dir / target.path.name, names, out_dir)
