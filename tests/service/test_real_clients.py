"""The official clients, unchanged, against a real `afterburner serve` (loopback, stops by itself).

- `sandbox-fusion` (its `run_code`): six languages, errors, time-outs, signals, large output, files;
- verl's `check_correctness` (its `verl/utils/reward_score/sandbox_fusion` module alone, loaded from
  the installed wheel without the rest of verl): verdict codes, and 32 generations x 4 cases at once
  with no -1 (an API error), also while measured jobs keep the measured workers busy;
- `monolith-lib`: its README's quick start, statuses, `/status`, `/clean`;
- a full quick lane answers 504 with Retry-After before verl's deadline, never after it.
"""

from __future__ import annotations

import base64
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from monolith import monolith
from sandbox_fusion import RunCodeRequest, RunStatus, run_code

from afterburner.languages.registry import get_language
from afterburner.service.client import JudgeClient
from afterburner.service.launch import ServiceProcess, verl_sandbox_client

pytestmark = pytest.mark.service
LANGUAGES = {"python": "python", "cpp": "cpp", "java": "java", "nodejs": "javascript", "go": "go", "rust": "rust"}
SUM = "a, b = map(int, input().split())\nprint(a + b)\n"


@pytest.fixture(scope="module")
def verl() -> ModuleType:
    return verl_sandbox_client()


def fusion(service: ServiceProcess, code: str, language: str = "python", **fields: Any) -> Any:
    request = RunCodeRequest(code=code, language=language, **fields)
    return run_code(request, endpoint=service.url, max_attempts=1, client_timeout=120)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_sandbox_fusions_client_runs_six_languages(service: ServiceProcess, language: str) -> None:
    program = get_language(LANGUAGES[language]).self_test
    answer = fusion(service, program, language, stdin="20 22\n", compile_timeout=60, run_timeout=10)
    assert answer.status == RunStatus.Success, answer
    assert answer.run_result.stdout.strip() == "42" and answer.run_result.return_code == 0
    if language in ("cpp", "java", "go", "rust"):
        assert answer.compile_result.status == "Finished" and answer.compile_result.return_code == 0


def test_sandbox_fusions_client_reads_errors_time_outs_and_signals(service: ServiceProcess) -> None:
    crashed = fusion(service, "raise SystemExit(3)\n")
    assert crashed.status == RunStatus.Failed and crashed.run_result.return_code == 3
    killed = fusion(service, "import os\nos.kill(os.getpid(), 11)\n")
    assert killed.run_result.status == "Finished" and killed.run_result.return_code == -11  # -N, as its server
    started = time.monotonic()
    slept = fusion(service, "import time\ntime.sleep(30)\n", run_timeout=1)  # wall clock, as SandboxFusion
    assert slept.run_result.status == "TimeLimitExceeded" and slept.run_result.return_code is None
    assert time.monotonic() - started < 5
    spun = fusion(service, "while True:\n    pass\n", run_timeout=1)
    assert spun.status == RunStatus.Failed and spun.run_result.status == "TimeLimitExceeded"
    broken = fusion(service, "int main( { return 0; }\n", "cpp")
    assert broken.status == RunStatus.Failed and broken.run_result is None
    assert broken.compile_result.status == "Finished" and broken.compile_result.return_code == 1
    assert "error" in broken.compile_result.stderr
    slow = f"// {uuid.uuid4()}\n#include <bits/stdc++.h>\nint main() {{ std::cout << 1; }}\n"
    late = fusion(service, slow, "cpp", compile_timeout=0.05)
    assert late.status == RunStatus.Failed and late.compile_result.status == "TimeLimitExceeded"


def test_output_comes_back_whole_up_to_a_mebibyte_and_flagged_beyond(service: ServiceProcess) -> None:
    whole = fusion(service, "print('x' * 300_000)\n")
    assert whole.status == RunStatus.Success and len(whole.run_result.stdout) == 300_001
    body = httpx.post(f"{service.url}/run_code", json={"code": "print('y' * 2_000_000)", "language": "python"})
    answer = body.json()
    assert answer["run_result"]["stdout_truncated"] is True and len(answer["run_result"]["stdout"]) == 1024 * 1024
    assert "cut" in answer["message"]  # never silent


def test_files_land_in_the_working_directory_and_come_back(service: ServiceProcess) -> None:
    code = (
        "print(open('data.txt').read().strip(), open('sub/more.txt').read().strip())\n"
        "open('result.txt', 'w').write('written')\n"
    )
    files = {"data.txt": base64.b64encode(b"first\n").decode(), "sub/more.txt": base64.b64encode(b"second").decode()}
    answer = fusion(service, code, files=files, fetch_files=["result.txt", "missing.txt"])
    assert answer.status == RunStatus.Success and answer.run_result.stdout == "first second\n"
    assert answer.files == {"result.txt": base64.b64encode(b"written").decode()}
    refused = httpx.post(f"{service.url}/run_code", json={"code": "1", "language": "python", "files": {"../x": ""}})
    assert refused.status_code == 422 and "working directory" in refused.text


def test_unknown_fields_are_accepted_and_logged(service: ServiceProcess) -> None:
    body = {"code": "print(1)", "language": "python", "sandbox_extra": True}
    assert httpx.post(f"{service.url}/run_code", json=body, timeout=60).json()["status"] == "Success"
    assert httpx.post(f"{service.url}/execute", json={**body, "priority": 3}, timeout=60).json()["status"] == "success"
    time.sleep(0.2)
    assert "ignored unknown field(s) sandbox_extra" in service.log.read_text()


