"""The service's endpoints, as Monolith, SandboxFusion (the way verl reads it) and native clients use them."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import httpx
import pytest

from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import TestSplit
from afterburner.service.client import JudgeClient
from afterburner.service.launch import ServiceProcess

SUM = "a, b = map(int, input().split())\nprint(a + b)\n"


def test_execute_runs_once_and_reports_figures_in_monoliths_units(client: JudgeClient) -> None:
    body = client.request("POST", "/execute", {"code": SUM, "stdin": "20 22\n", "run_profiling": True})
    assert body["status"] == "success" and body["error"] is None
    output = body["output_dict"]
    assert output["stdout"] == "42\n" and output["verdict"] == "OK"
    ours = output["afterburner"]
    assert output["peak_memory"] == pytest.approx(ours["peak_memory"] / 1024)  # kB
    assert output["duration"] == pytest.approx(ours["wall_time"] * 1000)  # ms
    assert output["cpu_time"] == pytest.approx(ours["cpu_time"] * 1000)
    assert output["integral"] == pytest.approx(ours["memory_integral"] / 1024)  # kB*s
    assert len(output["log"]) > 3 and all(len(point) == 2 and point[1] > 0 for point in output["log"])
    assert ours["guarantees_missing"] == []


@pytest.mark.parametrize(
    ("code", "language", "status", "verdict"),
    [
        ("while True:\n    pass\n", "python", "timeout", "TLE"),
        ("raise SystemExit(3)\n", "python", "error", "RTE"),
        ("int main( { return 0; }\n", "cpp", "error", "CE"),
    ],
)
def test_execute_tells_timeouts_errors_and_compile_errors_apart(
    client: JudgeClient, code: str, language: str, status: str, verdict: str
) -> None:
    body = client.request("POST", "/execute", {"code": code, "language": language, "timeout": 1})
    assert body["status"] == status and body["output_dict"]["verdict"] == verdict
    assert body["error"]


def test_submit_with_an_idempotency_key_gives_one_task_and_results_until_done(client: JudgeClient) -> None:
    request = {"code": "import time\ntime.sleep(0.5)\nprint('done')\n"}
    first = client.request("POST", "/submit", request, key="same-key-1")["task_id"]
    second = client.request("POST", "/submit", request, key="same-key-1")["task_id"]
    assert first == second
    assert client.request("GET", f"/results/{first}")["status"] in ("processing", "success")
    body = client.wait(first)
    assert body["status"] == "success" and body["output_dict"]["stdout"] == "done\n"
    with pytest.raises(Exception, match="409"):
        client.request("POST", "/submit", {"code": "print(2)"}, key="same-key-1")
    with pytest.raises(Exception, match="404"):
        client.request("GET", "/results/no-such-task")


def test_run_code_places_files_in_the_working_directory(client: JudgeClient) -> None:
    code = "print(open('data.txt').read().strip())\n"
    files = {"data.txt": base64.b64encode(b"from a file\n").decode()}
    body = client.request("POST", "/run_code", {"code": code, "language": "python", "files": files})
    assert body["status"] == "Success" and body["run_result"]["stdout"] == "from a file\n"


def test_native_run_and_judge_with_an_evaluator(client: JudgeClient) -> None:
    run = client.job("run", {"code": SUM, "stdin": "1 2\n", "limits": {"cpu_time": 2}})
    assert run["status"] == "done" and run["result"]["run"]["stdout"] == "3\n"
    evaluator = "def evaluate(expected, actual):\n    return abs(float(expected) - float(actual)) < 0.5\n"
    judged = client.request(
        "POST",
        "/v1/judge",
        {
            "code": "a, b = map(int, input().split())\nprint(a + b + 0.25)\n",
            "tests": [{"input": "1 2\n", "output": "3"}, {"input": "5 5\n", "output": "10"}],
            "checker": {"kind": "evaluator", "source": evaluator},
            "repeat": 3,
        },
    )
    result = judged["result"]
    assert result["verdict"] == "AC" and len(result["samples"]["cpu_time"]) == 3
    assert result["figures"]["cpu_time"] > 0


def test_judging_on_a_dataset_problem_shows_nothing_of_its_hidden_tests(client: JudgeClient) -> None:
    problem = load_dataset("venus-mini").get("2")
    hidden = TestSplit().scoring_tests(problem)
    leak = "import sys\ndata = sys.stdin.read()\nprint(data)\nprint(data, file=sys.stderr)\nraise SystemExit(1)\n"
    body = client.request(
        "POST", "/v1/judge", {"code": leak, "dataset": "venus-mini", "problem_id": "2", "stop_on_failure": False}
    )
    text = json.dumps(body)
    assert body["result"]["verdict"] == "RTE" and body["result"]["hidden_tests"]
    for test in hidden:
        assert test.input.strip() not in text and f'"{test.output.strip()}"' not in text
    passing = next(s for s in problem.solutions_in("python") if s.label == "optimal")
    clock = {"metric": "cpu_time", "counter": "off"}  # counting every hidden test is not what this checks
    good = client.request(
        "POST", "/v1/judge", {"code": passing.code, "dataset": "venus-mini", "problem_id": "2", **clock}
    )
    assert good["result"]["verdict"] == "AC" and good["result"]["tests_total"] == len(hidden)


def test_a_dataset_the_service_does_not_serve_is_refused(client: JudgeClient) -> None:
    with pytest.raises(Exception, match=r"422.*serves datasets"):
        client.request("POST", "/v1/judge", {"code": "print(1)", "dataset": "/etc", "problem_id": "passwd"})


def test_batch_submission_and_judge_batches(client: JudgeClient) -> None:
    jobs = [{"kind": "run", "request": {"code": f"print({i})"}} for i in range(5)]
    ids = client.request("POST", "/v1/batch", {"jobs": jobs})["task_ids"]
    assert len(set(ids)) == 5
    outputs = [client.wait(task_id, path="/v1/jobs")["result"]["run"]["stdout"] for task_id in ids]
    assert outputs == [f"{i}\n" for i in range(5)]


def test_status_and_docs(client: JudgeClient, service: ServiceProcess) -> None:
    status = client.status()
    assert status["worker_count"] == 2 and status["mode"] == "throughput"
    assert set(status["queue"]) == {"queued", "running", "done"}
    spec = httpx.get(f"{service.url}/openapi.json").json()
    assert {"/execute", "/submit", "/results/{task_id}", "/status", "/run_code", "/v1/judge"} <= set(spec["paths"])
    assert httpx.get(f"{service.url}/docs").status_code == 200


@pytest.mark.parametrize(
    ("path", "body", "status", "message"),
    [
        ("/execute", b"{not json", 422, "JSON"),
        ("/execute", {"code": "print(1)", "language": "cobol"}, 422, "unknown language"),
        ("/execute", {"code": "x = 1\n" * 200_000}, 422, "larger than"),
        ("/execute", {"code": "print(1)", "timeout": 100000}, 422, "CPU time"),
        ("/execute", {"code": "print(1)", "libraries": ["numpy"]}, 422, "libraries"),
        ("/execute", {"language": "python"}, 422, "code"),
        ("/run_code", {"code": "print(1)", "language": "go_test"}, 422, "unknown language"),
        ("/v1/judge", {"code": "print(1)"}, 422, "tests"),
        ("/v1/judge", {"code": "print(1)", "tests": [{"input": "1"}], "repeat": 10_000}, 422, "repeat must be 1 .. 20"),
        ("/v1/judge", {"code": "print(1)", "tests": [{"input": "1"}], "repeat": 0}, 422, "repeat must be 1 .. 20"),
        ("/v1/judge", {"code": "print(1)", "tests": [{"input": "1"}], "repeat": 21}, 422, "repeat must be 1 .. 20"),
        ("/v1/judge", {"code": "x", "tests": [{"input": "1"}], "metric": "bogomips"}, 422, "metric must be one of"),
        ("/v1/judge", {"code": "x", "tests": [{"input": "1"}], "counter": "abacus"}, 422, "counter"),
        (
            "/v1/judge",
            {"code": "x", "tests": [{"input": "1"}], "metric": "instructions", "counter": "off"},
            422,
            "needs a counter",
        ),
        ("/v1/judge", {"code": "x", "tests": [{"input": "1"}], "options": {"instructions": "on"}}, 422, "instructions"),
        (
            "/v1/judge",
            {"code": "x", "tests": [{"input": "1"}], "counter": "qemu", "options": {"instructions": "off"}},
            422,
            "disagree",
        ),
        ("/v1/run", {"code": "print(1)", "counter": "abacus"}, 422, "counter"),
        (
            "/v1/jobs",
            {"kind": "judge", "request": {"code": "x", "tests": [{"input": "1"}], "repeat": 50}},
            422,
            "repeat",
        ),
        ("/v1/judge/batch", {"batch": {"items": []}}, 422, "non-empty"),
    ],
)
def test_malformed_requests_get_a_4xx_with_a_message(
    service: ServiceProcess, path: str, body: object, status: int, message: str
) -> None:
    if isinstance(body, bytes):
        response = httpx.post(service.url + path, content=body, headers={"Content-Type": "application/json"})
    else:
        response = httpx.post(service.url + path, json=body)
    assert response.status_code == status, response.text
    assert message.lower() in response.text.lower()


def test_sync_endpoints_wait_while_async_ones_return_at_once(client: JudgeClient) -> None:
    started = time.monotonic()
    task = client.request("POST", "/submit", {"code": "import time\ntime.sleep(1)\n"}, key="async-1")["task_id"]
    assert time.monotonic() - started < 1.0
    assert client.wait(task)["status"] == "success"


@pytest.mark.parametrize(
    "batch",
    [
        {"items": "x"},
        {"items": [1]},
        {"items": [{"language": "python", "source": "print(1)", "tests": 5}], "tests": []},
        {"items": [{"language": "python", "source": 3, "tests": [{"input": "1"}]}]},
        {"items": [{"language": "python", "source": "x", "tests": [{"input": "1"}]}], "limits": [1, 2]},
        {"items": [{"language": "python", "source": "x", "tests": [{"input": "1"}]}], "limits": {"cpu_time": "a"}},
        {"items": [{"language": "python", "source": "x", "tests": [{"input": "1"}], "checker": "tokens"}]},
        {"items": [{"language": "python", "source": "x", "tests": [["1", "2"]]}]},
        {"items": [{"language": "python", "source": "x", "tests": [{"input": "1"}]}], "repeat": "many"},
        {"items": [{"language": "python", "source": "x", "tests": [{"input": "1"}]}], "measurement": {"repeat": 0}},
        {"items": [{"language": "python", "source": "x", "tests": [{"input": "1"}]}], "measurement": {"repeat": 21}},
        {"items": [{"language": "python", "source": "x", "tests": [{"input": "1"}]}], "measurement": {"fast": True}},
        {"items": [{"language": "python", "source": "x", "tests": [{"input": "1"}]}], "measurement": "fast"},
        {"items": [{"language": "python", "source": "x", "tests": [{"input": "1"}]}], "measurement": {"counter": "x"}},
        {"items": [{"language": "python", "source": "x", "tests": [{"input": "1"}]}], "options": {"sample_hz": []}},
    ],
)
def test_a_batch_of_the_wrong_shape_is_a_4xx_never_a_500(service: ServiceProcess, batch: dict[str, object]) -> None:
    response = httpx.post(f"{service.url}/v1/judge/batch", json={"batch": batch})
    assert response.status_code == 422, response.text


# --- how requests are measured: counts on the native judge by default, never on the compatible endpoints ---

DOUBLE = "print(2 * int(input()))\n"
DOUBLE_TESTS = [{"input": "21\n", "output": "42"}]


def test_a_native_judge_ranks_by_exact_counts_by_default(client: JudgeClient) -> None:
    request = {"code": DOUBLE, "tests": DOUBLE_TESTS, "repeat": 1}
    first, second = (client.request("POST", "/v1/judge", request)["result"] for _ in range(2))
    assert first["verdict"] == "AC" and first["measurement"]["metric"] == "instructions"
    assert first["measurement"]["counter"] == "auto" and first["unmeasured"] == {}
    count = first["figures"]["instructions"]
    # Python is counted in its zygote: the interpreter's start-up is not in the count, the program's
    # own work (reading, converting, printing: tens of thousands of instructions) is.
    assert count is not None and count > 10_000
    assert second["figures"]["instructions"] == count  # exact: the same program, the same count
    assert 0 < first["net"]["instructions"] < count  # net of the empty program's count
    assert first["figures"]["cpu_time"] > 0  # times are measured and reported beside it


@pytest.mark.parametrize(
    "settings",
    [{"metric": "cpu_time", "counter": "off"}, {"metric": "cpu_time"}, {"options": {"instructions": "off"}}],
)
def test_a_native_judge_on_the_clock_counts_nothing(client: JudgeClient, settings: dict[str, Any]) -> None:
    result = client.request("POST", "/v1/judge", {"code": DOUBLE, "tests": DOUBLE_TESTS, **settings})["result"]
    assert result["verdict"] == "AC" and result["measurement"]["counter"] == "off"
    assert result["measurement"] == {"repeat": 3, "estimator": "min", "metric": "cpu_time", "counter": "off"}
    assert result["figures"]["instructions"] is None and result["unmeasured"] == {} and result["net"] == {}
    assert len(result["samples"]["cpu_time"]) == 3


def test_a_native_run_is_timed_only_unless_it_asks_for_a_count(client: JudgeClient) -> None:
    timed = client.request("POST", "/v1/run", {"code": DOUBLE, "stdin": "21\n"})["result"]
    assert timed["run"]["stdout"] == "42\n" and timed["measurement"] == {"metric": "cpu_time", "counter": "off"}
    assert timed["figures"]["instructions"] is None and timed["figures"]["cpu_time"] > 0
    counted = client.request("POST", "/v1/run", {"code": DOUBLE, "stdin": "21\n", "counter": "auto"})["result"]
    assert counted["run"]["stdout"] == "42\n" and counted["unmeasured"] == {}
    assert counted["figures"]["instructions"] > counted["net"]["instructions"] > 0


SLEEPY = "import time\ntime.sleep(1.5)\nprint(42)\n"
# A counting run would run the program once more (1.5 s asleep again, plus the emulator's start-up).
ONE_RUN = 2.8


def test_monolith_and_sandbox_fusion_requests_run_once_and_count_nothing(client: JudgeClient) -> None:
    started = time.monotonic()
    body = client.request("POST", "/execute", {"code": SLEEPY})
    assert body["status"] == "success" and time.monotonic() - started < ONE_RUN
    assert body["output_dict"]["afterburner"]["instructions"] is None
    started = time.monotonic()
    body = client.request("POST", "/run_code", {"code": SLEEPY, "language": "python"})
    assert body["status"] == "Success" and time.monotonic() - started < ONE_RUN
    task = client.submit({"code": "print(42)\n"})
    record = client.wait(task, path="/v1/jobs")  # the job's own result, not Monolith's view of it
    result = record["result"]
    assert result["measurement"] == {"metric": "cpu_time", "counter": "off"}
    assert result["figures"]["instructions"] is None and result["unmeasured"] == {}
