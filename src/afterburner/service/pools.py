"""The service's worker pool, and the supervisor that keeps jobs moving.

`LocalWorkers` runs worker processes (`service.worker`) that claim jobs from the job table
themselves. `RayWorkers` claims jobs in the service and runs each on a Ray actor
(`RayExecutor.call`), one thread per actor. Either way the `Supervisor` restarts a worker that
died and puts its job back in the queue at once, puts jobs with expired leases back, and forgets
results past their TTL.
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

from afterburner.service.config import ServiceConfig
from afterburner.service.execution import Context, execute_job
from afterburner.service.store import JobStore
from afterburner.service.worker import heartbeat

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

    def __init__(self, config: ServiceConfig, count: int, adopt: bool = False) -> None:
        self.config = config
        self.count = count
        self.adopt = adopt
        self.processes: dict[int, tuple[str, subprocess.Popen[bytes]]] = {}
        self.restarts = 0

    def _spawn(self, slot: int) -> None:
        owner = f"worker-{slot}-{uuid.uuid4().hex[:8]}"
        argv = [
            sys.executable,
            "-m",
            "afterburner.service.worker",
            "--state-dir",
            self.config.state_dir,
            "--owner",
            owner,
            "--parent",
            str(os.getpid()),
            "--lease",
            str(self.config.lease_seconds),
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
            {"owner": owner, "pid": process.pid, "alive": process.poll() is None, "kind": "process"}
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
    """One dispatching thread per Ray actor: claim here, run there, record here."""

    def __init__(self, config: ServiceConfig, store: JobStore, address: str | None) -> None:
        from afterburner.judge.ray_executor import RayExecutor

        self.config = config
        self.store = store
        self.executor = RayExecutor(address)
        self.context = Context(config.policy)
        self.threads: list[threading.Thread] = []
        self.stopping = threading.Event()
        self.queued = threading.Condition()

    def _dispatch(self, owner: str) -> None:
        from afterburner.judge.ray_executor import ExecutorFailure

        lease = self.config.lease_seconds
        while not self.stopping.is_set():
            job = self.store.claim(owner, lease) if self.store.has_queued() else None
            if job is None:
                with self.queued:
                    self.queued.wait(0.05)
                continue
            with heartbeat(lambda job_id=job.id: self.store.heartbeat(job_id, owner, lease), lease / 3):  # type: ignore[misc]
                try:
                    result = self.executor.call(execute_job, job.kind, job.payload, self.context)
                except ExecutorFailure as error:
                    result = {"verdict": "IE", "infrastructure_error": True, "error": str(error)}
            self.store.complete(job.id, owner, result)

    def start(self) -> None:
        for slot in range(self.executor.capacity):
            owner = f"ray-{slot}-{uuid.uuid4().hex[:8]}"
            thread = threading.Thread(target=self._dispatch, args=(owner,), name=owner, daemon=True)
            thread.start()
            self.threads.append(thread)

    def check(self) -> list[str]:
        return []  # Ray restarts dead actors; `call` re-runs their job

    def notify(self) -> None:
        with self.queued:
            self.queued.notify_all()

    def describe(self) -> list[dict[str, Any]]:
        return [{"owner": t.name, "alive": t.is_alive(), "kind": "ray"} for t in self.threads]

    def stop(self) -> None:
        self.stopping.set()
        self.notify()
        for thread in self.threads:
            thread.join(STOP_GRACE)
        self.executor.close()


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
