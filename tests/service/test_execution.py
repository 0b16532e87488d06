"""Jobs and the views of their results, without a service: what each verdict becomes for each client."""

from __future__ import annotations

import re
from typing import Any

import pytest

from afterburner.core.errors import UsageError
from afterburner.judge.measurement import CLOCK_ONLY, Measurement
from afterburner.service import execution
from afterburner.service.compat import (
    monolith_view,
    run_payload_monolith,
    run_payload_sandbox_fusion,
    sandbox_fusion_view,
)
from afterburner.service.execution import execute_job
from afterburner.service.jobs import JUDGE_DEFAULT, RUN_DEFAULT, BatchJob, Context, Policy, measurement, parse_job
from afterburner.service.results import hide


def _result(verdict: str, **run: Any) -> dict[str, Any]:
    base = {"stdout": "", "stderr": "", "exit_code": 0, "signal": None, "wall_time": 0.01, "cpu_time": 0.01}
    return {"verdict": verdict, "compile": None, "run": {"verdict": verdict, **base, **run, "peak_memory": 2048}}


@pytest.mark.parametrize(
    ("verdict", "run", "monolith", "fusion", "run_status", "code"),
    [
        ("OK", {}, "success", "Success", "Finished", 0),
        ("RTE", {"exit_code": 3}, "error", "Failed", "Finished", 3),
        ("RTE", {"exit_code": None, "signal": 11}, "error", "Failed", "Finished", -11),  # SandboxFusion's -N
        ("TLE", {"exit_code": None, "signal": 9}, "timeout", "Failed", "TimeLimitExceeded", None),
        (
            "MLE",
            {"signal": 9, "message": "memory limit exceeded"},
            "error",
            "Failed",
            "Finished",
            -9,
        ),
        (
            "OLE",
            {"signal": 9, "message": "output limit exceeded"},
            "error",
            "Failed",
            "Finished",
            -9,
        ),
    ],
)
def test_each_verdict_reads_right_for_monolith_and_sandbox_fusion(
    verdict: str, run: dict[str, Any], monolith: str, fusion: str, run_status: str, code: int | None
) -> None:
    result = _result(verdict, **run)
    assert monolith_view("t", result)["status"] == monolith
    assert monolith_view("t", result)["output_dict"]["peak_memory"] == 2.0  # kB
    answer = sandbox_fusion_view(result)
    assert answer["status"] == fusion and answer["run_result"]["status"] == run_status
    assert answer["run_result"]["return_code"] == code


def test_compile_errors_and_our_failures() -> None:
    record = {"ok": False, "status": "Finished", "return_code": 1, "stdout": "", "stderr": "error: expected ';'"}
    compiled = {"verdict": "CE", "compile": {**record, "message": "compilation failed", "seconds": 0.1}, "run": None}
    fusion = sandbox_fusion_view(compiled)
    assert fusion["status"] == "Failed" and fusion["compile_result"]["return_code"] == 1
    assert "expected" in fusion["compile_result"]["stderr"] and fusion["run_result"] is None
    timed_out = {**compiled, "compile": {**compiled["compile"], "status": "TimeLimitExceeded", "return_code": None}}
    assert sandbox_fusion_view(timed_out)["compile_result"]["status"] == "TimeLimitExceeded"
    assert monolith_view("t", compiled)["error"].startswith("compilation failed")
    ours = {"verdict": "IE", "infrastructure_error": True, "error": "the sandbox failed"}
    assert sandbox_fusion_view(ours)["status"] == "SandboxError"
    assert monolith_view("t", ours)["status"] == "error"


