"""Which attempt is the best so far: the paper's keep-best rule, made robust to noise.

A passing candidate replaces a passing best only when its median objective is lower by at least
`min_gain` AND (with 3+ measured passes on both sides) a one-sided permutation test on the per-pass
totals says the gain is unlikely to be noise (p <= alpha). The "time" objective is the run's ranking
metric: by default the exact instruction count, one value per program (no noise, so only the gain
decides), or a clock with `--metric cpu_time`. The test is scipy's: exact when the two
samples have at most `PERMUTATION_RESAMPLES` distinct splits, Monte Carlo with a fixed seed
otherwise, so the same measurements always give the same decision and the cost stays bounded at
any repeat.

Its statistic is the candidate's rank sum (Mann-Whitney U up to a constant, ties get mid-ranks), not
the difference of medians the gain is measured on. Both are robust to slow outliers, but the median
difference takes so few distinct values over the splits that its exact p-value cannot go below 0.1
at 3 + 3 passes (always two extreme splits), and with tied passes (peak memory counted in pages is
often identical pass after pass) about half of all splits are as extreme as the observed one, so a
real memory improvement could never pass. The rank sum has one extreme split: 1 / C(n + m, n).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.stats import permutation_test, rankdata  # type: ignore[import-untyped]

from afterburner.core.config import require, setting

OBJECTIVES = {"time": "cpu_time", "memory": "peak_memory", "integral": "memory_integral"}
TIME = "time"  # the objective that follows the ranking metric (instructions, or a clock)


def parse_objectives(text: str) -> tuple[str, ...]:
    """'time', or 'time,memory': the first is optimized, the others must not get worse beyond noise."""
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in OBJECTIVES]
    if not names or unknown or len(set(names)) != len(names):
        raise ValueError(f"objective {text!r}: give one or more of {', '.join(OBJECTIVES)}, comma-separated, each once")
    return names


def objective_metrics(text: str, ranking: str = "instructions") -> tuple[str, ...]:
    """The metric names of an objective string, primary first; 'time' is measured by `ranking`."""
    return tuple(ranking if name == TIME else OBJECTIVES[name] for name in parse_objectives(text))


PERMUTATION_RESAMPLES = 9999  # exact test up to this many distinct splits (7 + 7 passes: 3432), Monte Carlo above
PERMUTATION_BATCH = 1000  # permutations evaluated at once: memory ~ batch * (n + m) floats
PERMUTATION_SEED = 20250529  # fixed: the same measurements always give the same p-value


@dataclass(frozen=True)
class NoisePolicy:
    """When a candidate counts as better than the best so far, beyond measurement noise."""

    min_gain: float = setting(0.05, "Relative gain (of medians) a new best must show.")
    alpha: float = setting(0.1, "Significance level of the permutation test on the passes.")
    min_samples: int = setting(3, "Passes per side below which only the gain is required (no test).")

    def __post_init__(self) -> None:
        require(
            [
                (0.0 <= self.min_gain < 1.0, "min_gain must be in [0, 1)"),
                (0.0 < self.alpha < 1.0, "alpha must be in (0, 1)"),
                (self.min_samples >= 1, "min_samples must be at least 1"),
            ],
            "noise policy",
        )


def _rank_sum(
    candidate: npt.NDArray[np.float64], other: npt.NDArray[np.float64], axis: int = -1
) -> npt.NDArray[np.float64]:
    """The test statistic, vectorized over resamples: the sum of the candidate's ranks in the pooled sample."""
    pooled = np.concatenate([np.moveaxis(candidate, axis, -1), np.moveaxis(other, axis, -1)], axis=-1)
    ranks = np.asarray(rankdata(pooled, axis=-1), dtype=np.float64)
    return np.asarray(ranks[..., : candidate.shape[axis]].sum(axis=-1), dtype=np.float64)


def permutation_p_value(better: Sequence[float], worse: Sequence[float]) -> float:
    """One-sided test that `better` is stochastically lower: P(rank sum <= observed) under exchangeable labels."""
    result = permutation_test(
        (np.asarray(better, dtype=np.float64), np.asarray(worse, dtype=np.float64)),
        _rank_sum,
        permutation_type="independent",
        vectorized=True,
        n_resamples=PERMUTATION_RESAMPLES,
        batch=PERMUTATION_BATCH,
        alternative="less",
        rng=np.random.default_rng(PERMUTATION_SEED),
    )
    return float(result.pvalue)


def significantly_lower(candidate: Sequence[float], best: Sequence[float], policy: NoisePolicy) -> bool:
    """Whether the candidate's measured passes are lower than the best's beyond noise."""
    if not candidate or not best:
        return False
    median_candidate = statistics.median(candidate)
    median_best = statistics.median(best)
    if median_best <= 0 or (median_best - median_candidate) / median_best < policy.min_gain:
        return False
    if min(len(candidate), len(best)) < policy.min_samples:
        return True
    return permutation_p_value(candidate, best) <= policy.alpha


@dataclass(frozen=True)
class Standing:
    """What the keep-best rule needs to know about an attempt."""

    passed: bool
    tests_passed: int
    samples: Sequence[float]  # primary objective per measured pass (empty unless passed)
    guards: tuple[Sequence[float], ...] = ()  # the other objectives per pass: must not get worse beyond noise


def standing_of(
    passed: bool,
    tests_passed: int,
    samples: Mapping[str, Sequence[float]],
    objective: str,
    ranking: str = "instructions",
) -> Standing:
    """A Standing from per-pass samples per metric; `objective` may name several ('time,memory').

    A passing program without a figure for its primary objective (the counter could not count it)
    has no samples, so it never replaces a best.
    """
    primary, *others = objective_metrics(objective, ranking)
    return Standing(passed, tests_passed, samples.get(primary, []), tuple(samples.get(m, []) for m in others))


def replaces(candidate: Standing, best: Standing | None, policy: NoisePolicy) -> bool:
    """The keep-best rule (with the paper's fixes): lower is better, noise never counts.

    With guards (more than one objective), the candidate must also not be higher than the best
    beyond noise in any guarded objective, by the same test with the roles swapped.
    """
    if best is None:
        return True
    if candidate.passed != best.passed:
        return candidate.passed  # failing -> passing wins; passing -> failing loses
    if not candidate.passed:  # both fail: the one that got further, else the newer (fresh feedback)
        return candidate.tests_passed >= best.tests_passed
    if not significantly_lower(candidate.samples, best.samples, policy):
        return False
    # Multi-objective: a gain in the primary objective must not cost the others beyond noise.
    return not any(
        significantly_lower(old, new, policy) for new, old in zip(candidate.guards, best.guards, strict=False)
    )
