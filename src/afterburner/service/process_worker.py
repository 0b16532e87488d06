"""A worker process of the service: claim a job, run it, record the result, again.

Started by the service (`workers.LocalWorkers`) as `python -m afterburner.service.worker`. It
exits when the service dies, and a run in progress dies with it; the service puts
its job back in the queue. At start it sweeps what killed predecessors left behind.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from afterburner.sandbox.cores import pin_to_host_cores
from afterburner.sandbox.sweep import sweep_stale
from afterburner.service.execution import Context, Policy, execute_job
from afterburner.service.store import JobStore

IDLE_WAIT = 0.05  # seconds an idle worker waits for a wake-up before it looks at the queue anyway


class Wakeup:
    """The service writes a byte to a worker's stdin when it queues a job: the worker looks at once."""

    def __init__(self, fd: int | None) -> None:
        self.fd = fd
        if fd is not None:
            os.set_blocking(fd, False)

    def wait(self, seconds: float) -> None:
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


def die_with_parent(parent: int, every: float = 0.1) -> None:
    """Exit when the service is gone (kill -9 included): a watchdog thread checks the parent.

    Not PR_SET_PDEATHSIG: that follows the service *thread* that started us, which may end first.
    A run in progress dies with us (its helper has PR_SET_PDEATHSIG on our running thread).
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=watch, name="afterburner-watchdog", daemon=True).start()


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


def work(
    store: JobStore, owner: str, context: Context, lease: float, stop: threading.Event, wakeup: Wakeup | None = None
) -> int:
    """Claim and run jobs until `stop`; returns how many were completed."""
    completed = 0
    wakeup = wakeup or Wakeup(None)
    while not stop.is_set():
        job = store.claim(owner, lease) if store.has_queued() else None
        if job is None:
            wakeup.wait(IDLE_WAIT)
            continue
        with heartbeat(lambda job_id=job.id: store.heartbeat(job_id, owner, lease), lease / 3):  # type: ignore[misc]
            result = execute_job(job.kind, job.payload, context)
        completed += store.complete(job.id, owner, result)
    return completed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--state-dir", type=Path, required=True)
    parser.add_argument("--owner", required=True)
    parser.add_argument("--parent", type=int, required=True)
    parser.add_argument("--lease", type=float, default=30.0)
    parser.add_argument("--policy", default="{}", help="the service's Policy as JSON")
    parser.add_argument("--fast-commits", action="store_true", help="synchronous=NORMAL")
    args = parser.parse_args(argv)
    die_with_parent(args.parent)
    pin_to_host_cores()  # this process's own threads stay off the measure cores
    sweep_stale()
    policy = json.loads(args.policy)
    context = Context(Policy(**{**policy, "datasets": tuple(policy.get("datasets", ("venus-mini",)))}))
    store = JobStore(args.state_dir / "jobs.sqlite3", synchronous="NORMAL" if args.fast_commits else "FULL")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    work(store, args.owner, context, args.lease, stop, Wakeup(sys.stdin.fileno()))
    store.close()
    sys.exit(0)


if __name__ == "__main__":
    main()
