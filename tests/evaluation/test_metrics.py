"""Litmus metrics checked against small tables computed by hand."""

from __future__ import annotations

import inspect
import random
from bisect import bisect_left
from itertools import combinations
from typing import Any

import numpy as np
import pytest
from scipy import stats  # type: ignore[import-untyped]

from afterburner.evaluation import metrics
from afterburner.evaluation.metrics import (
    SCORE_NAMES,
    TIE_TOLERANCE,
    Category,
    Execution,
    Interval,
    References,
    Scores,
    bootstrap,
    by_iteration,
    categorize,
    category_counts,
    pass_at_k,
    pass_at_k_estimates,
    percentile,
    score,
)


def ok(problem: str, t: float, m: float, i: float, iteration: int = 0) -> Execution:
    return Execution.of(problem, True, t, m, i, iteration=iteration)


def fail(problem: str, iteration: int = 0) -> Execution:
    return Execution.of(problem, False, None, None, None, iteration=iteration)


# Problem "a" has references; problem "b" has no passed reference at all.
REFS = References(
    {"a": {"cpu_time": [4.0, 2.0, 3.0, 1.0], "peak_memory": [10.0, 20.0], "memory_integral": [5.0, 5.0, 5.0]}}
)
EXECUTIONS = [
    ok("a", 2.5, 10.0, 1.0),  # T: 2 refs faster -> 1 - 2/4 = 0.5; M: ties best -> 1.0; I: beats all -> 1.0
    ok("a", 0.5, 25.0, 5.0),  # T: beats all -> 1.0; M: worse than both -> 0.0; I: ties all -> 1.0
    fail("a"),  # 0 everywhere
    ok("b", 1.0, 1.0, 1.0),  # no references -> 0 everywhere
]


@pytest.mark.parametrize(
    ("value", "references", "expected"),
    [
        (0.5, [1.0, 2.0, 3.0, 4.0], 1.0),  # better than all: 1 - 0/4
        (1.0, [1.0, 2.0, 3.0, 4.0], 1.0),  # tie with the best: nothing strictly faster, 1 - 0/4
        (2.0, [1.0, 2.0, 3.0, 4.0], 0.75),  # one strictly faster: 1 - 1/4
        (4.0, [1.0, 2.0, 3.0, 4.0], 0.25),  # tie with the worst: 1 - 3/4
        (5.0, [1.0, 2.0, 3.0, 4.0], 0.0),  # worse than all: 1 - 4/4
        (3.0, [4.0, 1.0, 3.0, 2.0], 0.5),  # unsorted input is sorted first: 1 - 2/4
        (2.0, [2.0, 2.0, 2.0], 1.0),  # all ties: 1 - 0/3
        (1.0, [], 0.0),  # no references
    ],
)
def test_percentile(value: float, references: list[float], expected: float) -> None:
    assert percentile(value, references) == pytest.approx(expected)


def test_percentile_ties_within_the_noise() -> None:
    cpu = TIE_TOLERANCE["cpu_time"]
    assert percentile(1.003, [1.0], cpu) == 1.0  # 0.3% slower: a tie, counted as beaten
    assert percentile(1.05, [1.0], cpu) == 0.0  # 5% slower: a loss
    assert percentile(1.05, [1.0, 1.04, 2.0], cpu) == pytest.approx(2 / 3)  # loses to 1.0 only
    assert percentile(1.003, [1.0]) == 0.0  # without a tolerance every difference counts
    assert percentile(0.5, [1.0], cpu) == 1.0  # faster always counts


def test_percentile_with_zero_tolerance_is_the_old_rule() -> None:
    rng = random.Random(5)
    for _ in range(300):
        references = [
            rng.choice([1.0, 2.0, 3.0]) + rng.random() * rng.choice([0.0, 1.0]) for _ in range(rng.randint(1, 9))
        ]
        value = rng.choice([*references, rng.random() * 5])
        old = 1.0 - bisect_left(sorted(references), value) / len(references)
        assert percentile(value, references, 0.0) == old


def test_tie_tolerance_defaults() -> None:
    assert dict(TIE_TOLERANCE) == {
        "cpu_time": 0.03,
        "wall_time": 0.03,
        "peak_memory": 0.01,
        "memory_integral": 0.05,
        "instructions": 0.002,  # exact for Python/C++/Rust; runtimes with threads move by ~0.1%
    }
    assert percentile(1_001_000, [1_000_000], TIE_TOLERANCE["instructions"]) == 1.0  # 0.1%: a tie
    assert percentile(1_003_000, [1_000_000], TIE_TOLERANCE["instructions"]) == 0.0  # 0.3%: a loss
    with pytest.raises(ValueError):
        percentile(1.0, [1.0], -0.1)


