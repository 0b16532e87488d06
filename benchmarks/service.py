"""The judge service under load, its overhead over in-process judging, Ray vs local, and crash safety.

Measured side by side in one run, on loopback:

- `load`: Monolith's /execute of a trivial Python program at concurrency 1, 8 and 32, per service
  mode (measurement: one worker per measure core; throughput: one per core). rps = requests
  completed per wall second; p50_ms / p99_ms: end-to-end latency of one request.
- `overhead_vs_inprocess`: median service latency (concurrency 1) / median in-process run of the
  same compiled program (`Program.run`), the two interleaved one for one.
- `ray_throughput_ratio`: venus-mini reference profiling (no cache) through a local Ray with 2
  actors vs the local executor with 2 workers, alternated; ratio = local seconds / Ray seconds.
- `lost_jobs`, `duplicated_jobs`: jobs submitted with keys, the service killed -9 in the middle,
  restarted on the same state directory: accepted jobs without a result, and keys with more than one
  job (goal 0 and 0).
- `verl`: verl's own `check_correctness` (its sandbox_fusion reward util, loaded alone from the
  installed wheel) against /run_code of a service in measurement mode: 32 and 64 generations x 4
  cases at once, quiet and while measured judge jobs keep the measured worker busy (an `optimize`
  run's load). Per level: results that are -1 (an API error: the goal is 0), the others by code,
  and p50/p99 of one generation's `check_correctness` (its 4 cases in parallel) and of the level.

Prints one JSON object (`--save` also writes it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from afterburner.core.limits import Limits
from afterburner.core.machine import machine_fingerprint
from afterburner.datasets.model import Dataset
from afterburner.datasets.profile import profile_dataset
from afterburner.datasets.registry import load_dataset
from afterburner.judge.compiler import compile_source
from afterburner.judge.measurement import CLOCK_ONLY
from afterburner.languages import get_language
from afterburner.sandbox.cores import all_cores, core_plan
from afterburner.service.client import AsyncJudgeClient, JudgeClient
from afterburner.service.launch import ServiceProcess, verl_sandbox_client

TRIVIAL = "print(sum(range(1000)))\n"
SUM = "a, b = map(int, input().split())\nprint(a + b)\n"
BUSY = {"code": "import time\ntime.sleep(0.5)\nprint(input())", "tests": [{"input": "1", "output": "1"}]}


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


async def _level(url: str, concurrency: int, requests: int) -> dict[str, Any]:
    limit = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    async with AsyncJudgeClient(url, timeout=300, retries=10) as client:

        async def one() -> None:
            async with limit:
                started = time.perf_counter()
                body = await client.request("POST", "/execute", {"code": TRIVIAL})
                latencies.append(time.perf_counter() - started)
                assert body["status"] == "success", body

        started = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(requests)))
        wall = time.perf_counter() - started
    values = np.asarray(latencies) * 1000
    return {
        "concurrency": concurrency,
        "requests": requests,
        "rps": requests / wall,
        "p50_ms": float(np.percentile(values, 50)),
        "p99_ms": float(np.percentile(values, 99)),
    }


def load(state: Path, mode: str, requests: int) -> dict[str, Any]:
    with ServiceProcess(state, "--mode", mode) as service:
        workers = JudgeClient(service.url).status()["worker_count"]
        levels = [asyncio.run(_level(service.url, c, requests)) for c in (1, 8, 32)]
    return {"mode": mode, "workers": workers, "levels": levels}


def overhead(state: Path, pairs: int) -> dict[str, Any]:
    program = compile_source(get_language("python"), TRIVIAL).program
    assert program is not None
    service_ms, local_ms = [], []
    with ServiceProcess(state) as service, JudgeClient(service.url) as client:
        client.request("POST", "/execute", {"code": TRIVIAL})  # warm
        for _ in range(pairs):
            started = time.perf_counter()
            program.run("", Limits())
            local_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            client.request("POST", "/execute", {"code": TRIVIAL})
            service_ms.append((time.perf_counter() - started) * 1000)
    return {
        "pairs": pairs,
        "service_median_ms": statistics.median(service_ms),
        "inprocess_median_ms": statistics.median(local_ms),
        "overhead_vs_inprocess": statistics.median(service_ms) / statistics.median(local_ms),
    }


def ray_ratio(problems: int, rounds: int) -> dict[str, Any]:
    from afterburner.judge.ray_executor import RayExecutor

    loaded = load_dataset("venus-mini")
    chosen = Dataset(loaded.name, loaded.problems[:problems])
    executor = RayExecutor(num_cpus=2)
    executor.capacity  # noqa: B018 - start Ray and the actors before timing
    local_s, ray_s = [], []
    try:
        for _ in range(rounds):
            started = time.perf_counter()
            run = profile_dataset(chosen, 2, CLOCK_ONLY, ["python"], use_cache=False)
            local_s.append(time.perf_counter() - started)
            assert run.profiles
            started = time.perf_counter()
            profile_dataset(chosen, 2, CLOCK_ONLY, ["python"], use_cache=False, executor=executor)
            ray_s.append(time.perf_counter() - started)
    finally:
        executor.close()
    return {
        "problems": problems,
        "rounds": rounds,
        "local_seconds": local_s,
        "ray_seconds": ray_s,
        "ray_throughput_ratio": statistics.median(local_s) / statistics.median(ray_s),
    }


def _generations(utils: Any, url: str, count: int) -> dict[str, Any]:
    from concurrent.futures import ThreadPoolExecutor

    cases = {"inputs": [f"{i} {i}\n" for i in range(4)], "outputs": [str(2 * i) for i in range(4)]}

    def one(_: int) -> tuple[list[Any], float]:
        started = time.perf_counter()
        results, _ = utils.check_correctness(url, cases, SUM, timeout=10)
        return results, time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(count) as pool:
        done = list(pool.map(one, range(count)))
    seconds = time.perf_counter() - started
    results = [r for rs, _ in done for r in rs]
    latencies = [s for _, s in done]
    return {
        "generations": count,
        "cases": len(results),
        "api_errors": sum(1 for r in results if r == -1),  # verl's -1
        "passed": sum(1 for r in results if r is True),
        "other": sorted({str(r) for r in results if r is not True and r != -1}),
        "seconds": seconds,
        "generation_p50_ms": 1000 * float(np.percentile(latencies, 50)),
        "generation_p99_ms": 1000 * float(np.percentile(latencies, 99)),
    }


def verl_load(state: Path, levels: tuple[int, ...]) -> dict[str, Any]:
    utils = verl_sandbox_client()
    out: list[dict[str, Any]] = []
    with ServiceProcess(state) as service, JudgeClient(service.url) as client:
        url = f"{service.url}/run_code"
        _generations(utils, url, 2)  # warm: compiled nothing, but the workers' imports and caches
        for busy in (False, True):
            for count in levels:
                tasks = []
                if busy:  # measured work ahead of everything: as an optimize run judging on the same service
                    tasks = [client.submit_job("judge", {**BUSY, "repeat": 5, "counter": "off"}) for _ in range(8)]
                level = _generations(utils, url, count)
                level["measured_jobs_queued"] = len(tasks)
                level["measured_done_so_far"] = client.status()["lanes"]["measured"]["done"]
                out.append(level)
                for task in tasks:
                    client.wait(task, timeout=600, path="/v1/jobs")
    return {"mode": "measurement", "levels": out}


def crash(state: Path, jobs: int) -> dict[str, Any]:
    service = ServiceProcess(state, "--mode", "throughput").start()
    keys = [f"crash-{i}" for i in range(jobs)]
    try:
        with JudgeClient(service.url) as client:
            tasks = {key: client.submit({"code": f"print({i})"}, key=key) for i, key in enumerate(keys)}
            while client.status()["queue"]["done"] < jobs // 3:
                time.sleep(0.01)
        service.kill()
        service.start()
        with JudgeClient(service.url) as client:
            results = {key: client.wait(task, timeout=600) for key, task in tasks.items()}
    finally:
        service.stop()
    with sqlite3.connect(state / "jobs.sqlite3") as db:
        rows = db.execute("SELECT idempotency_key, status, attempts FROM jobs").fetchall()
    per_key: dict[str, int] = {}
    for key, _, _ in rows:
        per_key[key] = per_key.get(key, 0) + 1
    lost = sum(1 for key in keys if results[key]["status"] != "success")
    return {
        "jobs": jobs,
        "killed_after_done": jobs // 3,
        "lost_jobs": lost,
        "duplicated_jobs": sum(n - 1 for n in per_key.values() if n > 1),
        "rerun_after_kill": sum(1 for _, _, attempts in rows if attempts > 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--requests", type=int, default=200, help="requests per concurrency level")
    parser.add_argument("--pairs", type=int, default=40, help="interleaved pairs for the overhead")
    parser.add_argument("--ray-problems", type=int, default=8)
    parser.add_argument("--ray-rounds", type=int, default=2)
    parser.add_argument("--crash-jobs", type=int, default=300)
    parser.add_argument("--save", type=Path, default=None)
    parser.add_argument("--note", default="", help="conditions worth knowing (other load on the machine, ...)")
    parser.add_argument("--verl-levels", default="32,64", help="generations (x 4 cases) at once, verl's client")
    parser.add_argument("--verl-only", action="store_true", help="only the verl load (prints its JSON)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="afterburner-service-bench-"))
    started = time.monotonic()
    say = (lambda text: None) if args.json else _say
    levels = tuple(int(n) for n in args.verl_levels.split(","))
    if args.verl_only:
        print(json.dumps(verl_load(root / "verl", levels) | {"note": args.note}, indent=2))
        return
    say("load, measurement mode")
    measurement = load(root / "measurement", "measurement", args.requests)
    say("load, throughput mode")
    throughput = load(root / "throughput", "throughput", args.requests)
    say("overhead against in-process runs")
    over = overhead(root / "overhead", args.pairs)
    say("Ray against the local executor")
    ray = ray_ratio(args.ray_problems, args.ray_rounds)
    say("kill -9 and restart")
    crashed = crash(root / "crash", args.crash_jobs)
    say("verl's check_correctness, 4 cases per generation")
    verl = verl_load(root / "verl", levels)
    figures = {
        "benchmark": "service",
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "machine": {"platform": platform.platform(), "fingerprint": machine_fingerprint(), "cores": len(all_cores())},
        "core_plan": core_plan().to_dict(),
        "settings": vars(args) | {"save": str(args.save) if args.save else None, "program": TRIVIAL.strip()},
        "load": [measurement, throughput],
        "overhead_vs_inprocess": over["overhead_vs_inprocess"],
        "overhead": over,
        "ray_throughput_ratio": ray["ray_throughput_ratio"],
        "ray": ray,
        "lost_jobs": crashed["lost_jobs"],
        "duplicated_jobs": crashed["duplicated_jobs"],
        "restart": crashed,
        "verl": verl,
        "seconds": time.monotonic() - started,
    }
    text = json.dumps(figures, indent=2)
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
