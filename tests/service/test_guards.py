"""What the service refuses: missing or wrong tokens, oversize bodies, a full queue (429 + Retry-After)."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from afterburner.core.errors import UsageError
from afterburner.service.app import create_app
from afterburner.service.config import ServiceConfig
from afterburner.service.launch import ServiceProcess

SLEEP = "import time\ntime.sleep(3)\n"


def test_tokens_guard_every_endpoint_but_health(tmp_path: Path) -> None:
    tokens = tmp_path / "tokens"
    tokens.write_text("first-token\n\nsecond-token\n")
    with ServiceProcess(tmp_path / "state", "--token-file", str(tokens), "--workers", "1") as service:
        url = service.url
        assert httpx.get(f"{url}/healthz").status_code == 200
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "first-token-but-longer"}):
            response = httpx.post(f"{url}/execute", json={"code": "print(1)"}, headers=headers)
            assert response.status_code == 401 and "token" in response.text
            assert response.headers["WWW-Authenticate"] == "Bearer"
            assert httpx.get(f"{url}/status", headers=headers).status_code == 401
        for token in ("first-token", "second-token"):
            response = httpx.post(
                f"{url}/execute", json={"code": "print(1)"}, headers={"Authorization": f"Bearer {token}"}, timeout=60
            )
            assert response.status_code == 200 and response.json()["status"] == "success"


def test_a_non_loopback_address_needs_a_token(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from afterburner.cli.main import app

    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--state-dir", str(tmp_path)])
    assert result.exit_code != 0 and isinstance(result.exception, UsageError)
    assert "token" in str(result.exception)


def _app(tmp_path: Path, **settings: object) -> TestClient:
    config = ServiceConfig(state_dir=str(tmp_path / "state"), workers=1, **settings)  # type: ignore[arg-type]
    return TestClient(create_app(config))


def test_an_oversize_body_gets_413(tmp_path: Path) -> None:
    with _app(tmp_path, max_request_bytes=4096) as client:
        response = client.post("/execute", json={"code": "#" * 10_000})
        assert response.status_code == 413 and "larger than 4096" in response.text
        assert client.post("/execute", json={"code": "print(1)"}).status_code == 200


def test_a_full_queue_answers_429_with_retry_after_and_loses_nothing_it_accepted(tmp_path: Path) -> None:
    with _app(tmp_path, max_queue=2, quick_workers=1) as client:
        accepted = [client.post("/submit", json={"code": SLEEP}).json()["task_id"]]
        deadline = time.monotonic() + 60
        while client.get(f"/results/{accepted[0]}").json().get("queue_status") == "queued":  # until a worker takes it
            assert time.monotonic() < deadline
            time.sleep(0.02)
        accepted += [client.post("/submit", json={"code": f"print({i})"}).json()["task_id"] for i in range(2)]
        refused = client.post("/submit", json={"code": "print('one too many')"})
        assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
        assert "retry later" in refused.text
        for task_id in accepted:
            deadline = time.monotonic() + 60
            while (body := client.get(f"/results/{task_id}").json())["status"] == "processing":
                assert time.monotonic() < deadline
                time.sleep(0.05)
            assert body["status"] == "success"


def test_a_second_service_on_the_same_state_directory_is_refused(tmp_path: Path) -> None:
    with _app(tmp_path), pytest.raises(UsageError, match="another service"), _app(tmp_path):
        pass
