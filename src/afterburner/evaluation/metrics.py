"""Litmus metrics: Pass@k, Beyond-T/M/I/C percentiles against reference solutions, bootstrap intervals, categories.

Pure logic without I/O. Lower is better for every efficiency metric (seconds, bytes, byte-seconds,
instructions). Beyond-T ranks by a clock (CPU time, or wall time), Beyond-M by peak memory,
Beyond-I by the memory-time integral (the paper's three) and Beyond-C by the exact instruction
count, where one was taken. Which of them decides (the headline) is the run's ranking metric.

Percentiles and ties: a candidate x scores the share of references r it beats or ties, where r counts
when r >= x (at least as slow: the paper's convention) or when the two differ by no more than the
metric's tie tolerance, |x - r| <= tolerance * max(x, r) (`core.metrics`). A candidate 0.3% slower
than a reference on a noisy CPU clock has not lost to it; one 5% slower has. With tolerance 0 the
rule is exactly `1 - bisect_left(sorted(H), x) / |H|`.
"""

from __future__ import annotations

import math
import warnings
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import stats  # type: ignore[import-untyped]

from afterburner.core.measured import Measured
from afterburner.core.metrics import ALL, CLOCKS, INFO, TIE_TOLERANCE, Metric
from afterburner.core.verdicts import Verdict

# The paper's three scores' slots (the time slot follows the clock chosen), and the count's.
METRICS: tuple[str, ...] = ("cpu_time", "peak_memory", "memory_integral")
SLOTS: tuple[str, ...] = (*METRICS, "instructions")
TIME_METRICS: tuple[str, ...] = tuple(str(m) for m in CLOCKS)
ALL_METRICS: tuple[str, ...] = tuple(str(m) for m in ALL)
DISPLAY_NAMES: Mapping[str, str] = MappingProxyType({slot: INFO[Metric(slot)].score for slot in SLOTS})
SCORE_NAMES: tuple[str, ...] = ("pass_at_1", "beyond_t", "beyond_m", "beyond_i", "beyond_c")
SCORE_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "pass_at_1": "Pass@1",
        "beyond_t": "Beyond-T",
        "beyond_m": "Beyond-M",
        "beyond_i": "Beyond-I",
        "beyond_c": "Beyond-C",
    }
)
SCORE_OF_METRIC: Mapping[str, str] = MappingProxyType(
    {
        "cpu_time": "beyond_t",
        "wall_time": "beyond_t",
        "peak_memory": "beyond_m",
        "memory_integral": "beyond_i",
        "instructions": "beyond_c",
    }
)


def _check_metric(name: str) -> None:
    if name not in ALL_METRICS:
        raise ValueError(f"unknown metric {name!r}; expected one of {', '.join(ALL_METRICS)}")


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
    """One judged run of a candidate solution: which problem, sample and iteration, and what was measured.

    An infrastructure error (IE: our side failed, not the candidate) is not scored: it is left out of N.
    """

    problem_id: str
    measured: Measured
    sample_id: int = 0
    iteration: int = 0
    language: str = "python"

    @classmethod
    def of(
        cls,
        problem_id: str,
        passed: bool,
        cpu_time: float | None = None,
        peak_memory: float | None = None,
        memory_integral: float | None = None,
        *,
        wall_time: float | None = None,
        instructions: float | None = None,
        sample_id: int = 0,
        iteration: int = 0,
        language: str = "python",
        not_scored: str = "",
    ) -> Execution:
        """An execution from figures (tests, tables, loaded rows); `not_scored` makes it IE with that reason."""
        if not_scored:
            measured = Measured(Verdict.IE, detail=not_scored)
        else:
            figures = {
                "cpu_time": cpu_time,
                "peak_memory": peak_memory,
                "memory_integral": memory_integral,
                "wall_time": wall_time,
                "instructions": instructions,
            }
            measured = Measured(Verdict.AC if passed else Verdict.WA, figures if passed else {})
        return cls(problem_id, measured, sample_id, iteration, language)

    @property
    def passed(self) -> bool:
        return self.measured.passed

    @property
    def scored(self) -> bool:
        return not self.measured.infrastructure_error

    @property
    def not_scored(self) -> str:
        """'' when scored; else why not (our side failed)."""
        if self.scored:
            return ""
        return f"not scored: infrastructure error ({self.measured.detail[:200]})"

    def value(self, name: str) -> float | None:
        _check_metric(name)
        return self.measured.figure(name)


