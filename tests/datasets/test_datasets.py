"""Datasets: the bundled venus-mini, Venus-schema loaders, sandboxed generators, profiling cache."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from afterburner.core.errors import UsageError
from afterburner.datasets.bundled import load_bundled
from afterburner.datasets.check import check_dataset
from afterburner.datasets.model import LANGUAGES, PLACEHOLDER, Dataset, Problem, Solution, Style
from afterburner.datasets.profile import profile_dataset
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import GeneratorError, TestPlan, generate_tests
from afterburner.datasets.venus_schema import dataset_from_rows, read_hub, read_local
from afterburner.judge.measurement import Measurement

GENERATOR = """
import random
def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for _ in range(num_cases):
        a, b = rng.randint(1, 100), rng.randint(1, 100)
        cases.append({"input": f"{a} {b}\\n", "output": f"{a + b}\\n"})
    return cases
"""
EVALUATOR = (
    "def evaluate(expected_output, program_output):\n    return expected_output.split() == program_output.split()\n"
)
RUNNER = "import sys\n" + PLACEHOLDER + "\na, b = map(int, sys.stdin.read().split())\nprint(Solution().add(a, b))\n"


def venus_row(problem_id: int, **changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "problem_id": problem_id,
        "title": "Add",
        "question_content": "Add two numbers.",
        "difficulty": "Easy",
        "tags": ["math"],
        "code_prompt": "class Solution:\n    def add(self, a, b): ...",
        "test_case_generator": GENERATOR,
        "test_case_evaluator": EVALUATOR,
        "test_case_runners": RUNNER,
        "test_cases": json.dumps([{"input": "1 2\n", "output": "3\n"}]),
        "solutions": [
            {
                "code": "class Solution:\n    def add(self, a, b):\n        return a + b\n",
                "status": "success",
                "passed": True,
                "time": 10,
                "memory": 100,
                "integral": 1,
            },
            {
                "code": "class Solution:\n    def add(self, a, b):\n        return sum([a] * 1 + [b])\n",
                "status": "success",
                "passed": True,
                "time": 12,
                "memory": 100,
                "integral": 1,
            },
        ],
    }
    row.update(changes)
    return row


def synthetic(solutions: list[str]) -> Dataset:
    problem = Problem(
        id="9001",
        title="Add",
        description="Add two numbers.",
        difficulty="Easy",
        style=Style.PROGRAM,
        generator=GENERATOR,
        evaluator=EVALUATOR,
        solutions=tuple(Solution("python", code, f"s{i}", "test") for i, code in enumerate(solutions)),
    )
    return Dataset("synthetic", (problem,))


def test_bundled_dataset_meets_its_promises() -> None:
    dataset = load_bundled()
    assert dataset.issues == ()
    assert len(dataset.problems) >= 40
    styles = {p.style for p in dataset.problems}
    assert styles == {Style.PROGRAM, Style.FUNCTION}
    for problem in dataset.problems:
        assert len(problem.solutions_in("python")) >= 6, problem.id
        assert problem.tests and problem.description.strip()
        assert set(problem.starters) == set(LANGUAGES), problem.id
    polyglot = [p for p in dataset.problems if all(len(p.solutions_in(lang)) >= 3 for lang in LANGUAGES[1:])]
    assert len(polyglot) >= 12
    assert {p.style for p in polyglot} == {Style.PROGRAM, Style.FUNCTION}
    for problem in polyglot:
        if problem.style is Style.FUNCTION:
            assert set(problem.runners) == set(LANGUAGES)


def test_function_style_source_is_the_runner_with_the_code_pasted_in() -> None:
    problem = dataset_from_rows([venus_row(1)], "rows").problems[0]
    pasted = problem.program_source("python", "class Solution: pass")
    source = pasted.text
    assert PLACEHOLDER not in source and "class Solution: pass" in source and source.startswith("import sys")
    assert source.splitlines()[pasted.offset] == "class Solution: pass"
    with pytest.raises(KeyError):
        problem.program_source("rust", "")


def test_local_jsonl_and_parquet_in_the_venus_schema(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [venus_row(1), venus_row(2)]
    jsonl = tmp_path / "venus.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in rows))
    parquet = tmp_path / "venus.parquet"
    pq.write_table(pa.Table.from_pylist(rows), parquet)
    from_jsonl, from_parquet = read_local(jsonl), read_local(parquet)
    assert [p.id for p in from_jsonl.problems] == ["1", "2"] == [p.id for p in from_parquet.problems]
    assert from_jsonl.problems[0].style is Style.FUNCTION
    assert len(from_parquet.problems[1].solutions) == 2 and not from_parquet.issues
    assert load_dataset(str(jsonl)).problems == from_jsonl.problems


def test_malformed_rows_are_reported_with_id_and_reason() -> None:
    rows = [
        venus_row(1),
        venus_row(2, test_case_generator=None),
        venus_row(3, test_case_runners="print('no placeholder')"),
        venus_row(4, test_cases="{not json"),
        {"question_id": 5, "name": "raw", "content": "raw venus row", "rt_list": [{"code": "x"}]},
    ]
    dataset = dataset_from_rows(rows, "rows")
    reasons = {issue.problem_id: issue.reason for issue in dataset.issues}
    assert [p.id for p in dataset.problems] == ["1", "3"]
    assert "test_case_generator" in reasons["2"]
    assert "placeholder" in reasons["3"].lower() or PLACEHOLDER in reasons["3"]
    assert "4" in reasons and "5" in reasons


def test_hub_loading_needs_the_datasets_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "datasets", None)  # `import datasets` now raises ImportError
    with pytest.raises(UsageError, match="datasets"):
        read_hub("Elfsong/Venus_Python")


def test_unknown_dataset_spec() -> None:
    with pytest.raises(UsageError):
        load_dataset("no-such-dataset")


def test_generators_run_sandboxed_deterministic_and_sized() -> None:
    problem = load_bundled().get("1")
    first = generate_tests(problem, 4, 7, 0.05, use_cache=False)
    assert first == generate_tests(problem, 4, 7, 0.05, use_cache=False)
    assert first != generate_tests(problem, 4, 8, 0.05, use_cache=False)
    assert len(first) == 4 and all(t.input and t.output for t in first)
    broken = synthetic([]).problems[0]
    broken = Problem(
        **{**broken.__dict__, "generator": "def generate_test_cases(n, seed):\n    raise ValueError('boom')\n"}
    )
    with pytest.raises(GeneratorError, match="9001"):
        generate_tests(broken, 2, 1, use_cache=False)


def test_profile_is_cached_and_resumes() -> None:
    dataset = synthetic(
        [
            "a, b = map(int, input().split())\nprint(a + b)\n",
            "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n",
        ]
    )
    plan = TestPlan(num_cases=3, seed=1)
    first = profile_dataset(dataset, workers=2, measurement=Measurement(2), plan=plan)
    assert first.measured == 2 and all(p.passed and p.cpu_time and p.instructions for p in first.profiles)
    second = profile_dataset(dataset, workers=2, measurement=Measurement(2), plan=plan)
    assert second.measured == 0 and second.profiles == first.profiles
    fresh = profile_dataset(dataset, workers=1, measurement=Measurement(2), plan=plan, use_cache=False)
    assert fresh.measured == 2


def test_check_reports_a_failing_reference() -> None:
    dataset = synthetic(["print(0)\n", "a, b = map(int, input().split())\nprint(a + b)\n"])
    issues, run = check_dataset(dataset, workers=1, plan=TestPlan(num_cases=2, seed=3))
    assert [p.verdict for p in run.profiles] == ["WA", "AC"]
    assert len(issues) == 1 and "s0" in issues[0].reason and issues[0].problem_id == "9001"
