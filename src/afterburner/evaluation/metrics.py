"""Litmus metrics: Pass@k, Beyond-T/M/I percentiles against reference solutions, bootstrap intervals, categories.

Pure logic without I/O. Lower is better for every efficiency metric (seconds, bytes, byte-seconds).

Percentiles and ties: a candidate x scores the share of references r it beats or ties, where r counts
when r >= x (at least as slow: the paper's convention) or when the two differ by no more than the
measurement noise, |x - r| <= tolerance * max(x, r). A candidate 0.3% slower than a reference on a
noisy CPU clock has not lost to it; one 5% slower has. `TIE_TOLERANCE` holds each metric's default
tolerance; with tolerance 0 the rule is exactly `1 - bisect_left(sorted(H), x) / |H|`.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

METRICS: tuple[str, ...] = ("cpu_time", "peak_memory", "memory_integral")
# What Beyond-T may rank by: CPU time (default), wall time, or deterministic instruction counts.
TIME_METRICS: tuple[str, ...] = ("cpu_time", "wall_time", "instructions")
ALL_METRICS: tuple[str, ...] = (*METRICS, "wall_time", "instructions")
DISPLAY_NAMES: Mapping[str, str] = MappingProxyType(
    {"cpu_time": "Beyond-T", "peak_memory": "Beyond-M", "memory_integral": "Beyond-I"}
)
SCORE_NAMES: tuple[str, ...] = ("pass_at_1", "beyond_t", "beyond_m", "beyond_i")
SCORE_LABELS: Mapping[str, str] = MappingProxyType(
    {"pass_at_1": "Pass@1", "beyond_t": "Beyond-T", "beyond_m": "Beyond-M", "beyond_i": "Beyond-I"}
)


def _check_metric(metric: str) -> None:
    if metric not in ALL_METRICS:
        raise ValueError(f"unknown metric {metric!r}; expected one of {', '.join(ALL_METRICS)}")


# Default tie tolerances, relative (see the module docstring). Times: the median of a few passes of the same
# program still moves by a few percent between runs (frequency, cache and scheduler effects), so 3%. Peak
# memory is a cgroup high-water mark that moves only by page and allocator granularity: 1%. The integral
# carries the time noise plus sampling jitter: 5%. Instruction counts are deterministic: exact (0).
TIE_TOLERANCE: Mapping[str, float] = MappingProxyType(
    {"cpu_time": 0.03, "wall_time": 0.03, "peak_memory": 0.01, "memory_integral": 0.05, "instructions": 0.0}
)


def _loses_to(value: float, reference: float, tolerance: float) -> bool:
    """Whether reference is faster (smaller) than value by more than the tie tolerance."""
    return reference < value and value - reference > tolerance * max(value, reference)


def percentile(value: float, references: Sequence[float], tolerance: float = 0.0) -> float:
    """Share of references value beats or ties (within `tolerance`, relative): 1.0 is the best, 0.0 the worst."""
    if tolerance < 0.0:
        raise ValueError(f"tolerance must be >= 0, got {tolerance}")
    if not references:
        return 0.0
    return 1.0 - sum(_loses_to(value, r, tolerance) for r in references) / len(references)


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased Pass@k from n samples of which c passed: 1 - C(n-c, k) / C(n, k), as a stable product."""
    if not 0 <= c <= n:
        raise ValueError(f"need 0 <= c <= n, got c={c}, n={n}")
    if not 1 <= k <= n:
        raise ValueError(f"need 1 <= k <= n, got k={k}, n={n}")
    if n - c < k:
        return 1.0  # every draw of k samples contains a passing one
    # C(n-c, k) / C(n, k) = prod_{i=n-c+1}^{n} (1 - k/i); avoids huge binomials.
    return 1.0 - math.prod(1.0 - k / i for i in range(n - c + 1, n + 1))


