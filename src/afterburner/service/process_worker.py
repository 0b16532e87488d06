"""A worker process of the service: the claim loop (`service.claim_loop`) over one lane, in its own process.

Started by the service (`pools.LocalWorkers`) as `python -m afterburner.service.process_worker`. It
exits when the service dies, and a run in progress dies with it; the service puts its job back in
the queue. At start it sweeps what killed predecessors left behind.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from afterburner.sandbox.cores import pin_to_host_cores
from afterburner.sandbox.sweep import sweep_stale
from afterburner.service.claim_loop import Wakeup, claim_loop
from afterburner.service.execution import execute_job
from afterburner.service.jobs import LANES, Context, Policy
from afterburner.service.store import Job, JobStore


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


def local_runner(context: Context) -> Any:
    """Run a claimed job in this process."""

    def run(job: Job) -> dict[str, Any]:
        return execute_job(job.kind, job.payload, context)

    return run


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--state-dir", type=Path, required=True)
    parser.add_argument("--owner", required=True)
    parser.add_argument("--parent", type=int, required=True)
    parser.add_argument("--lease", type=float, default=30.0)
    parser.add_argument("--lane", choices=LANES, default="measured")
    parser.add_argument("--policy", default="{}", help="the service's Policy as JSON")
    parser.add_argument("--fast-commits", action="store_true", help="synchronous=NORMAL")
    args = parser.parse_args(argv)
    die_with_parent(args.parent)
    pin_to_host_cores()  # this process's own threads (and a quick lane's unpinned runs) stay off the measure cores
    sweep_stale()
    policy = json.loads(args.policy)
    context = Context(Policy(**{**policy, "datasets": tuple(policy.get("datasets", ("venus-mini",)))}))
    store = JobStore(args.state_dir / "jobs.sqlite3", synchronous="NORMAL" if args.fast_commits else "FULL")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    claim_loop(store, args.owner, local_runner(context), args.lease, stop, Wakeup(sys.stdin.fileno()), args.lane)
    store.close()
    sys.exit(0)


if __name__ == "__main__":
    main()
