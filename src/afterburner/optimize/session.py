"""An optimization session over a dataset: references, tests, the loop, and the summary."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from afterburner.datasets.model import Dataset, Problem
from afterburner.datasets.profile import TestPlan, profile_dataset
from afterburner.datasets.testgen import problem_tests
from afterburner.evaluation.evaluate import key, references_from
from afterburner.evaluation.metrics import Execution, References
from afterburner.evaluation.report import EvaluationReport, build_report, write_report
from afterburner.models.base import Backend
from afterburner.optimize.loop import LoopConfig, ProblemOutcome, optimize_many
from afterburner.optimize.trajectory import TrajectoryLog


@dataclass
class SessionResult:
    outcomes: list[ProblemOutcome]
    report: EvaluationReport
    timings: dict[str, float]
    paths: dict[str, Path]


def best_so_far_executions(outcomes: Sequence[ProblemOutcome], language: str) -> list[Execution]:
    """One execution per problem and iteration: the best solution after that iteration."""
    executions = []
    for outcome in outcomes:
        for iteration, attempt in enumerate(outcome.best_by_iteration):
            metrics = attempt.metrics if attempt.passed else {}
            executions.append(
                Execution(
                    problem_id=key(outcome.problem_id, language),
                    passed=attempt.passed,
                    cpu_time=metrics.get("cpu_time"),
                    peak_memory=metrics.get("peak_memory"),
                    memory_integral=metrics.get("memory_integral"),
                    iteration=iteration,
                    language=language,
                )
            )
    return executions


def _write_best(path: Path, outcomes: Sequence[ProblemOutcome], language: str) -> None:
    with path.open("w") as handle:
        for outcome in outcomes:
            for iteration, attempt in enumerate(outcome.best_by_iteration):
                row = {
                    "problem_id": outcome.problem_id,
                    "language": language,
                    "iteration": iteration,
                    "sample_id": 0,
                    "code": attempt.code or "",
                    "verdict": attempt.verdict,
                }
                handle.write(json.dumps(row) + "\n")


def run_session(
    dataset: Dataset,
    problems: Sequence[Problem],
    backend: Backend,
    config: LoopConfig,
    out_dir: Path,
    parallel: int = 2,
    originals: dict[str, str] | None = None,
    on_event: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> SessionResult:
    """Profile the references, run the loop on every problem, summarize per iteration."""
    started = time.monotonic()
    out_dir.mkdir(parents=True, exist_ok=True)
    chosen = Dataset(dataset.name, tuple(problems))
    profile = profile_dataset(
        chosen, workers=2, repeat=config.repeat, languages=[config.language], on_progress=on_progress
    )
    references: References = references_from(profile.profiles)
    plan = TestPlan()
    tests = {p.id: problem_tests(p, plan.num_cases, plan.seed, plan.size) for p in problems}
    reference_seconds = time.monotonic() - started
    log = TrajectoryLog(out_dir / "trajectories.jsonl")
    loop_started = time.monotonic()
    outcomes = optimize_many(problems, backend, tests, references, config, log, parallel, originals, on_event)
    loop_seconds = time.monotonic() - loop_started
    _write_best(out_dir / "best.jsonl", outcomes, config.language)
    executions = best_so_far_executions(outcomes, config.language)
    report = build_report(dataset.name, executions, references)
    paths = write_report(report, out_dir)
    generation = sum(o.generation_seconds for o in outcomes)
    judge = sum(o.judge_seconds for o in outcomes)
    busy = sum(o.total_seconds for o in outcomes)
    timings = {
        "reference_seconds": reference_seconds,
        "loop_seconds": loop_seconds,
        "generation_seconds": generation,
        "judge_seconds": judge,
        "problem_seconds": busy,
        "completion_tokens": float(sum(o.completion_tokens for o in outcomes)),
        # Time inside the per-problem loops spent neither generating nor judging: our overhead.
        "loop_overhead_share": max(0.0, busy - generation - judge) / busy if busy else 0.0,
        "judge_share": judge / busy if busy else 0.0,
    }
    summary: dict[str, Any] = {
        "timings": timings,
        "config": {
            "iterations": config.iterations,
            "samples": config.samples,
            "objective": config.objective,
            "language": config.language,
            "template": config.template,
            "repeat": config.repeat,
            "model": backend.name,
            "backend": backend.kind,
        },
    }
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2))
    paths["trajectories"] = log.path
    paths["best"] = out_dir / "best.jsonl"
    paths["summary"] = out_dir / "summary.json"
    return SessionResult(outcomes, report, timings, paths)
