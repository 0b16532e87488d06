"""Robust summaries of repeated measurements."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


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
