"""Robust estimators of repeated measurements, and the keep-best permutation test."""

from __future__ import annotations

import statistics
import time
import tracemalloc
from itertools import combinations

import numpy as np
import pytest

from afterburner.judge.stats import ESTIMATORS, Spread, estimate
from afterburner.optimize.selection import NoisePolicy, permutation_p_value, significantly_lower

PASSES = [1.00, 1.02, 0.99, 1.50, 1.01]  # one slow outlier, as additive positive noise makes them


def test_estimator_names() -> None:
    assert ESTIMATORS == ("median", "min", "hodges_lehmann", "mean")


@pytest.mark.parametrize(
    ("estimator", "expected"),
    [
        ("median", 1.01),
        ("min", 0.99),
        ("mean", 1.104),
        ("hodges_lehmann", 1.01),  # median of the 15 Walsh averages, computed by hand below
    ],
)
def test_estimates_by_hand(estimator: str, expected: float) -> None:
    assert estimate(PASSES, estimator) == pytest.approx(expected)  # type: ignore[arg-type]


def test_hodges_lehmann_is_median_of_walsh_averages() -> None:
    values = [3.0, 1.0, 7.0, 2.0, 10.0, 4.0]
    walsh = [(values[i] + values[j]) / 2 for i in range(len(values)) for j in range(i, len(values))]
    assert len(walsh) == 21
    assert estimate(values, "hodges_lehmann") == pytest.approx(statistics.median(walsh))
    assert estimate([5.0], "hodges_lehmann") == 5.0
    assert estimate([1.0, 2.0], "hodges_lehmann") == 1.5  # averages 1.0, 1.5, 2.0


def test_hodges_lehmann_resists_outliers_better_than_the_mean() -> None:
    clean = [1.0, 1.01, 0.99, 1.02, 0.98, 1.0, 1.01]
    dirty = [*clean[:-1], 100.0]
    assert abs(estimate(dirty, "hodges_lehmann") - estimate(clean, "hodges_lehmann")) < 0.02
    assert estimate(dirty, "mean") > 10


def test_estimate_rejects_empty_input_and_unknown_names() -> None:
    for estimator in ESTIMATORS:
        with pytest.raises(ValueError, match="no measurements"):
            estimate([], estimator)
    with pytest.raises(ValueError, match="unknown estimator"):
        estimate([1.0], "trimmed_mean")  # type: ignore[arg-type]


def test_spread_relative_figures() -> None:
    spread = Spread.of([1.0, 2.0, 3.0, 4.0, 100.0])
    assert spread.relative_mad == pytest.approx(1 / 3)
    assert spread.relative_range == pytest.approx(99 / 3)
    assert Spread.of([0.0, 0.0]).relative_range == 0.0


def _mid_ranks(values: list[float]) -> list[float]:
    ordered = sorted(values)
    return [sum(i + 1 for i, o in enumerate(ordered) if o == v) / ordered.count(v) for v in values]


def _brute_force_p(better: list[float], worse: list[float]) -> float:
    """Exact one-sided p-value of the rank sum of `better`, by enumerating every split of the pooled passes."""
    ranks = _mid_ranks([*better, *worse])
    observed = sum(ranks[: len(better)])
    splits = list(combinations(range(len(ranks)), len(better)))
    extreme = sum(sum(ranks[i] for i in chosen) <= observed + 1e-9 for chosen in splits)
    return extreme / len(splits)


def test_permutation_exact_small_cases() -> None:
    assert permutation_p_value([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]) == pytest.approx(1 / 20)
    assert permutation_p_value([4.0, 5.0, 6.0], [1.0, 2.0, 3.0]) == 1.0
    assert permutation_p_value([1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]) == pytest.approx(1 / 70)
    assert permutation_p_value([1.0, 2.0, 4.0], [3.0, 5.0, 6.0]) == pytest.approx(2 / 20)  # rank sums 6 and 7


def test_permutation_with_tied_passes() -> None:
    # Identical passes (peak memory often is): only the observed split is as extreme, 1 / C(6, 3).
    assert permutation_p_value([0.5, 0.5, 0.5], [1.0, 1.0, 1.0]) == pytest.approx(1 / 20)
    assert permutation_p_value([1.0] * 5, [1.0] * 5) == 1.0  # no difference at all
    assert permutation_p_value([1.0, 1.0, 2.0], [1.0, 2.0, 2.0]) == pytest.approx(
        _brute_force_p([1.0, 1.0, 2.0], [1.0, 2.0, 2.0])
    )


@pytest.mark.parametrize("sizes", [(3, 3), (4, 3), (3, 5), (6, 6), (7, 7)])
def test_permutation_matches_brute_force_enumeration(sizes: tuple[int, int]) -> None:
    rng = np.random.default_rng(sum(sizes))
    better = [float(v) for v in rng.normal(1.0, 0.1, sizes[0])]
    worse = [float(v) for v in rng.normal(1.1, 0.1, sizes[1])]
    assert permutation_p_value(better, worse) == pytest.approx(_brute_force_p(better, worse))


def test_permutation_is_reproducible() -> None:
    rng = np.random.default_rng(7)
    better = [float(v) for v in rng.normal(1.0, 0.05, 20)]
    worse = [float(v) for v in rng.normal(1.01, 0.05, 20)]
    assert permutation_p_value(better, worse) == permutation_p_value(better, worse)


def test_permutation_at_repeat_50_is_fast_and_bounded() -> None:
    rng = np.random.default_rng(0)
    fast = [float(v) for v in rng.normal(1.0, 0.02, 50)]
    slow = [float(v) for v in rng.normal(1.1, 0.02, 50)]
    same = [float(v) for v in rng.normal(1.0, 0.02, 50)]
    tracemalloc.start()
    started = time.perf_counter()
    try:
        separated = permutation_p_value(fast, slow)
        identical = permutation_p_value(fast, same)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 10.0
    assert peak < 50 * 2**20
    assert separated < 0.01  # Monte Carlo with 9999 resamples: the smallest p is 1 / 10000
    assert identical > 0.1


def test_significantly_lower_at_high_repeat() -> None:
    rng = np.random.default_rng(3)
    best = [float(v) for v in rng.normal(1.0, 0.02, 15)]
    policy = NoisePolicy()
    assert significantly_lower([v * 0.9 for v in best], best, policy)
    assert not significantly_lower([float(v) for v in rng.normal(1.0, 0.02, 15)], best, policy)
    assert significantly_lower([900.0] * 15, [1000.0] * 15, policy)  # identical passes, 10% lower
