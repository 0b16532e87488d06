"""What a running service holds: its settings, job table, worker pool, and the waiters of its jobs."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool

from afterburner.service.config import ServiceConfig
from afterburner.service.jobs import Context
from afterburner.service.pools import Pools, Supervisor
from afterburner.service.store import JobStatus, JobStore


class Completions:
    """One watcher for every waiting request: it reads the jobs finished since its mark, every 2 ms."""

    POLL = 0.002
    RECHECK = 1.0  # a waiter also looks at its own job this often (belt and braces)

    def __init__(self, store: JobStore) -> None:
        self.store = store
        self.mark = store.done_mark()
        self.waiting: dict[str, list[asyncio.Future[None]]] = {}
        self.task: asyncio.Task[None] | None = None

    async def run(self) -> None:
        while True:
            if self.waiting:
                done, self.mark = await run_in_threadpool(self.store.finished_after, self.mark)
                for task_id in done:
                    for future in self.waiting.pop(task_id, []):
                        if not future.done():
                            future.set_result(None)
            await asyncio.sleep(self.POLL)

    async def wait(self, task_id: str, seconds: float) -> None:
        """Return when the job is done, or after `seconds`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self.waiting.setdefault(task_id, []).append(future)
            status = await run_in_threadpool(self.store.status_of, task_id)
            if status not in (JobStatus.QUEUED, JobStatus.RUNNING):
                return
            try:
                await asyncio.wait_for(future, min(self.RECHECK, max(0.0, deadline - time.monotonic())))
                return
            except TimeoutError:
                continue
            finally:
                waiters = self.waiting.get(task_id, [])
                if future in waiters:
                    waiters.remove(future)
                if not waiters:
                    self.waiting.pop(task_id, None)


@dataclass
class ServiceState:
    config: ServiceConfig
    store: JobStore
    pool: Pools
    supervisor: Supervisor
    context: Context
    tokens: tuple[str, ...]
    started: float
    completions: Completions