@dataclass(frozen=True)
class References:
    """Metric values of passed reference solutions per problem, measured on the same machine as the candidates."""

    by_problem: Mapping[str, Mapping[str, Sequence[float]]] = field(default_factory=dict)
    time_metric: str = "cpu_time"  # the clock Beyond-T ranks by (one of TIME_METRICS)
    ranking: str = "cpu_time"  # the metric that decides (headline, categories): a clock or instructions

    def __post_init__(self) -> None:
        if self.time_metric not in TIME_METRICS:
            raise ValueError(f"unknown time metric {self.time_metric!r}; expected one of {', '.join(TIME_METRICS)}")
        if self.ranking not in (*TIME_METRICS, "instructions"):
            raise ValueError(f"{self.ranking!r} cannot rank programs by speed")

    def ranked_metric(self, slot: str) -> str:
        """The metric measured for a Beyond slot: the time slot follows `time_metric`."""
        return self.time_metric if slot == "cpu_time" else slot

    @property
    def headline(self) -> str:
        """The score that decides: Beyond-C when counts rank, else Beyond-T."""
        return SCORE_OF_METRIC[self.ranking]

    def values(self, problem_id: str, name: str) -> list[float]:
        _check_metric(name)
        return list(self.by_problem.get(problem_id, {}).get(name, ()))

    def counted(self) -> bool:
        """Whether any reference has an instruction count (else Beyond-C means nothing)."""
        return any(values.get("instructions") for values in self.by_problem.values())

    @classmethod
    def from_executions(
        cls, executions: Iterable[Execution], time_metric: str = "cpu_time", ranking: str = "cpu_time"
    ) -> References:
        """Collect the measured values of passed reference runs; failed or unmeasured runs are ignored."""
        collected: dict[str, dict[str, list[float]]] = defaultdict(lambda: {m: [] for m in ALL_METRICS})
        for execution in executions:
            if not execution.passed:
                continue
            for name in ALL_METRICS:
                value = execution.value(name)
                if value is not None:
                    collected[execution.problem_id][name].append(value)
        return cls({problem: dict(values) for problem, values in collected.items()}, time_metric, ranking)


@dataclass(frozen=True)
class Scores:
    """Pass@1 and Beyond-T/M/I/C over n executions, each a fraction in [0, 1].

    Beyond-C is None when the references carry no instruction counts (nothing was counted).
    """

    n: int
    pass_at_1: float
    beyond_t: float
    beyond_m: float
    beyond_i: float
    beyond_c: float | None = None

    def as_dict(self) -> dict[str, float | None]:
        return {name: getattr(self, name) for name in SCORE_NAMES}


# (passed, percentile time, memory, integral, count) of one execution.
_Contribution = tuple[float, float, float, float, float]


def share(execution: Execution, references: References, slot: str) -> float:
    """The execution's percentile in one Beyond slot; 0 when it failed or the metric is unmeasured."""
    name = references.ranked_metric(slot)
    value = execution.value(name) if execution.passed else None
    if value is None:
        return 0.0
    return percentile(value, references.values(execution.problem_id, name), TIE_TOLERANCE.get(name, 0.0))


def _contribution(execution: Execution, references: References) -> _Contribution:
    """What one execution adds to the sums behind Scores; failures and unmeasured metrics add 0."""
    if not execution.passed:
        return (0.0, 0.0, 0.0, 0.0, 0.0)
    t, m, i, c = (share(execution, references, slot) for slot in SLOTS)
    return (1.0, t, m, i, c)


