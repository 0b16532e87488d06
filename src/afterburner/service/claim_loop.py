"""The one claim loop: claim a job of a lane, run it while renewing its lease, record the result.

Worker processes (`service.process_worker`) run it with a runner that executes the job in the
process; the Ray pool (`service.pools.RayWorkers`) runs it in one thread per actor with a runner
that sends the job to an actor. Everything else (claiming, heartbeats, fencing by the lease owner,
turning a runner's failure into an IE result) is here, once.
"""

from __future__ import annotations

import os
import select
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from afterburner.service.results import failed_on_our_side
from afterburner.service.store import Job, JobStore

IDLE_WAIT = 0.05  # seconds an idle worker waits for a wake-up before it looks at the queue anyway
Runner = Callable[[Job], dict[str, Any]]


class Wakeup:
    """How an idle claimer waits: for a byte on an fd (a worker process's stdin, written by the
    service when it queues a job), on a condition (a thread of the service), or just the idle wait."""

    def __init__(self, fd: int | None = None, condition: threading.Condition | None = None) -> None:
        self.fd = fd
        self.condition = condition
        if fd is not None:
            os.set_blocking(fd, False)

    def wait(self, seconds: float) -> None:
        if self.condition is not None:
            with self.condition:
                self.condition.wait(seconds)
            return
        if self.fd is None:
            time.sleep(seconds)
            return
        ready, _, _ = select.select([self.fd], [], [], seconds)
        if ready:
            try:
                if not os.read(self.fd, 4096):  # the service closed our stdin: it is stopping
                    time.sleep(seconds)
            except BlockingIOError:
                pass


@contextmanager
def heartbeat(renew: Callable[[], bool], every: float) -> Iterator[None]:
    """Renew a lease every `every` seconds while the body runs."""
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(every):
            if not renew():
                return

    thread = threading.Thread(target=beat, name="afterburner-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def claim_loop(
    store: JobStore,
    owner: str,
    runner: Runner,
    lease: float,
    stop: threading.Event,
    wakeup: Wakeup | None = None,
    lane: str = "measured",
) -> int:
    """Claim and run jobs of `lane` until `stop`; returns how many results were recorded.

    A runner that raises (a bug of ours, an executor that gave up) ends the job IE with the reason;
    the loop goes on. A result is recorded only while this owner still holds the job's lease.
    """
    completed = 0
    wakeup = wakeup or Wakeup()
    while not stop.is_set():
        job = store.claim(owner, lease, lane) if store.has_queued(lane) else None
        if job is None:
            wakeup.wait(IDLE_WAIT)
            continue
        with heartbeat(lambda job_id=job.id: store.heartbeat(job_id, owner, lease), lease / 3):  # type: ignore[misc]
            try:
                result = runner(job)
            except Exception as error:
                result = failed_on_our_side(f"infrastructure error: {type(error).__name__}: {error}")
        completed += store.complete(job.id, owner, result)
    return completed
