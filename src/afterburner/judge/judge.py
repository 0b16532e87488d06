"""Judge a program on a list of tests: a verdict per test, aggregate verdict and metrics."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from afterburner.core.limits import Limits
from afterburner.core.results import RunResult
from afterburner.core.verdicts import Verdict, most_severe
from afterburner.judge.checkers import Checker, tokens
from afterburner.judge.compiler import CompileResult, Program, compile_source
from afterburner.judge.stats import Spread
from afterburner.languages.base import Language
from afterburner.sandbox.runner import SandboxOptions, run

EXCERPT = 300
METRICS = ("cpu_time", "wall_time", "peak_memory", "memory_integral", "instructions")


@dataclass(frozen=True)
class TestCase:
    input: str
    output: str

    __test__ = False  # not a pytest test class


@dataclass(frozen=True)
class TestOutcome:
    index: int
    verdict: Verdict
    run: RunResult
    detail: str = ""  # for WA: what was expected and what came out, truncated


@dataclass(frozen=True)
class JudgeResult:
    """Verdict and metrics of one program over a test list.

    Metrics are totals over tests (peak memory: the maximum), taken as the median over
    `repeat` measured passes; `spread` holds median/MAD per metric when repeat > 1.
    """

    verdict: Verdict
    compile: CompileResult
    tests: list[TestOutcome] = field(default_factory=list)
    metrics: dict[str, float | None] = field(default_factory=dict)
    spread: dict[str, Spread] = field(default_factory=dict)
    samples: dict[str, list[float]] = field(default_factory=dict)  # per metric, one total per measured pass

    @property
    def passed(self) -> bool:
        return self.verdict is Verdict.AC

    @property
    def first_failure(self) -> TestOutcome | None:
        return next((t for t in self.tests if t.verdict is not Verdict.AC), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict.value,
            "compile": {"ok": self.compile.ok, "cached": self.compile.cached, "message": self.compile.message},
            "metrics": self.metrics,
            "spread": {name: vars(spread) for name, spread in self.spread.items()},
            "tests": [
                {"index": t.index, "verdict": t.verdict.value, "detail": t.detail, **_run_metrics(t.run)}
                for t in self.tests
            ],
        }


def _run_metrics(result: RunResult) -> dict[str, Any]:
    return {name: getattr(result, name) for name in METRICS}


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[:EXCERPT] + f"... ({len(text)} chars)"


def judge_test(
    program: Program, test: TestCase, checker: Checker, limits: Limits, options: SandboxOptions, index: int = 0
) -> TestOutcome:
    """Run one test and decide its verdict."""
    language = program.language
    limits = language.limits_for(limits)
    result = run(program.argv(limits), program.files, limits, stdin=test.input, options=options)
    verdict = result.verdict
    detail = result.message
    if verdict is Verdict.RTE and any(marker in result.stderr_text for marker in language.memory_errors):
        verdict, detail = Verdict.MLE, "the runtime ran out of memory"
    elif verdict is Verdict.OK:
        actual = result.stdout_text
        if checker(test.output, actual):
            verdict = Verdict.AC
        else:
            verdict = Verdict.WA
            detail = f"input: {_excerpt(test.input)!r}\nexpected: {_excerpt(test.output)!r}\ngot: {_excerpt(actual)!r}"
    if verdict in (Verdict.RTE, Verdict.MLE) and result.stderr:
        detail = f"{detail}\n{_excerpt(result.stderr_text[-2000:])}".strip()
    return TestOutcome(index, verdict, result, detail)


def _totals(outcomes: Sequence[TestOutcome]) -> dict[str, float | None]:
    runs = [o.run for o in outcomes]
    integrals = [r.memory_integral for r in runs]
    instructions = [r.instructions for r in runs]
    return {
        "cpu_time": sum(r.cpu_time for r in runs),
        "wall_time": sum(r.wall_time for r in runs),
        "peak_memory": float(max((r.peak_memory for r in runs), default=0)),
        "memory_integral": None if None in integrals else sum(i or 0.0 for i in integrals),
        "instructions": None if None in instructions else float(sum(i or 0 for i in instructions)),
    }


def judge(
    language: Language,
    source: str,
    tests: Sequence[TestCase],
    checker: Checker = tokens,
    limits: Limits | None = None,
    options: SandboxOptions | None = None,
    stop_on_failure: bool = True,
    repeat: int = 1,
    on_test: Callable[[TestOutcome], None] | None = None,
) -> JudgeResult:
    """Compile (cached), run every test, check; with repeat > 1, re-measure passing programs.

    The first pass decides correctness; passes 2..repeat only measure, so the reported
    metrics are medians over `repeat` full passes and `spread` says how much they moved.
    """
    limits = limits or Limits()
    options = options or SandboxOptions()
    compiled = compile_source(language, source)
    if not compiled.ok or compiled.program is None:
        return JudgeResult(Verdict.CE, compiled)
    program = compiled.program
    outcomes: list[TestOutcome] = []
    for index, test in enumerate(tests):
        outcome = judge_test(program, test, checker, limits, options, index)
        outcomes.append(outcome)
        if on_test:
            on_test(outcome)
        if stop_on_failure and outcome.verdict is not Verdict.AC:
            break
    verdict = most_severe(o.verdict for o in outcomes)
    passes = [_totals(outcomes)]
    if verdict is Verdict.AC:
        for _ in range(repeat - 1):
            again = [judge_test(program, test, checker, limits, options, i) for i, test in enumerate(tests)]
            passes.append(_totals(again))
    samples = {name: [p[name] or 0.0 for p in passes] for name in METRICS if all(p[name] is not None for p in passes)}
    spread = {name: Spread.of(values) for name, values in samples.items()}
    metrics: dict[str, float | None] = {name: (spread[name].median if name in spread else None) for name in METRICS}
    return JudgeResult(verdict, compiled, outcomes, metrics, spread if repeat > 1 else {}, samples)
