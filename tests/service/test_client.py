"""The clients: retries keep the idempotency key; the remote executor judges as local judging does."""

from __future__ import annotations

import asyncio
import json
import pickle
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from afterburner.cli.main import app
from afterburner.core.verdicts import Verdict
from afterburner.datasets.profile import profile_batch
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import FEEDBACK_PLAN
from afterburner.judge.measurement import Measurement
from afterburner.service.client import AsyncJudgeClient, JudgeClient, RemoteExecutor, ServiceError
from afterburner.service.launch import ServiceProcess


class _LostAnswers(httpx.BaseTransport):
    """Forwards to the service, but the first `lose` answers to a POST never reach the client."""

    def __init__(self, lose: int) -> None:
        self.inner = httpx.HTTPTransport()
        self.lose = lose
        self.posts = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == "POST":
            self.posts += 1
            if self.lose > 0:
                self.lose -= 1
                response.read()
                raise httpx.ReadError("connection reset after the request was sent", request=request)
        return response


def test_a_retry_after_a_lost_answer_reuses_the_key_and_runs_the_job_once(service: ServiceProcess) -> None:
    client = JudgeClient(service.url, backoff=0.01)
    lossy = _LostAnswers(lose=2)
    client._http = httpx.Client(base_url=service.url, transport=lossy)
    before = client.status()["queue"]
    body = client.execute("print('once')")
    assert body["status"] == "success" and body["output_dict"]["stdout"] == "once\n"
    assert lossy.posts == 3  # the submission was sent three times, with one key ...
    after = client.status()["queue"]
    client.close()
    assert sum(after.values()) == sum(before.values()) + 1  # ... and made one job


def test_the_service_keeps_one_job_per_key_however_often_it_is_sent(service: ServiceProcess) -> None:
    with JudgeClient(service.url) as client:
        before = client.status()["queue"]["done"]
        ids = {client.submit({"code": "print('k')"}, key="one-key-many-sends") for _ in range(5)}
        assert len(ids) == 1
        client.wait(ids.pop())
        assert client.status()["queue"]["done"] == before + 1


def test_errors_say_what_went_wrong(service: ServiceProcess) -> None:
    with JudgeClient(service.url, retries=0) as client, pytest.raises(ServiceError, match="unknown language"):
        client.execute("x", language="cobol")
    with (
        JudgeClient("http://127.0.0.1:9", retries=1, backoff=0.01) as client,
        pytest.raises(ServiceError, match="unreachable"),
    ):
        client.status()
    with pytest.raises(Exception, match="http"):
        JudgeClient("localhost:8000")


def test_the_async_client(service: ServiceProcess) -> None:
    async def go() -> list[str]:
        async with AsyncJudgeClient(service.url) as client:
            bodies = await asyncio.gather(*(client.execute(f"print({i})") for i in range(6)))
            native = await client.job("judge", {"code": "print(input())", "tests": [{"input": "7", "output": "7"}]})
            assert native["result"]["verdict"] == "AC"
            return [b["output_dict"]["stdout"] for b in bodies]

    assert asyncio.run(go()) == [f"{i}\n" for i in range(6)]


def test_the_remote_executor_judges_a_batch_as_this_machine_does(service: ServiceProcess) -> None:
    problem = load_dataset("venus-mini").get("2")
    solutions = problem.solutions_in("python")[:3]
    tests = FEEDBACK_PLAN.tests(problem)[:2]  # counted under an emulator: a few tests suffice
    settings = Measurement(repeat=2)  # counts decide, as by default
    executor = pickle.loads(pickle.dumps(RemoteExecutor(service.url)))  # rewards travel to workers
    try:
        remote = profile_batch(problem, solutions, tests, settings, executor=executor)
        assert executor.capacity == 2
    finally:
        executor.close()
    local = profile_batch(problem, solutions, tests, settings)
    assert [p.verdict for p in remote] == [p.verdict for p in local]
    assert all(p.verdict is Verdict.AC and p.cpu_time and len(p.samples["cpu_time"]) == 2 for p in remote)
    counts = [p.figure("instructions") for p in remote]
    assert all(counts) and counts == [p.figure("instructions") for p in local]  # exact, wherever counted
    assert [p.label for p in remote] == [s.label for s in solutions]


def test_eval_with_judge_url_judges_on_the_service(service: ServiceProcess, tmp_path: Path) -> None:
    problem = load_dataset("venus-mini").get("2")
    good = next(s.code for s in problem.solutions_in("python") if s.label == "optimal")
    rows = [
        {"problem_id": "2", "language": "python", "code": good},
        {"problem_id": "2", "language": "python", "code": "print(0)\n", "sample_id": 1},
    ]
    candidates = tmp_path / "candidates.jsonl"
    candidates.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = tmp_path / "report"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "--dataset",
            "venus-mini",
            "--candidates",
            str(candidates),
            "--out",
            str(out),
            "--repeat",
            "2",
            "--metric",
            "cpu_time",
            "--judge",
            service.url,
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    assert report["scores"]["pass_at_1"] == pytest.approx(0.5)


def test_data_profile_with_judge_url_measures_on_the_service(service: ServiceProcess) -> None:
    result = CliRunner().invoke(
        app,
        [
            *("data", "profile", "venus-mini", "--problems", "4", "--repeat", "1", "--metric", "cpu_time"),
            *("--judge", service.url, "--json"),
        ],
    )
    assert result.exit_code == 0, result.output
    profiles = json.loads(result.stdout)["profiles"]
    measured = [p["measured"] for p in profiles]
    assert measured and all(m["verdict"] == "AC" and m["figures"]["cpu_time"] > 0 for m in measured)
