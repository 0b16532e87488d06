"""The HTTP service (FastAPI): Monolith's and SandboxFusion's endpoints, and our own under /v1.

Every request becomes a job in the durable job table before anything runs; synchronous
endpoints wait for their job's result, asynchronous ones return its id at once. Workers (local
processes or Ray actors) claim jobs, so concurrency is bounded by the workers, not the requests.
"""

from __future__ import annotations

import asyncio
import fcntl
import hmac
import os
import time
from collections.abc import AsyncIterator, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from afterburner.core.errors import UsageError
from afterburner.service.compat import (
    monolith_view,
    run_payload_monolith,
    run_payload_sandbox_fusion,
    sandbox_fusion_view,
)
from afterburner.service.config import ServiceConfig
from afterburner.service.execution import Context, check_job
from afterburner.service.schemas import (
    BatchJudgeRequest,
    BatchSubmitRequest,
    ExecuteRequest,
    JobRequest,
    JudgeRequest,
    RunCodeRequest,
    RunRequest,
)
from afterburner.service.store import IdempotencyConflict, Job, JobStatus, JobStore, QueueFull, Submission
from afterburner.service.workers import LocalWorkers, Pool, RayWorkers, Supervisor

PUBLIC = ("/healthz", "/docs", "/openapi.json", "/redoc", "/docs/oauth2-redirect")
KEY_HEADER = "Idempotency-Key"


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
    pool: Pool
    supervisor: Supervisor
    context: Context
    tokens: tuple[str, ...]
    started: float
    completions: Completions


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


def _state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.service
    return state


def _authorized(request: Request, authorization: str | None = Header(None)) -> None:
    tokens = _state(request).tokens
    if not tokens:
        return
    given = (authorization or "").removeprefix("Bearer ").strip() if authorization else ""
    # Constant-time compare against every token (no early exit on the first match).
    matched = False
    for token in tokens:
        matched |= hmac.compare_digest(given.encode(), token.encode())
    if not given or not matched:
        raise HTTPException(401, "missing or invalid bearer token", headers={"WWW-Authenticate": "Bearer"})


