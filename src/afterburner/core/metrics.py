"""The metrics Afterburner measures: one vocabulary for the judge, reports, the loop and rewards.

Lower is better for every metric. Each carries its unit, how it adds up over a program's tests,
the score it ranks in ("beats X%" among references), its tie tolerance and whether it is exact.

Tie tolerances (relative): a candidate x ties a reference r when |x - r| <= tolerance * max(x, r).
Times: the figure of a few passes of the same program still moves by a few percent between runs
(frequency, cache and scheduler effects), so 3%. Peak memory is a cgroup high-water mark that
moves only by page and allocator granularity: 1%. The integral carries the time noise plus
sampling jitter: 5%. Instruction counts repeat to the instruction for Python, C++ and Rust; the
runtimes with threads of their own (a JIT compiler, a garbage collector, a timer thread that wakes
by the clock: Java, JavaScript, Go) move by about 0.05-0.15% run to run (measured,
docs/architecture.md), and Go's timer thread by some 10,000 instructions absolute: 0.2% covers the
runtimes on real inputs, and no program is faster in any sense that matters by less.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Literal

from afterburner.core.errors import UsageError


class Metric(StrEnum):
    CPU_TIME = "cpu_time"
    WALL_TIME = "wall_time"
    PEAK_MEMORY = "peak_memory"
    MEMORY_INTEGRAL = "memory_integral"
    INSTRUCTIONS = "instructions"


@dataclass(frozen=True)
class MetricInfo:
    """What a metric is: how to show it, add it up and compare it."""

    metric: Metric
    display: str  # in prose: "CPU time"
    unit: str  # SI unit of stored values: "s", "B", "B*s", "instructions"
    score: str  # the percentile it ranks in: "Beyond-T"
    tie_tolerance: float  # relative difference that is still a tie
    exact: bool  # the same program and inputs give the same value (no noise: one pass decides)
    total: Literal["sum", "max"]  # how a program's tests add up

    def format(self, value: float | None) -> str:
        """A value for people: 12.3 ms, 4.56 MB, 0.0123 MB*s, 1,234,567 instructions."""
        if value is None:
            return "n/a"
        if self.unit == "s":
            return f"{value * 1000:.1f} ms"
        if self.unit == "B":
            return f"{value / 2**20:.2f} MB"
        if self.unit == "B*s":
            return f"{value / 2**20:.4f} MB*s"
        return f"{round(value):,} instructions"


INFO: Mapping[Metric, MetricInfo] = MappingProxyType(
    {
        Metric.CPU_TIME: MetricInfo(Metric.CPU_TIME, "CPU time", "s", "Beyond-T", 0.03, False, "sum"),
        Metric.WALL_TIME: MetricInfo(Metric.WALL_TIME, "wall time", "s", "Beyond-T", 0.03, False, "sum"),
        Metric.PEAK_MEMORY: MetricInfo(Metric.PEAK_MEMORY, "peak memory", "B", "Beyond-M", 0.01, False, "max"),
        Metric.MEMORY_INTEGRAL: MetricInfo(
            Metric.MEMORY_INTEGRAL, "memory-time integral", "B*s", "Beyond-I", 0.05, False, "sum"
        ),
        Metric.INSTRUCTIONS: MetricInfo(
            Metric.INSTRUCTIONS, "instruction count", "instructions", "Beyond-C", 0.002, True, "sum"
        ),
    }
)
ALL: tuple[Metric, ...] = tuple(Metric)
# What can decide which of two programs is faster: the exact count (default where a counter runs) or a clock.
RANKING: tuple[Metric, ...] = (Metric.INSTRUCTIONS, Metric.CPU_TIME, Metric.WALL_TIME)
# Clocks that the Beyond-T score may rank by.
CLOCKS: tuple[Metric, ...] = (Metric.CPU_TIME, Metric.WALL_TIME)
TIE_TOLERANCE: Mapping[str, float] = MappingProxyType({str(m): INFO[m].tie_tolerance for m in ALL})


def metric(name: str | Metric) -> Metric:
    """Parse a metric name, with an error that lists the known ones."""
    try:
        return Metric(name)
    except ValueError:
        raise UsageError(f"unknown metric {name!r}", f"use one of {', '.join(ALL)}") from None


def info(name: str | Metric) -> MetricInfo:
    return INFO[metric(name)]


def ranking_metric(name: str | Metric) -> Metric:
    """A metric that may decide rankings (instructions, cpu_time, wall_time)."""
    found = metric(name)
    if found not in RANKING:
        raise UsageError(f"{found} cannot rank programs by speed", f"use one of {', '.join(RANKING)}")
    return found
