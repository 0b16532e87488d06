"""The GRPO rewards: the formulas against hand-computed tables, then real sandbox judging.

The judged cases run problem "1" (two-sum) of venus-mini on hidden scoring tests, for real: two
small generated tests (`SMALL`), so that counting every program's instructions under QEMU (the
default measurement) stays a couple of seconds per program. The only stub is in
`test_infrastructure_error_is_none`: `judge_solution` is replaced there by one returning an IE
result, because the sandbox cannot be made to fail on demand.
"""

from __future__ import annotations

import math
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from afterburner.core.errors import UsageError
from afterburner.core.measured import Measured
from afterburner.core.verdicts import Verdict
from afterburner.datasets import bundled
from afterburner.datasets.testgen import SCORING_PLAN, TestPlan, TestSplit
from afterburner.judge.compiler import CompileResult
from afterburner.judge.judge import JudgeResult
from afterburner.judge.measurement import CLOCK_ONLY, Measurement
from afterburner.optimize.selection import NoisePolicy
from afterburner.training import reward_judge
from afterburner.training.config import GRPORecipe, measurement_for
from afterburner.training.reward_judge import NotScored, figure_of
from afterburner.training.rewards import (
    PAPER_CAPS,
    AfterburnerReward,
    PaperReward,
    RewardRow,
    afterburner_reward,
    beyond_noise,
    completion_text,
    paper_correctness,
    paper_efficiency,
    paper_reward,
    rows_of,
)

PROBLEM_DIR = Path(bundled.__file__).parent / "venus_mini" / "problems" / "001-two-sum"
NAIVE = (PROBLEM_DIR / "solutions" / "python" / "naive.py").read_text()
OPTIMAL = (PROBLEM_DIR / "solutions" / "python" / "optimal.py").read_text()
HARD_CODED = (
    "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 3]  # the first fixed test's answer\n"
)
PRINTS_CONSTANT = 'import sys\nsys.stdout.write("0 3\\n")\nsys.exit(0)\n'
READS_TESTS = (  # looks its answer up in the problem's tests.json, saying so on stderr if it cannot
    "import json\n"
    "class Solution:\n"
    "    def twoSum(self, nums, target):\n"
    "        try:\n"
    f"            cases = json.load(open({str(PROBLEM_DIR / 'tests.json')!r}))\n"
    "        except OSError as error:\n"
    "            raise SystemExit(f'unreadable: {type(error).__name__}')\n"
    "        return [int(x) for x in cases[0]['output'].split()]\n"
)
SYNTAX_ERROR = "class Solution:\n    def twoSum(self nums, target):\n        return []\n"
# Two hidden tests of 675 and 1350 numbers: naive's quadratic scan still counts 5x optimal's instructions.
SMALL = TestSplit(scoring=TestPlan(num_cases=2, seed=SCORING_PLAN.seed, size=0.3, fixed=False))


def fenced(code: str) -> str:
    return f"Here is a faster version.\n```python\n{code}```\n"


def columns(count: int, original: str = NAIVE, **extra: Any) -> dict[str, Any]:
    row = {
        "problem_id": "1",
        "language": "python",
        "objective": "time",
        "dataset": "venus-mini",
        "original": original,
        "original_label": "naive",
        "baseline_passed": True,
        "baseline_instructions": 5e9,
        "baseline_cpu_time": 2.5,
        "baseline_peak_memory": 9e6,
        "baseline_memory_integral": 1e6,
    }
    return {name: [value] * count for name, value in row.items()} | extra


# --- the formulas -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "new", "expected"),
    [(False, False, -0.5), (True, True, 0.5), (False, True, 1.0), (True, False, -1.0)],
)
def test_paper_correctness_table(original: bool, new: bool, expected: float) -> None:
    assert paper_correctness(original, new) == expected


