"""Judge programs on a list of tests: a verdict per test, aggregate verdict and metrics.

`judge_batch` measures several programs together, interleaved round-robin (A B C A B C ...),
so slow drift of the machine spreads evenly instead of becoming a ranking. Every measured pass
must pass: a later pass that fails gives its verdict and marks the result flaky. Verdicts,
times and memory come from native passes; when the settings count instructions, one more pass
per passing program runs under the counter (QEMU or valgrind) with limits scaled by its
slowdown (`counting.count_limits`), so a limit means what it means natively. Counts are
deterministic: one pass suffices, and they are cached per toolchain (`counting.CountCache`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from afterburner.core.limits import Limits
from afterburner.core.measured import Measured
from afterburner.core.metrics import ALL, Metric
from afterburner.core.results import RunResult
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict, most_severe
from afterburner.judge.checkers import BatchChecker, Checker, EvaluatorFailure, tokens
from afterburner.judge.compiler import CompileResult, Program, compile_source
from afterburner.judge.counting import CountCache, count_limits, count_with_zygote, resolve, startup_count
from afterburner.judge.measurement import Measurement
from afterburner.judge.stats import Spread, estimate
from afterburner.languages.base import Language, counting
from afterburner.sandbox.gate import GATE
from afterburner.sandbox.runner import SandboxOptions

EXCERPT = 300
METRICS: tuple[str, ...] = tuple(str(m) for m in ALL)
NATIVE: tuple[str, ...] = tuple(str(m) for m in ALL if m is not Metric.INSTRUCTIONS)


@dataclass(frozen=True)
class TestOutcome:
    index: int
    verdict: Verdict
    run: RunResult
    detail: str = ""  # for WA: what was expected and what came out, truncated

    __test__ = False  # not a pytest test class


@dataclass(frozen=True)
class JudgeResult:
    """A program judged on a test list: how it compiled, each test of the deciding pass, and what
    was measured (`measured`: verdict, figures, per-pass samples, unmeasured reasons, flaky).

    `spread` holds median/MAD per native metric when there was more than one pass.
    """

    compile: CompileResult
    measured: Measured
    tests: list[TestOutcome] = field(default_factory=list)
    spread: dict[str, Spread] = field(default_factory=dict)

    @property
    def verdict(self) -> Verdict:
        return self.measured.verdict

    @property
    def passed(self) -> bool:
        return self.measured.passed

    @property
    def metrics(self) -> dict[str, float | None]:
        return dict(self.measured.figures)

    @property
    def first_failure(self) -> TestOutcome | None:
        return next((t for t in self.tests if t.verdict is not Verdict.AC), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.measured.to_dict(),
            "compile": {"ok": self.compile.ok, "cached": self.compile.cached, "message": self.compile.message},
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


def _tail(text: str, keep: int = 2 * EXCERPT) -> str:
    """The end of an error stream: where a traceback says what went wrong (its last line)."""
    text = text.rstrip()
    return text if len(text) <= keep else f"({len(text) - keep} chars before) ..." + text[-keep:]


def _ran(program: Program, test: TestCase, limits: Limits, options: SandboxOptions, index: int) -> TestOutcome:
    """Run one test: OK when the program ran cleanly (its output not yet checked), else its failure."""
    language = program.language
    result = program.run(test.input, limits, options)
    verdict, detail = result.verdict, result.message
    if verdict is Verdict.RTE and any(marker in result.stderr_text for marker in language.memory_errors):
        verdict, detail = Verdict.MLE, "the runtime ran out of memory"
    if verdict in (Verdict.RTE, Verdict.MLE) and result.stderr:
        detail = f"{detail}\n{_tail(result.stderr_text)}".strip()
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
    """A pass's totals per metric (peak memory: the maximum); None where some run lacks the metric."""
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
    count: float | None = None  # instructions over the tests (exact: one pass)
    net_count: float | None = None  # ... less the language's empty program on as many tests

    @property
    def measuring(self) -> bool:
        return self.verdict is Verdict.AC and self.compiled.program is not None


