"""Split the machine's cores into measure cores and host cores, and lease a measure core per run.

Measured programs run on the measure cores, one run per core at a time. Everything else of
Afterburner (a local model's threads, the measuring helper, Afterburner's own Python) belongs
on the host cores, so generation never competes with a measured program.

A core is leased by holding an exclusive flock on a per-core lock file, so two Afterburner
processes on one machine never measure on the same core at once.

The split comes from `set_measure_cores` (the CLI), else $AFTERBURNER_MEASURE_CORES (a cpulist
such as "1" or "2-7,9"), else a default: on 2+ cores the lowest ceil(n/4) cores are host cores
and the rest measure cores; a single core is shared (no partition).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import math
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from afterburner.core.errors import UsageError

ENV_VAR = "AFTERBURNER_MEASURE_CORES"
MEASURE_CORES_HELP = (
    "Cores that measured runs lease, e.g. 1 or 2-7 (default: all but the lowest quarter, which host "
    f"the model and the measuring helper; env {ENV_VAR})."
)
_override: str | None = None


@functools.cache
def all_cores() -> tuple[int, ...]:
    """The process's CPU set at the first call; pinning the process later does not change it."""
    return tuple(sorted(os.sched_getaffinity(0)))


def usable_cores() -> list[int]:
    return list(all_cores())


def format_cpulist(cores: tuple[int, ...] | list[int]) -> str:
    """The kernel's cpulist notation: (0, 1, 2, 5) -> "0-2,5"."""
    ranges: list[str] = []
    ordered = sorted(set(cores))
    start = 0
    for i, core in enumerate(ordered):
        if i + 1 == len(ordered) or ordered[i + 1] != core + 1:
            first = ordered[start]
            ranges.append(str(first) if first == core else f"{first}-{core}")
            start = i + 1
    return ",".join(ranges)


def _parse_range(item: str) -> range:
    low, dash, high = item.partition("-")
    if not low.strip().isdigit() or (dash and not high.strip().isdigit()):
        raise ValueError(f"{item!r} is not a core number or a range like 2-7")
    first, last = int(low), int(high) if dash else int(low)
    if last < first:
        raise ValueError(f"{item!r} is a range that ends before it starts")
    return range(first, last + 1)


def parse_cpulist(spec: str) -> tuple[int, ...]:
    """ "2-7,9" -> (2, 3, 4, 5, 6, 7, 9); ValueError with the reason when malformed."""
    items = [item.strip() for item in spec.split(",")]
    if not any(items):
        raise ValueError("it names no core")
    cores: set[int] = set()
    for item in items:
        if not item:
            raise ValueError("it has an empty item between commas")
        cores.update(_parse_range(item))
    return tuple(sorted(cores))


def _measure_cores(spec: str, source: str) -> tuple[int, ...]:
    available = all_cores()
    hint = f"give a cpulist of this process's cores {format_cpulist(available)}, e.g. {available[-1]}"
    try:
        cores = parse_cpulist(spec)
    except ValueError as error:
        raise UsageError(f"bad measure cores {spec!r} from {source}: {error}", hint) from error
    outside = sorted(set(cores) - set(available))
    if outside:
        raise UsageError(f"measure cores {format_cpulist(outside)} from {source} are not this process's", hint)
    return cores


@dataclass(frozen=True)
class CorePlan:
    """measure: cores that measured programs run on; host: cores for the model, the monitor and Afterburner."""

    measure: tuple[int, ...]
    host: tuple[int, ...]

    @property
    def partitioned(self) -> bool:
        """Whether host and measure cores are disjoint (impossible on one core)."""
        return bool(self.host) and set(self.host).isdisjoint(self.measure)

    def to_dict(self) -> dict[str, object]:
        return {"measure_cores": list(self.measure), "host_cores": list(self.host), "partitioned": self.partitioned}


def default_plan(cores: tuple[int, ...]) -> CorePlan:
    if len(cores) < 2:
        return CorePlan(measure=cores, host=cores)
    hosts = math.ceil(len(cores) / 4)
    return CorePlan(measure=cores[hosts:], host=cores[:hosts])


def core_plan() -> CorePlan:
    """The current split: set_measure_cores, else $AFTERBURNER_MEASURE_CORES, else the default."""
    if _override is not None:
        spec, source = _override, "--measure-cores"
    else:
        spec, source = os.environ.get(ENV_VAR, ""), ENV_VAR
    if not spec.strip():
        return default_plan(all_cores())
    measure = _measure_cores(spec, source)
    host = tuple(core for core in all_cores() if core not in measure)
    # Measuring on every core leaves nothing for the rest: then everything shares all cores.
    return CorePlan(measure=measure, host=host or all_cores())


def set_measure_cores(spec: str | None) -> CorePlan:
    """Override the measure cores for this process (None: back to the environment or the default)."""
    global _override
    if spec is not None:
        _measure_cores(spec, "--measure-cores")  # fail now, not at the first run
    _override = spec
    return core_plan()


def _thread_ids() -> set[int]:
    return {int(entry.name) for entry in Path("/proc/self/task").iterdir() if entry.name.isdigit()}


def pin_to_host_cores() -> bool:
    """Pin every thread of this process to the host cores; True when they are apart from the measure cores.

    Threads started later inherit the mask of the thread that starts them. Measured programs are
    not affected: joining the run's cpuset cgroup sets their affinity to the leased core.
    """
    plan = core_plan()
    host = set(plan.host)
    pinned: set[int] = set()
    while todo := _thread_ids() - pinned:  # again, for threads started while pinning
        for tid in todo:
            with contextlib.suppress(ProcessLookupError):  # the thread ended meanwhile
                os.sched_setaffinity(tid, host)
            pinned.add(tid)
    return plan.partitioned


def _lock_dir() -> Path:
    path = Path(tempfile.gettempdir()) / f"afterburner-cores-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def _try_lock(core: int) -> int | None:
    fd = os.open(_lock_dir() / f"cpu{core}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def helper_cores(plan: CorePlan, core: int) -> list[int]:
    """Where the measuring helper runs while `core` is leased: the host cores, else any other core."""
    others = [c for c in plan.host if c != core]
    return others or [c for c in all_cores() if c != core]


@dataclass
class CoreLease:
    """An exclusive lease on one measure core; `others` are the cores the measuring helper may use."""

    core: int
    others: list[int]
    _fd: int

    @classmethod
    def acquire(cls, timeout: float = 3600.0) -> CoreLease:
        plan = core_plan()
        # Prefer the highest-numbered core: core 0 usually takes more interrupts.
        order = sorted(plan.measure, reverse=True)
        deadline = time.monotonic() + timeout
        while True:
            for core in order:
                fd = _try_lock(core)
                if fd is not None:
                    return cls(core=core, others=helper_cores(plan, core), _fd=fd)
            if time.monotonic() > deadline:
                raise TimeoutError("no free core to run on")
            time.sleep(0.005)

    def release(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> CoreLease:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.release()
