"""Which attempt is the best so far: the paper's keep-best rule, made robust to noise.

A passing candidate replaces a passing best only when it is better on the objective by at
least `min_gain` AND (with 3+ measured passes on both sides) a one-sided exact permutation
test on the per-pass totals says the difference is unlikely to be noise (p <= alpha).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

OBJECTIVES = {"time": "cpu_time", "memory": "peak_memory", "integral": "memory_integral"}


@dataclass(frozen=True)
class NoisePolicy:
    min_gain: float = 0.05  # relative improvement required
    alpha: float = 0.1  # significance level of the permutation test
    min_samples: int = 3  # below this many passes per side, the test is skipped (gain only)


def permutation_p_value(better: Sequence[float], worse: Sequence[float]) -> float:
    """One-sided exact test: P(mean(better) - mean(worse) <= observed) under exchangeable labels."""
    pooled = [*better, *worse]
    n = len(better)
    observed = sum(better) / n - sum(worse) / len(worse)
    splits = list(itertools.combinations(range(len(pooled)), n))
    if len(splits) > 20_000:  # keep it cheap; 10 + 10 passes is already 184,756 splits
        splits = splits[:: math.ceil(len(splits) / 20_000)]
    total = sum(pooled)
    extreme = 0
    for chosen in splits:
        picked = sum(pooled[i] for i in chosen)
        if picked / n - (total - picked) / (len(pooled) - n) <= observed + 1e-15:
            extreme += 1
    return extreme / len(splits)


def significantly_lower(candidate: Sequence[float], best: Sequence[float], policy: NoisePolicy) -> bool:
    """Whether the candidate's measured passes are lower than the best's beyond noise."""
    if not candidate or not best:
        return False
    median_candidate = sorted(candidate)[len(candidate) // 2]
    median_best = sorted(best)[len(best) // 2]
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
    samples: Sequence[float]  # objective per measured pass (empty unless passed)


def replaces(candidate: Standing, best: Standing | None, policy: NoisePolicy) -> bool:
    """The keep-best rule (with the paper's fixes): lower is better, noise never counts."""
    if best is None:
        return True
    if candidate.passed != best.passed:
        return candidate.passed  # failing -> passing wins; passing -> failing loses
    if not candidate.passed:  # both fail: the one that got further, else the newer (fresh feedback)
        return candidate.tests_passed >= best.tests_passed
    return significantly_lower(candidate.samples, best.samples, policy)