@pytest.mark.parametrize(
    ("original", "new", "baseline", "value", "formatted", "expected"),
    [
        (False, False, None, None, False, 0.5 * -0.5),
        (False, False, None, None, True, 0.5 * -0.5 + 0.2),
        (True, False, 1.0, None, False, 0.5 * -1.0),
        (False, True, None, 1.0, True, 0.5 * 1.0 + 0.2),
        (True, True, 1.0, 1.0, False, 0.5 * 0.5),  # no gain: e = 0
        (True, True, 1.0, 0.5, False, 0.5 * (0.5 + 0.5 * math.tanh(0.5))),
        (True, True, 1.0, 0.5, True, 0.5 * (0.5 + 0.5 * math.tanh(0.5)) + 0.2),
        (True, True, 1.0, 3.0, False, 0.5 * (0.5 + 0.5 * math.tanh(-1.0))),  # clipped at -1
        (True, True, 2.0, 0.0, False, 0.5 * (0.5 + 0.5 * math.tanh(1.0))),
    ],
)
def test_paper_reward_table(
    original: bool, new: bool, baseline: float | None, value: float | None, formatted: bool, expected: float
) -> None:
    assert paper_reward(original, new, baseline, value, PAPER_CAPS["cpu_time"], formatted) == pytest.approx(expected)


def test_paper_caps_are_in_si_units() -> None:
    """200 ms -> 100 ms is a real gain with our caps (seconds); the original's 90 on ms erased it."""
    assert paper_efficiency(0.200, 0.100, PAPER_CAPS["cpu_time"]) == pytest.approx(math.tanh(0.5))
    assert paper_efficiency(200.0, 100.0, 90.0) == 0.0  # the paper's clip: both become 90
    assert paper_efficiency(512e6, 256e6, PAPER_CAPS["peak_memory"]) == pytest.approx(math.tanh(0.5))
    assert PAPER_CAPS["cpu_time"] == 10.0
    assert PAPER_CAPS["peak_memory"] == 1024 * 1024 * 1024
    assert PAPER_CAPS["memory_integral"] == 10.0 * 1024 * 1024 * 1024


@pytest.mark.parametrize(
    ("new", "original", "p_new", "p_original", "beyond", "expected"),
    [
        (False, True, 0.9, 0.1, True, -1.0),  # new fails: the failure reward, whatever else
        (False, False, 0.0, 0.0, False, -1.0),
        (True, False, 0.0, 0.0, False, 1.0),  # fixed, slower than every reference
        (True, False, 0.75, 0.0, False, 1.75),  # fixed: gain counted from percentile 0
        (True, True, 0.9, 0.1, False, 0.5),  # inside the noise: zero gain
        (True, True, 0.9, 0.1, True, 1.3),
        (True, True, 0.2, 0.6, True, 0.1),  # slower beyond noise
        (True, True, 0.5, 0.5, True, 0.5),
    ],
)
def test_afterburner_reward_table(
    new: bool, original: bool, p_new: float, p_original: float, beyond: bool, expected: float
) -> None:
    assert afterburner_reward(new, original, p_new, p_original, beyond) == pytest.approx(expected)
    assert afterburner_reward(False, original, p_new, p_original, beyond, failure=-2.0) == -2.0


def test_beyond_noise_both_ways_and_instructions_exact() -> None:
    policy = NoisePolicy()
    fast, slow = [0.30, 0.31, 0.32], [2.80, 2.81, 2.82]
    assert beyond_noise(fast, slow, "cpu_time", policy)
    assert beyond_noise(slow, fast, "cpu_time", policy)
    assert not beyond_noise([1.00, 1.01, 1.02], [1.01, 1.00, 1.02], "cpu_time", policy)
    assert not beyond_noise([], slow, "cpu_time", policy)
    # Counts are exact: one count a side, no permutation test (even where the policy would run one);
    # the gain alone decides, either way.
    exact = NoisePolicy(min_samples=1)
    assert beyond_noise([940.0], [1000.0], "instructions", exact)
    assert beyond_noise([1000.0], [940.0], "instructions", exact)
    assert not beyond_noise([990.0], [1000.0], "instructions", exact)  # 1%: below min_gain
    assert not beyond_noise([1000.0], [1000.0], "instructions", policy)


