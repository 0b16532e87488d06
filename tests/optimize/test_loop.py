"""The loop's mechanics with a scripted model: keep-best, feedback in prompts, trajectories, resume.

The model here is a test double that answers from a script, so the assertions are exact; the
real models drive the same code in tests/models and benchmarks/optimize.py.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from afterburner.datasets.bundled import load_bundled
from afterburner.datasets.model import Dataset
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.session import run_session
from tests.optimize.scripted import ScriptedBackend, clock, fenced


def solutions() -> tuple[Dataset, str, str]:
    dataset = load_bundled()
    problem = dataset.get("2")
    by_label = {s.label: s.code for s in problem.solutions_in("python")}
    return Dataset(dataset.name, (problem,)), by_label["naive"], by_label["optimal"]


def test_loop_keeps_the_best_and_feeds_back(tmp_path: Path) -> None:
    dataset, naive, optimal = solutions()
    backend = ScriptedBackend(
        [
            fenced(naive),
            fenced("print(0)\n"),
            fenced(optimal),
            "Sorry, no code today.",
            fenced("print(1)\n"),
            fenced(naive),
        ]
    )
    config = LoopConfig(iterations=2, samples=2, measurement=clock(3), repair=0, reask=False)
    result = run_session(dataset, dataset.problems, backend, config, tmp_path)
    best = result.outcomes[0].best_by_iteration
    assert [b.passed for b in best] == [True, True, True]
    assert best[0].code == naive and best[1].code == optimal and best[2].code == optimal
    assert best[1].metrics["cpu_time"] < best[0].metrics["cpu_time"]  # type: ignore[operator]
    # The prompt of iteration 1 shows the best code so far, its measurements and percentiles.
    assert naive.strip().splitlines()[1] in backend.prompts[1] and "passed all tests: yes" in backend.prompts[1]
    assert "Compared with reference solutions" in backend.prompts[1]
    rows = [json.loads(line) for line in (tmp_path / "trajectories.jsonl").read_text().splitlines()]
    assert [(r["iteration"], r["sample_id"], r["verdict"]) for r in rows] == [
        (0, 0, "AC"),
        (0, 1, "WA"),
        (1, 0, "AC"),
        (1, 1, "CE"),
        (2, 0, "WA"),
        (2, 1, "AC"),
    ]
    assert all(r["prompt_hash"] and r["completion_tokens"] == 50 for r in rows)
    iterations = {row["iteration"]: row for row in json.loads((tmp_path / "report.json").read_text())["iterations"]}
    assert iterations[0]["pass_at_1"] == iterations[2]["pass_at_1"] == 1.0
    assert iterations[2]["beyond_t"] >= iterations[0]["beyond_t"]
    assert (tmp_path / "best.jsonl").read_text().count("\n") == 3


def test_loop_resumes_from_its_trajectory(tmp_path: Path) -> None:
    dataset, naive, optimal = solutions()
    first = ScriptedBackend([fenced(naive), fenced(optimal)])
    run_session(
        dataset, dataset.problems, first, LoopConfig(iterations=1, samples=1, measurement=clock(1), repair=0), tmp_path
    )
    assert first.answers == []
    second = ScriptedBackend([fenced("print(0)\n")])
    started = time.monotonic()
    result = run_session(
        dataset, dataset.problems, second, LoopConfig(iterations=2, samples=1, measurement=clock(1), repair=0), tmp_path
    )
    assert len(second.prompts) == 1 and second.answers == []  # only iteration 2 was generated
    assert optimal.strip().splitlines()[1] in second.prompts[0]
    assert result.outcomes[0].best_by_iteration[-1].code == optimal
    assert time.monotonic() - started < 120
