"""Clients of the judge service (httpx, sync and async), and a judge executor that uses one.

Every job goes in through an idempotent submission: the client makes an `Idempotency-Key`
once per job and sends it with every retry (connection errors, 429 with its Retry-After, 502,
503, 504), so a retried submission never runs a job twice. Then it polls until the job is done.

`RemoteExecutor(url)` is a `JudgeExecutor`: `--judge URL` makes `eval`, `data profile`,
`optimize` and the training reward judge on the service, each batch still measured together
on one machine (the service's).
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from typing import Any

import httpx

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.judge.executor import JudgeBatch, unjudged
from afterburner.judge.judge import JudgeResult
from afterburner.judge.wire import batch_to_dict, result_from_dict

TOKEN_ENV = "AFTERBURNER_JUDGE_TOKEN"
RETRY_STATUS = (429, 502, 503, 504)


class ServiceError(AfterburnerError):
    """The service refused a request (4xx) or kept failing (5xx, unreachable) after the retries."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message, "check the request, the URL and the token; GET /status tells the queue")
        self.status = status


def _headers(token: str | None, key: str | None = None) -> dict[str, str]:
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if key:
        headers["Idempotency-Key"] = key
    return headers


def _delay(response: httpx.Response | None, attempt: int, backoff: float) -> float:
    if response is not None and response.headers.get("Retry-After", "").isdigit():
        return float(response.headers["Retry-After"])
    return float(backoff * 2**attempt)


def _detail(response: httpx.Response) -> str:
    try:
        return str(response.json().get("detail", response.text))
    except ValueError:
        return response.text[:500]


def _done(body: dict[str, Any]) -> bool:
    return body.get("status") not in ("queued", "running", "processing")


class _Settings:
    """What both clients share: the URL, the token, and how to retry."""

    def __init__(self, url: str, token: str | None, retries: int, backoff: float) -> None:
        if not url.startswith(("http://", "https://")):
            raise UsageError(f"judge URL {url!r} must start with http:// or https://")
        self.url = url.rstrip("/")
        self.token = token if token is not None else os.environ.get(TOKEN_ENV)
        self.retries = retries
        self.backoff = backoff

    def pause(self, response: httpx.Response | None, error: Exception | None, attempt: int, what: str) -> float:
        """Seconds before the next try; raises ServiceError when there is none, returns -1 when done."""
        last = attempt == self.retries
        if error is not None:
            if last:
                raise ServiceError(f"{self.url} unreachable: {error}") from error
            return _delay(None, attempt, self.backoff)
        assert response is not None
        if response.status_code in RETRY_STATUS and not last:
            return _delay(response, attempt, self.backoff)
        if response.status_code >= 400:
            raise ServiceError(f"{what}: {response.status_code} {_detail(response)}", response.status_code)
        return -1.0