@pytest.mark.parametrize(
    ("code", "language", "expected"),
    [
        (SUM, "python", True),
        ("print(41)\n", "python", False),
        ("print(\n", "python", -2),
        ("while True:\n    pass\n", "python", -3),
        ("int main( { return 0; }\n", "cpp", -4),
    ],
)
def test_verls_check_correctness_reads_each_verdict(
    service: ServiceProcess, verl: ModuleType, code: str, language: str, expected: bool | int
) -> None:
    results, _ = verl.check_correctness(
        f"{service.url}/run_code",
        {"inputs": ["20 22\n"] * 2, "outputs": ["42"] * 2},
        code,
        timeout=2,
        language=language,
    )
    assert results == [expected, expected]


def _generations(verl: ModuleType, url: str, count: int, code: str, timeout: int) -> list[Any]:
    cases = {"inputs": [f"{i} {i}\n" for i in range(4)], "outputs": [str(2 * i) for i in range(4)]}
    with ThreadPoolExecutor(count) as pool:
        done = pool.map(lambda _: verl.check_correctness(url, cases, code, timeout=timeout)[0], range(count))
        return [result for results in done for result in results]


def test_32_generations_by_4_cases_at_once_while_measured_jobs_run(service: ServiceProcess, verl: ModuleType) -> None:
    with JudgeClient(service.url) as client:  # the measured workers, busy for a while
        # Four jobs of 3 passes of 4 s on the one measure core: busy for about 50 s, well past the 128 runs.
        slow = {"code": "import time\ntime.sleep(4)\nprint(input())", "tests": [{"input": "1", "output": "1"}]}
        busy = [client.submit_job("judge", {**slow, "repeat": 3, "counter": "off"}) for _ in range(4)]
        results = _generations(verl, f"{service.url}/run_code", 32, SUM, timeout=10)
        assert results == [True] * 128, results  # no -1: none waited behind the measured jobs
        assert client.status()["lanes"]["measured"]["done"] < 4  # they were still going meanwhile
        for task in busy:
            client.wait(task, timeout=120, path="/v1/jobs")


@pytest.fixture
def one_quick_worker(tmp_path: Path) -> Iterator[ServiceProcess]:
    with ServiceProcess(tmp_path / "state", "--quick-workers", "1") as running:
        yield running


def test_a_full_quick_lane_answers_504_before_the_clients_deadline(one_quick_worker: ServiceProcess) -> None:
    url = f"{one_quick_worker.url}/run_code"
    body = {"code": "import time\ntime.sleep(5)\n", "language": "python", "run_timeout": 1, "compile_timeout": 1}
    deadline = 1 + 1 + 10  # verl's: compile_timeout + run_timeout + 10 s
    httpx.post(url, json=body, timeout=30)  # one finished job: the lane knows how long a run takes
    answers: list[tuple[int, float, str | None]] = []
    lock = threading.Lock()

    def send() -> None:
        started = time.monotonic()
        response = httpx.post(url, json=body, timeout=deadline)
        with lock:
            answers.append((response.status_code, time.monotonic() - started, response.headers.get("Retry-After")))

    threads = [threading.Thread(target=send) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == 16 and all(seconds < deadline for _, seconds, _ in answers)
    assert {status for status, _, _ in answers} <= {200, 504}
    refused = [retry for status, _, retry in answers if status == 504]
    assert refused and all(retry and int(retry) >= 1 for retry in refused)


def test_monoliths_quick_start_works_unchanged(service: ServiceProcess) -> None:
    client = monolith.Monolith(backend_url=service.url)
    post_response = client.post_code_submit(
        lang="python", libs=[], code='print("Hello, World!")', timeout=10, profiling=False
    )
    task_id = post_response["task_id"]
    assert task_id and post_response["status"] == "processing" and post_response["error"] is None
    get_response = client.get_code_result(task_id)
    deadline = time.monotonic() + 60
    while get_response["status"] == "processing":
        assert time.monotonic() < deadline
        time.sleep(0.1)
        get_response = client.get_code_result(task_id)
    assert get_response["status"] == "done"
    output = get_response["output_dict"]
    assert output["stdout"] == "Hello, World!\n" and output["peak_memory"] > 0 and output["duration"] > 0
    profiled = client.post_code_submit(
        lang="python", libs=[], code="print(sum(range(10**6)))", timeout=10, profiling=True
    )
    while (result := client.get_code_result(profiled["task_id"]))["status"] == "processing":
        time.sleep(0.1)
    assert result["status"] == "done" and result["output_dict"]["log"]  # memory samples, [t_ns, kB]
    timed_out = client.post_code_submit(lang="python", libs=[], code="while True: pass", timeout=1, profiling=False)
    while (result := client.get_code_result(timed_out["task_id"]))["status"] == "processing":
        time.sleep(0.1)
    assert result["status"] == "timeout"
    refused = client.post_code_submit(lang="python", libs=["numpy"], code="import numpy", timeout=10, profiling=False)
    assert refused["status"] == "error" and "numpy cannot be provided" in refused["error"]
    assert "queue" in client.get_status()
    assert client.clean(0)["status"] == "success"
    assert httpx.get(f"{service.url}/results/{task_id}").status_code == 404  # cleaned
