"""Jobs and the views of their results, without a service: what each verdict becomes for each client."""

from __future__ import annotations

from typing import Any

import pytest

from afterburner.service.compat import monolith_view, sandbox_fusion_view
from afterburner.service.execution import Context, execute_job


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
