"""The figures a report shows are measured after selection, with the references, not taken from selection."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from afterburner.core.testcase import TestCase
from afterburner.datasets.model import Problem
from afterburner.datasets.profile import SolutionProfile
from afterburner.evaluation.evaluate import BatchMeasurement
from afterburner.judge.executor import JudgeExecutor
from afterburner.judge.measurement import Measurement
from afterburner.optimize import session as session_module
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.session import run_session
from tests.optimize.scripted import clock

from .test_loop import ScriptedBackend, fenced, solutions

SENTINEL = 1000.0  # the re-measured figures are scaled by this, so the test can tell them apart


def test_report_uses_the_remeasured_figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dataset, naive, optimal = solutions()
    batches: list[dict[str, Any]] = []
    real = session_module.measure_with_references

    def tagged(
        problem: Problem,
        language: str,
        codes: Sequence[str],
        tests: Sequence[TestCase],
        measurement: Measurement,
        executor: JudgeExecutor | None = None,
    ) -> BatchMeasurement:
        measured = real(problem, language, codes, tests, measurement, executor)
        batches.append({"problem": problem.id, "codes": list(codes), "references": len(measured.references)})
        scaled = [_scaled(p) for p in measured.candidates]
        return BatchMeasurement(scaled, measured.references)

    monkeypatch.setattr(session_module, "measure_with_references", tagged)
    backend = ScriptedBackend([fenced(naive), fenced(optimal)])
    config = LoopConfig(iterations=1, samples=1, measurement=clock(2))
    result = run_session(dataset, dataset.problems, backend, config, tmp_path)

    # One batch per problem: the distinct winners (naive after iteration 0, optimal after 1) with every reference.
    problem = dataset.problems[0]
    assert batches == [{"problem": problem.id, "codes": [naive, optimal], "references": 8}]
    executions = sorted(result.report.executions, key=lambda e: e.iteration)
    selected = [attempt.metrics["cpu_time"] for attempt in result.outcomes[0].best_by_iteration]
    assert [e.iteration for e in executions] == [0, 1]
    for execution, from_selection in zip(executions, selected, strict=True):
        remeasured = execution.value("cpu_time")
        assert remeasured is not None and from_selection is not None
        assert remeasured > 50 * from_selection  # the scaled re-measurement, not the selection pass
    # References are the re-measured ones of that batch too.
    assert len(result.report.references.values(f"{problem.id}@python", "cpu_time")) == 8
    # The selection passes stay in the trajectories, and the summary says what was reported.
    rows = [json.loads(line) for line in (tmp_path / "trajectories.jsonl").read_text().splitlines()]
    assert rows[1]["attempt"]["measured"]["figures"]["cpu_time"] == pytest.approx(selected[1])
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["measurement"]["final_figures"].startswith("re-measured after selection")
    assert summary["measurement"]["repeat"] == 2 and summary["measurement"]["flaky_when_remeasured"] == []
    assert "placement" in summary["conditions"] and "cores" in summary["conditions"]
    assert summary["selection_pass_scores"]["pass_at_1"] == 1.0
    # Headline scores: the final iteration (1), with iteration 0 beside it, not a pool of both.
    assert summary["scores_of"].startswith("iteration 1 (final)")
    assert summary["scores"] == result.report.iterations[1].as_dict()
    assert summary["scores_iteration_0"] == result.report.iterations[0].as_dict()
    assert summary["selection_pass_scores_iteration_0"]["pass_at_1"] == 1.0
    # The candidates generated in each iteration (one sample each here), as the selection passes measured them.
    assert [[a.code for a in attempts] for attempts in result.outcomes[0].attempts_by_iteration] == [[naive], [optimal]]
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["iterations_are"] == "best so far after iteration i"
    assert report["generated"]["measured"].startswith("selection passes")
    assert [(row["iteration"], row["n"], row["pass_at_1"]) for row in report["generated"]["iterations"]] == [
        (0, 1, 1.0),
        (1, 1, 1.0),
    ]


def _scaled(profile: SolutionProfile) -> SolutionProfile:
    figures = dict(profile.measured.figures)
    figures["cpu_time"] = (figures.get("cpu_time") or 0.0) * SENTINEL
    return dataclasses.replace(profile, measured=dataclasses.replace(profile.measured, figures=figures))
