"""Quiet for timed passes: a local model's generation pauses at a token boundary while one runs.

Pinning the model's threads to other cores keeps them off the measured core, not off the shared
cache, memory bus and host (a program measured beside llama.cpp ran 14% slower at the median, its
spread 4x wider). The gate makes them take turns instead: a timed pass waits until generation has
stopped at a token boundary, and generation waits while any timed pass is pending or running. So
the model may use every core, and nothing is generated while a figure is timed. Counting runs do
not take the gate: a count does not depend on what runs beside it.

It coordinates the threads of one process (the `optimize` loop judges and generates in one
process); a judge service's workers and a model server elsewhere are not covered. With `record`,
it keeps the timestamps of timed passes and tokens (tests and benchmarks/contention.py check that
none overlap).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class GateLog:
    """What happened, by time.monotonic(): timed passes as (start, end), tokens as their instant."""

    timed: list[tuple[float, float]] = field(default_factory=list)
    tokens: list[float] = field(default_factory=list)

    def overlaps(self) -> int:
        """Tokens generated while a timed pass ran (0 when the gate held)."""
        return sum(1 for t in self.tokens if any(start < t < end for start, end in self.timed))


class QuietGate:
    """Timed passes and token generation take turns (see the module docstring)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._timed = 0  # timed passes pending or running
        self._busy = 0  # generators computing a token (or the prompt)
        self.enabled = False  # off until a local model that uses the measure cores asks for it
        self.log: GateLog | None = None

    def record(self) -> GateLog:
        """Start keeping timestamps (returns the log)."""
        self.log = GateLog()
        return self.log

    @contextlib.contextmanager
    def timed(self) -> Iterator[None]:
        """Around a timed pass: wait for generation to pause, hold it paused until the pass ends."""
        if not self.enabled:
            yield
            return
        with self._cond:
            self._timed += 1
            self._cond.wait_for(lambda: self._busy == 0)
        started = time.monotonic()
        try:
            yield
        finally:
            with self._cond:
                if self.log is not None:
                    self.log.timed.append((started, time.monotonic()))
                self._timed -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def generating(self) -> Iterator[None]:
        """Around one generation: it starts when no timed pass is pending, and counts as busy."""
        if not self.enabled:
            yield
            return
        with self._cond:
            self._cond.wait_for(lambda: self._timed == 0)
            self._busy += 1
        try:
            yield
        finally:
            with self._cond:
                self._busy -= 1
                self._cond.notify_all()

    def token(self) -> None:
        """Between tokens: pause while a timed pass is pending or running."""
        if not self.enabled:
            return
        with self._cond:
            if self.log is not None:
                self.log.tokens.append(time.monotonic())
            if self._timed == 0:
                return
            self._busy -= 1
            self._cond.notify_all()
            self._cond.wait_for(lambda: self._timed == 0)
            self._busy += 1


GATE = QuietGate()  # this process's gate: the sandbox's timed passes and the local model share it
