"""Any OpenAI-compatible chat endpoint (vLLM, SGLang, Ollama, llama.cpp server, OpenAI) over plain HTTP."""

from __future__ import annotations

import ipaddress
import os
import random
import socket
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.models.base import (
    Backend,
    Completion,
    Generation,
    GenerationConfig,
    MessageLike,
    ModelSpec,
    to_messages,
)
from afterburner.sandbox.cores import core_plan, format_cpulist

DEFAULT_BASE_URL = "https://api.openai.com/v1"
RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
# Transient network failures; a read timeout is not retried, since the server may still be generating.
RETRY_ERRORS = (httpx.NetworkError, httpx.ConnectTimeout, httpx.RemoteProtocolError)
MAX_BACKOFF = 30.0
# Where a key comes from when the spec has none, first one set wins.
API_KEY_VARIABLES = ("AFTERBURNER_OPENAI_API_KEY", "OPENAI_API_KEY")


def resolve_base_url(spec: ModelSpec) -> str:
    url = spec.base_url or os.environ.get("AFTERBURNER_OPENAI_BASE_URL") or os.environ.get("OPENAI_BASE_URL")
    return (url or DEFAULT_BASE_URL).rstrip("/")


def resolve_api_key(spec: ModelSpec) -> str | None:
    """The spec's key, else the first of API_KEY_VARIABLES that is set (Afterburner's own wins)."""
    return spec.api_key or next((os.environ[name] for name in API_KEY_VARIABLES if os.environ.get(name)), None)


