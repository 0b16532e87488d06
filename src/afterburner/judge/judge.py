"""Judge programs on a list of tests: a verdict per test, aggregate verdict and metrics.

`judge_batch` measures several programs together, interleaved round-robin (A B C A B C ...),
so slow drift of the machine spreads evenly instead of becoming a ranking. Every measured pass
must pass: a later pass that fails gives its verdict and marks the result flaky. With
valgrind, verdicts and times come from native passes and one extra pass counts instructions
under limits scaled by `VALGRIND_SLOWDOWN`, so a limit means what it means natively.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from afterburner.core.limits import Limits
from afterburner.core.results import RunResult
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict, most_severe
from afterburner.judge.checkers import BatchChecker, Checker, EvaluatorFailure, tokens
from afterburner.judge.compiler import CompileResult, Program, compile_source
from afterburner.judge.stats import DEFAULT_ESTIMATOR, Estimator, Spread, estimate
from afterburner.languages.base import Language
from afterburner.sandbox.runner import SandboxOptions

EXCERPT = 300
METRICS = ("cpu_time", "wall_time", "peak_memory", "memory_integral", "instructions")
# A program under callgrind runs 20-100x slower than natively; its limits are scaled by this.
VALGRIND_SLOWDOWN = 100.0


@dataclass(frozen=True)
class TestOutcome:
    index: int
    verdict: Verdict
    run: RunResult
    detail: str = ""  # for WA: what was expected and what came out, truncated

    __test__ = False  # not a pytest test class


@dataclass(frozen=True)
class JudgeResult:
    """Verdict and metrics of one program over a test list.

    Metrics are totals over tests (peak memory: the maximum), summarized over the measured
    passes by `estimator`; `spread` holds median/MAD per metric when repeat > 1. `flaky`: the
    first pass passed but a later one did not (the verdict is the later one's). `unmeasured`
    says why a metric is None although the program passed.
    """

    verdict: Verdict
    compile: CompileResult
    tests: list[TestOutcome] = field(default_factory=list)
    metrics: dict[str, float | None] = field(default_factory=dict)
    spread: dict[str, Spread] = field(default_factory=dict)
    samples: dict[str, list[float]] = field(default_factory=dict)  # per metric, one total per measured pass
    flaky: bool = False
    estimator: str = DEFAULT_ESTIMATOR
    unmeasured: dict[str, str] = field(default_factory=dict)

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
            "estimator": self.estimator,
            "flaky": self.flaky,
            "unmeasured": self.unmeasured,
            "samples": self.samples,
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


def _ran(program: Program, test: TestCase, limits: Limits, options: SandboxOptions, index: int) -> TestOutcome:
    """Run one test: OK when the program ran cleanly (its output not yet checked), else its failure."""
    language = program.language
    result = program.run(test.input, limits, options)
    verdict, detail = result.verdict, result.message
    if verdict is Verdict.RTE and any(marker in result.stderr_text for marker in language.memory_errors):
        verdict, detail = Verdict.MLE, "the runtime ran out of memory"
    if verdict in (Verdict.RTE, Verdict.MLE) and result.stderr:
        detail = f"{detail}\n{_excerpt(result.stderr_text[-2000:])}".strip()
    return TestOutcome(index, verdict, result, detail)


def _checked(outcome: TestOutcome, test: TestCase, accepted: bool) -> TestOutcome:
    if accepted:
        return replace(outcome, verdict=Verdict.AC)
    got = outcome.run.stdout_text
    detail = f"input: {_excerpt(test.input)!r}\nexpected: {_excerpt(test.output)!r}\ngot: {_excerpt(got)!r}"
    return replace(outcome, verdict=Verdict.WA, detail=detail)


def judge_test(
    program: Program, test: TestCase, checker: Checker, limits: Limits, options: SandboxOptions, index: int = 0
) -> TestOutcome:
    """Run one test and decide its verdict."""
    outcome = _ran(program, test, limits, options, index)
    if outcome.verdict is not Verdict.OK:
        return outcome
    return _checked(outcome, test, checker(test.output, outcome.run.stdout_text))


def _check_batch(outcomes: list[TestOutcome], tests: Sequence[TestCase], checker: BatchChecker) -> list[TestOutcome]:
    """Decide the clean runs of a pass with one call of a batch checker; a failing checker gives IE."""
    clean = [o for o in outcomes if o.verdict is Verdict.OK]
    try:
        accepted = checker.check_batch([(tests[o.index].output, o.run.stdout_text) for o in clean])
    except EvaluatorFailure as error:
        return [replace(o, verdict=Verdict.IE, detail=str(error)) if o.verdict is Verdict.OK else o for o in outcomes]
    decided = {o.index: _checked(o, tests[o.index], ok) for o, ok in zip(clean, accepted, strict=True)}
    return [decided.get(o.index, o) for o in outcomes]


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


@dataclass(frozen=True)
class JudgeItem:
    """One program of a batch: what to compile and the tests it is judged on."""

    language: Language
    source: str
    tests: Sequence[TestCase]
    checker: Checker = tokens


@dataclass
class _Entry:
    """A batch member while it is being measured."""

    item: JudgeItem
    compiled: CompileResult
    outcomes: list[TestOutcome] = field(default_factory=list)  # the pass that decides the verdict
    passes: list[dict[str, float | None]] = field(default_factory=list)
    verdict: Verdict = Verdict.AC
    flaky: bool = False
    unmeasured: dict[str, str] = field(default_factory=dict)

    @property
    def measuring(self) -> bool:
        return self.verdict is Verdict.AC and self.compiled.program is not None


def run_pass(
    program: Program,
    item: JudgeItem,
    limits: Limits,
    options: SandboxOptions,
    stop_on_failure: bool = True,
    on_test: Callable[[TestOutcome], None] | None = None,
) -> list[TestOutcome]:
    """One pass over the item's tests (stopping at the first failure unless told otherwise).

    A batch checker (a sandboxed evaluator) decides all outputs of the pass in one run, after it.
    """
    batch = item.checker if isinstance(item.checker, BatchChecker) else None
    outcomes: list[TestOutcome] = []
    for index, test in enumerate(item.tests):
        if batch is None:
            outcome = judge_test(program, test, item.checker, limits, options, index)
        else:
            outcome = _ran(program, test, limits, options, index)
        outcomes.append(outcome)
        if batch is None and on_test:
            on_test(outcome)
        if stop_on_failure and outcome.verdict not in (Verdict.AC, Verdict.OK):
            break
    if batch is not None:
        outcomes = _check_batch(outcomes, item.tests, batch)
        if stop_on_failure:
            failed = next((i for i, o in enumerate(outcomes) if o.verdict is not Verdict.AC), None)
            outcomes = outcomes if failed is None else outcomes[: failed + 1]
        for outcome in outcomes:
            if on_test:
                on_test(outcome)
    return outcomes


def _native(options: SandboxOptions) -> SandboxOptions:
    return replace(options, instructions="off") if options.instructions == "valgrind" else options


def _measured_pass(entry: _Entry, limits: Limits, options: SandboxOptions) -> None:
    """A later pass: it must pass too, or its verdict becomes the entry's (flaky)."""
    assert entry.compiled.program is not None
    outcomes = run_pass(entry.compiled.program, entry.item, limits, _native(options))
    verdict = most_severe(o.verdict for o in outcomes)
    if verdict is Verdict.AC:
        entry.passes.append(_totals(outcomes))
        return
    entry.verdict, entry.outcomes = verdict, outcomes
    entry.flaky = verdict is not Verdict.IE  # the sandbox failing is ours, not the program's


def valgrind_limits(limits: Limits) -> Limits:
    """Limits under callgrind: the native ones scaled by VALGRIND_SLOWDOWN (within Limits' bounds)."""
    return limits.with_(
        cpu_time=min(3600.0, limits.cpu_time * VALGRIND_SLOWDOWN),
        wall_time=min(7200.0, limits.effective_wall_time * VALGRIND_SLOWDOWN),
    )


def _count_instructions(entry: _Entry, limits: Limits, options: SandboxOptions) -> float | None:
    """One pass under valgrind (counts are deterministic); None, with the reason, if it fails."""
    assert entry.compiled.program is not None
    outcomes = run_pass(entry.compiled.program, entry.item, valgrind_limits(limits), options)
    verdict = most_severe(o.verdict for o in outcomes)
    total = _totals(outcomes)["instructions"]
    if verdict is not Verdict.AC or total is None:
        reason = outcomes[-1].run.message if outcomes else "no tests"
        entry.unmeasured["instructions"] = f"the valgrind pass gave {verdict.value}: {reason}".strip(": ")
        return None
    return total


def run_samples(results: Sequence[RunResult]) -> dict[str, list[float]]:
    """Per metric, one value per run; a metric some run lacks is left out."""
    return {
        name: [float(getattr(r, name)) for r in results]
        for name in METRICS
        if all(getattr(r, name) is not None for r in results)
    }


def spreads(samples: dict[str, list[float]]) -> dict[str, Spread]:
    """Median, MAD and range per metric."""
    return {name: Spread.of(values) for name, values in samples.items()}


def _result(entry: _Entry, estimator: Estimator, repeat: int) -> JudgeResult:
    if entry.verdict is not Verdict.AC:
        return JudgeResult(entry.verdict, entry.compiled, entry.outcomes, flaky=entry.flaky, estimator=estimator)
    passes = entry.passes
    samples = {name: [p[name] or 0.0 for p in passes] for name in METRICS if all(p[name] is not None for p in passes)}
    metrics: dict[str, float | None] = {
        name: (estimate(samples[name], estimator) if name in samples else None) for name in METRICS
    }
    spread = spreads(samples) if repeat > 1 else {}
    return JudgeResult(
        entry.verdict, entry.compiled, entry.outcomes, metrics, spread, samples, False, estimator, entry.unmeasured
    )


def judge_batch(
    items: Sequence[JudgeItem],
    limits: Limits | None = None,
    options: SandboxOptions | None = None,
    repeat: int = 1,
    estimator: Estimator = DEFAULT_ESTIMATOR,
    stop_on_failure: bool = True,
    on_test: Callable[[TestOutcome], None] | None = None,
) -> list[JudgeResult]:
    """Judge several programs under the same conditions: passes interleaved round-robin.

    Pass 1 of every program decides correctness (A B C); passes 2..repeat of the programs that
    passed follow round by round (A B C A B C ...). With valgrind, one more pass per passing
    program counts instructions (scaled limits); all other passes run natively.
    """
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    limits = limits or Limits()
    options = options or SandboxOptions()
    entries = [_Entry(item, compile_source(item.language, item.source)) for item in items]
    for entry in entries:
        program = entry.compiled.program
        if not entry.compiled.ok or program is None:
            entry.verdict = Verdict.CE
            continue
        entry.outcomes = run_pass(program, entry.item, limits, _native(options), stop_on_failure, on_test)
        entry.verdict = most_severe(o.verdict for o in entry.outcomes)
        if entry.verdict is Verdict.AC:
            entry.passes.append(_totals(entry.outcomes))
    for _ in range(repeat - 1):
        for entry in entries:
            if entry.measuring:
                _measured_pass(entry, limits, options)
    if options.instructions == "valgrind":
        for entry in entries:
            if entry.measuring:
                count = _count_instructions(entry, limits, options)
                for totals in entry.passes:
                    totals["instructions"] = count
    return [_result(entry, estimator, repeat) for entry in entries]


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
    estimator: Estimator = DEFAULT_ESTIMATOR,
) -> JudgeResult:
    """Compile (cached), run every test, check; with repeat > 1, re-measure passing programs.

    The first pass decides correctness; passes 2..repeat measure and must pass too, so the
    reported metrics summarize `repeat` full passes and `spread` says how much they moved.
    """
    item = JudgeItem(language, source, tests, checker)
    return judge_batch([item], limits, options, repeat, estimator, stop_on_failure, on_test)[0]
