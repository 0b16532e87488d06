"""The OpenAI-compatible backend against scripted HTTP answers (no network, no sleeping)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

import httpx
import pytest

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.models.base import GenerationConfig, Message, ModelSpec
from afterburner.models.openai_backend import OpenAIBackend, resolve_api_key, resolve_base_url, split_tokens

Handler = Callable[[httpx.Request], httpx.Response]


def answer(choices: int = 1, text: str = "ok", prompt_tokens: int = 7, completion_tokens: int = 4) -> httpx.Response:
    body = {
        "model": "served-model",
        "choices": [
            {"index": i, "message": {"role": "assistant", "content": f"{text}{i}"}, "finish_reason": "stop"}
            for i in range(choices)
        ],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens * choices},
    }
    return httpx.Response(200, json=body)


def backend(handler: Handler, sleeps: list[float] | None = None, **spec: object) -> OpenAIBackend:
    model_spec = ModelSpec("openai", "m", base_url="http://test/v1", api_key="sk-test", **spec)
    return OpenAIBackend(
        model_spec, transport=httpx.MockTransport(handler), sleep=(sleeps if sleeps is not None else []).append
    )


def test_request_shape_and_result() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answer(choices=2)

    config = GenerationConfig(max_tokens=32, temperature=0.2, n=2, stop=("```",), seed=5)
    with backend(handler) as model:
        result = model.generate([Message("system", "be fast"), {"role": "user", "content": "hi"}], config)
    assert [c.text for c in result.completions] == ["ok0", "ok1"]
    assert result.prompt_tokens == 7 and result.completion_tokens == 8
    assert result.backend == "openai" and result.model == "m"
    body = json.loads(seen[0].content)
    assert seen[0].url == "http://test/v1/chat/completions"
    assert seen[0].headers["authorization"] == "Bearer sk-test"
    assert body["n"] == 2 and body["stop"] == ["```"] and body["seed"] == 5 and body["max_tokens"] == 32
    assert body["messages"] == [{"role": "system", "content": "be fast"}, {"role": "user", "content": "hi"}]


def test_asks_again_when_the_server_caps_n() -> None:
    seeds: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seeds.append(json.loads(request.content)["seed"])
        return answer(choices=1)

    result = backend(handler).generate([Message("user", "x")], GenerationConfig(n=4, seed=100))
    assert len(result.completions) == 4
    assert sorted(seeds) == [100, 101, 102, 103]  # distinct samples, yet repeatable


def test_retries_429_and_5xx_with_backoff_then_succeeds() -> None:
    statuses = iter([429, 503, 500])
    sleeps: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        status = next(statuses, 200)
        if status == 429:
            return httpx.Response(429, headers={"retry-after": "2"})
        return httpx.Response(status) if status != 200 else answer()

    result = backend(handler, sleeps).generate([Message("user", "x")])
    assert result.completions[0].text == "ok0"
    assert sleeps[0] == 2.0 and 0.75 <= sleeps[1] <= 1.25 and 1.5 <= sleeps[2] <= 2.5


def test_connection_errors_are_retried_then_reported() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        raise httpx.ConnectError("refused", request=request)

    sleeps: list[float] = []
    with pytest.raises(AfterburnerError, match="cannot reach"):
        backend(handler, sleeps, max_retries=2).generate([Message("user", "x")])
    assert calls == 3 and len(sleeps) == 2


def test_client_errors_are_not_retried() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(401 if calls == 1 else 400, text="bad")

    with pytest.raises(UsageError, match="API key") as refused:
        backend(handler).generate([Message("user", "x")])
    assert "$AFTERBURNER_OPENAI_API_KEY, else $OPENAI_API_KEY" in refused.value.hint
    with pytest.raises(AfterburnerError, match="answered 400"):
        backend(handler).generate([Message("user", "x")])
    assert calls == 2


def test_concurrency_limit_across_threads() -> None:
    in_flight = peak = 0
    lock = threading.Lock()

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        time.sleep(0.02)
        with lock:
            in_flight -= 1
        return answer()

    model = backend(handler, concurrency=2)
    threads = [threading.Thread(target=model.generate, args=([Message("user", "x")],)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak == 2


def test_model_name_from_the_server() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/models"):
            return httpx.Response(200, json={"data": [{"id": "qwen"}, {"id": "other"}]})
        assert json.loads(request.content)["model"] == "qwen"
        return answer()

    spec = ModelSpec("openai", "", base_url="http://test/v1")
    assert OpenAIBackend(spec, transport=httpx.MockTransport(handler)).generate([Message("user", "x")]).model == "qwen"


def test_environment_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AFTERBURNER_OPENAI_BASE_URL", "OPENAI_BASE_URL", "AFTERBURNER_OPENAI_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    spec = ModelSpec("openai", "m")
    assert resolve_base_url(spec) == "https://api.openai.com/v1" and resolve_api_key(spec) is None
    monkeypatch.setenv("OPENAI_BASE_URL", "http://b/v1/")
    monkeypatch.setenv("OPENAI_API_KEY", "k")
    assert resolve_base_url(spec) == "http://b/v1" and resolve_api_key(spec) == "k"
    monkeypatch.setenv("AFTERBURNER_OPENAI_BASE_URL", "http://a/v1")
    assert resolve_base_url(spec) == "http://a/v1"
    assert resolve_base_url(ModelSpec("openai", "m", base_url="http://c")) == "http://c"


def test_afterburner_key_wins_over_openai_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "openai-key")
    monkeypatch.setenv("AFTERBURNER_OPENAI_API_KEY", "afterburner-key")
    assert resolve_api_key(ModelSpec("openai", "m")) == "afterburner-key"
    assert resolve_api_key(ModelSpec("openai", "m", api_key="given")) == "given"
    monkeypatch.setenv("AFTERBURNER_OPENAI_API_KEY", "")  # set but empty counts as unset
    assert resolve_api_key(ModelSpec("openai", "m")) == "openai-key"
    monkeypatch.setenv("AFTERBURNER_OPENAI_API_KEY", "afterburner-key")
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return answer()

    spec = ModelSpec("openai", "m", base_url="http://test/v1")
    OpenAIBackend(spec, transport=httpx.MockTransport(handler)).generate([Message("user", "x")])
    assert seen == ["Bearer afterburner-key"]


def test_split_tokens_keeps_the_total() -> None:
    assert split_tokens(10, ["only"]) == [10]
    shares = split_tokens(11, ["a" * 10, "b" * 30, ""])
    assert sum(shares) == 11 and shares[1] > shares[0]
