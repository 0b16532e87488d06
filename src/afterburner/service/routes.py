"""The endpoints: Monolith's, SandboxFusion's, and ours under /v1, each a thin layer over the job table.

Every request becomes a typed job (`service.jobs.parse_job`, a 4xx when it cannot run) and a row
of the job table before anything runs; synchronous endpoints wait for their job's result
(`Completions`), asynchronous ones return its id at once.

A correctness-only synchronous request (SandboxFusion's `/run_code`, Monolith's `/execute` without
profiling) is answered within its client's deadline: when the quick lane's queue cannot start it in
time it gets 504 with `Retry-After` at once (verl retries 504; SandboxFusion's and Monolith's
clients retry it too), and a job still queued when its start can no longer meet the deadline is
dropped and answered 504 the same way, never a silent wait past the client's time-out.
"""

from __future__ import annotations

import hmac
import logging
import math
import time
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from afterburner.core.errors import UsageError
from afterburner.service.compat import (
    MONOLITH,
    MONOLITH_ASYNC,
    PENDING,
    SANDBOX_FUSION,
    check_libraries,
    monolith_async_view,
    monolith_view,
    run_payload_monolith,
    run_payload_sandbox_fusion,
    sandbox_fusion_view,
)
from afterburner.service.jobs import parse_job
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
# verl's sandbox client gives a /run_code request compile_timeout + run_timeout + this many seconds.
CLIENT_ALLOWANCE = 10.0
MARGIN = 1.0  # seconds before a client's deadline by which it has its answer
RUN_OVERHEAD = 0.5  # seconds a run takes beyond its program's own (the sandbox's set-up, our commit)
log = logging.getLogger("afterburner.service")


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


def _ignored(endpoint: str, extra: dict[str, Any] | None) -> None:
    """Compatibility endpoints accept fields they do not know, as their clients assume, and say so in the log."""
    if extra:
        log.warning("%s: ignored unknown field(s) %s", endpoint, ", ".join(sorted(extra)))


def _check(state: ServiceState, submissions: list[Submission]) -> None:
    """422 for a submission that cannot become a typed job."""
    for submission in submissions:
        try:
            parse_job(submission.kind, submission.payload, state.context)
        except UsageError as error:
            raise HTTPException(422, str(error)) from error


async def _submit(state: ServiceState, submissions: list[Submission]) -> list[tuple[str, bool]]:
    _check(state, submissions)
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


def _busy(state: ServiceState, why: str) -> HTTPException:
    """504 with Retry-After: the quick lane cannot serve this request before its client gives up."""
    typical = state.store.typical_seconds("quick") or 0.1
    backlog = state.store.queued_in("quick") * typical / max(1, state.config.quick_worker_count())
    retry = str(max(1, math.ceil(backlog)))
    return HTTPException(504, f"{why}; retry after {retry} s", headers={"Retry-After": retry})


async def _answer_in_time(state: ServiceState, submission: Submission, deadline: float, budget: float) -> Job:
    """Submit a quick job and wait for it, answering 504 before the client's `deadline` (seconds from
    now) when it cannot start in time: at once if the queue ahead of it is too long, else when its
    latest start passes while it still waits (it is dropped then). `budget`: seconds it runs at most."""
    _check(state, [submission])
    arrived = time.monotonic()
    deadline = min(deadline, state.config.sync_wait)
    latest_start = arrived + deadline - MARGIN - budget
    typical = await run_in_threadpool(state.store.typical_seconds, "quick") or 0.0
    ahead = await run_in_threadpool(state.store.queued_in, "quick")
    if arrived + ahead * typical / max(1, state.config.quick_worker_count()) > latest_start:
        raise await run_in_threadpool(_busy, state, f"{ahead} runs are queued ahead of this one")
    [(task_id, _)] = await _submit(state, [submission])
    await state.completions.wait(task_id, max(0.0, latest_start - time.monotonic()))
    if await run_in_threadpool(state.store.status_of, task_id) is JobStatus.QUEUED and await run_in_threadpool(
        state.store.cancel, task_id
    ):
        raise await run_in_threadpool(_busy, state, "the run could not start before the client's deadline")
    await state.completions.wait(task_id, max(0.0, arrived + deadline - MARGIN - time.monotonic()))
    job = await run_in_threadpool(state.store.get, task_id)
    if job is None or job.status is not JobStatus.DONE or job.result is None:
        raise HTTPException(
            504, f"job {task_id} did not finish before the client's deadline", headers={"Retry-After": "1"}
        )
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
        if view in (MONOLITH, MONOLITH_ASYNC):  # Monolith's word for it, ours beside
            return {"task_id": job.id, "status": PENDING, "queue_status": job.status.value, "output_dict": None}
        return {"task_id": job.id, "status": job.status.value}
    if view == MONOLITH:
        return monolith_view(job.id, job.result)
    if view == MONOLITH_ASYNC:
        return monolith_async_view(job.id, job.result, job.started, job.finished)
    if view == SANDBOX_FUSION:
        return sandbox_fusion_view(job.result)
    return _native(job)