def test_completion_text_and_rows() -> None:
    assert completion_text("plain") == "plain"
    assert completion_text([{"role": "assistant", "content": "a"}]) == "a"
    assert completion_text([{"role": "assistant", "content": [{"type": "text", "text": "b"}]}]) == "b"
    rows = rows_of(columns(2, trainer_state=object()), 2)
    assert rows[0] == RewardRow("1", "python", "time", "venus-mini", NAIVE, "naive", True, 5e9, 2.5, 9e6, 1e6)
    assert rows[0].baseline("cpu_time") == 2.5 and rows[0].baseline("instructions") == 5e9
    with pytest.raises(ValueError, match="problem_id"):
        rows_of({k: v for k, v in columns(1).items() if k != "problem_id"}, 1)
    with pytest.raises(ValueError, match="list of 2"):
        rows_of(columns(1), 2)
    with pytest.raises(ValueError, match="objective"):
        rows_of(columns(1, objective=["speed"]), 1)


def test_settings_count_by_default_and_time_rows_follow_the_ranking_metric() -> None:
    counted, clock = AfterburnerReward(), PaperReward(CLOCK_ONLY)
    assert counted.measurement == Measurement() and counted.measurement.counts
    assert clock.measurement == CLOCK_ONLY and not clock.measurement.counts
    rows = {o: RewardRow("1", "python", o, "venus-mini") for o in ("time", "memory", "integral")}
    assert [counted.metric_of(r) for r in rows.values()] == ["instructions", "peak_memory", "memory_integral"]
    assert [clock.metric_of(r) for r in rows.values()] == ["cpu_time", "peak_memory", "memory_integral"]
    assert counted.settings.recipe() != clock.settings.recipe()  # judgements of one never serve the other
    with pytest.raises(TypeError, match="Measurement"):
        AfterburnerReward(3)  # type: ignore[arg-type]  # the old positional repeat
    # The recipe and verl build the same settings; a clock needs no counter unless one is named.
    assert GRPORecipe(data="rows", out="out").measurement == Measurement()
    assert GRPORecipe(data="rows", out="out", reward_metric="cpu_time").measurement == CLOCK_ONLY
    assert measurement_for(metric="cpu_time", counter="qemu").counts
    with pytest.raises(UsageError, match=r"repeat must be 1 \.\. 100"):
        GRPORecipe(data="rows", out="out", reward_repeat=0)
    with pytest.raises(UsageError, match="metric must be one of"):
        GRPORecipe(data="rows", out="out", reward_metric="peak_memory")


def test_a_passing_program_without_its_count_is_not_scored() -> None:
    """The counter refused it: never rewarded as efficient; the reason says why."""
    refused = Measured(
        Verdict.AC,
        {"cpu_time": 0.1, "instructions": None},
        {"cpu_time": [0.1, 0.1, 0.1]},
        {"instructions": "the counting pass gave TLE: time limit"},
    )
    assert figure_of(refused, "cpu_time") == 0.1
    with pytest.raises(NotScored, match="instructions of a passing program is unknown: the counting pass gave TLE"):
        figure_of(refused, "instructions")


# --- judged for real --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reward() -> Iterator[AfterburnerReward]:
    shared = AfterburnerReward(split=SMALL)  # the default measurement: instruction counts decide
    yield shared
    shared.close()