def is_local_url(url: str) -> bool:
    """Whether the server is on this machine (loopback, unspecified or this host's name), so it shares our cores."""
    host = (httpx.URL(url).host or "").strip("[]").lower()
    if host in ("localhost", socket.gethostname().lower()) or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def split_tokens(total: int, texts: Sequence[str]) -> list[int]:
    """Share a response's completion tokens among its choices, by text length, keeping the exact sum.

    A response with several choices reports only their total; the share is an estimate.
    """
    if len(texts) == 1:
        return [total]
    weights = [len(text) + 1 for text in texts]
    shares = [total * weight // sum(weights) for weight in weights]
    for i in range(total - sum(shares)):
        shares[i % len(shares)] += 1
    return shares


class OpenAIBackend(Backend):
    kind = "openai"

    def __init__(
        self,
        spec: ModelSpec,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.spec = spec
        self.base_url = resolve_base_url(spec)
        headers = {"Content-Type": "application/json"}
        api_key = resolve_api_key(spec)
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        limits = httpx.Limits(max_connections=spec.concurrency, max_keepalive_connections=spec.concurrency)
        self._client = httpx.Client(headers=headers, limits=limits, transport=transport)
        self._slots = threading.BoundedSemaphore(spec.concurrency)
        self._sleep = sleep
        self._model = spec.model

    @property
    def name(self) -> str:
        if not self._model:
            self._model = self.served_models()[0]
        return self._model

    def placement(self) -> dict[str, object]:
        """ "remote": the model runs in the server's process. A server on this machine may share the measure
        cores unless it is pinned to the host cores, e.g. `taskset -c HOST_CORES llama-server ...`."""
        plan = core_plan()
        local = is_local_url(self.base_url)
        placement: dict[str, object] = {
            "kind": "remote",
            "model_cores": [],
            "measure_cores": list(plan.measure),
            "threads": None,
            "local_server": local,
        }
        if local:
            placement["host_cores"] = list(plan.host)
            placement["advice"] = f"pin the server to the host cores: taskset -c {format_cpulist(plan.host)} SERVER ..."
        return placement

    def served_models(self) -> list[str]:
        """Model ids the server lists at GET /models."""
        body = self._request("GET", "/models", None, timeout=30.0)
        models = [str(item["id"]) for item in body.get("data", []) if isinstance(item, dict) and "id" in item]
        if not models:
            raise AfterburnerError(f"{self.base_url}/models lists no model", "set the model name explicitly")
        return models

    def generate(self, messages: Sequence[MessageLike], config: GenerationConfig | None = None) -> Generation:
        config = config or GenerationConfig()
        chat = [message.as_dict() for message in to_messages(messages)]
        started = time.perf_counter()
        first = self._complete(chat, config, config.n, 0)
        completions = list(first)
        missing = config.n - len(completions)
        if missing > 0:
            # The server capped n (llama.cpp's server answers one choice): ask for the rest in parallel.
            per_request = len(first)
            counts = [min(per_request, missing - done) for done in range(0, missing, per_request)]
            offsets = [len(first) + sum(counts[:i]) for i in range(len(counts))]
            with ThreadPoolExecutor(max_workers=min(len(counts), self.spec.concurrency)) as pool:
                batches = pool.map(lambda job: self._complete(chat, config, *job), zip(counts, offsets, strict=True))
                for batch in batches:
                    completions.extend(batch)
        return Generation(
            completions=completions[: config.n],
            model=self.name,
            backend=self.kind,
            seconds=time.perf_counter() - started,
            prompt_tokens=completions[0].prompt_tokens,
        )

    def _complete(self, chat: list[dict[str, str]], config: GenerationConfig, n: int, offset: int) -> list[Completion]:
        """One POST /chat/completions asking for n choices; offset shifts the seed of later requests."""
        body: dict[str, Any] = {
            "model": self.name,
            "messages": chat,
            "max_tokens": config.max_tokens,
            "temperature": config.temperature,
            "top_p": config.top_p,
            "n": n,
            **self.spec.extra,
        }
        if config.stop:
            body["stop"] = list(config.stop)
        if config.seed is not None:
            body["seed"] = config.seed + offset
        started = time.perf_counter()
        response = self._request("POST", "/chat/completions", body, timeout=config.timeout)
        seconds = time.perf_counter() - started
        choices = sorted(response.get("choices") or [], key=lambda choice: int(choice.get("index", 0)))
        if not choices:
            raise AfterburnerError(f"{self.base_url} returned no completion: {str(response)[:300]}")
        texts = [str((choice.get("message") or {}).get("content") or "") for choice in choices]
        usage = response.get("usage") or {}
        prompt_tokens = int(usage.get("prompt_tokens") or 0)
        shares = split_tokens(int(usage.get("completion_tokens") or 0), texts)
        return [
            Completion(text, prompt_tokens, tokens, seconds, str(choice.get("finish_reason") or "stop"))
            for text, tokens, choice in zip(texts, shares, choices, strict=True)
        ]

    def _request(self, method: str, path: str, body: dict[str, Any] | None, timeout: float) -> dict[str, Any]:
        """Send with at most `concurrency` requests in flight, retrying transient failures with backoff."""
        url = self.base_url + path
        for attempt in range(self.spec.max_retries + 1):
            last_try = attempt == self.spec.max_retries
            try:
                with self._slots:
                    response = self._client.request(method, url, json=body, timeout=timeout)
            except httpx.TimeoutException as error:
                if isinstance(error, httpx.ConnectTimeout) and not last_try:
                    self._sleep(self._backoff(attempt, None))
                    continue
                raise AfterburnerError(f"{url} did not answer within {timeout:.0f} s", "raise the timeout") from error
            except RETRY_ERRORS as error:
                if last_try:
                    raise AfterburnerError(f"cannot reach {url}: {error}", "is the server running?") from error
                self._sleep(self._backoff(attempt, None))
                continue
            if response.status_code in RETRY_STATUS and not last_try:
                self._sleep(self._backoff(attempt, response.headers.get("retry-after")))
                continue
            return self._decode(response, url)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _decode(self, response: httpx.Response, url: str) -> dict[str, Any]:
        if response.status_code in (401, 403):
            raise UsageError(
                f"{url} refused the API key ({response.status_code})",
                f"the key comes from --api-key, else ${', else $'.join(API_KEY_VARIABLES)}",
            )
        if response.status_code >= 400:
            raise AfterburnerError(f"{url} answered {response.status_code}: {response.text[:500]}")
        try:
            body = response.json()
        except ValueError as error:
            raise AfterburnerError(f"{url} answered with something other than JSON: {response.text[:200]}") from error
        if not isinstance(body, dict):
            raise AfterburnerError(f"{url} answered unexpected JSON: {str(body)[:200]}")
        return body

    @staticmethod
    def _backoff(attempt: int, retry_after: str | None) -> float:
        if retry_after is not None:
            try:
                return min(float(retry_after), MAX_BACKOFF)
            except ValueError:
                pass  # an HTTP date: fall back to our own schedule
        # Jitter spreads out the threads that hit the same overloaded server at the same moment.
        return float(min(MAX_BACKOFF, 0.5 * 2**attempt) * random.uniform(0.75, 1.25))

    def close(self) -> None:
        self._client.close()
