"""Measurement within the judge: interleaved batches, every pass must pass, counting limits, peak fallback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from afterburner.core.limits import Limits
from afterburner.core.results import RunResult, Sampling
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.judge import judge as judge_module
from afterburner.judge.counting import count_limits
from afterburner.judge.judge import JudgeItem, TestOutcome, judge, judge_batch
from afterburner.judge.measurement import Measurement
from afterburner.languages import get_language
from afterburner.languages.snippet import run_python
from afterburner.sandbox import host
from afterburner.sandbox.cgroups import RunCgroup
from afterburner.sandbox.runner import SandboxOptions

PYTHON = get_language("python")
ECHO = "print(input())\n"
TESTS = [TestCase("1\n", "1\n"), TestCase("2\n", "2\n")]


def clock(repeat: int, estimator: str = "min") -> Measurement:
    """Clock-only settings: these tests are about the native passes, not about counting."""
    return Measurement(repeat, estimator, "cpu_time", "off")  # type: ignore[arg-type]


def _run(cpu: float) -> RunResult:
    return RunResult(Verdict.OK, 0, None, cpu, cpu, 1 << 20, 1.0, Sampling(10_000, 10, 10_000.0, 0.001))


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, int]]]:
    """judge_test replaced by a script: records (source, test index); source 'FLAKY' fails after its first pass."""
    calls: list[tuple[str, int]] = []

    def fake(program: Any, test: TestCase, checker: Any, limits: Limits, options: SandboxOptions, index: int = 0):
        source = next(iter(program.files.values())).decode()
        calls.append((source, index))
        seen = sum(1 for s, i in calls if s == source and i == index)
        verdict = Verdict.WA if source.startswith("FLAKY") and seen > 1 else Verdict.AC
        return TestOutcome(
            index, verdict, _run(0.01 * len(source)), "expected 1 got 2" if verdict is Verdict.WA else ""
        )

    monkeypatch.setattr(judge_module, "judge_test", fake)
    yield calls


def test_batch_passes_are_interleaved_round_robin(scripted: list[tuple[str, int]]) -> None:
    items = [JudgeItem(PYTHON, name, TESTS) for name in ("A", "BB", "CCC")]
    results = judge_batch(items, measurement=clock(3))
    order = [source for source, index in scripted if index == 0]
    assert order == ["A", "BB", "CCC"] * 3
    assert all(r.verdict is Verdict.AC and len(r.measured.samples["cpu_time"]) == 3 for r in results)


def test_a_later_failing_pass_gives_its_verdict_and_is_flaky(scripted: list[tuple[str, int]]) -> None:
    results = judge_batch([JudgeItem(PYTHON, "FLAKY", TESTS), JudgeItem(PYTHON, "steady", TESTS)], measurement=clock(4))
    flaky, steady = results
    assert flaky.verdict is Verdict.WA and flaky.measured.flaky and not flaky.passed
    assert flaky.metrics == {} and flaky.measured.samples == {}  # its timings never reach a median
    assert flaky.first_failure is not None and "expected" in flaky.first_failure.detail
    assert steady.verdict is Verdict.AC and not steady.measured.flaky and len(steady.measured.samples["cpu_time"]) == 4
    # The flaky program is not measured again once it failed.
    assert sum(1 for s, i in scripted if s == "FLAKY" and i == 0) == 2


def test_estimator_summarizes_the_passes(scripted: list[tuple[str, int]]) -> None:
    for estimator in ("min", "median", "mean", "hodges_lehmann"):
        result = judge(PYTHON, "ABCD", TESTS, measurement=clock(3, estimator))
        assert result.measured.estimator == estimator
        assert result.metrics["cpu_time"] == pytest.approx(0.08)  # every pass: 2 tests x 0.04 s


def test_counting_limits_scale_native_ones() -> None:
    scaled = count_limits(Limits(cpu_time=2.0), "valgrind")
    assert scaled.cpu_time == 210.0 and scaled.effective_wall_time == pytest.approx(520.0)
    assert count_limits(Limits(cpu_time=100.0), "valgrind").cpu_time == 3600.0  # within Limits' bounds
    qemu = count_limits(Limits(cpu_time=2.0, memory=256 << 20), "qemu")
    assert qemu.cpu_time == 90.0 and qemu.memory == (256 + 512) << 20  # the emulator's own memory on top
    assert count_limits(Limits(cpu_time=2.0), "perf") == Limits(cpu_time=2.0)  # hardware counters: native


@pytest.mark.skipif(host.probe().valgrind is None, reason="valgrind is not installed")
def test_valgrind_mode_keeps_native_limits_meaningful() -> None:
    # About 0.1 s natively: well inside a 1 s CPU limit, but 5-10 s under callgrind.
    busy = "n = int(input())\ns = 0\nfor i in range(n):\n    s += i * i\nprint(s % 7)\n"
    tests = [TestCase("600000\n", f"{sum(i * i for i in range(600000)) % 7}\n")]
    limits = Limits(cpu_time=1.0)
    counted = judge(PYTHON, busy, tests, limits=limits, measurement=Measurement(2, counter="valgrind"))
    assert counted.verdict is Verdict.AC, counted.first_failure
    assert counted.metrics["instructions"] and counted.metrics["instructions"] > 1e7
    assert counted.metrics["cpu_time"] is not None and counted.metrics["cpu_time"] < 1.0  # native passes
    assert counted.measured.unmeasured == {}
    # A program that is too slow natively is still TLE.
    slow = judge(PYTHON, busy, [TestCase("60000000\n", "0\n")], limits=limits, measurement=clock(1))
    assert slow.verdict is Verdict.TLE


def test_missing_high_water_mark_falls_back_to_the_sampled_peak(monkeypatch: pytest.MonkeyPatch) -> None:
    if host.probe().cgroups is None:
        pytest.skip("needs cgroups")
    monkeypatch.setattr(RunCgroup, "peak_memory", lambda self: -1)
    hold = (
        "import time\nblock = bytearray(64 * 1024 * 1024)\n"
        "for i in range(0, len(block), 4096): block[i] = 1\ntime.sleep(0.2)\n"
    )
    result = run_python(hold)
    assert result.verdict is Verdict.OK
    assert result.peak_memory > 64 * 1024 * 1024  # a real figure, never -1
    assert not result.guarantees.exact_peak and "exact_peak" in result.guarantees.missing()


def test_a_solution_that_cannot_be_assembled_is_ce_and_the_rest_is_measured() -> None:
    import dataclasses as dc

    from afterburner.datasets.bundled import load_bundled
    from afterburner.datasets.model import Solution
    from afterburner.datasets.profile import profile_batch
    from afterburner.datasets.testgen import TestPlan

    problem = load_bundled().get("1")
    assert problem.style.value == "function"
    without_go = dc.replace(problem, runners={k: v for k, v in problem.runners.items() if k != "go"})
    reference = problem.solutions_in("python")[0]
    stranger = Solution("go", "func twoSum() {}", "candidate-0", "candidate")
    profiles = profile_batch(without_go, [stranger, reference], TestPlan(num_cases=1).tests(problem))
    assert [p.label for p in profiles] == ["candidate-0", reference.label]
    assert profiles[0].verdict == "CE" and "no go runner" in profiles[0].detail
    assert profiles[1].verdict == "AC" and profiles[1].cpu_time is not None
