"""LeetCodeDataset rows shaped exactly like the released exports (field names, nesting, string forms).

The v0.2/v0.3 exports (`problem_description`, `starter_code`, `input_output` with `str(result)` outputs,
the harness's failures recorded as outputs) and the v0.1.0 export (`query` and `meta`, LeetCode's
examples written in JSON). The content is our own small problems.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from afterburner.core.errors import UsageError
from afterburner.datasets.formats.common import read_rows
from afterburner.datasets.model import clip_keeping_last_line
from afterburner.datasets.registry import load_dataset
from tests.cli.test_cli import afterburner
from tests.datasets.test_formats import judged_on_both_splits, write

# The `prompt` of the released rows: imports, then LeetCode's node helpers.
PROMPT = (
    "import random\nimport functools\nimport collections\nimport string\nimport math\nimport datetime\n\n"
    "from typing import *\nfrom functools import *\nfrom collections import *\nfrom itertools import *\n"
    "from heapq import *\nfrom bisect import *\nfrom string import *\nfrom operator import *\nfrom math import *\n\n"
    "inf = float('inf')\n\nclass ListNode:\n    def __init__(self, val=0, next=None):\n        self.val = val\n"
    "        self.next = next\n"
)
STARTER = "class Solution:\n    def largestDigits(self, nums: List[int], k: int) -> str:\n        "
COMPLETION = (
    "class Solution:\n    def largestDigits(self, nums: List[int], k: int) -> str:\n"
    "        return ''.join(map(str, sorted(nums, reverse=True)[:k]))\n"
)


def v03_row(task_id: str, cases: list[dict[str, str]], **fields: Any) -> dict[str, Any]:
    """A row with every field of LeetCodeDataset-v0.3.1-test, in its order and string forms."""
    row = {
        "task_id": task_id,
        "question_id": 9001,
        "difficulty": "Easy",
        "tags": ["Array", "Sorting"],
        "problem_description": "Return the k largest digits of nums, largest first, as one string.",
        "starter_code": STARTER,
        "estimated_date": "2024-08-04",
        "prompt": PROMPT,
        "completion": COMPLETION,
        "entry_point": "Solution().largestDigits",
        "test": 'def check(candidate):\n    assert candidate(nums = [1, 9, 3],k = 2) == "93"\n',
        "input_output": cases,
        "query": "You are an expert Python programmer. ...",
        "response": "To solve the problem ...",
    }
    return {**row, **fields}


GOOD = [
    {"input": "nums = [1,9,3], k = 2", "output": "93"},  # str(result): an unquoted string, numeric here
    {"input": "nums = [5,5,0], k = 3", "output": "550"},
    {"input": "nums = [7], k = 1", "output": "7"},
    {"input": "nums = [2,8,4,6], k = 2", "output": "86"},
]


def test_v03_rows_drop_recorded_failures_and_unreadable_cases_not_the_row(tmp_path: Path) -> None:
    cases = [
        GOOD[0],
        {"input": "nums = [1,2], k = 5", "output": "Error: list index out of range"},
        GOOD[1],
        {"input": "nums = [1] * 100000, k = 3", "output": "111"},  # an expression, not a literal
        {"input": "[3, 4]", "output": "4"},  # one bare value for two parameters: not `name = value`
        GOOD[2],
        {"input": "nums = [9,9,9], k = 3", "output": "Execution timed out"},
        {"input": "nums = [0101], k = 1", "output": "1"},  # not even Python
        GOOD[3],
    ]
    dataset = load_dataset(f"leetcode:{write(tmp_path / 'lc.jsonl', [v03_row('largest-digits', cases)])}")
    (problem,) = dataset.problems
    reasons = [i.reason for i in dataset.issues]
    assert all(i.problem_id == "largest-digits" for i in dataset.issues)
    assert any(r.startswith("2 of 9 test cases dropped") and "(cases 1, 6)" in r for r in reasons), reasons
    assert any(r.startswith("test case dropped: case 3:") and "expression: BinOp" in r for r in reasons)
    assert any(r.startswith("test case dropped: case 4:") and "not `name = value" in r for r in reasons)
    assert any(r.startswith("test case dropped: case 7:") and "leading zeros" in r for r in reasons)
    assert not any("0x" in r or "<ast" in r for r in reasons), reasons
    assert problem.difficulty == "Easy" and problem.tags == ("Array", "Sorting") and problem.starters
    # The unquoted string outputs ('93') match the reference's string results; nothing else is a test.
    judged_on_both_splits(problem, COMPLETION)


def test_the_rows_environment_runs_in_the_runner_and_the_solution_is_the_completion_alone(tmp_path: Path) -> None:
    # Every row's `prompt` is the same fixed environment (imports, `inf`, node helpers): a model is shown
    # and rewrites the solution alone, and a rewrite that uses the environment's names still runs.
    (problem,) = load_dataset(f"leetcode:{write(tmp_path / 'lc.jsonl', [v03_row('largest-digits', GOOD)])}").problems
    (reference,) = problem.solutions
    assert reference.code == COMPLETION and "ListNode" not in reference.code
    assert "class ListNode" in problem.runners["python"]
    pasted = problem.program_source("python", COMPLETION)
    assert pasted.text.splitlines()[pasted.offset] == COMPLETION.splitlines()[0]  # error lines map to the code
    uses_environment = COMPLETION.replace("return ''", "assert ListNode(1).val == 1 and inf > 0\n        return ''")
    judged_on_both_splits(problem, uses_environment)


def test_a_row_left_with_too_few_tests_is_refused_with_its_reasons(tmp_path: Path) -> None:
    failures = [{"input": f"nums = [{n}], k = 1", "output": "Error: pow expected 2 arguments, got 3"} for n in range(5)]
    rows = [
        v03_row("all-failed", [*failures, GOOD[0]]),
        v03_row("no-fields", GOOD, problem_description=None),
    ]
    del rows[1]["problem_description"], rows[1]["query"], rows[1]["completion"]
    dataset = load_dataset(f"leetcode:{write(tmp_path / 'lc.jsonl', rows)}")
    assert dataset.problems == ()
    refused = {i.problem_id: i.reason for i in dataset.issues}
    assert "1 usable test(s)" in refused["all-failed"] and "5 of 6 test cases dropped" in refused["all-failed"]
    assert "lacks completion, problem_description (v0.2/v0.3) or query and meta (v0.1.0)" in refused["no-fields"]


def test_tree_and_list_node_problems_are_refused_clearly(tmp_path: Path) -> None:
    completion = (
        "class Solution:\n    def depth(self, root: Optional[TreeNode]) -> int:\n"
        "        return 0 if root is None else 1 + max(self.depth(root.left), self.depth(root.right))\n"
    )
    cases = [{"input": "root = [3,9,20,null,null,15,7]", "output": "3"}, {"input": "root = [1]", "output": "1"}]
    row = v03_row("depth", cases, completion=completion, entry_point="Solution().depth")
    dataset = load_dataset(f"leetcode:{write(tmp_path / 'lc.jsonl', [row])}")
    assert dataset.problems == () and "TreeNode/ListNode (root)" in dataset.issues[0].reason


def test_the_v010_export_with_query_and_meta_loads(tmp_path: Path) -> None:
    completion = (
        "class Solution:\n    def isOdd(self, n: int, word: str) -> List[Any]:\n        return [n % 2 == 1, word]\n"
    )
    row = {
        "task_id": "is-odd",
        "prompt": "from typing import *\n\nfrom collections import *\nimport math\ninf = float('inf')\n",
        "completion": completion,
        "entry_point": "Solution().isOdd",
        "test": 'def check(candidate):\n    assert candidate(n = 3, word = "a") == [True, "a"]\n',
        "query": "Tell whether n is odd.\nPlease complete the following python code precisely:\n```python\n...```",
        "response": "Here is the code ...",
        "input_output": [
            *(
                {"input": f'n = {n}, word = "w{n}"', "output": f'[{"true" if n % 2 else "false"},"w{n}"]'}
                for n in range(4)
            ),
            {"input": '5, "w5"', "output": '[true,"w5"]'},  # a bare value per parameter, as some examples are
        ],
        "meta": {
            "question_id": 7,
            "difficulty": "Easy",
            "lang_code": "class Solution:\n    def isOdd(self, n: int, word: str) -> List[Any]:\n        ",
            "question_title": 'Tell whether n is odd, and echo word.\nExample 1:\nInput: n = 3\nOutput: [true,"w3"]',
            "tags": ["Math"],
            "estimated_date": "2015-08-07",
        },
    }
    (problem,) = load_dataset(f"leetcode:{write(tmp_path / 'v010.jsonl', [row])}").problems
    assert problem.difficulty == "Easy" and problem.tags == ("Math",) and "isOdd" in problem.starters["python"]
    assert problem.description.startswith("Tell whether n is odd, and echo word.")
    assert "w5" in problem.generator  # the positional example is a test too
    judged_on_both_splits(problem, completion)  # JSON outputs (true, "w3") read as the Python values


def test_gzipped_jsonl_and_json_files_load_and_bad_ones_are_usage_errors(tmp_path: Path) -> None:
    rows = [v03_row("largest-digits", GOOD)]
    jsonl = tmp_path / "lc.jsonl.gz"
    jsonl.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    listed = tmp_path / "lc.json.gz"
    listed.write_bytes(gzip.compress(json.dumps(rows).encode()))
    assert read_rows(jsonl) == read_rows(listed) == rows
    assert [p.id for p in load_dataset(f"leetcode:{jsonl}").problems] == ["largest-digits"]
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(b"not gzip")
    with pytest.raises(UsageError, match="cannot read"):
        read_rows(broken)
    bad_line = tmp_path / "bad.jsonl"
    bad_line.write_text('{"task_id": "a"}\n{oops\n')
    with pytest.raises(UsageError, match=r"bad.jsonl:2"):
        read_rows(bad_line)


def test_issue_text_keeps_the_last_line_and_json_keeps_all_of_it(tmp_path: Path) -> None:
    long = "Traceback (most recent call last):\n" + "  File 'x.py', line 1, in f\n" * 40 + "ValueError: the cause"
    clipped = clip_keeping_last_line(long, 400)
    assert len(clipped) <= 400 and clipped.endswith("ValueError: the cause")
    cases = [{"input": f"nums = [1] * {n}, k = 1", "output": "1"} for n in range(30)]
    cases[-1] = {"input": "nums = [0101], k = 1", "output": "1"}
    path = write(tmp_path / "lc.jsonl", [v03_row("many", cases)])
    done = afterburner("data", "list", f"leetcode:{path}", "--json")
    assert done.returncode == 0, done.stderr
    (issue,) = json.loads(done.stdout)["issues"]
    assert len(issue) > 2000 and issue.endswith("use an 0o prefix for octal integers)"), issue[-300:]
