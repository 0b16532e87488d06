"""What an optimize run changed per problem: the starting code against the best, speed-ups, Pareto points.

Pure data and arithmetic (no I/O). The optimize layer fills `ProblemChange` from its re-measured
figures; reports render them (a diff of the code with both figures, each problem's time/memory
Pareto front) and summarize the speed-ups (geometric mean with a bootstrap interval over problems,
the share of problems improved beyond noise).

A speed-up is start / best of the re-measured CPU time (2.0: twice as fast). It exists only when
both the start and the best passed when re-measured; otherwise it is None, never a number.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import stats  # type: ignore[import-untyped]

from afterburner.evaluation.metrics import Interval


@dataclass(frozen=True)
class Point:
    """One passing solution's figures on a time/memory plane (a candidate or a reference)."""

    label: str  # "iteration 2 sample 1", or the reference's label ("naive", "0", ...)
    cpu_time: float  # seconds
    peak_memory: float  # bytes
    iteration: int | None = None  # None for a reference


@dataclass(frozen=True)
class ProblemChange:
    """One problem: where the run started, where it ended, and every passing solution seen on the way."""

    problem_id: str
    language: str
    start_code: str  # iteration 0's code (the given original, or the first passing draft)
    best_code: str  # the best after the last iteration (may equal start_code: nothing beat it)
    start_label: str  # "reference naive", "your file", "generated", ...
    start: dict[str, float | None]  # re-measured metrics of the start (cpu_time, peak_memory, memory_integral)
    best: dict[str, float | None]  # re-measured metrics of the best
    start_percentiles: dict[str, float | None] = field(default_factory=dict)  # among references, re-measured
    best_percentiles: dict[str, float | None] = field(default_factory=dict)
    improved: bool = False  # the best is lower than the start beyond noise, on the re-measured passes
    candidates: tuple[Point, ...] = ()  # every passing candidate (selection passes, feedback tests)
    references: tuple[Point, ...] = ()  # the references on the same tests as `candidates`
    measured: str = ""  # how start/best were measured, in words

    @property
    def speedup(self) -> float | None:
        """Start CPU time / best CPU time (re-measured); None unless both passed and were measured."""
        return ratio(self.start.get("cpu_time"), self.best.get("cpu_time"))

    @property
    def count_ratio(self) -> float | None:
        """Start instruction count / best (re-counted): above 1 the best executes fewer instructions."""
        return ratio(self.start.get("instructions"), self.best.get("instructions"))

    @property
    def memory_ratio(self) -> float | None:
        """Start peak memory / best peak memory: above 1 the best uses less."""
        return ratio(self.start.get("peak_memory"), self.best.get("peak_memory"))

    @property
    def changed(self) -> bool:
        return self.start_code.strip() != self.best_code.strip()


def ratio(before: float | None, after: float | None) -> float | None:
    if before is None or after is None or before <= 0 or after <= 0:
        return None
    return before / after


def pareto_front(points: Sequence[Point]) -> list[Point]:
    """The points no other point beats on both CPU time and peak memory, by increasing time."""
    front: list[Point] = []
    for point in sorted(points, key=lambda p: (p.cpu_time, p.peak_memory)):
        if not front or point.peak_memory < front[-1].peak_memory:
            front.append(point)
    return front


@dataclass(frozen=True)
class SpeedupSummary:
    """The speed-ups of a run over its problems."""

    problems: int  # problems whose start and best both have a speed-up
    geometric_mean: float | None
    interval: Interval | None  # bootstrap over problems of the geometric mean; None below 2 problems
    improved_share: float | None  # share of all problems (with a measured start) improved beyond noise
    improved: int
    of: int  # problems with a measured (passing) start
    memory_geometric_mean: float | None = None


def geometric_mean(values: Sequence[float]) -> float | None:
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def summarize_speedups(
    changes: Sequence[ProblemChange], rounds: int = 1000, seed: int = 0, level: float = 0.95
) -> SpeedupSummary:
    """Geometric mean of the speed-ups (percentile bootstrap over problems), and the share improved."""
    speedups = [s for s in (c.speedup for c in changes) if s is not None]
    memory = [m for m in (c.memory_ratio for c in changes) if m is not None]
    measured = [c for c in changes if c.start.get("cpu_time") is not None]
    improved = sum(c.improved for c in measured)
    interval = None
    if len(speedups) >= 2:
        logs = np.log(np.asarray(speedups, dtype=np.float64))
        if np.ptp(logs) == 0:
            value = float(np.exp(logs[0]))
            interval = Interval(value, value, level, "percentile")
        else:
            result = stats.bootstrap(
                (logs,),
                np.mean,
                n_resamples=rounds,
                confidence_level=level,
                method="percentile",
                rng=np.random.default_rng(seed),
            )
            low, high = result.confidence_interval
            interval = Interval(float(np.exp(low)), float(np.exp(high)), level, "percentile")
    return SpeedupSummary(
        problems=len(speedups),
        geometric_mean=geometric_mean(speedups),
        interval=interval,
        improved_share=improved / len(measured) if measured else None,
        improved=improved,
        of=len(measured),
        memory_geometric_mean=geometric_mean(memory),
    )


def _point_json(point: Point) -> dict[str, object]:
    return {
        "label": point.label,
        "cpu_time": point.cpu_time,
        "peak_memory": point.peak_memory,
        "iteration": point.iteration,
    }


def changes_json(changes: Sequence[ProblemChange], summary: SpeedupSummary | None) -> dict[str, object]:
    """The JSON view: the summary and, per problem, start and best with their figures and code."""
    interval = summary.interval if summary else None
    return {
        "speedups": None
        if summary is None
        else {
            "what": "start CPU time / best CPU time, re-measured on the scoring tests with the references",
            "problems": summary.problems,
            "geometric_mean": summary.geometric_mean,
            "interval": None
            if interval is None
            else {"low": interval.low, "high": interval.high, "level": interval.level, "method": interval.method},
            "improved": summary.improved,
            "of": summary.of,
            "improved_share": summary.improved_share,
            "memory_geometric_mean": summary.memory_geometric_mean,
        },
        "changes": [
            {
                "problem_id": c.problem_id,
                "language": c.language,
                "start_label": c.start_label,
                "start": c.start,
                "best": c.best,
                "start_percentiles": c.start_percentiles,
                "best_percentiles": c.best_percentiles,
                "speedup": c.speedup,
                "memory_ratio": c.memory_ratio,
                "improved": c.improved,
                "changed": c.changed,
                "measured": c.measured,
                "pareto_front": [_point_json(p) for p in pareto_front(c.candidates)],
                "candidates": len(c.candidates),
                "references": [_point_json(p) for p in c.references],
                "start_code": c.start_code,
                "best_code": c.best_code,
            }
            for c in changes
        ],
    }
