"""A worker process of the service: claim a job, run it, record the result, again.

Started by the service (`workers.LocalWorkers`) as `python -m afterburner.service.worker`. It
exits when the service dies, and a run in progress dies with it; the service puts
its job back in the queue. At start it sweeps what killed predecessors left behind.
"""

from __future__ import annotations

import argparse
import json
import os
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

IDLE_POLL = (0.002, 0.05)  # seconds between claims when the queue is empty: first, at most


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


def work(store: JobStore, owner: str, context: Context, lease: float, stop: threading.Event) -> int:
    """Claim and run jobs until `stop`; returns how many were completed."""
    completed = 0
    idle = IDLE_POLL[0]
    while not stop.is_set():
        job = store.claim(owner, lease)
        if job is None:
            stop.wait(idle)
            idle = min(IDLE_POLL[1], idle * 2)
            continue
        idle = IDLE_POLL[0]
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
    work(store, args.owner, context, args.lease, stop)
    store.close()
    sys.exit(0)


if __name__ == "__main__":
    main()