@dataclass(frozen=True)
class Execution:
    """One judged run of a candidate solution; metrics are None when it failed or was not measured."""

    problem_id: str
    passed: bool
    cpu_time: float | None
    peak_memory: float | None
    memory_integral: float | None
    sample_id: int = 0
    iteration: int = 0
    language: str = "python"
    wall_time: float | None = None
    instructions: float | None = None

    def value(self, metric: str) -> float | None:
        _check_metric(metric)
        value: float | None = getattr(self, metric)
        return value


@dataclass(frozen=True)
class References:
    """Metric values of passed reference solutions per problem, measured on the same machine as the candidates."""

    by_problem: Mapping[str, Mapping[str, Sequence[float]]] = field(default_factory=dict)
    time_metric: str = "cpu_time"  # what Beyond-T ranks by (one of TIME_METRICS)

    def __post_init__(self) -> None:
        if self.time_metric not in TIME_METRICS:
            raise ValueError(f"unknown time metric {self.time_metric!r}; expected one of {', '.join(TIME_METRICS)}")

    def ranked_metric(self, metric: str) -> str:
        """The metric measured for a Beyond slot: the time slot follows `time_metric`."""
        return self.time_metric if metric == "cpu_time" else metric

    def values(self, problem_id: str, metric: str) -> list[float]:
        _check_metric(metric)
        return list(self.by_problem.get(problem_id, {}).get(metric, ()))

    @classmethod
    def from_executions(cls, executions: Iterable[Execution], time_metric: str = "cpu_time") -> References:
        """Collect the measured values of passed reference runs; failed or unmeasured runs are ignored."""
        collected: dict[str, dict[str, list[float]]] = defaultdict(lambda: {m: [] for m in ALL_METRICS})
        for execution in executions:
            if not execution.passed:
                continue
            for metric in ALL_METRICS:
                value = execution.value(metric)
                if value is not None:
                    collected[execution.problem_id][metric].append(value)
        return cls({problem: dict(values) for problem, values in collected.items()}, time_metric)


@dataclass(frozen=True)
class Scores:
    """Pass@1 and Beyond-T/M/I over n executions, each a fraction in [0, 1]."""

    n: int
    pass_at_1: float
    beyond_t: float
    beyond_m: float
    beyond_i: float

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in SCORE_NAMES}


# (passed, percentile time, percentile memory, percentile integral) of one execution.
_Contribution = tuple[float, float, float, float]


def _contribution(execution: Execution, references: References) -> _Contribution:
    """What one execution adds to the sums behind Scores; failures and unmeasured metrics add 0."""
    if not execution.passed:
        return (0.0, 0.0, 0.0, 0.0)
    shares: list[float] = []
    for slot in METRICS:
        metric = references.ranked_metric(slot)
        value = execution.value(metric)
        refs = references.values(execution.problem_id, metric)
        shares.append(0.0 if value is None else percentile(value, refs, TIE_TOLERANCE.get(metric, 0.0)))
    return (1.0, shares[0], shares[1], shares[2])


def _scores_from_sums(n: int, sums: Sequence[float]) -> Scores:
    if n == 0:
        return Scores(0, 0.0, 0.0, 0.0, 0.0)
    return Scores(n, sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n)


def _sum(contributions: Iterable[_Contribution]) -> list[float]:
    totals = [0.0, 0.0, 0.0, 0.0]
    for contribution in contributions:
        for index, part in enumerate(contribution):
            totals[index] += part
    return totals


def score(executions: Sequence[Execution], references: References) -> Scores:
    """Pass@1 and Beyond-T/M/I; a failed execution scores 0 but still counts in the denominator."""
    return _scores_from_sums(len(executions), _sum(_contribution(e, references) for e in executions))


@dataclass(frozen=True)
class Interval:
    """A bootstrap confidence interval at the given level."""

    low: float
    high: float
    level: float


