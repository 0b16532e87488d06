"""Robust summaries of repeated measurements.

A deterministic program measured `repeat` times gives one true cost plus noise. On a quiet, pinned core
that noise is mostly additive and positive: interrupts, cache and TLB misses after a context switch,
frequency changes and the sandbox's own sampling only ever add time, they never remove any. So:

- `min` is the most stable estimate of the true cost when the noise is one-sided (every pass is the
  cost plus something non-negative); it ignores slow outliers entirely, but trusts a single fast pass.
- `median` is the conventional choice: robust to up to half of the passes being outliers either way.
- `hodges_lehmann` (the median of all Walsh averages (x_i + x_j) / 2, i <= j) is about as robust as
  the median (breakdown point 29%) but far more efficient on near-normal noise (95% of the mean's
  efficiency against the median's 64%); ENAMEL reports it for the same reason.
- `mean` is efficient only without outliers; it is kept for comparison with papers that use it.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np
import numpy.typing as npt

Estimator = Literal["median", "min", "hodges_lehmann", "mean"]
ESTIMATORS: tuple[Estimator, ...] = get_args(Estimator)
# Chosen by benchmarks/measurement.py (see docs/architecture.md, "Measurement model").
DEFAULT_ESTIMATOR: Estimator = "min"

_Values = npt.NDArray[np.float64]


def _hodges_lehmann(values: _Values) -> float:
    """Median of the Walsh averages (x_i + x_j) / 2 over all pairs i <= j (n (n + 1) / 2 of them)."""
    rows, cols = np.triu_indices(len(values))
    return float(np.median((values[rows] + values[cols]) / 2.0))


_ESTIMATES: dict[str, Callable[[_Values], float]] = {
    "median": lambda values: float(np.median(values)),
    "min": lambda values: float(np.min(values)),
    "hodges_lehmann": _hodges_lehmann,
    "mean": lambda values: float(np.mean(values)),
}


def estimate(values: Sequence[float], estimator: Estimator) -> float:
    """One program's cost from its repeated measured passes (see the module docstring for the choice)."""
    compute = _ESTIMATES.get(estimator)
    if compute is None:
        raise ValueError(f"unknown estimator {estimator!r}; expected one of {', '.join(ESTIMATORS)}")
    if len(values) == 0:
        raise ValueError("no measurements")
    return compute(np.asarray(values, dtype=np.float64))


@dataclass(frozen=True)
class Spread:
    """Median and median absolute deviation of n measurements."""

    median: float
    mad: float
    minimum: float
    maximum: float
    n: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        if not values:
            raise ValueError("no measurements")
        middle = statistics.median(values)
        mad = statistics.median(abs(v - middle) for v in values)
        return cls(middle, mad, min(values), max(values), len(values))

    @property
    def relative_mad(self) -> float:
        return self.mad / self.median if self.median else 0.0

    @property
    def relative_range(self) -> float:
        """(maximum - minimum) / median: the widest disagreement between passes, relative to the typical one.

        With one-sided noise this bounds how far any single pass sits above the true cost, which is what
        a tie tolerance between two programs has to cover.
        """
        return (self.maximum - self.minimum) / self.median if self.median else 0.0
