"""Edits instead of whole files: search/replace blocks applied strictly, a failed apply fed back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from afterburner.optimize.edits import apply_edits, parse_edits
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.session import run_session
from afterburner.optimize.starts import Start
from tests.optimize.scripted import ScriptedBackend, clock
from tests.optimize.test_loop import solutions

CODE = (
    "def f(x):\n    total = 0\n    for i in range(x):\n        total += i\n    return total\n\nprint(f(int(input())))\n"
)


def block(search: str, replace: str) -> str:
    return f"<<<<<<< SEARCH\n{search}\n=======\n{replace}\n>>>>>>> REPLACE"


def test_blocks_apply_in_order_and_leave_the_rest_alone() -> None:
    answer = "Plan: use the formula.\n" + block(
        "    total = 0\n    for i in range(x):\n        total += i\n    return total", "    return x * (x - 1) // 2"
    )
    edits = parse_edits(answer)
    assert edits == [
        ("    total = 0\n    for i in range(x):\n        total += i\n    return total", "    return x * (x - 1) // 2")
    ]
    edited = apply_edits(CODE, edits)
    assert edited.code == "def f(x):\n    return x * (x - 1) // 2\n\nprint(f(int(input())))\n" and edited.error == ""


@pytest.mark.parametrize(
    ("edits", "reason"),
    [
        ([("    total = 1", "x")], "block 1 ('total = 1' ...) is not in the current code"),
        ([("total", "t")], "occurs 3 times"),
        ([("    return total", "    return 0"), ("    return total", "    return 1")], "block 2"),
        ([("  \n", "x")], "empty SEARCH"),
    ],
)
def test_an_edit_that_does_not_match_exactly_once_applies_nothing(edits: list[tuple[str, str]], reason: str) -> None:
    edited = apply_edits(CODE, edits)
    assert edited.code is None and edited.error.startswith("edit did not apply: ") and reason in edited.error


def test_the_loop_takes_edits_and_feeds_a_failed_apply_back(tmp_path: Path) -> None:
    dataset, naive, optimal = solutions()
    wrong = block("this line is not in the program", "x = 1")
    whole = f"```python\n{optimal}```"  # an answer without blocks is a whole file
    backend = ScriptedBackend([wrong, whole])
    config = LoopConfig(iterations=1, samples=1, measurement=clock(1), repair=1, reask=False, answer="edit")
    start = {dataset.problems[0].id: Start(naive, "naive")}
    result = run_session(dataset, dataset.problems, backend, config, tmp_path, starts=start)
    failed, repaired = result.outcomes[0].attempts_by_iteration[1]
    assert failed.failure.startswith("edit did not apply: the SEARCH part of block 1") and failed.code == naive
    assert "search/replace blocks" in backend.prompts[0]  # the rewrite was asked for as edits
    assert "edit did not apply" in backend.prompts[1]  # the repair turn saw why
    assert repaired.passed and repaired.code == optimal
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["rewrites"]["failed_by_cause"] == {"edit_failed": 1}


def test_code_in_the_wrong_language_is_not_judged_and_has_its_own_cause(tmp_path: Path) -> None:
    from afterburner.optimize.extract import foreign_language
    from afterburner.optimize.loop import FENCES

    python = FENCES["python"]
    assert foreign_language("```cpp\nint main(){}\n```", python, FENCES) == "cpp"
    assert foreign_language("```cpp\nint x;\n```\n```python\nprint(1)\n```", python, FENCES) is None
    assert foreign_language("```\nprint(1)\n```", python, FENCES) is None  # untagged: may be python
    assert foreign_language("no code at all", python, FENCES) is None
    dataset, naive, optimal = solutions()
    backend = ScriptedBackend(["```js\nconsole.log(1)\n```", f"```python\n{optimal}```"])
    config = LoopConfig(iterations=1, samples=1, measurement=clock(1), repair=1, reask=False)
    start = {dataset.problems[0].id: Start(naive, "naive")}
    result = run_session(dataset, dataset.problems, backend, config, tmp_path, starts=start)
    failed, repaired = result.outcomes[0].attempts_by_iteration[1]
    assert failed.failure == "answer in the wrong language: javascript, asked for python"
    assert repaired.passed and repaired.code == optimal
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["rewrites"]["failed_by_cause"] == {"wrong_language": 1}
