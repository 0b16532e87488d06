"""The loop with exact counts deciding (the default), driven through an OpenAI-compatible server.

A small program problem with three references of different cost; the scripted model rewrites the
slow start into code that only looks different (a comment: the same count, not taken), then into
a cheaper algorithm (fewer instructions: taken, without a side-by-side confirmation, which a count
does not need). The prompts show the count, the report ranks by Beyond-C.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from afterburner.datasets.model import Dataset, Problem, Solution, Style
from afterburner.datasets.testgen import TestPlan, TestSplit
from afterburner.models.base import ModelSpec
from afterburner.models.factory import create_backend
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.session import run_session
from afterburner.optimize.starts import Start
from tests.optimize.scripted import ScriptedServer

GENERATOR = """
import random
def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for _ in range(num_cases):
        n = rng.randint(300, 500)
        cases.append({"input": f"{n}\\n", "output": f"{n * (n - 1) * (2 * n - 1) // 6}\\n"})
    return cases
"""
EVALUATOR = (
    "def evaluate(expected_output, program_output):\n    return expected_output.split() == program_output.split()\n"
)
SLOW = "n = int(input())\ntotal = 0\nfor i in range(n):\n    for _ in range(i):\n        total += 1\n"
SLOW += "    total += 0\nprint(sum(i * i for i in range(n)))\n"
LOOP = "n = int(input())\nprint(sum(i * i for i in range(n)))\n"
CLOSED = "n = int(input())\nprint(n * (n - 1) * (2 * n - 1) // 6)\n"
SAME = "# the same program, reworded\n" + SLOW


def dataset() -> Dataset:
    problem = Problem(
        id="7001",
        title="Sum of squares",
        description="Print the sum of i*i for 0 <= i < n.",
        difficulty="Easy",
        style=Style.PROGRAM,
        generator=GENERATOR,
        evaluator=EVALUATOR,
        solutions=tuple(
            Solution("python", code, label, "test")
            for label, code in (("slow", SLOW), ("loop", LOOP), ("closed", CLOSED))
        ),
    )
    return Dataset("counts", (problem,))


def fenced(code: str) -> str:
    return f"```python\n{code}```"


@pytest.mark.parametrize("server", [[fenced(SAME), fenced(LOOP)]], indirect=True)
def test_counts_decide_keep_best_and_percentiles(server: ScriptedServer, tmp_path: Path) -> None:
    data = dataset()
    split = TestSplit(TestPlan(num_cases=2, seed=1, fixed=False), TestPlan(num_cases=2, seed=2, fixed=False))
    config = LoopConfig(iterations=2, samples=1, repair=0, reask=False)  # the default measurement: counts
    spec = ModelSpec(kind="openai", model="scripted", base_url=f"http://127.0.0.1:{server.server_address[1]}/v1")
    with create_backend(spec) as backend:
        result = run_session(
            data, data.problems, backend, config, tmp_path, starts={"7001": Start(SLOW, "slow")}, split=split
        )
    outcome = result.outcomes[0]
    best = outcome.best_by_iteration
    assert [b.code for b in best] == [SLOW, SLOW, LOOP]  # the reworded copy ties: only the cheaper code wins
    same = outcome.attempts_by_iteration[1][0]
    assert same.metrics["instructions"] is not None and best[0].metrics["instructions"] is not None
    assert abs(same.metrics["instructions"] - best[0].metrics["instructions"]) < 0.05 * best[0].metrics["instructions"]
    assert best[2].metrics["instructions"] < 0.5 * best[0].metrics["instructions"]  # type: ignore[operator]
    assert outcome.gains_checked == 0  # no side-by-side re-measure: a count is the same whenever it is taken
    assert "instruction count" in server.prompts[1] and "instruction count beats" in server.prompts[1]
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["ranking"] == "instructions" and report["headline_score"] == "beyond_c"
    assert (
        report["scores"]["beyond_c"] is not None
        and report["scores"]["beyond_c"] > report["scores_iteration_0"]["beyond_c"]
    )
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["measurement"]["metric"] == "instructions"
