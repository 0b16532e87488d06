"""How programs are measured and ranked: the one settings type of profile, eval, the loop, rewards
and the service, with one set of bounds.

Native passes decide verdicts and limits and give the reported times and memory; the ranking
metric decides which program is faster. By default that is the exact instruction count, taken
by a counter (`counter`) on one more pass per passing program: it does not depend on when, or
beside what, a program was measured. `metric="cpu_time"` ranks by the clock as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, cast, get_args

from afterburner.core.config import help_of, require, setting
from afterburner.core.errors import UsageError
from afterburner.core.metrics import CLOCKS, RANKING, Metric
from afterburner.judge.stats import DEFAULT_ESTIMATOR, ESTIMATORS, Estimator

Counter = Literal["auto", "qemu", "valgrind", "perf", "off"]
COUNTERS: tuple[str, ...] = get_args(Counter)
MAX_REPEAT = 100


@dataclass(frozen=True)
class Measurement:
    """How programs are measured and which metric ranks them; validated on construction."""

    repeat: int = setting(3, "Native passes per program: verdicts, limits and the reported times (1 .. 100).")
    estimator: Estimator = setting(  # noqa: RUF009 (a string literal: immutable)
        DEFAULT_ESTIMATOR, "How a program's passes become one figure: min, median, hodges_lehmann or mean."
    )
    metric: str = setting(
        "instructions",
        "What ranks programs: instructions (exact count, the same on every run and under any load), "
        "cpu_time or wall_time (the clock, as measured).",
    )
    counter: Counter = setting(  # noqa: RUF009 (a string literal: immutable)
        "auto",
        "How instructions are counted: auto (hardware counters where the host has a PMU, else QEMU), "
        "qemu, valgrind (callgrind: slower), perf, or off.",
    )

    def __post_init__(self) -> None:
        require(
            [
                (isinstance(self.repeat, int) and 1 <= self.repeat <= MAX_REPEAT, f"repeat must be 1 .. {MAX_REPEAT}"),
                (self.estimator in ESTIMATORS, f"estimator must be one of {', '.join(ESTIMATORS)}"),
                (self.metric in RANKING, f"metric must be one of {', '.join(RANKING)}"),
                (self.counter in COUNTERS, f"counter must be one of {', '.join(COUNTERS)}"),
                (
                    self.metric != Metric.INSTRUCTIONS or self.counter != "off",
                    "ranking by instructions needs a counter (counter=off cannot count)",
                ),
            ],
            "measurement settings",
        )

    @classmethod
    def of(
        cls,
        repeat: int = 3,
        estimator: str = DEFAULT_ESTIMATOR,
        metric: str = "instructions",
        counter: str | None = None,
    ) -> Measurement:
        """Settings from loose values (a command line, a config file). Without a counter (None or ""):
        auto when instructions rank, off when a clock ranks (the behaviour before counts ranked)."""
        if not counter:
            counter = "auto" if metric == Metric.INSTRUCTIONS else "off"
        return cls(repeat, cast(Estimator, estimator), metric, cast(Counter, counter))

    @property
    def ranking(self) -> Metric:
        return Metric(self.metric)

    @property
    def counts(self) -> bool:
        """Whether instructions are counted (to rank by them, or to report them beside time)."""
        return self.counter != "off"

    @property
    def clock(self) -> Metric:
        """The clock the Beyond-T score ranks by (CPU time unless wall time ranks)."""
        return self.ranking if self.ranking in CLOCKS else Metric.CPU_TIME

    def to_dict(self) -> dict[str, Any]:
        return {"repeat": self.repeat, "estimator": self.estimator, "metric": self.metric, "counter": self.counter}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Measurement:
        """Settings from data (a request, a run file); unknown keys are refused, values validated."""
        data = dict(data or {})
        unknown = set(data) - {"repeat", "estimator", "metric", "counter"}
        if unknown:
            raise UsageError(f"unknown measurement settings {', '.join(sorted(unknown))}")
        defaults = cls()
        repeat = data.get("repeat", defaults.repeat)
        if not isinstance(repeat, int) or isinstance(repeat, bool):
            raise UsageError(f"repeat must be an integer, not {repeat!r}")
        return cls(
            repeat=repeat,
            estimator=cast(Estimator, str(data.get("estimator", defaults.estimator))),
            metric=str(data.get("metric", defaults.metric)),
            counter=cast(Counter, str(data.get("counter", defaults.counter))),
        )

    def recipe(self) -> str:
        """What of these settings decides a figure (part of cache keys)."""
        return f"{self.repeat}|{self.estimator}|{self.counter}"


# Clock-only settings: today's behaviour (`--metric cpu_time`), no counting pass.
CLOCK_ONLY = Measurement(metric="cpu_time", counter="off")


COUNTER_HELP = help_of(Measurement, "counter") + " Default: auto when instructions rank, off when a clock does."