def _quantile(ordered: Sequence[float], q: float) -> float:
    """Linearly interpolated quantile of already sorted values."""
    position = q * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def bootstrap(
    executions: Sequence[Execution],
    references: References,
    rounds: int = 128,
    seed: int = 0,
    level: float = 0.95,
) -> dict[str, Interval]:
    """Percentile-bootstrap intervals of the four scores, resampling problems (with all their executions).

    Samples of one problem are correlated, so drawing whole problems gives honest widths.
    """
    if rounds < 1:
        raise ValueError(f"need at least one round, got {rounds}")
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must lie in (0, 1), got {level}")
    if not executions:
        return {name: Interval(0.0, 0.0, level) for name in SCORE_NAMES}
    groups = group_by_problem(executions)
    problems = sorted(groups)  # fixed order: the same seed draws the same problems
    sums = {p: _sum(_contribution(e, references) for e in groups[p]) for p in problems}
    rng = random.Random(seed)
    draws: dict[str, list[float]] = {name: [] for name in SCORE_NAMES}
    for _ in range(rounds):
        drawn = rng.choices(problems, k=len(problems))
        totals = [sum(sums[p][index] for p in drawn) for index in range(4)]
        resampled = _scores_from_sums(sum(len(groups[p]) for p in drawn), totals)
        for name in SCORE_NAMES:
            draws[name].append(getattr(resampled, name))
    tail = (1.0 - level) / 2
    return {
        name: Interval(_quantile(sorted(values), tail), _quantile(sorted(values), 1.0 - tail), level)
        for name, values in draws.items()
    }


def group_by_problem(executions: Iterable[Execution]) -> dict[str, list[Execution]]:
    groups: dict[str, list[Execution]] = defaultdict(list)
    for execution in executions:
        groups[execution.problem_id].append(execution)
    return dict(groups)


def pass_at_k_by_problem(executions: Sequence[Execution], k: int, iteration: int | None = None) -> float:
    """Mean over problems of pass_at_k(n, c, k), each problem's samples pooled; 0.0 if no problem qualifies.

    With iteration set, only executions of that iteration count. Problems with fewer than k executions
    are left out, since Pass@k is undefined for them.
    """
    chosen = [e for e in executions if iteration is None or e.iteration == iteration]
    estimates = [
        pass_at_k(len(group), sum(e.passed for e in group), k)
        for group in group_by_problem(chosen).values()
        if len(group) >= k
    ]
    return sum(estimates) / len(estimates) if estimates else 0.0


class Category(StrEnum):
    """Where a candidate lands relative to the reference distribution of one metric."""

    BEYOND = "beyond"  # strictly better than every reference
    MEDIOCRE = "mediocre"  # within the reference range (ties included), or nothing to compare with
    BELOW = "below"  # strictly worse than every reference
    FAILED = "failed"  # did not pass


def categorize(execution: Execution, references: References, metric: str = "cpu_time") -> Category:
    """BEYOND/BELOW need a strict win/loss against all references; anything else that passed is MEDIOCRE."""
    if not execution.passed:
        return Category.FAILED
    metric = references.ranked_metric(metric)
    value = execution.value(metric)
    refs = references.values(execution.problem_id, metric)
    if value is None or not refs:
        return Category.MEDIOCRE
    if value < min(refs):
        return Category.BEYOND
    if value > max(refs):
        return Category.BELOW
    return Category.MEDIOCRE


def category_counts(
    executions: Iterable[Execution], references: References, metric: str = "cpu_time"
) -> dict[Category, int]:
    counts = dict.fromkeys(Category, 0)
    for execution in executions:
        counts[categorize(execution, references, metric)] += 1
    return counts


def by_iteration(executions: Iterable[Execution], references: References) -> dict[int, Scores]:
    """Scores per refinement iteration, in increasing iteration order."""
    groups: dict[int, list[Execution]] = defaultdict(list)
    for execution in executions:
        groups[execution.iteration].append(execution)
    return {iteration: score(groups[iteration], references) for iteration in sorted(groups)}
