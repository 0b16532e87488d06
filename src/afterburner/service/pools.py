"""The service's worker pools, and the supervisor that keeps jobs moving.

Each pool serves one lane of the job table (`service.jobs`): the measured lane (one worker per
measure core, each run leasing its core) and the quick lane (correctness-only runs, unpinned, on
workers of their own, so they never wait behind measured work). `LocalWorkers` runs worker
processes (`service.process_worker`); `RayWorkers` runs the same claim loop (`service.claim_loop`)
in one thread per Ray actor, each job sent to its actor (`RayExecutor.call`). `Pools` is the two
of them as one. The `Supervisor` restarts a worker that died and puts its job back in the queue at
once, puts jobs with expired leases back, and forgets results past their TTL.
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import asdict
from typing import Any, Protocol

from afterburner.service.claim_loop import Wakeup, claim_loop
from afterburner.service.config import ServiceConfig
from afterburner.service.execution import execute_job
from afterburner.service.jobs import Context
from afterburner.service.results import failed_on_our_side
from afterburner.service.store import Job, JobStore

STOP_GRACE = 10.0  # seconds a stopping worker may take to finish its job


class Pool(Protocol):
    def start(self) -> None: ...

    def check(self) -> list[str]:
        """Restart dead workers; the owners whose jobs must go back to the queue."""
        ...

    def describe(self) -> list[dict[str, Any]]: ...

    def notify(self) -> None:
        """Jobs were queued."""
        ...

    def stop(self) -> None: ...


PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> None:
    """Adopt the orphans of a killed worker (its measuring helper, bubblewrap), to reap them at once."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1)


def reap() -> set[int]:
    """Reap every child of this process that has exited (workers and adopted orphans)."""
    exited: set[int] = set()
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return exited
        if pid == 0:
            return exited
        exited.add(pid)


class LocalWorkers:
    """Worker processes on this machine, each claiming jobs from the job table.

    With `adopt` (the `afterburner serve` process), this process is a child subreaper: what a
    killed worker's runs leave (a dying helper, bubblewrap) comes to it and is reaped at once.
    """

    def __init__(self, config: ServiceConfig, count: int, adopt: bool = False, lane: str = "measured") -> None:
        self.config = config
        self.count = count
        self.adopt = adopt
        self.lane = lane
        self.processes: dict[int, tuple[str, subprocess.Popen[bytes]]] = {}
        self.restarts = 0

    def _spawn(self, slot: int) -> None:
        owner = f"{self.lane}-{slot}-{uuid.uuid4().hex[:8]}"
        argv = [
            sys.executable,
            "-m",
            "afterburner.service.process_worker",
            "--state-dir",
            self.config.state_dir,
            "--owner",
            owner,
            "--parent",
            str(os.getpid()),
            "--lease",
            str(self.config.lease_seconds),
            "--lane",
            self.lane,
            "--policy",
            json.dumps(asdict(self.config.policy)),
            *([] if self.config.durable else ["--fast-commits"]),
        ]
        process = subprocess.Popen(argv, env=self.config.worker_env(), stdin=subprocess.PIPE)
        self.processes[slot] = (owner, process)

    def start(self) -> None:
        if self.adopt:
            become_subreaper()
        for slot in range(self.count):
            self._spawn(slot)

    def check(self) -> list[str]:
        exited = reap() if self.adopt else set()
        dead = []
        for slot, (owner, process) in list(self.processes.items()):
            if process.pid in exited or process.poll() is not None:
                dead.append(owner)
                self.restarts += 1
                self._spawn(slot)
        return dead

    def notify(self) -> None:
        """A job was queued: wake the idle workers (a byte on their stdin)."""
        for _, process in self.processes.values():
            if process.stdin is None:
                continue
            try:
                os.set_blocking(process.stdin.fileno(), False)
                process.stdin.write(b"!")
                process.stdin.flush()
            except (BlockingIOError, BrokenPipeError, OSError, ValueError):
                pass  # full (it has wake-ups pending) or gone (the supervisor restarts it)

    def pids(self) -> list[int]:
        return [process.pid for _, process in self.processes.values()]

    def describe(self) -> list[dict[str, Any]]:
        return [
            {"owner": owner, "pid": process.pid, "alive": process.poll() is None, "kind": "process", "lane": self.lane}
            for owner, process in self.processes.values()
        ]

    def stop(self) -> None:
        for _, process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + STOP_GRACE
        for _, process in self.processes.values():
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


class RayWorkers:
    """The claim loop in one thread per Ray actor: claim here, run there, record here."""

    def __init__(self, config: ServiceConfig, store: JobStore, address: str | None) -> None:
        from afterburner.judge.ray_executor import RayExecutor

        self.config = config
        self.store = store
        self.executor = RayExecutor(address)
        self.context = Context(config.policy)
        self.threads: list[threading.Thread] = []
        self.stopping = threading.Event()
        self.queued = threading.Condition()

    def _run(self, job: Job) -> dict[str, Any]:
        from afterburner.judge.ray_executor import ExecutorFailure

        try:
            return dict(self.executor.call(execute_job, job.kind, job.payload, self.context))
        except ExecutorFailure as error:
            return failed_on_our_side(f"infrastructure error: {error}")

    def start(self) -> None:
        for slot in range(self.executor.capacity):
            owner = f"ray-{slot}-{uuid.uuid4().hex[:8]}"
            args = (self.store, owner, self._run, self.config.lease_seconds, self.stopping, Wakeup(None, self.queued))
            thread = threading.Thread(target=claim_loop, args=args, name=owner, daemon=True)
            thread.start()
            self.threads.append(thread)

    def check(self) -> list[str]:
        return []  # Ray restarts dead actors; `call` re-runs their job

    def notify(self) -> None:
        with self.queued:
            self.queued.notify_all()

    def describe(self) -> list[dict[str, Any]]:
        return [{"owner": t.name, "alive": t.is_alive(), "kind": "ray", "lane": "measured"} for t in self.threads]

    def stop(self) -> None:
        self.stopping.set()
        self.notify()
        for thread in self.threads:
            thread.join(STOP_GRACE)
        self.executor.close()


class Pools:
    """The measured lane's pool and the quick lane's, started, checked and stopped together."""

    def __init__(self, *pools: Pool) -> None:
        self.pools = pools

    def start(self) -> None:
        for pool in self.pools:
            pool.start()

    def check(self) -> list[str]:
        return [owner for pool in self.pools for owner in pool.check()]

    def describe(self) -> list[dict[str, Any]]:
        return [worker for pool in self.pools for worker in pool.describe()]

    def notify(self) -> None:
        for pool in self.pools:
            pool.notify()

    def stop(self) -> None:
        for pool in self.pools:
            pool.stop()


class Supervisor:
    """A thread: restart dead workers and requeue their jobs; requeue expired leases; purge old results."""

    def __init__(self, store: JobStore, pool: Pool, every: float = 0.2) -> None:
        self.store = store
        self.pool = pool
        self.every = every
        self.requeued = 0
        self.given_up = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="afterburner-supervisor", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def tick(self, purge: bool = False) -> None:
        for owner in self.pool.check():
            requeued, gave_up = self.store.requeue_owner(owner)
            self.requeued += requeued
            self.given_up += gave_up
        requeued, gave_up = self.store.requeue_expired()
        self.requeued += requeued
        self.given_up += gave_up
        if purge:
            self.store.purge()

    def _loop(self) -> None:
        beats = 0
        while not self._stop.wait(self.every):
            beats += 1
            self.tick(purge=beats % 300 == 0)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