def _scores_from_sums(n: int, sums: Sequence[float], counted: bool) -> Scores:
    count = (sums[4] / n if n else 0.0) if counted else None
    if n == 0:
        return Scores(0, 0.0, 0.0, 0.0, 0.0, count)
    return Scores(n, sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n, count)


def _sum(contributions: Iterable[_Contribution]) -> list[float]:
    totals = [0.0, 0.0, 0.0, 0.0, 0.0]
    for contribution in contributions:
        for index, part in enumerate(contribution):
            totals[index] += part
    return totals


def score(executions: Sequence[Execution], references: References) -> Scores:
    """Pass@1 and Beyond-T/M/I; a failed execution scores 0 but still counts in the denominator.

    Executions that are not scored (an infrastructure error: ours, not the candidate's) are left
    out of the denominator too.
    """
    scored = [e for e in executions if e.scored]
    return _scores_from_sums(len(scored), _sum(_contribution(e, references) for e in scored), references.counted())


@dataclass(frozen=True)
class Interval:
    """A bootstrap confidence interval at the given level, and the method that produced it."""

    low: float
    high: float
    level: float
    method: str = "BCa"  # "BCa", "percentile" (BCa undefined), or "none" (one problem: nothing to resample)


BOOTSTRAP_RESAMPLES = 1000


