"""Load and faults (bounded, loopback): no accepted job lost, none completed twice, never a wrong verdict.

- 500 submissions at concurrency 32, a fifth of them sent twice with the same key (a client retry);
- kill -9 of the service with jobs queued and running, then a restart on the same state directory;
- a worker killed in the middle of a job (retried, completes), and a job whose worker always dies (IE).
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import time
from pathlib import Path

import pytest

from afterburner.sandbox.cgroups import CgroupHost
from afterburner.service.client import AsyncJudgeClient, JudgeClient
from afterburner.service.launch import ServiceProcess

pytestmark = pytest.mark.service
JOBS, CONCURRENCY = 500, 32


def _rows(state: Path) -> list[sqlite3.Row]:
    with sqlite3.connect(state / "jobs.sqlite3") as db:
        db.row_factory = sqlite3.Row
        return db.execute("SELECT id, idempotency_key, status, attempts, result FROM jobs").fetchall()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_gone(pids: list[int], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while any(_alive(pid) for pid in pids):
        assert time.monotonic() < deadline, f"still alive: {[p for p in pids if _alive(p)]}"
        time.sleep(0.05)


async def _submit_all(url: str) -> tuple[list[str], list[str]]:
    limit = asyncio.Semaphore(CONCURRENCY)
    async with AsyncJudgeClient(url, retries=8) as client:

        async def one(index: int) -> tuple[str, str]:
            async with limit:
                key = f"load-{index}"
                body = {"code": f"print('job {index}')"}
                task = await client.submit(body, key=key)
                if index % 5 == 0:  # the client retries with the same key: the same job
                    assert await client.submit(body, key=key) == task
                return task, key

        submitted = await asyncio.gather(*(one(i) for i in range(JOBS)))
        tasks = [task for task, _ in submitted]
        bodies = await asyncio.gather(*(client.wait(task, timeout=600) for task in tasks))
    return tasks, [body["output_dict"]["stdout"] for body in bodies]


def test_500_submissions_at_concurrency_32_each_complete_exactly_once(tmp_path: Path) -> None:
    state = tmp_path / "state"
    with ServiceProcess(state, "--mode", "throughput", "--workers", "2") as service:
        tasks, outputs = asyncio.run(_submit_all(service.url))
    assert len(set(tasks)) == JOBS  # none lost, none merged
    assert outputs == [f"job {i}\n" for i in range(JOBS)]
    rows = _rows(state)
    assert len(rows) == JOBS  # no duplicate job for a retried key
    assert all(row["status"] == "done" and row["attempts"] == 1 for row in rows)  # each ran once


def _running_workers(client: JudgeClient) -> list[int]:
    return [w["pid"] for w in client.status()["workers"] if w["alive"]]


def _stale_run_cgroups(pids: list[int]) -> list[str]:
    found = []
    for base in CgroupHost.detect().bases.values():
        found += [p.name for p in base.iterdir() if any(p.name.startswith(f"run-{pid}-") for pid in pids)]
    return found


JOBS_AT_KILL = 6


def _sleeper(index: int) -> dict[str, str]:
    return {"code": f"import time\ntime.sleep(1)\nprint({index})"}


def test_kill_9_of_the_service_loses_no_accepted_job_and_runs_none_twice(tmp_path: Path, no_leftovers: None) -> None:
    state = tmp_path / "state"
    service = ServiceProcess(state, "--workers", "1").start()
    try:
        with JudgeClient(service.url) as client:
            tasks = [client.submit(_sleeper(i), key=f"k{i}") for i in range(JOBS_AT_KILL)]
            deadline = time.monotonic() + 30
            while client.status()["queue"]["running"] == 0:
                assert time.monotonic() < deadline
                time.sleep(0.02)
            workers = _running_workers(client)
        service.kill()
        _wait_gone(workers)  # the workers die with the service, and their runs with them
        before = {row["id"]: row["status"] for row in _rows(state)}
        assert len(before) == JOBS_AT_KILL and "queued" in before.values()
        was_running = list(before.values()).count("running")  # 1, unless the kill fell between two jobs
        service.start()  # the same state directory
        with JudgeClient(service.url) as client:
            assert [client.submit(_sleeper(i), key=f"k{i}") for i in range(JOBS_AT_KILL)] == tasks
            outputs = [client.wait(task, timeout=120)["output_dict"]["stdout"] for task in tasks]
    finally:
        service.stop()
    assert outputs == [f"{i}\n" for i in range(JOBS_AT_KILL)]
    rows = _rows(state)
    assert len(rows) == JOBS_AT_KILL and all(row["status"] == "done" for row in rows)
    reruns = [row["attempts"] for row in rows if row["attempts"] > 1]
    assert reruns == [2] * was_running  # the job running at the kill ran again, once
    assert _stale_run_cgroups(workers) == []  # what the killed workers' runs left, swept


def _queue_status(client: JudgeClient, task: str) -> str:
    """queued|running while Monolith's view says `processing`, else its finished status."""
    body = client.results(task)
    return str(body.get("queue_status", body["status"]))


def _kill_worker_when_running(client: JudgeClient, task: str) -> bool:
    """Kill -9 the worker once the job runs; False when the job finished first."""
    deadline = time.monotonic() + 30
    while (status := _queue_status(client, task)) == "queued":
        assert time.monotonic() < deadline
        time.sleep(0.02)
    if status != "running":
        return False
    for pid in _running_workers(client):
        os.kill(pid, 9)
    return True


def test_a_worker_killed_mid_job_is_replaced_and_the_job_runs_again(tmp_path: Path, no_leftovers: None) -> None:
    with ServiceProcess(tmp_path / "state", "--workers", "1") as service, JudgeClient(service.url) as client:
        task = client.submit({"code": "import time\ntime.sleep(1.5)\nprint('finished')"}, key="mid-job")
        assert _kill_worker_when_running(client, task)
        body = client.wait(task, timeout=60)
        assert body["status"] == "success" and body["output_dict"]["stdout"] == "finished\n"
        assert client.request("GET", f"/v1/jobs/{task}")["attempts"] == 2
        assert client.status()["requeued"] >= 1


def test_a_job_whose_worker_always_dies_ends_ie_never_a_verdict_of_the_program(
    tmp_path: Path, no_leftovers: None
) -> None:
    with ServiceProcess(tmp_path / "state", "--workers", "1") as service, JudgeClient(service.url) as client:
        task = client.submit({"code": "import time\ntime.sleep(5)\nprint('never')"}, key="always-dies")
        kills = 0
        while kills < 3 and _kill_worker_when_running(client, task):
            kills += 1
            deadline = time.monotonic() + 30
            while _queue_status(client, task) == "running":  # the supervisor notices the death
                assert time.monotonic() < deadline
                time.sleep(0.02)
        body = client.wait(task, timeout=30)
        assert kills == 3
        assert body["status"] == "error" and "infrastructure error" in body["error"]
        assert body["output_dict"]["verdict"] == "IE"
        assert client.results(task) == body  # recorded once, stays