def _run_tests(
    program: Program,
    item: JudgeItem,
    limits: Limits,
    options: SandboxOptions,
    stop_on_failure: bool,
    on_test: Callable[[TestOutcome], None] | None,
    batch: BatchChecker | None,
) -> list[TestOutcome]:
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
    return outcomes


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
    A timed pass takes the quiet gate (a local model pauses meanwhile); a counting pass needs no quiet.
    """
    batch = item.checker if isinstance(item.checker, BatchChecker) else None
    with contextlib.nullcontext() if counting(options) else GATE.timed():
        outcomes = _run_tests(program, item, limits, options, stop_on_failure, on_test, batch)
    if batch is not None:
        outcomes = _check_batch(outcomes, item.tests, batch)
        if stop_on_failure:
            failed = next((i for i, o in enumerate(outcomes) if o.verdict is not Verdict.AC), None)
            outcomes = outcomes if failed is None else outcomes[: failed + 1]
        for outcome in outcomes:
            if on_test:
                on_test(outcome)
    return outcomes


def _measured_pass(entry: _Entry, limits: Limits, options: SandboxOptions) -> None:
    """A later pass: it must pass too, or its verdict becomes the entry's (flaky)."""
    assert entry.compiled.program is not None
    outcomes = run_pass(entry.compiled.program, entry.item, limits, options)
    verdict = most_severe(o.verdict for o in outcomes)
    if verdict is Verdict.AC:
        entry.passes.append(_totals(outcomes))
        return
    entry.verdict, entry.outcomes = verdict, outcomes
    entry.flaky = verdict is not Verdict.IE  # the sandbox failing is ours, not the program's


def _counted(entry: _Entry, limits: Limits, backend: str, base: SandboxOptions) -> list[int] | str:
    """Per-test counts of one pass under the counter (cached per toolchain), or why there are none."""
    program = entry.compiled.program
    assert program is not None
    cache = CountCache(program.language, backend)
    key = cache.key(entry.item.source, entry.item.tests, limits)
    counts = cache.get(key)
    if counts is not None and len(counts) == len(entry.item.tests):
        return counts
    found = _zygote_pass(entry, limits, base) if program.language.zygote and backend == "qemu" else None
    if found is None:
        found = _counting_pass(entry, limits, backend, base)
    if not isinstance(found, str):
        cache.put(key, found)
    return found


def _zygote_pass(entry: _Entry, limits: Limits, base: SandboxOptions) -> list[int] | str:
    """All tests in one run of the language's counting zygote; outputs checked as in a native pass."""
    assert entry.compiled.program is not None
    tests = entry.item.tests
    counted = count_with_zygote(entry.compiled.program, tests, limits, base)
    if isinstance(counted, str):
        return counted
    failed = next((i for i, status in enumerate(counted.statuses) if status != 0), None)
    if failed is not None:
        return f"the counting pass gave RTE: exit code {counted.statuses[failed]} on test {failed}"
    checker = entry.item.checker
    pairs = [(test.output, output) for test, output in zip(tests, counted.outputs, strict=True)]
    try:
        if isinstance(checker, BatchChecker):
            accepted = checker.check_batch(pairs)
        else:
            accepted = [checker(expected, actual) for expected, actual in pairs]
    except EvaluatorFailure as error:
        return f"the counting pass could not be checked: {error}"
    wrong = next((i for i, ok in enumerate(accepted) if not ok), None)
    if wrong is not None:
        return f"the counting pass gave WA on test {wrong}"
    return counted.counts


def _counting_pass(entry: _Entry, limits: Limits, backend: str, base: SandboxOptions) -> list[int] | str:
    """One pass under the counter, one counted run per test."""
    program = entry.compiled.program
    assert program is not None
    options = replace(base, instructions=backend, sample_hz=100, sample_log=None)  # type: ignore[arg-type]
    outcomes = run_pass(program, entry.item, count_limits(limits, backend), options)
    verdict = most_severe(o.verdict for o in outcomes)
    if verdict is not Verdict.AC:
        reason = outcomes[-1].detail or outcomes[-1].run.message if outcomes else "no tests"
        return f"the counting pass gave {verdict.value}: {reason}"[:500]
    uncounted = next((o.run for o in outcomes if o.run.instructions is None), None)
    if uncounted is not None:
        return uncounted.uncounted or "the counter gave no count"
    return [int(o.run.instructions or 0) for o in outcomes]


