"""`afterburner serve --executor ray`: the service's worker pool is a Ray (started by the service here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterburner.service.client import JudgeClient
from afterburner.service.launch import ServiceProcess

pytest.importorskip("ray")
pytestmark = [pytest.mark.ray, pytest.mark.service]


def test_jobs_run_on_ray_actors_with_the_same_answers(tmp_path: Path) -> None:
    with (
        ServiceProcess(tmp_path / "state", "--executor", "ray", startup=120) as service,
        JudgeClient(service.url) as client,
    ):
        status = client.status()
        measured = [w for w in status["workers"] if w["lane"] == "measured"]
        assert status["executor"] == "ray" and measured and all(w["kind"] == "ray" for w in measured)
        assert all(w["kind"] == "process" for w in status["workers"] if w["lane"] == "quick")  # always local
        bodies = [client.execute(f"print({i} * 2)") for i in range(4)]
        assert [b["output_dict"]["stdout"] for b in bodies] == [f"{i * 2}\n" for i in range(4)]
        judged = client.job("judge", {"code": "print(input())", "tests": [{"input": "5", "output": "5"}], "repeat": 2})
        assert judged["result"]["verdict"] == "AC" and len(judged["result"]["samples"]["cpu_time"]) == 2
