"""Other benchmarks' rows (written here, in each format) load as Problems that judge, profile and split."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from afterburner.datasets.judging import judge_solution
from afterburner.datasets.model import Problem, Style
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import TestSplit
from tests.cli.test_cli import afterburner

SUM_PY = "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n"
SUM_CPP = "#include <iostream>\nint main(){long long a,s=0;while(std::cin>>a)s+=a;std::cout<<s<<std::endl;}\n"


def write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    return path


def sums(count: int, start: int = 1) -> tuple[list[str], list[str]]:
    inputs = [f"{n} {n + 1} {n + 2}\n" for n in range(start, start + count)]
    return inputs, [f"{3 * n + 3}\n" for n in range(start, start + count)]


def judged_on_both_splits(problem: Problem, code: str, language: str = "python") -> None:
    split = TestSplit()
    feedback, scoring = split.feedback.tests(problem), split.scoring_tests(problem)
    assert feedback and scoring and not {t.input for t in feedback} & {t.input for t in scoring}
    for tests in (feedback, scoring):
        result = judge_solution(problem, language, code, tests)
        assert result.passed, result.first_failure


def test_apps_rows(tmp_path: Path) -> None:
    inputs, outputs = sums(6)
    rows = [
        {"problem_id": 7, "question": "Sum the numbers.", "difficulty": "introductory",
         "solutions": json.dumps([SUM_PY]), "input_output": json.dumps({"inputs": inputs, "outputs": outputs})},
        {"problem_id": 8, "question": "Call me.", "solutions": "[]",
         "input_output": json.dumps({"inputs": [[1]], "outputs": [2], "fn_name": "f"})},
    ]  # fmt: skip
    dataset = load_dataset(f"apps:{write(tmp_path / 'apps.jsonl', rows)}")
    assert [p.id for p in dataset.problems] == ["7"] and dataset.problems[0].style is Style.PROGRAM
    assert any(i.problem_id == "8" and "fn_name" in i.reason for i in dataset.issues)
    judged_on_both_splits(dataset.problems[0], dataset.problems[0].solutions[0].code)


def test_code_contests_rows(tmp_path: Path) -> None:
    public, private = sums(1), sums(5, start=10)
    row = {
        "name": "1A. Sum", "description": "Sum the numbers.", "difficulty": 1,
        "public_tests": {"input": public[0], "output": public[1]},
        "private_tests": {"input": private[0], "output": private[1]},
        "generated_tests": {"input": [], "output": []},
        "solutions": {"language": [3, 2, 4], "solution": [SUM_PY, SUM_CPP, "class X {}"]},
    }  # fmt: skip
    problem = load_dataset(f"codecontests:{write(tmp_path / 'cc.jsonl', [row])}").problems[0]
    assert [s.language for s in problem.solutions] == ["python", "cpp"]  # Java names its own class: left out
    assert problem.tests[0].input == public[0][0]
    judged_on_both_splits(problem, SUM_PY)
    judged_on_both_splits(problem, SUM_CPP, "cpp")


def test_evalplus_rows_get_outputs_from_the_canonical_solution(tmp_path: Path) -> None:
    row = {
        "task_id": "HumanEval/0", "entry_point": "add", "prompt": "def add(a, b):\n    \"\"\"Add.\"\"\"\n",
        "canonical_solution": "    return a + b\n", "base_input": [[1, 2], [3, 4]],
        "plus_input": [[10, 20], [0.5, 0.25]], "atol": 1e-9,
    }  # fmt: skip
    problem = load_dataset(f"evalplus:{write(tmp_path / 'he.jsonl', [row])}").problems[0]
    assert problem.style is Style.FUNCTION and problem.languages == ["python"]
    judged_on_both_splits(problem, "def add(a, b):\n    return b + a\n")
    wrong = judge_solution(problem, "python", "def add(a, b):\n    return a - b\n", TestSplit().scoring_tests(problem))
    assert not wrong.passed


def test_leetcode_rows_call_the_method_with_keywords(tmp_path: Path) -> None:
    completion = "class Solution:\n    def addTwo(self, a: int, b: List[int]) -> int:\n        return a + sum(b)\n"
    cases = [{"input": f"a = {n}, b = [{n}, 1]", "output": str(2 * n + 1)} for n in range(4)]
    row = {
        "task_id": "add-two", "question_id": 1, "difficulty": "Easy", "tags": ["Math"],
        "problem_description": "Add.", "starter_code": "class Solution:\n    def addTwo(self, a, b):\n",
        "prompt": "from typing import List\n", "completion": completion, "entry_point": "Solution().addTwo",
        "input_output": cases,
    }  # fmt: skip
    bad = {**row, "task_id": "broken", "input_output": [{"input": "a = ", "output": "1"}] * 2}
    dataset = load_dataset(f"leetcode:{write(tmp_path / 'lc.jsonl', [row, bad])}")
    assert [p.id for p in dataset.problems] == ["add-two"] and dataset.issues[0].problem_id == "broken"
    judged_on_both_splits(dataset.problems[0], completion)


def test_mercury_rows_keep_every_human_solution(tmp_path: Path) -> None:
    slow = "class Solution:\n    def total(self, n: int) -> int:\n        return sum(range(n + 1))\n"
    fast = "class Solution:\n    def total(self, n: int) -> int:\n        return n * (n + 1) // 2\n"
    cases = [{"input": {"n": n}, "expected_output": n * (n + 1) // 2} for n in (5, 100, 7, 1000)]
    row = {
        "slug_name": "total", "pretty_content": ["Sum 0..n."], "difficulty": "Easy",
        "solutions": [{"runtime": "40 ms", "solution": slow}, {"runtime": "30 ms", "solution": fast}],
        "prompt": "class Solution:\n    def total(self, n: int) -> int:\n", "entry_point": "total",
        "test_cases": json.dumps(cases),
    }  # fmt: skip
    problem = load_dataset(f"mercury:{write(tmp_path / 'm.jsonl', [row])}").problems[0]
    assert len(problem.solutions) == 2 and problem.starters["python"].startswith("class Solution")
    judged_on_both_splits(problem, slow)
    judged_on_both_splits(problem, fast)


def test_effibench_rows(tmp_path: Path) -> None:
    canonical = (
        "class Solution:\n    def double(self, xs: List[int]) -> List[int]:\n        return [2 * x for x in xs]\n"
    )
    cases = [{"input": [[n, n + 1]], "output": [2 * n, 2 * n + 2]} for n in range(4)]
    row = {"problem_idx": 3, "task_name": "double", "markdown_description": "Double each.",
           "canonical_solution": canonical, "test_case": cases}  # fmt: skip
    problem = load_dataset(f"effibench:{write(tmp_path / 'e.jsonl', [row])}").problems[0]
    judged_on_both_splits(problem, canonical)


def test_too_few_tests_is_an_issue_and_profile_works_through_the_cli(tmp_path: Path) -> None:
    inputs, outputs = sums(4)
    rows = [
        {"problem_id": 1, "question": "Sum.", "solutions": json.dumps([SUM_PY]),
         "input_output": {"inputs": inputs, "outputs": outputs}},
        {"problem_id": 2, "question": "Sum.", "solutions": "[]",
         "input_output": {"inputs": inputs[:1], "outputs": outputs[:1]}},
    ]  # fmt: skip
    path = write(tmp_path / "apps.jsonl", rows)
    assert "at least 2" in load_dataset(f"apps:{path}").issues[0].reason
    done = afterburner("data", "profile", f"apps:{path}", "--repeat", "1", "--json")
    assert done.returncode == 0, done.stderr
    assert '"AC"' in done.stdout


@pytest.mark.parametrize("spec", ["apps:missing.jsonl", "mercury:data.csv"])
def test_bad_format_files_are_usage_errors(spec: str, tmp_path: Path) -> None:
    from afterburner.core.errors import UsageError

    (tmp_path / "data.csv").write_text("x")
    with pytest.raises(UsageError):
        load_dataset(spec.replace("data.csv", str(tmp_path / "data.csv")))
