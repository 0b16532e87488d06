"""The HTTP service (FastAPI): its start and stop, and the guard on request size.

Workers (local processes or Ray actors for the measured lane, local processes for the quick lane)
start with the app and claim jobs from the durable job table, so concurrency is bounded by the
workers, not the requests. The endpoints are in
`service.routes`.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import time
from collections.abc import AsyncIterator, MutableMapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from afterburner.core.errors import UsageError
from afterburner.service import routes
from afterburner.service.config import ServiceConfig
from afterburner.service.jobs import Context
from afterburner.service.pools import LocalWorkers, Pool, Pools, RayWorkers, Supervisor
from afterburner.service.state import Completions, ServiceState
from afterburner.service.store import JobStore


class BodyLimit:
    """ASGI middleware: 413 for a request body over `limit` bytes (declared or streamed)."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(self.limit)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Any:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await _too_large(self.limit)(scope, receive, send)


class _TooLarge(Exception):
    pass


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"detail": f"request body larger than {limit} bytes"}, status_code=413)


def _start(config: ServiceConfig) -> tuple[ServiceState, int]:
    state_dir = config.state_path
    state_dir.mkdir(parents=True, exist_ok=True)
    lock = os.open(state_dir / "service.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as error:
        os.close(lock)
        raise UsageError(f"another service uses {state_dir}", "stop it, or pick another --state-dir") from error
    store = JobStore(
        state_dir / "jobs.sqlite3",
        max_attempts=config.max_attempts,
        result_ttl=config.result_ttl,
        max_queue=config.max_queue,
        synchronous="FULL" if config.durable else "NORMAL",
    )
    store.requeue_all_running()  # their workers belonged to a service that is gone
    measured: Pool
    if config.executor == "local":
        measured = LocalWorkers(config, config.worker_count(), adopt=config.adopt_orphans)
    else:
        address = config.executor.partition(":")[2] or None
        measured = RayWorkers(config, store, address)
    # Correctness-only runs: worker processes of their own here, whatever runs the measured lane.
    quick = LocalWorkers(config, config.quick_worker_count(), adopt=config.adopt_orphans, lane="quick")
    pool = Pools(measured, quick)
    pool.start()
    supervisor = Supervisor(store, pool)
    supervisor.start()
    completions = Completions(store)
    state = ServiceState(
        config, store, pool, supervisor, Context(config.policy), config.tokens(), time.time(), completions
    )
    return state, lock


def _stop(state: ServiceState, lock: int) -> None:
    state.supervisor.stop()
    state.pool.stop()
    state.store.requeue_all_running()
    state.store.close()
    os.close(lock)


def create_app(config: ServiceConfig) -> FastAPI:
    """The service; workers start with the app (lifespan) and stop with it."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state, lock = _start(config)
        app.state.service = state
        state.completions.task = asyncio.create_task(state.completions.run())
        try:
            yield
        finally:
            state.completions.task.cancel()
            _stop(state, lock)

    app = FastAPI(
        title="Afterburner judge",
        description="Run and judge untrusted code in an isolated, measured sandbox. Monolith-compatible "
        "(/execute, /submit, /results, /status), SandboxFusion-compatible (/run_code), and native (/v1).",
        version="1",
        lifespan=lifespan,
    )
    app.add_middleware(BodyLimit, limit=config.max_request_bytes)
    for router in (routes.public, routes.monolith, routes.fusion, routes.native):
        app.include_router(router)
    return app
