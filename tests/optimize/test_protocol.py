"""The paper's protocol and the turns that make candidates count: start from slow code, repair, re-ask.

A scripted model answers, so every assertion is exact; the judge is the real sandbox.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from afterburner.core.errors import UsageError
from afterburner.datasets.bundled import load_bundled
from afterburner.datasets.model import Dataset
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.precheck import python_precheck
from afterburner.optimize.selection import NoisePolicy, Standing, parse_objectives, replaces
from afterburner.optimize.session import run_session
from tests.optimize.scripted import ScriptedBackend, clock, fenced

BROKEN = "import sys\nn = int(sys.stdin.read())\nheap = []\nheapq.heappush(heap, n)\nprint(heap[0])\n"


def problem_2() -> tuple[Dataset, dict[str, str]]:
    dataset = load_bundled()
    problem = dataset.get("2")
    return Dataset(dataset.name, (problem,)), {s.label: s.code for s in problem.solutions_in("python")}


def rows(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / "trajectories.jsonl").read_text().splitlines()]


def test_start_from_a_label_repairs_a_failed_rewrite_and_reports_the_speedup(tmp_path: Path) -> None:
    dataset, codes = problem_2()
    backend = ScriptedBackend([fenced(BROKEN), fenced(codes["optimal"])])
    config = LoopConfig(iterations=1, samples=1, measurement=clock(3), repair=1)
    result = run_session(dataset, dataset.problems, backend, config, tmp_path, start_from="naive")
    outcome = result.outcomes[0]
    assert outcome.best_by_iteration[0].code == codes["naive"]  # the start, measured as iteration 0
    assert outcome.best_by_iteration[1].code == codes["optimal"]  # the repair passed and was faster
    assert outcome.turns_by_iteration == [["original"], ["draft", "repair"]]
    # The draft was rejected without a run, and the repair prompt showed its code and its error.
    draft = outcome.attempts_by_iteration[1][0]
    assert draft.verdict == "CE" and "heapq" in draft.failure and "static check" in draft.failure
    assert "heapq.heappush(heap, n)" in backend.prompts[1] and "undefined name 'heapq'" in backend.prompts[1]
    assert "your rewrite of a correct solution" in backend.prompts[1]
    assert [(r["iteration"], r["sample_id"], r.get("turn"), r.get("repair_of")) for r in rows(tmp_path)] == [
        (0, 0, None, None),
        (1, 0, "draft", None),
        (1, 1, "repair", 0),
    ]
    change = result.report.changes[0]
    assert change.start_label == "reference naive" and change.changed and change.improved
    assert change.speedup is not None and change.speedup > 1.5  # re-measured, not the selection passes
    assert change.start_percentiles["cpu_time"] is not None
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["rewrites"]["repairs"] == {"turns": 1, "passed": 1, "faster_than_best": 1}
    assert summary["rewrites"]["failed_by_cause"] == {"precheck": 1}
    assert result.report.speedups is not None and result.report.speedups.improved == 1


def test_start_from_slowest_and_reask_without_code(tmp_path: Path) -> None:
    dataset, codes = problem_2()
    backend = ScriptedBackend(["I would use a sieve.", fenced(codes["optimal"])])
    config = LoopConfig(iterations=1, samples=1, measurement=clock(1), repair=0)
    result = run_session(dataset, dataset.problems, backend, config, tmp_path, start_from="slowest")
    change = result.report.changes[0]
    assert change.start_label.endswith("(slowest)")
    slowest = change.start_label.split()[1]
    assert change.start_code == codes[slowest]
    assert result.outcomes[0].turns_by_iteration[1] == ["draft", "reask"]
    assert result.outcomes[0].best_by_iteration[1].code == codes["optimal"]
    run = json.loads((tmp_path / "run.json").read_text())
    assert list(run["originals"]) == ["2"]  # a resumed run must start from the same code


def test_start_from_file_and_bad_starts(tmp_path: Path) -> None:
    dataset, codes = problem_2()
    start = tmp_path / "start.jsonl"
    start.write_text(json.dumps({"problem_id": "2", "code": codes["better"]}) + "\n")
    config = LoopConfig(iterations=0, samples=1, measurement=clock(1))
    result = run_session(dataset, dataset.problems, ScriptedBackend([]), config, tmp_path / "a", start_from=str(start))
    assert result.outcomes[0].best_by_iteration[0].code == codes["better"]
    assert result.report.changes[0].start_label == "file start.jsonl"
    with pytest.raises(UsageError, match="labelled 'fastest'"):
        run_session(dataset, dataset.problems, ScriptedBackend([]), config, tmp_path / "b", start_from="fastest")
    start.write_text(json.dumps({"problem_id": "9", "code": "x"}) + "\n")
    with pytest.raises(UsageError, match="no python row for problem"):
        run_session(dataset, dataset.problems, ScriptedBackend([]), config, tmp_path / "c", start_from=str(start))


def test_precheck_rejects_only_code_that_cannot_run() -> None:
    dataset = load_bundled()
    program, function = dataset.get("2"), dataset.get("1")
    assert "undefined name 'heapq' (line 4: heapq.heappush(heap, n))" in python_precheck(program, BROKEN)
    assert "SyntaxError" in python_precheck(program, "def f(:\n    pass\n")
    assert python_precheck(program, "import heapq\n" + BROKEN) == ""
    assert python_precheck(program, "try:\n    import numpy\nexcept ImportError:\n    numpy = None\nprint(1)\n") == ""
    # Function style: the runner's imports count (it star-imports typing and imports heapq).
    code = (
        "class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n"
        "        return heapq.nsmallest(2, nums)\n"
    )
    assert python_precheck(function, code) == ""


def test_more_than_one_objective_guards_the_others() -> None:
    assert parse_objectives("time,memory") == ("time", "memory")
    for bad in ("speed", "time,time", ""):
        with pytest.raises(ValueError):
            parse_objectives(bad)
    policy = NoisePolicy()
    best = Standing(True, 5, [1.0, 1.01, 0.99], guards=([100.0, 100.0, 100.0],))
    faster_same_memory = Standing(True, 5, [0.5, 0.51, 0.49], guards=([100.0, 100.5, 100.0],))
    faster_more_memory = Standing(True, 5, [0.5, 0.51, 0.49], guards=([150.0, 151.0, 150.0],))
    assert replaces(faster_same_memory, best, policy)
    assert not replaces(faster_more_memory, best, policy)
    # One objective: memory does not count.
    assert replaces(Standing(True, 5, [0.5, 0.51, 0.49]), Standing(True, 5, [1.0, 1.01, 0.99]), policy)
    with pytest.raises(UsageError, match="objective"):
        LoopConfig(objective="time,speed")
    assert LoopConfig(objective="time,memory").primary_metric == "instructions"  # counts decide by default
    assert LoopConfig(objective="time,memory", measurement=clock()).primary_metric == "cpu_time"