def bootstrap(
    executions: Sequence[Execution],
    references: References,
    rounds: int = BOOTSTRAP_RESAMPLES,
    seed: int = 0,
    level: float = 0.95,
) -> dict[str, Interval]:
    """Intervals of the five scores from `scipy.stats.bootstrap` over problems; {} without scored executions.

    A resample draws problems with replacement, each with all its scored executions (samples of one
    problem are correlated, so drawing whole problems gives honest widths); the statistic is the score
    of the drawn executions, exactly as `score` computes it. `rounds` resamples, seeded by `seed`.
    Method: BCa (bias-corrected and accelerated). Where BCa is undefined for a score (degenerate data:
    every resample scores the same, or the jackknife cannot estimate the acceleration) that score gets
    the percentile interval of the same resamples; all-equal data gives a zero-width interval. With one
    problem there is nothing to resample: the interval is the point estimate (method "none").
    """
    if rounds < 1:
        raise ValueError(f"need at least one round, got {rounds}")
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must lie in (0, 1), got {level}")
    groups = group_by_problem(executions)
    if not groups:
        return {}
    problems = sorted(groups)  # fixed order: the same seed draws the same problems
    counts = np.array([len(groups[p]) for p in problems], dtype=float)
    sums = np.array([_sum(_contribution(e, references) for e in groups[p]) for p in problems])  # (problems, 5)
    if len(problems) < 2:
        point = sums[0] / counts[0]
        return {
            name: Interval(float(v), float(v), level, "none")
            for name, v in zip(SCORE_NAMES, point, strict=True)
            if name != "beyond_c" or references.counted()
        }

    def statistic(drawn: NDArray[Any], axis: int = -1) -> NDArray[Any]:
        # drawn: problem indices, shape (..., k); returns the five scores, shape (5, ...).
        chosen = np.moveaxis(drawn, axis, -1).astype(int)
        scores = sums[chosen].sum(axis=-2) / counts[chosen].sum(axis=-1)[..., None]
        return np.moveaxis(scores, -1, 0)

    data = (np.arange(len(problems)),)
    options: dict[str, Any] = {"vectorized": True, "confidence_level": level, "rng": np.random.default_rng(seed)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DegenerateDataWarning and friends: handled by the fallback below
        try:
            bca = stats.bootstrap(data, statistic, n_resamples=rounds, method="BCa", **options)
        except (ValueError, ArithmeticError, IndexError):  # never let an undefined BCa end a report
            bca = None
        # Percentile bounds of the same resamples (no new draws), or of fresh ones if BCa failed outright.
        reuse: dict[str, Any] = {"n_resamples": rounds} if bca is None else {"n_resamples": 0, "bootstrap_result": bca}
        percentile_result = stats.bootstrap(data, statistic, method="percentile", **reuse, **options)
    bounds = {"BCa": bca.confidence_interval} if bca is not None else {}
    bounds["percentile"] = percentile_result.confidence_interval  # tried second
    intervals = {}
    for index, name in enumerate(SCORE_NAMES):
        if name == "beyond_c" and not references.counted():
            continue  # nothing counted: no Beyond-C, and no interval for it
        for method, (lows, highs) in bounds.items():
            low, high = float(np.asarray(lows)[index]), float(np.asarray(highs)[index])
            if math.isfinite(low) and math.isfinite(high):
                intervals[name] = Interval(low, high, level, method)
                break
    return intervals


def group_by_problem(executions: Iterable[Execution]) -> dict[str, list[Execution]]:
    """Scored executions by problem (the not-scored ones are left out of every N)."""
    groups: dict[str, list[Execution]] = defaultdict(list)
    for execution in executions:
        if execution.scored:
            groups[execution.problem_id].append(execution)
    return dict(groups)


PASS_AT_K_VALUES: tuple[int, ...] = (1, 2, 5, 10, 20, 50, 100)


def pass_at_k_estimates(executions: Iterable[Execution]) -> dict[int, float]:
    """Unbiased pass@k over the samples of each (problem, iteration), averaged over the groups with >= k samples.

    Only scored executions count. Empty when no group has two samples: pass@k of one sample is just Pass@1.
    """
    groups: dict[tuple[str, int], list[Execution]] = defaultdict(list)
    for execution in executions:
        if execution.scored:
            groups[(execution.problem_id, execution.iteration)].append(execution)
    largest = max((len(group) for group in groups.values()), default=0)
    if largest < 2:
        return {}
    estimates: dict[int, float] = {}
    for k in (k for k in PASS_AT_K_VALUES if k <= largest):
        values = [pass_at_k(len(g), sum(e.passed for e in g), k) for g in groups.values() if len(g) >= k]
        estimates[k] = sum(values) / len(values)
    return estimates


class Category(StrEnum):
    """Where a candidate lands relative to the reference distribution of one metric."""

    BEYOND = "beyond"  # strictly better than every reference
    MEDIOCRE = "mediocre"  # within the reference range (ties included), or nothing to compare with
    BELOW = "below"  # strictly worse than every reference
    FAILED = "failed"  # did not pass


def categorize(execution: Execution, references: References, slot: str = "cpu_time") -> Category:
    """BEYOND/BELOW need a strict win/loss against all references; anything else that passed is MEDIOCRE."""
    if not execution.passed:
        return Category.FAILED
    name = references.ranked_metric(slot)
    value = execution.value(name)
    refs = references.values(execution.problem_id, name)
    if value is None or not refs:
        return Category.MEDIOCRE
    if value < min(refs):
        return Category.BEYOND
    if value > max(refs):
        return Category.BELOW
    return Category.MEDIOCRE


def category_counts(
    executions: Iterable[Execution], references: References, slot: str = "cpu_time"
) -> dict[Category, int]:
    """How many scored executions fall in each category (the not-scored ones are in no N)."""
    counts = dict.fromkeys(Category, 0)
    for execution in executions:
        if execution.scored:
            counts[categorize(execution, references, slot)] += 1
    return counts


def by_iteration(executions: Iterable[Execution], references: References) -> dict[int, Scores]:
    """Scores per refinement iteration, in increasing iteration order."""
    groups: dict[int, list[Execution]] = defaultdict(list)
    for execution in executions:
        groups[execution.iteration].append(execution)
    return {iteration: score(groups[iteration], references) for iteration in sorted(groups)}
