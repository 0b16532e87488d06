"""Third-party evaluators run in the sandbox, one run per pass; bundled ones in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.datasets.bundled import load_bundled
from afterburner.datasets.judging import judge_solution, problem_checker
from afterburner.datasets.venus_schema import dataset_from_rows
from afterburner.judge import checkers
from afterburner.judge.checkers import Evaluator, SandboxedEvaluator
from afterburner.judge.judge import judge
from afterburner.languages import get_language
from tests.datasets.test_datasets import venus_row

PYTHON = get_language("python")
SORTED = "def evaluate(expected, actual):\n    return sorted(expected.split()) == sorted(actual.split())\n"
ECHO = "print(input())\n"


def test_only_bundled_problems_get_an_in_process_evaluator() -> None:
    assert isinstance(problem_checker(load_bundled().problems[0]), Evaluator)
    row_problem = dataset_from_rows([venus_row(1)], "rows").problems[0]
    assert isinstance(problem_checker(row_problem), SandboxedEvaluator)


def test_a_sandboxed_evaluator_decides_a_pass_in_one_run(monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[int] = []
    real = checkers.run_python

    def counted(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        runs.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checkers, "run_python", counted)
    tests = [TestCase("b a\n", "a b"), TestCase("c d\n", "d c"), TestCase("x\n", "y")]
    result = judge(PYTHON, ECHO, tests, SandboxedEvaluator(SORTED), stop_on_failure=False)
    assert [t.verdict for t in result.tests] == [Verdict.AC, Verdict.AC, Verdict.WA]
    assert len(runs) == 1
    assert "expected: 'y'" in result.tests[2].detail


def test_a_hostile_evaluator_sees_no_host_and_its_failure_is_not_the_candidates(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("host secret")
    tmp_path.chmod(0o755)
    snooping = f"def evaluate(expected, actual):\n    return open({str(secret)!r}).read() == 'host secret'\n"
    result = judge(PYTHON, ECHO, [TestCase("1\n", "1")], SandboxedEvaluator(snooping))
    assert result.verdict is Verdict.WA  # the file is not there: the evaluator's own exception means "no"
    broken = "def evaluate(expected, actual):\n    while True: pass\n"
    failed = judge(PYTHON, ECHO, [TestCase("1\n", "1")], SandboxedEvaluator(broken))
    assert failed.verdict is Verdict.IE
    assert "evaluator failed" in failed.tests[0].detail


def test_a_row_problem_is_judged_with_its_sandboxed_evaluator() -> None:
    problem = dataset_from_rows([venus_row(1)], "rows").problems[0]
    code = problem.solutions[0].code
    assert problem.tests
    assert judge_solution(problem, "python", code, problem.tests).verdict is Verdict.AC
    wrong = code.replace("a + b", "a - b")
    assert judge_solution(problem, "python", wrong, problem.tests).verdict is Verdict.WA
