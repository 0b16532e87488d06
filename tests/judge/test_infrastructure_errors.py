"""An infrastructure error is retried, and one that persists is never the candidate's failure."""

from __future__ import annotations

from typing import Any

import pytest

from afterburner.core.errors import SandboxFailure
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.datasets.profile import SolutionProfile
from afterburner.evaluation.evaluate import execution_of
from afterburner.evaluation.metrics import Execution, References, score
from afterburner.judge import compiler
from afterburner.judge.judge import judge
from afterburner.languages import get_language

PYTHON = get_language("python")
ECHO = "print(input())\n"
TESTS = [TestCase("1\n", "1")]


@pytest.fixture
def failing_sandbox(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sandbox fails the first `failures[0]` runs (raising SandboxFailure), then runs for real."""
    failures = [2]
    calls: list[int] = []
    real = compiler.run
    monkeypatch.setattr(compiler, "INFRA_BACKOFF", 0.0)

    def flaky_sandbox(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) <= failures[0]:
            raise SandboxFailure("the measuring helper failed: simulated")
        return real(*args, **kwargs)

    monkeypatch.setattr(compiler, "run", flaky_sandbox)
    return failures


def test_a_passing_retry_hides_the_sandbox_failure(failing_sandbox: list[int]) -> None:
    assert judge(PYTHON, ECHO, TESTS).verdict is Verdict.AC


def test_a_persistent_infrastructure_error_is_ie_and_not_scored(failing_sandbox: list[int]) -> None:
    failing_sandbox[0] = 10**6
    result = judge(PYTHON, ECHO, TESTS)
    assert result.verdict is Verdict.IE
    assert "3 tries" in result.tests[0].run.message
    profile = SolutionProfile("p", "python", "cand", "h", result.measured)
    execution = execution_of(profile, "p")
    assert not execution.scored and execution.not_scored.startswith("not scored: infrastructure error")


def test_not_scored_executions_are_left_out_of_n() -> None:
    references = References({"p": {"cpu_time": [2.0], "peak_memory": [1.0], "memory_integral": [1.0]}})
    passed = Execution.of("p", True, 1.0, 0.5, 0.5)
    failed = Execution.of("p", False, None, None, None)
    lost = Execution.of("p", False, None, None, None, not_scored="x")
    assert score([passed, failed, lost], references) == score([passed, failed], references)
    assert score([passed, failed, lost], references).n == 2


def test_the_report_lists_what_was_not_scored() -> None:
    from afterburner.evaluation.render import to_markdown
    from afterburner.evaluation.report import build_report, to_json

    references = References({"p": {"cpu_time": [2.0], "peak_memory": [1.0], "memory_integral": [1.0]}})
    lost = Execution.of("p", False, None, None, None, sample_id=1, not_scored="x")
    report = build_report("d", [Execution.of("p", True, 1.0, 0.5, 0.5), lost], references)
    assert to_json(report)["not_scored"] == [
        {"problem_id": "p", "iteration": 0, "sample_id": 1, "reason": "not scored: infrastructure error (x)"}
    ]
    assert to_json(report)["n"] == 1
    assert "1 execution(s) not scored: infrastructure error" in to_markdown(report)
