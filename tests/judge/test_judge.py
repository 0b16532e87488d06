"""The judge across languages: compile cache, verdicts per test, aggregation, checkers."""

from __future__ import annotations

import pytest

from afterburner.core.limits import Limits, MiB
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.judge.baseline import startup_baseline
from afterburner.judge.checkers import FloatTolerance
from afterburner.judge.compiler import compile_source
from afterburner.judge.judge import judge
from afterburner.judge.measurement import Measurement
from afterburner.languages import all_languages, get_language
from afterburner.languages.base import SELF_TEST_INPUT, SELF_TEST_OUTPUT

SUM_TESTS = [TestCase("1 2\n", "3\n"), TestCase(SELF_TEST_INPUT, SELF_TEST_OUTPUT), TestCase("-5 5\n", "0\n")]


@pytest.mark.parametrize("name", sorted(all_languages()))
def test_self_test_program_is_accepted(name: str) -> None:
    language = get_language(name)
    result = judge(
        language, language.self_test, SUM_TESTS, measurement=Measurement(2, metric="cpu_time", counter="off")
    )
    assert result.verdict is Verdict.AC, result.first_failure
    assert len(result.tests) == 3 and result.metrics["cpu_time"]
    assert result.spread["cpu_time"].n == 2


@pytest.mark.parametrize("name", sorted(all_languages()))
def test_start_up_baseline_is_measured(name: str) -> None:
    baseline = startup_baseline(get_language(name), runs=3)
    assert 0 < baseline.cpu_time < 2 and baseline.peak_memory > 0
    corrected = baseline.corrected({"cpu_time": baseline.cpu_time * 2, "peak_memory": 0.0}, processes=1)
    assert corrected["cpu_time"] == pytest.approx(baseline.cpu_time)
    assert corrected["peak_memory"] == 0.0


def test_wrong_answer_stops_at_first_failure_unless_asked() -> None:
    source = "a, b = map(int, input().split())\nprint(a + b if a > 0 else 7)\n"
    python = get_language("python")
    stopped = judge(python, source, SUM_TESTS[::-1])
    assert stopped.verdict is Verdict.WA and len(stopped.tests) == 1
    assert "expected: '0\\n'" in stopped.tests[0].detail
    everything = judge(python, source, SUM_TESTS[::-1], stop_on_failure=False)
    assert [t.verdict for t in everything.tests] == [Verdict.WA, Verdict.AC, Verdict.AC]


def test_aggregate_is_the_most_severe_verdict() -> None:
    source = "a, b = map(int, input().split())\nif a < 0:\n    while True: pass\nprint(a + b + (a == 1))\n"
    result = judge(get_language("python"), source, SUM_TESTS, limits=Limits(cpu_time=0.5), stop_on_failure=False)
    assert [t.verdict for t in result.tests] == [Verdict.WA, Verdict.AC, Verdict.TLE]
    assert result.verdict is Verdict.TLE


def test_compile_error_carries_the_message_and_is_cached() -> None:
    cpp = get_language("cpp")
    broken = "int main() { return undefined_name; }\n"
    first = judge(cpp, broken, SUM_TESTS)
    assert first.verdict is Verdict.CE and "undefined_name" in first.compile.message
    assert compile_source(cpp, broken).cached
    assert not compile_source(cpp, broken + "// changed\n").cached


def test_runtime_error_and_memory_markers() -> None:
    java = get_language("java")
    hog = (
        "import java.util.*;\npublic class Main { public static void main(String[] a) {\n"
        "List<long[]> l = new ArrayList<>(); while (true) l.add(new long[1 << 20]); } }\n"
    )
    result = judge(java, hog, SUM_TESTS, limits=Limits(memory=256 * MiB, cpu_time=10))
    assert result.verdict is Verdict.MLE, result.first_failure
    crash = judge(get_language("python"), "raise SystemExit(4)\n", SUM_TESTS)
    assert crash.verdict is Verdict.RTE


def test_custom_checker() -> None:
    result = judge(get_language("python"), "print(1 / 3)\n", [TestCase("", "0.333333")], FloatTolerance(1e-5))
    assert result.verdict is Verdict.AC