def test_score_uses_each_metrics_tolerance() -> None:
    refs = References({"a": {"cpu_time": [1.0], "peak_memory": [100.0], "memory_integral": [10.0]}})
    # 2% slower (tie at 3%), 2% larger (loss at 1%), 4% larger integral (tie at 5%).
    assert score([ok("a", 1.02, 102.0, 10.4)], refs) == Scores(1, 1.0, 1.0, 0.0, 1.0)


@pytest.mark.parametrize(
    ("n", "c", "k", "expected"),
    [
        (4, 1, 1, 0.25),  # 1 - C(3,1)/C(4,1) = 1 - 3/4
        (5, 2, 2, 0.7),  # 1 - C(3,2)/C(5,2) = 1 - 3/10
        (6, 2, 2, 0.6),  # 1 - C(4,2)/C(6,2) = 1 - 6/15
        (3, 2, 2, 1.0),  # n - c = 1 < k: every pair holds a pass
        (5, 0, 3, 0.0),  # nothing passed
        (5, 5, 5, 1.0),
    ],
)
def test_pass_at_k_by_hand(n: int, c: int, k: int, expected: float) -> None:
    assert pass_at_k(n, c, k) == pytest.approx(expected)


def test_pass_at_k_matches_brute_force_enumeration() -> None:
    for n in range(1, 8):
        for c in range(n + 1):
            for k in range(1, n + 1):
                # Samples 0..c-1 pass; count k-subsets that contain at least one of them.
                subsets = list(combinations(range(n), k))
                hits = sum(any(s < c for s in subset) for subset in subsets)
                assert pass_at_k(n, c, k) == pytest.approx(hits / len(subsets)), (n, c, k)


@pytest.mark.parametrize(("n", "c", "k"), [(3, 4, 1), (3, -1, 1), (3, 1, 0), (3, 1, 4)])
def test_pass_at_k_rejects_invalid_arguments(n: int, c: int, k: int) -> None:
    with pytest.raises(ValueError):
        pass_at_k(n, c, k)


def test_score_by_hand() -> None:
    # N = 4 executions, failures and reference-less problems count 0 but stay in N.
    assert score(EXECUTIONS, REFS) == Scores(
        n=4,
        pass_at_1=0.75,  # 3 passed / 4
        beyond_t=0.375,  # (0.5 + 1.0 + 0 + 0) / 4
        beyond_m=0.25,  # (1.0 + 0.0 + 0 + 0) / 4
        beyond_i=0.5,  # (1.0 + 1.0 + 0 + 0) / 4
    )


def test_score_all_failing_and_empty() -> None:
    assert score([fail("a"), fail("b"), fail("a")], REFS) == Scores(3, 0.0, 0.0, 0.0, 0.0)
    assert score([], REFS) == Scores(0, 0.0, 0.0, 0.0, 0.0)


def test_passed_without_measurement_counts_as_pass_but_not_beyond() -> None:
    unmeasured = Execution.of("a", True, None, 10.0, None)
    # Pass@1 = 1/1; T and I unmeasured -> 0; M ties the best of [10, 20] -> 1.0
    assert score([unmeasured], REFS) == Scores(1, 1.0, 0.0, 1.0, 0.0)
    assert categorize(unmeasured, REFS, "cpu_time") is Category.MEDIOCRE