def _count(entries: Sequence[_Entry], limits: Limits, backend: str, base: SandboxOptions) -> None:
    """Counts of the passing entries: from the native passes (perf) or one counting pass each."""
    for entry in entries:
        if not entry.measuring:
            continue
        if backend == "perf":
            totals = [p["instructions"] for p in entry.passes]
            if None in totals:
                entry.unmeasured["instructions"] = "the hardware counters gave no count"
            else:
                entry.count = min(t or 0.0 for t in totals)
        else:
            counted = _counted(entry, limits, backend, base)
            if isinstance(counted, str):
                entry.unmeasured["instructions"] = counted
            else:
                entry.count = float(sum(counted))
        empty = startup_count(entry.item.language, backend) if entry.count is not None else None
        if entry.count is not None and empty is not None:
            entry.net_count = entry.count - empty * len(entry.item.tests)


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


def _result(entry: _Entry, measurement: Measurement) -> JudgeResult:
    failure = next((o for o in entry.outcomes if o.verdict is not Verdict.AC), None)
    detail = failure.detail if failure else entry.compiled.message
    if entry.verdict is not Verdict.AC:
        if entry.flaky:
            detail = f"flaky: a later measured pass gave {entry.verdict.value}. {detail}"
        measured = Measured(entry.verdict, flaky=entry.flaky, estimator=measurement.estimator, detail=detail)
        return JudgeResult(entry.compiled, measured, entry.outcomes)
    passes = entry.passes
    samples = {name: [p[name] or 0.0 for p in passes] for name in NATIVE if all(p[name] is not None for p in passes)}
    figures: dict[str, float | None] = {
        name: (estimate(samples[name], measurement.estimator) if name in samples else None) for name in NATIVE
    }
    figures["instructions"] = entry.count
    if entry.count is not None:
        samples["instructions"] = [entry.count]
    elif measurement.counts and "instructions" not in entry.unmeasured:
        entry.unmeasured["instructions"] = "not counted"
    measured = Measured(
        Verdict.AC,
        figures,
        samples,
        dict(entry.unmeasured),
        estimator=measurement.estimator,
        detail=detail,
        net={"instructions": entry.net_count} if entry.net_count is not None else {},
    )
    spread = spreads({k: v for k, v in samples.items() if k != "instructions"}) if measurement.repeat > 1 else {}
    return JudgeResult(entry.compiled, measured, entry.outcomes, spread)


def judge_batch(
    items: Sequence[JudgeItem],
    limits: Limits | None = None,
    measurement: Measurement | None = None,
    stop_on_failure: bool = True,
    on_test: Callable[[TestOutcome], None] | None = None,
    options: SandboxOptions | None = None,
) -> list[JudgeResult]:
    """Judge several programs under the same conditions: passes interleaved round-robin.

    Pass 1 of every program decides correctness (A B C); passes 2..repeat of the programs that
    passed follow round by round (A B C A B C ...). When `measurement` counts instructions, each
    passing program is then counted once (perf: during the native passes). `options` carries how
    the sandbox samples memory (its instruction mode is set by `measurement`).
    """
    limits = limits or Limits()
    measurement = measurement or Measurement()
    backend = resolve(measurement.counter) if measurement.counts else None
    base = options or SandboxOptions()
    native = replace(base, instructions="perf" if backend == "perf" else "off")
    entries = [_Entry(item, compile_source(item.language, item.source)) for item in items]
    for entry in entries:
        program = entry.compiled.program
        if not entry.compiled.ok or program is None:
            entry.verdict = Verdict.CE
            continue
        entry.outcomes = run_pass(program, entry.item, limits, native, stop_on_failure, on_test)
        entry.verdict = most_severe(o.verdict for o in entry.outcomes)
        if entry.verdict is Verdict.AC:
            entry.passes.append(_totals(entry.outcomes))
    for _ in range(measurement.repeat - 1):
        for entry in entries:
            if entry.measuring:
                _measured_pass(entry, limits, native)
    if backend is not None:
        _count(entries, limits, backend, base)
    return [_result(entry, measurement) for entry in entries]


def judge(
    language: Language,
    source: str,
    tests: Sequence[TestCase],
    checker: Checker = tokens,
    limits: Limits | None = None,
    measurement: Measurement | None = None,
    stop_on_failure: bool = True,
    on_test: Callable[[TestOutcome], None] | None = None,
    options: SandboxOptions | None = None,
) -> JudgeResult:
    """Compile (cached), run every test, check; re-measure passing programs and count them
    as `measurement` says. The first pass decides correctness; later passes must pass too."""
    item = JudgeItem(language, source, tests, checker)
    return judge_batch([item], limits, measurement, stop_on_failure, on_test, options)[0]
