"""Judging a solution of a problem: its program (runner + code), its checker, its limits."""

from __future__ import annotations

from collections.abc import Sequence

from afterburner.core.limits import Limits, MiB
from afterburner.core.testcase import TestCase
from afterburner.datasets.model import Problem
from afterburner.judge.checkers import Checker, Evaluator, SandboxedEvaluator
from afterburner.judge.executor import JudgeBatch, JudgeExecutor, judge_on
from afterburner.judge.judge import JudgeItem, JudgeResult
from afterburner.judge.measurement import Measurement
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
    measurement: Measurement | None = None,
    limits: Limits = SOLUTION_LIMITS,
    executor: JudgeExecutor | None = None,
    options: SandboxOptions | None = None,
) -> JudgeResult:
    """Judge code for a problem (function style: pasted into the runner) with its evaluator.

    `executor`: where it runs (None: this process; Ray or a remote judge otherwise).
    """
    source = problem.program_source(language, code).text
    item = JudgeItem(get_language(language), source, tuple(tests), problem_checker(problem))
    batch = JudgeBatch((item,), limits, measurement or Measurement(), options=options or SandboxOptions())
    return judge_on(executor, batch)[0]