class JudgeClient(_Settings):
    """A synchronous client; `retries` re-sends per request, `timeout` per HTTP call (seconds)."""

    def __init__(
        self, url: str, token: str | None = None, timeout: float = 60.0, retries: int = 6, backoff: float = 0.25
    ) -> None:
        super().__init__(url, token, retries, backoff)
        self._http = httpx.Client(base_url=self.url, timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> JudgeClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(self, method: str, path: str, body: Any = None, key: str | None = None) -> dict[str, Any]:
        """One call with retries; the same idempotency key on every try."""
        for attempt in range(self.retries + 1):
            response, error = None, None
            try:
                response = self._http.request(method, path, json=body, headers=_headers(self.token, key))
            except httpx.TransportError as failed:
                error = failed
            pause = self.pause(response, error, attempt, f"{method} {path}")
            if pause < 0 and response is not None:
                result: dict[str, Any] = response.json()
                return result
            time.sleep(pause)
        raise AssertionError("unreachable: the last try returns or raises")

    def status(self) -> dict[str, Any]:
        return self.request("GET", "/status")

    def submit(self, body: dict[str, Any], key: str | None = None) -> str:
        """Monolith's asynchronous run; returns the task id."""
        return str(self.request("POST", "/submit", body, key or uuid.uuid4().hex)["task_id"])

    def results(self, task_id: str) -> dict[str, Any]:
        return self.request("GET", f"/results/{task_id}")

    def wait(self, task_id: str, timeout: float = 3600.0, path: str = "/results") -> dict[str, Any]:
        """Poll until the job is done."""
        deadline = time.monotonic() + timeout
        pause = 0.005
        while True:
            body = self.request("GET", f"{path}/{task_id}")
            if _done(body):
                return body
            if time.monotonic() > deadline:
                raise ServiceError(f"job {task_id} not done after {timeout:g} s")
            time.sleep(pause)
            pause = min(0.25, pause * 1.5)

    def execute(self, code: str, language: str = "python", stdin: str = "", **fields: Any) -> dict[str, Any]:
        """Monolith's /execute body, through an idempotent submission (safe to retry)."""
        return self.wait(self.submit({"code": code, "language": language, "stdin": stdin, **fields}))

    def submit_job(self, kind: str, request: dict[str, Any], key: str | None = None) -> str:
        body = {"kind": kind, "request": request}
        return str(self.request("POST", "/v1/jobs", body, key or uuid.uuid4().hex)["task_id"])

    def job(self, kind: str, request: dict[str, Any]) -> dict[str, Any]:
        """Run a native job (`run` or `judge`) and return its finished record."""
        return self.wait(self.submit_job(kind, request), path="/v1/jobs")

    def run_code(self, body: dict[str, Any]) -> dict[str, Any]:
        """SandboxFusion's /run_code (synchronous: a retry after a lost answer runs it again)."""
        return self.request("POST", "/run_code", body)

    def judge_batch(self, batch: JudgeBatch, timeout: float = 86_400.0) -> list[JudgeResult]:
        """Judge a batch on the service: one job, the programs measured together there."""
        key = uuid.uuid4().hex
        task_id = str(self.request("POST", "/v1/judge/batch", {"batch": batch_to_dict(batch)}, key)["task_id"])
        record = self.wait(task_id, timeout, path="/v1/jobs")
        result = record.get("result") or {}
        if "results" not in result:
            return unjudged(batch, f"the judge service could not judge the batch: {result.get('error', result)}")
        return [result_from_dict(r) for r in result["results"]]


class AsyncJudgeClient(_Settings):
    """The asyncio client: the same retries and idempotency keys as `JudgeClient`."""

    def __init__(
        self, url: str, token: str | None = None, timeout: float = 60.0, retries: int = 6, backoff: float = 0.25
    ) -> None:
        super().__init__(url, token, retries, backoff)
        self._http = httpx.AsyncClient(base_url=self.url, timeout=timeout)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncJudgeClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def request(self, method: str, path: str, body: Any = None, key: str | None = None) -> dict[str, Any]:
        for attempt in range(self.retries + 1):
            response, error = None, None
            try:
                response = await self._http.request(method, path, json=body, headers=_headers(self.token, key))
            except httpx.TransportError as failed:
                error = failed
            pause = self.pause(response, error, attempt, f"{method} {path}")
            if pause < 0 and response is not None:
                result: dict[str, Any] = response.json()
                return result
            await asyncio.sleep(pause)
        raise AssertionError("unreachable: the last try returns or raises")

    async def status(self) -> dict[str, Any]:
        return await self.request("GET", "/status")

    async def submit(self, body: dict[str, Any], key: str | None = None) -> str:
        return str((await self.request("POST", "/submit", body, key or uuid.uuid4().hex))["task_id"])

    async def results(self, task_id: str) -> dict[str, Any]:
        return await self.request("GET", f"/results/{task_id}")

    async def wait(self, task_id: str, timeout: float = 3600.0, path: str = "/results") -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        pause = 0.005
        while True:
            body = await self.request("GET", f"{path}/{task_id}")
            if _done(body):
                return body
            if time.monotonic() > deadline:
                raise ServiceError(f"job {task_id} not done after {timeout:g} s")
            await asyncio.sleep(pause)
            pause = min(0.25, pause * 1.5)

    async def execute(self, code: str, language: str = "python", stdin: str = "", **fields: Any) -> dict[str, Any]:
        return await self.wait(await self.submit({"code": code, "language": language, "stdin": stdin, **fields}))

    async def job(self, kind: str, request: dict[str, Any]) -> dict[str, Any]:
        body = {"kind": kind, "request": request}
        task_id = str((await self.request("POST", "/v1/jobs", body, uuid.uuid4().hex))["task_id"])
        return await self.wait(task_id, path="/v1/jobs")


class RemoteExecutor:
    """Judge batches on a service (`--judge URL`); picklable (a copy opens its own connection)."""

    def __init__(self, url: str, token: str | None = None) -> None:
        self.url = url
        self.token = token
        self._client: JudgeClient | None = None
        self._capacity: int | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"url": self.url, "token": self.token}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["url"], state["token"])  # type: ignore[misc]

    @property
    def client(self) -> JudgeClient:
        if self._client is None:
            self._client = JudgeClient(self.url, self.token)
        return self._client

    @property
    def name(self) -> str:
        return f"remote:{self.url}"

    @property
    def capacity(self) -> int:
        """The service's workers: that many batches at once keep it busy."""
        if self._capacity is None:
            self._capacity = max(1, int(self.client.status().get("worker_count", 1)))
        return self._capacity

    def run(self, batch: JudgeBatch) -> list[JudgeResult]:
        return self.client.judge_batch(batch)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