def test_infrastructure_error_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    """The one stub: judge_solution answers IE (the sandbox failing); the reward must be None, uncached."""
    calls: list[str] = []

    def failing(*args: Any, **kwargs: Any) -> JudgeResult:
        calls.append(args[2])
        return JudgeResult(CompileResult(True, None), Measured(Verdict.IE, detail="the sandbox failed (stub)"))

    monkeypatch.setattr(reward_judge, "judge_solution", failing)
    for kind in (AfterburnerReward, PaperReward):
        stubbed = kind(split=SMALL, disk_cache=False)
        completions = [fenced(OPTIMAL), fenced(OPTIMAL)]
        assert stubbed(prompts=["p", "p"], completions=completions, **columns(2)) == [None, None]
        stats = stubbed.stats
        assert stats.none == 2 and stats.judged == 2 and stats.cached == 0  # an IE is never cached
        assert stats.accounted
    assert calls


def test_counts_decide_optimal_beats_naive(reward: AfterburnerReward) -> None:
    """The default measurement: each passing program's instructions are counted, and the count ranks."""
    metrics: dict[str, float] = {}
    extra: dict[str, list[Any]] = {}
    completions: list[Any] = [fenced(OPTIMAL), [{"role": "assistant", "content": fenced(NAIVE)}]]
    rewards = reward(
        prompts=["p", "p"],
        completions=completions,
        completion_ids=[[1], [2]],
        trainer_state=None,
        log_metric=lambda name, value: metrics.__setitem__(name, value),
        log_extra=lambda column, values: extra.__setitem__(column, values),
        **columns(2),
    )
    optimal, naive = rewards
    assert naive == 0.5  # the original itself: the same count, no gain
    # Optimal beats (or ties) every reference (P = 1), naive only ties itself (P = 1/7).
    assert optimal == pytest.approx(0.5 + 1.0 - 1 / 7)
    stats = reward.stats
    assert stats.accounted and stats.none == 0 and stats.references_profiled == 1
    assert stats.candidates_judged + stats.candidates_cached == 2
    assert stats.judged + stats.disk_cached >= 2  # optimal and naive (naive once: candidate = original)
    assert metrics["afterburner/none_share"] == 0.0 and metrics["afterburner/judge_seconds"] >= 0.0
    assert extra["afterburner_verdict"] == ["AC", "AC"]

    # What decided: exact counts, taken for the candidates and for every reference.
    context = reward.judge.context("venus-mini", "1")
    fast, slow = (reward.judge.judge(context, "python", code, "original") for code in (OPTIMAL, NAIVE))  # cached
    fast_count, slow_count = fast.figure("instructions"), slow.figure("instructions")
    assert fast_count is not None and slow_count is not None and fast_count < 0.5 * slow_count
    assert fast.samples["instructions"] == [fast_count]  # one count: exact
    counts = [p.figure("instructions") for p in reward.judge.references(context, "python")]
    assert None not in counts and min(c or 0.0 for c in counts) == pytest.approx(fast_count, rel=1e-4)
    scored = reward.score_batch(rows_of(columns(2), 2), [fenced(OPTIMAL), fenced(NAIVE)])
    assert [(s.reward, s.verdict, s.reason) for s in scored] == [(optimal, "AC", ""), (0.5, "AC", "")]


def test_degenerate_answers_fail(reward: AfterburnerReward) -> None:
    completions = [
        fenced(HARD_CODED),
        fenced(PRINTS_CONSTANT),
        fenced(READS_TESTS),
        fenced(SYNTAX_ERROR),
        "I would use a hash map, but I will not write it.",
        "",
    ]
    before = reward.stats
    rows = rows_of(columns(len(completions)), len(completions))
    scored = reward.score_batch(rows, completions)
    assert [s.reward for s in scored] == [-1.0] * len(completions)
    assert [s.verdict for s in scored] == ["WA", "WA", "RTE", "RTE", "none", "none"]
    assert "unreadable: FileNotFoundError" in scored[2].detail  # the sandbox shows no dataset files
    after = reward.stats
    assert after.degenerate - before.degenerate == 2
    assert (after.candidates_judged + after.candidates_cached) - (
        before.candidates_judged + before.candidates_cached
    ) == 4
    assert after.originals_judged == before.originals_judged  # a failing answer needs no original
    assert after.accounted


