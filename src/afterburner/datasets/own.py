"""Your own program and tests as a one-problem dataset: no generator, no references but the original."""

from __future__ import annotations

from collections.abc import Sequence

from afterburner.core.testcase import TestCase
from afterburner.datasets.model import Dataset, Problem, Solution, Style

# Tokens compare, as `afterburner judge --checker tokens` does.
TOKENS_EVALUATOR = """def evaluate(expected_output, program_output):
    return str(expected_output).split() == str(program_output).split()
"""
NO_GENERATOR = """def generate_test_cases(num_cases, seed):
    return []  # your own tests are fixed: nothing is generated
"""
ORIGINAL_LABEL = "original"


def own_problem(name: str, language: str, original: str, tests: Sequence[TestCase]) -> Dataset:
    """A program-style problem judged on `tests` (tokens compare), with the original as its one reference.

    Its evaluator is ours, so it runs in-process (`bundled`); percentiles against one reference
    say little, so reports of such runs lead with the speed-up against the original.
    """
    problem = Problem(
        id=name,
        title=name,
        description=(
            "Make this program faster. It reads standard input and writes standard output; its output "
            "must stay the same (compared token by token) on every test."
        ),
        difficulty="",
        style=Style.PROGRAM,
        generator=NO_GENERATOR,
        evaluator=TOKENS_EVALUATOR,
        tests=tuple(tests),
        solutions=(Solution(language, original, ORIGINAL_LABEL, "your file"),),
        origin="your own program",
        bundled=True,
    )
    return Dataset(f"own:{name}", (problem,))