def _monolith_payload(body: ExecuteRequest, endpoint: str) -> dict[str, Any]:
    _ignored(endpoint, body.model_extra)
    fields = body.model_dump(exclude_unset=True, exclude=set(body.model_extra or ()))
    try:
        check_libraries(str(fields.get("language") or "python"), body.libraries)
    except UsageError as error:
        raise HTTPException(422, str(error)) from error
    return run_payload_monolith({**fields, "libraries": body.libraries})


def _submission(payload: dict[str, Any], key: str | None = None) -> Submission:
    return Submission("run", payload, key, str(payload.get("lane", "measured")))


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
    workers = state.pool.describe()
    return {
        "queue": counts,
        "lanes": {lane: await run_in_threadpool(state.store.counts, lane) for lane in ("measured", "quick")},
        "workers": workers,
        "worker_count": sum(1 for w in workers if w.get("lane") != "quick"),
        "quick_worker_count": sum(1 for w in workers if w.get("lane") == "quick"),
        "mode": state.config.mode,
        "executor": state.config.executor,
        "cores": state.config.cores(),
        "requeued": state.supervisor.requeued,
        "given_up": state.supervisor.given_up,
        "uptime_seconds": time.time() - state.started,
    }


@monolith.post("/execute")
async def execute(body: ExecuteRequest, request: Request) -> dict[str, Any]:
    """Monolith, either backend: the synchronous one's body (`run_profiling`, `stdin`) runs and waits;
    the asynchronous one's (`run_memory_profile`, its published client's) answers {task_id, status:
    processing} at once, to poll at GET /results/{task_id}. peak_memory in kB, duration/cpu_time in ms,
    integral in kB*s."""
    state = _state(request)
    payload = _monolith_payload(body, "/execute")
    if payload["view"] == MONOLITH_ASYNC:
        [(task_id, _)] = await _submit(state, [_submission(payload)])
        return {"task_id": task_id, "status": PENDING, "error": None}
    if payload["lane"] == "quick":
        budget = payload["limits"]["wall_time"] + RUN_OVERHEAD
        return _view(await _answer_in_time(state, _submission(payload), state.config.sync_wait, budget))
    [(task_id, _)] = await _submit(state, [_submission(payload)])
    return _view(await _wait(state, task_id))


@monolith.post("/submit")
async def submit(
    body: ExecuteRequest, request: Request, key: str | None = Header(None, alias=KEY_HEADER, max_length=200)
) -> dict[str, Any]:
    """Monolith's asynchronous /execute: the same body; the same Idempotency-Key gives the same task."""
    [(task_id, _)] = await _submit(_state(request), [_submission(_monolith_payload(body, "/submit"), key)])
    return {"task_id": task_id}


@monolith.get("/results/{task_id}")
async def results(task_id: str, request: Request) -> dict[str, Any]:
    """Monolith's status `processing` until the job ends (our queued|running beside it), then the body
    of the endpoint that submitted it."""
    job = await run_in_threadpool(_state(request).store.get, task_id)
    if job is None:
        raise HTTPException(404, f"no job {task_id}")
    return _view(job)


@monolith.delete("/clean/{keep}")
async def clean(keep: int, request: Request) -> dict[str, Any]:
    """Monolith's clean-up: forget all but the `keep` newest finished Monolith results."""
    if keep < 0:
        raise HTTPException(422, "keep must be 0 or more")
    removed = await run_in_threadpool(_state(request).store.clean, keep, (MONOLITH, MONOLITH_ASYNC))
    return {"status": "success", "removed": removed, "kept_at_most": keep}


@fusion.post("/run_code")
async def run_code(body: RunCodeRequest, request: Request) -> dict[str, Any]:
    """SandboxFusion: status Success|Failed|SandboxError with compile_result, run_result and files.

    Answered before verl's client gives up (compile_timeout + run_timeout + 10 s): 504 with
    Retry-After when the quick lane cannot start it in time."""
    state = _state(request)
    _ignored("/run_code", body.model_extra)
    payload = run_payload_sandbox_fusion(body.model_dump(exclude=set(body.model_extra or ())))
    deadline = body.compile_timeout + body.run_timeout + CLIENT_ALLOWANCE
    budget = body.run_timeout + RUN_OVERHEAD + (body.compile_timeout if _compiled(payload["language"]) else 0.0)
    return _view(await _answer_in_time(state, _submission(payload), deadline, budget))


def _compiled(language: str) -> bool:
    from afterburner.languages.registry import get_language

    try:
        return get_language(language).compiled
    except UsageError:
        return False


@native.post("/run")
async def run(body: RunRequest, request: Request) -> dict[str, Any]:
    """Compile (cached) and run once; every figure in SI units (seconds, bytes, byte-seconds)."""
    state = _state(request)
    [(task_id, _)] = await _submit(state, [_submission(body.model_dump(exclude_none=True))])
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