def test_paper_reward_judged() -> None:
    reward = PaperReward(split=SMALL)  # e on instruction counts: naive executes about 5x optimal's
    formatted = f"<thinking>one pass with a dict</thinking><solution>\n```python\n{OPTIMAL}```\n</solution>"
    optimal, naive, hard = reward(
        prompts=["p"] * 3, completions=[formatted, fenced(NAIVE), fenced(HARD_CODED)], **columns(3)
    )
    assert naive == pytest.approx(0.25)  # pass -> pass, no gain, no format
    assert hard == pytest.approx(-0.5)  # pass -> fail
    assert optimal is not None and 0.25 + 0.2 + 0.25 * math.tanh(0.5) < optimal <= 0.25 + 0.2 + 0.25 * math.tanh(1.0)
    assert reward.stats.accounted


def test_clock_only_measurement_ranks_by_cpu_time_without_counting() -> None:
    clock = AfterburnerReward(CLOCK_ONLY, split=SMALL, disk_cache=False)
    row = rows_of(columns(1), 1)[0]
    assert clock.metric_of(row) == "cpu_time"
    [scored] = clock.score_batch([row], [fenced(OPTIMAL)])
    assert scored.reward is not None and scored.reward >= 0.5 and (scored.verdict, scored.reason) == ("AC", "")
    judged = clock.judge.judge(clock.judge.context("venus-mini", "1"), "python", OPTIMAL, "candidate")
    assert judged.passed and judged.figures["instructions"] is None and "instructions" not in judged.unmeasured
    assert len(judged.passes("cpu_time")) == CLOCK_ONLY.repeat and judged.passes("instructions") == []
    references = clock.judge.references(clock.judge.context("venus-mini", "1"), "python")
    assert all(p.figure("cpu_time") is not None and p.instructions is None for p in references)
    clock.close()


def test_pickle_round_trip_keeps_the_measurement(reward: AfterburnerReward) -> None:
    copy = pickle.loads(pickle.dumps(reward))
    assert isinstance(copy, AfterburnerReward) and copy.stats.completions == 0  # caches and counters start fresh
    assert copy.measurement == Measurement() and copy.settings == reward.settings
    assert copy(prompts=["p"], completions=[fenced(HARD_CODED)], **columns(1)) == [-1.0]
    assert copy.stats.accounted and copy.stats.completions == 1
    clock = pickle.loads(pickle.dumps(PaperReward(CLOCK_ONLY, split=SMALL, disk_cache=False)))
    assert isinstance(clock, PaperReward) and clock.measurement == CLOCK_ONLY and clock.settings.split == SMALL
    assert not clock.settings.disk_cache


def test_same_completion_twice_is_judged_once() -> None:
    reward = AfterburnerReward(split=SMALL, disk_cache=False)
    answer = fenced(HARD_CODED.replace("[0, 3]", "[1, 2]"))
    assert reward(prompts=["p", "p"], completions=[answer, answer], **columns(2)) == [-1.0, -1.0]
    stats = reward.stats
    assert (stats.judged, stats.cached, stats.candidates_judged, stats.candidates_cached) == (1, 1, 1, 1)


def test_a_reward_judges_where_its_recipe_says_and_keeps_that_when_pickled() -> None:
    from afterburner.service.client import RemoteExecutor
    from afterburner.training.trainers import build_reward, reward_executor

    assert reward_executor("local") is None
    recipe = GRPORecipe(data="rows", out="out", reward_judge="http://127.0.0.1:9", reward_metric="cpu_time")
    remote = build_reward(recipe)
    copy = pickle.loads(pickle.dumps(remote))
    assert isinstance(copy.judge.executor, RemoteExecutor) and copy.judge.executor.url == "http://127.0.0.1:9"
    assert copy.measurement == CLOCK_ONLY
    with pytest.raises(UsageError, match="reward_judge"):
        GRPORecipe(data="rows", out="out", reward_judge="ftp://somewhere")
