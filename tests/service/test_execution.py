"""Jobs and the views of their results, without a service: what each verdict becomes for each client."""

from __future__ import annotations

import re
from typing import Any

import pytest

from afterburner.core.errors import UsageError
from afterburner.judge.measurement import CLOCK_ONLY, Measurement
from afterburner.service.compat import (
    monolith_view,
    run_payload_monolith,
    run_payload_sandbox_fusion,
    sandbox_fusion_view,
)
from afterburner.service.execution import (
    JUDGE_DEFAULT,
    RUN_DEFAULT,
    Context,
    Policy,
    _batch,
    _hidden,
    execute_job,
    measurement,
)


def _result(verdict: str, **run: Any) -> dict[str, Any]:
    base = {"stdout": "", "stderr": "", "exit_code": 0, "signal": None, "wall_time": 0.01, "cpu_time": 0.01}
    return {"verdict": verdict, "compile": None, "run": {"verdict": verdict, **base, **run, "peak_memory": 2048}}


@pytest.mark.parametrize(
    ("verdict", "run", "monolith", "fusion", "run_status", "code"),
    [
        ("OK", {}, "success", "Success", "Finished", 0),
        ("RTE", {"exit_code": 3}, "error", "Failed", "Finished", 3),
        ("RTE", {"exit_code": None, "signal": 11}, "error", "Failed", "Finished", 139),
        ("TLE", {"exit_code": None, "signal": 9}, "timeout", "Failed", "TimeLimitExceeded", 137),
        ("MLE", {"exit_code": None, "signal": 9, "message": "memory limit exceeded"}, "error", "Failed", "Error", 137),
        ("OLE", {"message": "output limit exceeded"}, "error", "Failed", "Error", 0),
    ],
)
def test_each_verdict_reads_right_for_monolith_and_sandbox_fusion(
    verdict: str, run: dict[str, Any], monolith: str, fusion: str, run_status: str, code: int
) -> None:
    result = _result(verdict, **run)
    assert monolith_view("t", result)["status"] == monolith
    assert monolith_view("t", result)["output_dict"]["peak_memory"] == 2.0  # kB
    answer = sandbox_fusion_view(result)
    assert answer["status"] == fusion and answer["run_result"]["status"] == run_status
    assert answer["run_result"]["return_code"] == code


def test_compile_errors_and_our_failures() -> None:
    compiled = {
        "verdict": "CE",
        "compile": {"ok": False, "message": "error: expected ';'", "seconds": 0.1},
        "run": None,
    }
    fusion = sandbox_fusion_view(compiled)
    assert fusion["status"] == "Failed" and fusion["compile_result"]["return_code"] == 1
    assert "expected" in fusion["compile_result"]["stderr"] and fusion["run_result"] is None
    assert monolith_view("t", compiled)["error"].startswith("compilation failed")
    ours = {"verdict": "IE", "infrastructure_error": True, "error": "the sandbox failed"}
    assert sandbox_fusion_view(ours)["status"] == "SandboxError"
    assert monolith_view("t", ours)["status"] == "error"


def test_a_bug_of_ours_while_running_a_job_is_ie_not_a_crash() -> None:
    result = execute_job("run", {"code": "print(1)"}, Context())  # no language: never checked at submission
    assert result["verdict"] == "IE" and result["infrastructure_error"]
    assert "internal error" in result["error"]
    assert execute_job("transmogrify", {}, Context())["verdict"] == "IE"


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
    assert _batch({"batch": {"items": [item]}}, Context()).measurement == Measurement()
    chosen = _batch({"batch": {"items": [item], "measurement": {"repeat": 2, "counter": "off"}}}, Context())
    assert chosen.measurement == Measurement(repeat=2, metric="cpu_time", counter="off")
    older = {"items": [item], "repeat": 4, "estimator": "median", "options": {"sample_hz": 100, "instructions": "off"}}
    assert _batch({"batch": older}, Context()).measurement == Measurement(4, "median", "cpu_time", "off")
    with pytest.raises(UsageError, match=r"1 \.\. 20"):
        _batch({"batch": {"items": [item], "measurement": {"repeat": 30}}}, Context())


def test_a_result_on_hidden_tests_keeps_no_detail_that_could_quote_them() -> None:
    result = {
        "verdict": "AC",
        "detail": "expected 'SECRET' got 'nothing'",
        "unmeasured": {"instructions": "the counting pass gave WA: expected 'SECRET' got 'x'"},
        "tests": [{"index": 0, "detail": "SECRET", "run": {"stdout": "SECRET", "stderr": "SECRET", "message": "x"}}],
    }
    hidden = _hidden(result)
    assert "SECRET" not in repr(hidden) and hidden["hidden_tests"]
    assert hidden["unmeasured"] == {"instructions": "the counting pass gave WA"}