def test_references_lookup_and_construction() -> None:
    assert REFS.values("a", "peak_memory") == [10.0, 20.0]
    assert REFS.values("unknown", "cpu_time") == []
    assert REFS.values("a", "wall_time") == []  # a known metric that was not measured
    with pytest.raises(ValueError):
        REFS.values("a", "bogus")
    with pytest.raises(ValueError):
        References({}, time_metric="peak_memory")  # Beyond-T ranks by a time metric only
    built = References.from_executions([ok("x", 1.0, 2.0, 3.0), fail("x"), Execution.of("x", True, 4.0, None, 5.0)])
    assert built.values("x", "cpu_time") == [1.0, 4.0]
    assert built.values("x", "peak_memory") == [2.0]  # the unmeasured value is skipped
    assert built.values("x", "memory_integral") == [3.0, 5.0]


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        # 2.5 inside [1, 4]; 0.5 < 1; failed; no references for "b".
        ("cpu_time", [Category.MEDIOCRE, Category.BEYOND, Category.FAILED, Category.MEDIOCRE]),
        # 10 ties the best of [10, 20]; 25 > 20.
        ("peak_memory", [Category.MEDIOCRE, Category.BELOW, Category.FAILED, Category.MEDIOCRE]),
        # 1 < 5; 5 ties every reference.
        ("memory_integral", [Category.BEYOND, Category.MEDIOCRE, Category.FAILED, Category.MEDIOCRE]),
    ],
)
def test_categorize_by_hand(metric: str, expected: list[Category]) -> None:
    assert [categorize(e, REFS, metric) for e in EXECUTIONS] == expected


def test_categorize_ties_with_worst_are_mediocre() -> None:
    assert categorize(ok("a", 4.0, 20.0, 5.0), REFS) is Category.MEDIOCRE
    assert categorize(ok("a", 4.01, 20.0, 5.0), REFS) is Category.BELOW


def test_category_counts_have_every_key() -> None:
    assert category_counts(EXECUTIONS, REFS, "peak_memory") == {
        Category.BEYOND: 0,
        Category.MEDIOCRE: 2,
        Category.BELOW: 1,
        Category.FAILED: 1,
    }
    assert category_counts([], REFS) == dict.fromkeys(Category, 0)
    assert category_counts([fail("a"), fail("b")], REFS)[Category.FAILED] == 2
    ours = Execution.of("a", False, None, None, None, not_scored="IE")  # our failure: in no category, like in no N
    assert category_counts([fail("a"), ours], REFS)[Category.FAILED] == 1


# a@0: 4 runs, 1 passed; b@0: 2 runs, both passed; c@0: 1 failed run; a@1: 2 runs, 1 passed.
PASS_K = [
    *[ok("a", 1, 1, 1), fail("a"), fail("a"), fail("a")],
    *[ok("b", 1, 1, 1), ok("b", 1, 1, 1), fail("c")],
    *[ok("a", 1, 1, 1, iteration=1), fail("a", iteration=1)],
]


def test_pass_at_k_estimates_per_problem_and_iteration() -> None:
    # Groups (problem, iteration): a@0 n=4 c=1; b@0 n=2 c=2; c@0 n=1 c=0; a@1 n=2 c=1. Largest group: 4.
    estimates = pass_at_k_estimates(PASS_K)
    assert list(estimates) == [1, 2]  # k = 5 needs a group of 5
    assert estimates[1] == pytest.approx((0.25 + 1.0 + 0.0 + 0.5) / 4)
    # k = 2 only over groups with >= 2 samples: a@0 1 - C(3,2)/C(4,2) = 0.5; b@0 1.0; a@1 n - c < k: 1.0.
    assert estimates[2] == pytest.approx((0.5 + 1.0 + 1.0) / 3)


def test_pass_at_k_estimates_leave_out_single_samples_and_not_scored() -> None:
    assert pass_at_k_estimates([ok("a", 1, 1, 1), fail("b")]) == {}  # one sample each: that is Pass@1
    ours = Execution.of("a", False, None, None, None, sample_id=1, not_scored="IE")
    assert pass_at_k_estimates([ok("a", 1, 1, 1), ours]) == {}  # the IE is in no N


def test_by_iteration_groups_and_sorts() -> None:
    executions = [ok("a", 0.5, 10.0, 1.0, iteration=2), fail("a", iteration=0), ok("a", 2.5, 25.0, 5.0, iteration=0)]
    result = by_iteration(executions, REFS)
    assert list(result) == [0, 2]
    # Iteration 0: a failure and (T 0.5, M 0.0, I 1.0) over N = 2.
    assert result[0] == Scores(2, 0.5, 0.25, 0.0, 0.5)
    # Iteration 2: one run beating or tying every reference.
    assert result[2] == Scores(1, 1.0, 1.0, 1.0, 1.0)
    assert by_iteration([], REFS) == {}


def _spread_problems() -> list[Execution]:
    executions = []
    for index in range(8):
        problem = f"p{index}"
        executions += [ok(problem, 0.5 + index / 2, 10.0 + index * 3, 1.0 + index), fail(problem)]
        if index % 3 == 0:
            executions.append(fail(problem))
    return executions


