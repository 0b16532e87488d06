"""Pin each concurrent run to a core of its own, across threads and processes.

A core is leased by holding an exclusive flock on a per-core lock file, so two Afterburner
processes on one machine never measure on the same core at once.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType


def usable_cores() -> list[int]:
    return sorted(os.sched_getaffinity(0))


def _lock_dir() -> Path:
    path = Path(tempfile.gettempdir()) / f"afterburner-cores-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


@dataclass
class CoreLease:
    """An exclusive lease on one core; `others` are the cores the measuring helper may use."""

    core: int
    others: list[int]
    _fd: int

    @classmethod
    def acquire(cls, timeout: float = 3600.0) -> CoreLease:
        cores = usable_cores()
        # Prefer the highest-numbered core: core 0 usually takes more interrupts.
        order = sorted(cores, reverse=True)
        deadline = time.monotonic() + timeout
        while True:
            for core in order:
                fd = os.open(_lock_dir() / f"cpu{core}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(fd)
                    continue
                others = [c for c in cores if c != core]
                return cls(core=core, others=others, _fd=fd)
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
