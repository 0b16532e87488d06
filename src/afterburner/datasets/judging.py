"""Judging a solution of a problem: its program (runner + code), its checker, its limits."""

from __future__ import annotations

from collections.abc import Sequence

from afterburner.core.limits import Limits, MiB
from afterburner.core.testcase import TestCase
from afterburner.datasets.model import Problem
from afterburner.judge.checkers import Checker, Evaluator, SandboxedEvaluator
from afterburner.judge.judge import JudgeResult, judge
from afterburner.judge.stats import DEFAULT_ESTIMATOR, Estimator
from afterburner.languages import get_language
from afterburner.sandbox.runner import SandboxOptions

SOLUTION_LIMITS = Limits(cpu_time=10, memory=1024 * MiB)


def problem_checker(problem: Problem) -> Checker:
    """The problem's evaluator: in-process when it ships with Afterburner, sandboxed otherwise."""
    return Evaluator(problem.evaluator) if problem.bundled else SandboxedEvaluator(problem.evaluator)


def judge_solution(
    problem: Problem,
    language: str,
    code: str,
    tests: Sequence[TestCase],
    repeat: int = 1,
    options: SandboxOptions | None = None,
    limits: Limits = SOLUTION_LIMITS,
    estimator: Estimator = DEFAULT_ESTIMATOR,
) -> JudgeResult:
    """Judge code for a problem (function style: pasted into the runner) with its evaluator."""
    source = problem.program_source(language, code).text
    checker = problem_checker(problem)
    return judge(get_language(language), source, tests, checker, limits, options, repeat=repeat, estimator=estimator)