def test_bootstrap_is_deterministic_and_contains_point_estimate() -> None:
    executions = _spread_problems()
    refs = References({f"p{i}": REFS.by_problem["a"] for i in range(8)})
    first = bootstrap(executions, refs, rounds=200, seed=7)
    assert first == bootstrap(executions, refs, rounds=200, seed=7)
    assert first != bootstrap(executions, refs, rounds=200, seed=8)  # the seed is used
    point = score(executions, refs)
    assert set(first) == set(SCORE_NAMES) - {"beyond_c"}  # nothing counted: no Beyond-C
    for name, interval in first.items():
        assert (interval.level, interval.method) == (0.95, "BCa")
        assert 0.0 <= interval.low <= getattr(point, name) <= interval.high <= 1.0
    assert first["pass_at_1"].low < first["pass_at_1"].high  # problems differ, so the interval has width


def test_bootstrap_is_scipys_over_problems() -> None:
    # One execution per problem: the score is the mean over problems, so scipy's bootstrap of the mean of
    # the per-problem values, with the same seed and resamples, must give the same interval.
    passed = [1, 0, 1, 1, 0, 1, 1, 1, 0, 1]
    executions = [ok(f"p{i}", 1, 1, 1) if flag else fail(f"p{i}") for i, flag in enumerate(passed)]
    ours = bootstrap(executions, References(), seed=5)["pass_at_1"]
    keyword = "rng" if "rng" in inspect.signature(stats.bootstrap).parameters else "random_state"
    theirs = stats.bootstrap(
        (np.array(passed, dtype=float),), np.mean, n_resamples=1000, method="BCa", **{keyword: np.random.default_rng(5)}
    ).confidence_interval
    assert (ours.low, ours.high) == pytest.approx((theirs.low, theirs.high))
    assert ours.method == "BCa"


def test_bootstrap_resamples_whole_problems() -> None:
    # One problem: nothing to resample between problems, so the interval is the point estimate 2/4.
    # Resampling single runs instead would give a wide interval.
    executions = [ok("a", 2.5, 10.0, 1.0), ok("a", 2.5, 10.0, 1.0), fail("a"), fail("a")]
    assert bootstrap(executions, REFS)["pass_at_1"] == Interval(0.5, 0.5, 0.95, "none")


def test_bootstrap_two_problem_extremes() -> None:
    # Draws of {p, q}: (p, p) -> 1.0, (p, q) -> 0.5, (q, q) -> 0.0; each extreme is a quarter of the draws.
    intervals = bootstrap([ok("p", 1, 1, 1), fail("q")], References(), rounds=128, seed=0)
    assert intervals["pass_at_1"] == Interval(0.0, 1.0, 0.95, "BCa")
    # No references at all: every resample scores 0, BCa is undefined, the percentile interval has no width.
    assert intervals["beyond_t"] == Interval(0.0, 0.0, 0.95, "percentile")


def test_bootstrap_all_equal_data_has_zero_width() -> None:
    executions = [ok(f"p{i}", 2.5, 10.0, 5.0) for i in range(6)]
    point = score(executions, REFS)
    for name, interval in bootstrap(executions, REFS).items():
        assert interval.low == interval.high == pytest.approx(getattr(point, name))
        assert interval.method == "percentile"


def test_bootstrap_survives_a_failing_bca(monkeypatch: pytest.MonkeyPatch) -> None:
    real = stats.bootstrap

    def bca_fails(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("method") == "BCa":
            raise ValueError("jackknife failed")
        return real(*args, **kwargs)

    monkeypatch.setattr(metrics.stats, "bootstrap", bca_fails)
    intervals = bootstrap(_spread_problems(), REFS, rounds=100)
    assert {interval.method for interval in intervals.values()} == {"percentile"}
    assert intervals["pass_at_1"].low < intervals["pass_at_1"].high


def test_bootstrap_empty_and_invalid() -> None:
    assert bootstrap([], REFS, level=0.9) == {}  # nothing scored: no interval, not a zero one
    assert bootstrap([Execution.of("a", False, None, None, None, not_scored="IE")], REFS) == {}
    with pytest.raises(ValueError):
        bootstrap(EXECUTIONS, REFS, rounds=0)
    with pytest.raises(ValueError):
        bootstrap(EXECUTIONS, REFS, level=1.0)
