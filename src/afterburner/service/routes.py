"""The endpoints: Monolith's, SandboxFusion's, and ours under /v1, each a thin layer over the job table.

Every request becomes a job before anything runs; synchronous endpoints wait for their job's
result (`Completions`), asynchronous ones return its id at once.
"""

from __future__ import annotations

import hmac
import time
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from afterburner.core.errors import UsageError
from afterburner.service.compat import (
    monolith_view,
    run_payload_monolith,
    run_payload_sandbox_fusion,
    sandbox_fusion_view,
)
from afterburner.service.execution import check_job
from afterburner.service.schemas import (
    BatchJudgeRequest,
    BatchSubmitRequest,
    ExecuteRequest,
    JobRequest,
    JudgeRequest,
    RunCodeRequest,
    RunRequest,
)
from afterburner.service.state import ServiceState
from afterburner.service.store import IdempotencyConflict, Job, JobStatus, QueueFull, Submission

KEY_HEADER = "Idempotency-Key"


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
        except (TypeError, ValueError, AttributeError, KeyError) as error:  # a field of the wrong shape
            raise HTTPException(422, f"malformed {submission.kind} request: {type(error).__name__}: {error}") from error
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


public = APIRouter()
monolith = APIRouter(dependencies=[Depends(_authorized)], tags=["Monolith"])
fusion = APIRouter(dependencies=[Depends(_authorized)], tags=["SandboxFusion"])
native = APIRouter(prefix="/v1", dependencies=[Depends(_authorized)], tags=["native"])


@public.get("/healthz")
async def healthz() -> dict[str, Any]:
    return {"ok": True}


@monolith.get("/status")
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


@monolith.post("/execute")
async def execute(body: ExecuteRequest, request: Request) -> dict[str, Any]:
    """Monolith: run once and wait; peak_memory in kB, duration/cpu_time in ms, integral in kB*s."""
    state = _state(request)
    [(task_id, _)] = await _submit(state, [Submission("run", _monolith_payload(body))])
    return _view(await _wait(state, task_id))


@monolith.post("/submit")
async def submit(
    body: ExecuteRequest, request: Request, key: str | None = Header(None, alias=KEY_HEADER, max_length=200)
) -> dict[str, Any]:
    """Monolith's asynchronous /execute: the same body; the same Idempotency-Key gives the same task."""
    [(task_id, _)] = await _submit(_state(request), [Submission("run", _monolith_payload(body), key)])
    return {"task_id": task_id}


@monolith.get("/results/{task_id}")
async def results(task_id: str, request: Request) -> dict[str, Any]:
    """{status: queued|running} until the job ends, then the body of the endpoint that submitted it."""
    job = await run_in_threadpool(_state(request).store.get, task_id)
    if job is None:
        raise HTTPException(404, f"no job {task_id}")
    return _view(job)


@fusion.post("/run_code")
async def run_code(body: RunCodeRequest, request: Request) -> dict[str, Any]:
    """SandboxFusion: status Success|Failed|SandboxError with compile_result and run_result."""
    state = _state(request)
    payload = run_payload_sandbox_fusion(body.model_dump())
    [(task_id, _)] = await _submit(state, [Submission("run", payload)])
    return _view(await _wait(state, task_id))


@native.post("/run")
async def run(body: RunRequest, request: Request) -> dict[str, Any]:
    """Compile (cached) and run once; every figure in SI units (seconds, bytes, byte-seconds)."""
    state = _state(request)
    [(task_id, _)] = await _submit(state, [Submission("run", body.model_dump(exclude_none=True))])
    return _native(await _wait(state, task_id))


@native.post("/judge")
async def judge(body: JudgeRequest, request: Request) -> dict[str, Any]:
    """Judge on the given tests, or on a served dataset problem's hidden scoring tests (nothing of them shown)."""
    state = _state(request)
    payload = body.model_dump(exclude_none=True)
    [(task_id, _)] = await _submit(state, [Submission("judge", payload)])
    return _native(await _wait(state, task_id))


@native.post("/judge/batch")
async def judge_batch(
    body: BatchJudgeRequest, request: Request, key: str | None = Header(None, alias=KEY_HEADER, max_length=200)
) -> dict[str, Any]:
    """Submit a judge batch (programs measured together); poll GET /v1/jobs/{task_id}."""
    [(task_id, _)] = await _submit(_state(request), [Submission("batch", {"batch": body.batch}, key)])
    return {"task_id": task_id}


@native.post("/jobs")
async def jobs(
    body: JobRequest, request: Request, key: str | None = Header(None, alias=KEY_HEADER, max_length=200)
) -> dict[str, Any]:
    """Submit one run or judge job; poll GET /v1/jobs/{task_id}."""
    submission = Submission(body.kind, _request_payload(body), key or body.idempotency_key)
    [(task_id, _)] = await _submit(_state(request), [submission])
    return {"task_id": task_id}


@native.post("/batch")
async def batch(body: BatchSubmitRequest, request: Request) -> dict[str, Any]:
    """Submit many jobs in one request, all or none; each job may carry its own idempotency key."""
    submissions = [Submission(j.kind, _request_payload(j), j.idempotency_key) for j in body.jobs]
    found = await _submit(_state(request), submissions)
    return {"task_ids": [task_id for task_id, _ in found]}


@native.get("/jobs/{task_id}")
async def job(task_id: str, request: Request) -> dict[str, Any]:
    found = await run_in_threadpool(_state(request).store.get, task_id)
    if found is None:
        raise HTTPException(404, f"no job {task_id}")
    return _native(found)
