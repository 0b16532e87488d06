"""Pure logic: verdict precedence, limit validation, statistics, checkers, parsers, registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterburner.core.errors import UsageError
from afterburner.core.limits import Limits, MiB
from afterburner.core.verdicts import PRECEDENCE, Verdict, most_severe
from afterburner.judge.checkers import Evaluator, FloatTolerance, checker_from_spec, exact, tokens
from afterburner.judge.stats import Spread
from afterburner.languages import all_languages, detect_language, get_language
from afterburner.sandbox.valgrind import parse_instructions


@pytest.mark.parametrize(
    ("verdicts", "expected"),
    [
        ([Verdict.AC, Verdict.WA], Verdict.WA),
        ([Verdict.WA, Verdict.TLE, Verdict.RTE], Verdict.TLE),
        ([Verdict.MLE, Verdict.OLE], Verdict.MLE),
        ([Verdict.AC, Verdict.IE, Verdict.CE], Verdict.IE),
        ([], Verdict.AC),
    ],
)
def test_most_severe_follows_declared_precedence(verdicts: list[Verdict], expected: Verdict) -> None:
    assert most_severe(verdicts) is expected


def test_precedence_lists_every_verdict_once() -> None:
    assert sorted(PRECEDENCE) == sorted(Verdict)
    assert not Verdict.IE.blames_candidate and Verdict.WA.blames_candidate
    assert Verdict.AC.passed and Verdict.OK.passed and not Verdict.WA.passed


@pytest.mark.parametrize(
    "changes",
    [{"cpu_time": 0}, {"cpu_time": -1}, {"memory": 1}, {"processes": 0}, {"output": 0}, {"work_dir": 10}],
)
def test_absurd_limits_are_rejected(changes: dict[str, float]) -> None:
    with pytest.raises(UsageError):
        Limits(**changes)  # type: ignore[arg-type]


def test_wall_limit_defaults_from_cpu_limit() -> None:
    assert Limits(cpu_time=2).effective_wall_time == 5
    assert Limits(cpu_time=2, wall_time=3).effective_wall_time == 3
    assert Limits().with_(memory=64 * MiB).memory == 64 * MiB


def test_spread_is_median_and_mad() -> None:
    spread = Spread.of([1.0, 2.0, 3.0, 4.0, 100.0])
    assert spread.median == 3.0
    assert spread.mad == 1.0
    assert (spread.minimum, spread.maximum, spread.n) == (1.0, 100.0, 5)
    with pytest.raises(ValueError):
        Spread.of([])


def test_checkers() -> None:
    assert exact("1 2\n", "1 2\n") and not exact("1 2\n", "1  2")
    assert tokens("1 2\n", " 1\n2 ") and not tokens("1 2", "1 2 3")
    close = FloatTolerance(1e-6)
    assert close("0.3333333", "0.33333331") and not close("1.0", "1.1")
    assert close("yes 1.5", "yes 1.5000000001") and not close("yes", "no")
    custom = Evaluator("def evaluate(expected, actual):\n    return sorted(expected.split()) == sorted(actual.split())")
    assert custom("1 2 3", "3 1 2") and not custom("1 2", "1 3")


def test_checker_specs(tmp_path: Path) -> None:
    assert checker_from_spec("exact") is exact
    assert checker_from_spec("float:1e-3") == FloatTolerance(1e-3)
    evaluator = tmp_path / "evaluate.py"
    evaluator.write_text("def evaluate(expected, actual):\n    return True\n")
    assert checker_from_spec(str(evaluator))("a", "b")
    with pytest.raises(UsageError):
        checker_from_spec("nonsense")
    with pytest.raises(UsageError):
        checker_from_spec("float:abc")
    with pytest.raises(UsageError):
        Evaluator("x = 1\n")


def test_valgrind_summary_of_the_top_process() -> None:
    log = (
        b"==7== Callgrind\n==7== Command: ./main\n==9== Collected : 5\n==7== Events    : Ir\n==7== Collected : 123456\n"
    )
    assert parse_instructions(log) == 123456
    assert parse_instructions(b"") is None


def test_valgrind_count_of_a_program_that_replaced_itself_is_refused() -> None:
    log = b"==7== Command: ./main\n==7== Command: /bin/true\n==7== Collected : 99\n"
    assert parse_instructions(log) is None


def test_registry_knows_six_languages_and_aliases() -> None:
    assert set(all_languages()) == {"python", "cpp", "java", "javascript", "go", "rust"}
    assert get_language("c++").name == "cpp"
    assert get_language("JS").name == "javascript"
    assert get_language("golang").name == "go"
    assert detect_language(Path("x.rs")).name == "rust"
    with pytest.raises(UsageError):
        get_language("cobol")
    with pytest.raises(UsageError):
        detect_language(Path("x.txt"))


def test_language_heap_follows_memory_limit() -> None:
    java = get_language("java")
    argv = java.run_argv(Limits(memory=1000 * MiB))
    assert "-Xmx800m" in argv
    assert java.limits_for(Limits(processes=8)).processes >= 64