async def _submit(state: ServiceState, submissions: list[Submission]) -> list[tuple[str, bool]]:
    for submission in submissions:
        try:
            check_job(submission.kind, submission.payload, state.context)
        except UsageError as error:
            raise HTTPException(422, str(error)) from error
    try:
        found = await run_in_threadpool(state.store.submit_many, submissions)
    except QueueFull as error:
        workers = max(1, state.config.worker_count())
        queued = state.store.counts()["queued"]
        retry = str(1 + queued // (10 * workers))
        raise HTTPException(429, f"{error}; retry later", headers={"Retry-After": retry}) from error
    except IdempotencyConflict as error:
        raise HTTPException(409, str(error)) from error
    if any(new for _, new in found):
        state.pool.notify()
    return found


async def _wait(state: ServiceState, task_id: str) -> Job:
    """Wait until the job is done (504 after `sync_wait`)."""
    await state.completions.wait(task_id, state.config.sync_wait)
    job = await run_in_threadpool(state.store.get, task_id)
    if job is None:
        raise HTTPException(404, f"no job {task_id} (finished jobs are kept for {state.config.result_ttl:g} s)")
    if job.status is not JobStatus.DONE:
        raise HTTPException(504, f"job {task_id} is still {job.status}; poll GET /results/{task_id}")
    return job


def _native(job: Job) -> dict[str, Any]:
    return {
        "task_id": job.id,
        "status": job.status.value,
        "kind": job.kind,
        "attempts": job.attempts,
        "created": job.created,
        "started": job.started,
        "finished": job.finished,
        "result": job.result,
    }


def _view(job: Job) -> dict[str, Any]:
    """A finished job as the endpoint that submitted it answers."""
    view = job.payload.get("view")
    if job.status is not JobStatus.DONE or job.result is None:
        return {"task_id": job.id, "status": job.status.value}
    if view == "monolith":
        return monolith_view(job.id, job.result)
    if view == "sandbox_fusion":
        return sandbox_fusion_view(job.result)
    return _native(job)


def _monolith_payload(body: ExecuteRequest) -> dict[str, Any]:
    if body.libraries:
        raise HTTPException(422, "this judge installs no libraries: libraries must be empty")
    return run_payload_monolith(body.model_dump())


def _request_payload(job: JobRequest) -> dict[str, Any]:
    """A queued job's request, validated as the synchronous endpoint of its kind would."""
    model = RunRequest if job.kind == "run" else JudgeRequest
    try:
        return model.model_validate(job.request).model_dump(exclude_none=True)
    except ValidationError as error:
        raise HTTPException(422, f"invalid {job.kind} request: {error}") from error


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
    pool: Pool
    if config.executor == "local":
        pool = LocalWorkers(config, config.worker_count(), adopt=config.adopt_orphans)
    else:
        address = config.executor.partition(":")[2] or None
        pool = RayWorkers(config, store, address)
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
    _routes(app)
    return app


def _routes(app: FastAPI) -> None:
    guarded = [Depends(_authorized)]

    @app.get("/healthz")
    async def healthz() -> dict[str, Any]:
        return {"ok": True}

    @app.get("/status", dependencies=guarded)
    async def status(request: Request) -> dict[str, Any]:
        state = _state(request)
        counts = await run_in_threadpool(state.store.counts)
        return {
            "queue": counts,
            "workers": state.pool.describe(),
            "worker_count": len(state.pool.describe()),
            "mode": state.config.mode,
            "executor": state.config.executor,
            "cores": state.config.cores(),
            "requeued": state.supervisor.requeued,
            "given_up": state.supervisor.given_up,
            "uptime_seconds": time.time() - state.started,
        }

    @app.post("/execute", dependencies=guarded)
    async def execute(body: ExecuteRequest, request: Request) -> dict[str, Any]:
        """Monolith: run once and wait; peak_memory in kB, duration/cpu_time in ms, integral in kB*s."""
        state = _state(request)
        [(task_id, _)] = await _submit(state, [Submission("run", _monolith_payload(body))])
        return _view(await _wait(state, task_id))

    @app.post("/submit", dependencies=guarded)
    async def submit(
        body: ExecuteRequest, request: Request, key: str | None = Header(None, alias=KEY_HEADER, max_length=200)
    ) -> dict[str, Any]:
        """Monolith's asynchronous /execute: the same body; the same Idempotency-Key gives the same task."""
        [(task_id, _)] = await _submit(_state(request), [Submission("run", _monolith_payload(body), key)])
        return {"task_id": task_id}

    @app.get("/results/{task_id}", dependencies=guarded)
    async def results(task_id: str, request: Request) -> dict[str, Any]:
        """{status: queued|running} until the job ends, then the body of the endpoint that submitted it."""
        job = await run_in_threadpool(_state(request).store.get, task_id)
        if job is None:
            raise HTTPException(404, f"no job {task_id}")
        return _view(job)

    @app.post("/run_code", dependencies=guarded)
    async def run_code(body: RunCodeRequest, request: Request) -> dict[str, Any]:
        """SandboxFusion: status Success|Failed|SandboxError with compile_result and run_result."""
        state = _state(request)
        payload = run_payload_sandbox_fusion(body.model_dump())
        [(task_id, _)] = await _submit(state, [Submission("run", payload)])
        return _view(await _wait(state, task_id))

    @app.post("/v1/run", dependencies=guarded)
    async def run(body: RunRequest, request: Request) -> dict[str, Any]:
        """Compile (cached) and run once; every figure in SI units (seconds, bytes, byte-seconds)."""
        state = _state(request)
        [(task_id, _)] = await _submit(state, [Submission("run", body.model_dump(exclude_none=True))])
        return _native(await _wait(state, task_id))

    @app.post("/v1/judge", dependencies=guarded)
    async def judge(body: JudgeRequest, request: Request) -> dict[str, Any]:
        """Judge on the given tests, or on a served dataset problem's hidden scoring tests (nothing of them shown)."""
        state = _state(request)
        payload = body.model_dump(exclude_none=True)
        [(task_id, _)] = await _submit(state, [Submission("judge", payload)])
        return _native(await _wait(state, task_id))

    @app.post("/v1/judge/batch", dependencies=guarded)
    async def judge_batch(
        body: BatchJudgeRequest, request: Request, key: str | None = Header(None, alias=KEY_HEADER, max_length=200)
    ) -> dict[str, Any]:
        """Submit a judge batch (programs measured together); poll GET /v1/jobs/{task_id}."""
        [(task_id, _)] = await _submit(_state(request), [Submission("batch", {"batch": body.batch}, key)])
        return {"task_id": task_id}

    @app.post("/v1/jobs", dependencies=guarded)
    async def jobs(
        body: JobRequest, request: Request, key: str | None = Header(None, alias=KEY_HEADER, max_length=200)
    ) -> dict[str, Any]:
        """Submit one run or judge job; poll GET /v1/jobs/{task_id}."""
        submission = Submission(body.kind, _request_payload(body), key or body.idempotency_key)
        [(task_id, _)] = await _submit(_state(request), [submission])
        return {"task_id": task_id}

    @app.post("/v1/batch", dependencies=guarded)
    async def batch(body: BatchSubmitRequest, request: Request) -> dict[str, Any]:
        """Submit many jobs in one request, all or none; each job may carry its own idempotency key."""
        submissions = [Submission(j.kind, _request_payload(j), j.idempotency_key) for j in body.jobs]
        found = await _submit(_state(request), submissions)
        return {"task_ids": [task_id for task_id, _ in found]}

    @app.get("/v1/jobs/{task_id}", dependencies=guarded)
    async def job(task_id: str, request: Request) -> dict[str, Any]:
        found = await run_in_threadpool(_state(request).store.get, task_id)
        if found is None:
            raise HTTPException(404, f"no job {task_id}")
        return _native(found)