def test_a_bug_of_ours_while_running_a_job_is_ie_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(job: object) -> dict[str, Any]:
        raise RuntimeError("a bug")

    monkeypatch.setattr(execution, "run_typed", broken)
    result = execute_job("run", {"code": "print(1)", "language": "python"}, Context())
    assert result["verdict"] == "IE" and result["infrastructure_error"]
    assert "internal error" in result["error"]
    unrunnable = execute_job("run", {"code": "print(1)"}, Context())  # no language: never accepted
    assert unrunnable["verdict"] == "IE" and not unrunnable["infrastructure_error"]
    assert execute_job("transmogrify", {}, Context())["verdict"] == "IE"


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"files": {"../escape.txt": ""}}, "inside the working directory"),
        ({"files": {"/etc/passwd": ""}}, "inside the working directory"),
        ({"files": {"data.txt": "not base64!"}}, "not base64"),
        ({"fetch_files": ["../../x"]}, "inside the working directory"),
        ({"limits": {"cpu_time": [1]}}, "malformed run request"),
    ],
)
def test_a_run_job_is_validated_when_it_is_made(payload: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        parse_job("run", {"code": "print(1)", "language": "python", **payload}, Context())


def test_sandbox_fusion_requests_become_quick_wall_clock_runs_that_keep_a_mebibyte() -> None:
    job = parse_job("run", run_payload_sandbox_fusion({"code": "x", "run_timeout": 3, "files": {"d/a": ""}}), Context())
    assert job.lane == "quick" and job.limits.wall_time == 3 and job.output_bytes == 1024 * 1024  # type: ignore[union-attr]
    assert job.files == {"d/a": b""}  # type: ignore[union-attr]
    assert parse_job("run", run_payload_monolith({"code": "x", "run_profiling": True}), Context()).lane == "measured"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        ({}, Measurement()),
        ({"repeat": 5, "estimator": "median"}, Measurement(repeat=5, estimator="median")),
        ({"metric": "cpu_time"}, CLOCK_ONLY),  # a clock alone: nothing counted, as on the command line
        ({"metric": "wall_time"}, Measurement(metric="wall_time", counter="off")),
        ({"counter": "off"}, CLOCK_ONLY),
        ({"counter": "valgrind"}, Measurement(counter="valgrind")),
        ({"metric": "cpu_time", "counter": "qemu"}, Measurement(metric="cpu_time", counter="qemu")),
        ({"options": {"instructions": "off", "sample_hz": 100}}, CLOCK_ONLY),  # the older field
        ({"options": {"instructions": "perf"}}, Measurement(counter="perf")),
    ],
)
def test_a_judge_requests_measurement_settings(request_: dict[str, Any], expected: Measurement) -> None:
    assert measurement(request_, Policy(), JUDGE_DEFAULT) == expected


def test_a_run_is_timed_only_unless_it_asks_and_compatible_runs_never_count() -> None:
    assert measurement({}, Policy(), RUN_DEFAULT).counts is False
    assert measurement({"counter": "auto"}, Policy(), RUN_DEFAULT).counter == "auto"
    assert measurement({"metric": "instructions"}, Policy(), RUN_DEFAULT).counter == "auto"
    for payload in (
        run_payload_monolith({"code": "print(1)"}),
        run_payload_sandbox_fusion({"code": "print(1)", "language": "python"}),
    ):
        assert measurement(payload, Policy(), RUN_DEFAULT) == RUN_DEFAULT
        assert measurement(payload, Policy(), JUDGE_DEFAULT).counts is False  # whatever the default


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        ({"repeat": 0}, "repeat must be 1 .. 20 on this judge"),
        ({"repeat": 21}, "repeat must be 1 .. 20 on this judge"),
        ({"estimator": "mode"}, "estimator must be one of"),
        ({"metric": "instructions", "counter": "off"}, "needs a counter"),
        ({"options": {"instructions": "qemu"}}, "options.instructions must be one of"),
        ({"options": {"instructions": "auto"}, "counter": "off"}, "disagree"),
    ],
)
def test_measurement_settings_out_of_bounds_are_refused(request_: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        measurement(request_, Policy(), JUDGE_DEFAULT)


def test_the_service_policy_bounds_repeat_below_the_librarys_bound() -> None:
    assert measurement({"repeat": 100}, Policy(max_repeat=100), JUDGE_DEFAULT).repeat == 100
    with pytest.raises(UsageError, match=r"1 \.\. 100"):
        measurement({"repeat": 101}, Policy(max_repeat=200), JUDGE_DEFAULT)  # the library's bound still holds


def test_a_batch_is_measured_as_it_says_and_an_older_clients_batch_as_it_was() -> None:
    item = {"language": "python", "source": "print(1)", "tests": [{"input": ""}]}

    def batch(data: dict[str, Any]) -> Measurement:
        return BatchJob.parse({"batch": data}, Context()).batch.measurement

    assert batch({"items": [item]}) == Measurement()
    chosen = batch({"items": [item], "measurement": {"repeat": 2, "counter": "off"}})
    assert chosen == Measurement(repeat=2, metric="cpu_time", counter="off")
    older = {"items": [item], "repeat": 4, "estimator": "median", "options": {"sample_hz": 100, "instructions": "off"}}
    assert batch(older) == Measurement(4, "median", "cpu_time", "off")
    with pytest.raises(UsageError, match=r"1 \.\. 20"):
        batch({"items": [item], "measurement": {"repeat": 30}})


def test_a_result_on_hidden_tests_keeps_no_detail_that_could_quote_them() -> None:
    result = {
        "verdict": "AC",
        "detail": "expected 'SECRET' got 'nothing'",
        "unmeasured": {"instructions": "the counting pass gave WA: expected 'SECRET' got 'x'"},
        "tests": [{"index": 0, "detail": "SECRET", "run": {"stdout": "SECRET", "stderr": "SECRET", "message": "x"}}],
    }
    hidden = hide(result)
    assert "SECRET" not in repr(hidden) and hidden["hidden_tests"]
    assert hidden["unmeasured"] == {"instructions": "the counting pass gave WA"}
