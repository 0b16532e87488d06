"""A problem whose generator gives the same input for every seed: no hidden scoring test can be made.

The run goes on: half of the fixed tests are held out of the prompts and score instead, and with
too few fixed tests the scores are taken on the feedback tests and marked "on seen tests" (or,
with `allow_seen=False`, that problem alone is skipped with the reason).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from afterburner.core.testcase import TestCase
from afterburner.datasets.model import Dataset, Problem, Solution, Style
from afterburner.datasets.testgen import GENERATED, HELD_OUT, SEEN, GeneratorError, TestPlan, TestSplit
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.session import run_session
from afterburner.optimize.starts import Start
from tests.optimize.scripted import ScriptedBackend, clock, fenced

CONSTANT = """
def generate_test_cases(num_cases, seed, size=1.0):
    return [{"input": "5\\n", "output": "10\\n"} for _ in range(num_cases)]
"""
VARIED = """
import random
def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    return [{"input": f"{n}\\n", "output": f"{2 * n}\\n"} for n in (rng.randint(1, 10**6) for _ in range(num_cases))]
"""
EVALUATOR = (
    "def evaluate(expected_output, program_output):\n    return expected_output.split() == program_output.split()\n"
)
DOUBLE = "print(2 * int(input()))\n"
FIXED = (TestCase("1\n", "2\n"), TestCase("2\n", "4\n"), TestCase("3\n", "6\n"), TestCase("4\n", "8\n"))
SPLIT = TestSplit(TestPlan(num_cases=2, seed=1), TestPlan(num_cases=2, seed=2, fixed=False))


def problem(generator: str, fixed: tuple[TestCase, ...]) -> Problem:
    return Problem(
        id="8001",
        title="Double",
        description="Print twice the input.",
        difficulty="Easy",
        style=Style.PROGRAM,
        generator=generator,
        evaluator=EVALUATOR,
        tests=fixed,
        solutions=(Solution("python", DOUBLE, "ref", "test"), Solution("python", DOUBLE + "# b\n", "ref2", "test")),
    )


def test_a_working_generator_scores_on_its_own_hidden_tests() -> None:
    planned = SPLIT.tests_for(problem(VARIED, FIXED))
    assert planned.kept_apart == GENERATED and planned.hidden
    assert not {t.input for t in planned.scoring} & {t.input for t in planned.feedback}


def test_a_constant_generator_holds_out_half_of_the_fixed_tests() -> None:
    planned = SPLIT.tests_for(problem(CONSTANT, FIXED))
    assert planned.kept_apart == HELD_OUT and planned.hidden
    assert [t.input for t in planned.scoring] == ["3\n", "4\n"]
    assert not {t.input for t in planned.scoring} & {t.input for t in planned.feedback}  # never shown


def test_with_too_few_fixed_tests_the_scores_are_on_seen_tests_or_the_problem_is_refused() -> None:
    one = problem(CONSTANT, FIXED[:1])
    planned = SPLIT.tests_for(one)
    assert planned.kept_apart == SEEN and not planned.hidden and planned.scoring == planned.feedback
    with pytest.raises(GeneratorError, match="8001"):
        SPLIT.tests_for(one, allow_seen=False)


def test_the_run_goes_on_and_says_what_happened(tmp_path: Path) -> None:
    data = Dataset("dead-ends", (problem(CONSTANT, FIXED[:1]),))
    backend = ScriptedBackend([fenced(DOUBLE)])
    config = LoopConfig(iterations=1, samples=1, measurement=clock(1), repair=0, reask=False)
    run_session(data, data.problems, backend, config, tmp_path, starts={"8001": Start(DOUBLE, "ref")}, split=SPLIT)
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["measurement"]["scored_on_seen_tests"] == ["8001"]
    assert summary["measurement"]["scoring_tests_per_problem"] == {"8001": SEEN}
    report = json.loads((tmp_path / "report.json").read_text())
    assert "on seen tests" in report["measured"]
