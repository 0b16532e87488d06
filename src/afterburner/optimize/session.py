"""An optimization session over a dataset: references, tests, the loop, and the summary."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from afterburner.core.errors import UsageError
from afterburner.core.measured import Measured
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.datasets.model import Dataset, Problem
from afterburner.datasets.profile import SolutionProfile, profile_dataset
from afterburner.datasets.testgen import SEEN, FixedTests, GeneratorError, ProblemTests, TestSplit
from afterburner.evaluation.changes import ProblemChange
from afterburner.evaluation.evaluate import execution_of, key, measure_with_references, references_from
from afterburner.evaluation.metrics import Execution, References, by_iteration
from afterburner.evaluation.render import write_report
from afterburner.evaluation.report import EvaluationReport, GeneratedScores, build_report, scores_json
from afterburner.judge.executor import JudgeExecutor, worker_count
from afterburner.judge.measurement import Measurement
from afterburner.models.base import Backend
from afterburner.optimize.feedback import Attempt
from afterburner.optimize.loop import LoopConfig, ProblemOutcome, optimize_many
from afterburner.optimize.resume import prepare_run, run_identity
from afterburner.optimize.rewrites import rewrite_stats
from afterburner.optimize.starts import ChangeInputs, Start, problem_change, resolve_starts
from afterburner.optimize.trajectory import TrajectoryLog
from afterburner.sandbox.cores import core_plan


@dataclass
class SessionResult:
    outcomes: list[ProblemOutcome]
    report: EvaluationReport
    timings: dict[str, float]
    paths: dict[str, Path]


def best_so_far_executions(outcomes: Sequence[ProblemOutcome], language: str) -> list[Execution]:
    """One execution per problem and iteration from the selection passes (biased: kept for comparison)."""
    return [
        _selection_execution(outcome.problem_id, language, attempt, iteration)
        for outcome in outcomes
        for iteration, attempt in enumerate(outcome.best_by_iteration)
    ]


def generated_executions(outcomes: Sequence[ProblemOutcome], language: str) -> list[Execution]:
    """Every candidate generated in each iteration (all samples, not the best), from its selection passes."""
    return [
        _selection_execution(outcome.problem_id, language, attempt, iteration, sample_id)
        for outcome in outcomes
        for iteration, attempts in enumerate(outcome.attempts_by_iteration)
        for sample_id, attempt in enumerate(attempts)
    ]


def _selection_execution(
    problem_id: str, language: str, attempt: Attempt, iteration: int, sample_id: int = 0
) -> Execution:
    return Execution(key(problem_id, language), attempt.measured, sample_id, iteration, language)


@dataclass
class Remeasured:
    """The final figures: each problem's best-after-each-iteration re-measured with its references."""

    executions: list[Execution]
    references: References
    flaky: list[str]  # "PROBLEM iteration I": passed in selection, failed when re-measured
    profiles: list[SolutionProfile]
    by_code: dict[str, dict[str, SolutionProfile]] = field(default_factory=dict)  # problem -> code -> profile


def _remeasure_problem(
    problem: Problem,
    outcome: ProblemOutcome,
    language: str,
    tests: Sequence[TestCase],
    measurement: Measurement,
    executor: JudgeExecutor | None,
) -> tuple[list[Execution], list[SolutionProfile], list[str], dict[str, SolutionProfile]]:
    codes = list(dict.fromkeys(a.code for a in outcome.best_by_iteration if a.passed and a.code is not None))
    batch = measure_with_references(problem, language, codes, tests, measurement, executor)
    by_code = dict(zip(codes, batch.candidates, strict=True))
    executions, flaky = [], []
    for iteration, attempt in enumerate(outcome.best_by_iteration):
        profile = by_code.get(attempt.code or "") if attempt.passed else None
        if profile is None:
            failed = Measured(attempt.verdict if not attempt.passed else Verdict.WA, detail=attempt.failure)
            executions.append(Execution(key(problem.id, language), failed, iteration=iteration, language=language))
            continue
        if not profile.passed:
            flaky.append(f"{problem.id} iteration {iteration}: {profile.verdict} when re-measured")
        executions.append(replace(execution_of(profile, problem.id), iteration=iteration))
    return executions, batch.references, flaky, by_code


def remeasure_final(
    problems: Sequence[Problem],
    outcomes: Sequence[ProblemOutcome],
    language: str,
    tests: dict[str, list[TestCase]],
    measurement: Measurement,
    workers: int = 1,
    executor: JudgeExecutor | None = None,
) -> Remeasured:
    """Measure, after selection, the winners with their references in one interleaved batch per problem.

    Reporting the passes that selected a winner overstates its gain (winner's curse); these
    independent figures are what reports and summaries use.
    """
    by_id = {p.id: p for p in problems}

    def one(
        outcome: ProblemOutcome,
    ) -> tuple[list[Execution], list[SolutionProfile], list[str], dict[str, SolutionProfile]]:
        problem = by_id[outcome.problem_id]
        return _remeasure_problem(problem, outcome, language, tests[outcome.problem_id], measurement, executor)

    with ThreadPoolExecutor(max(1, workers)) as pool:
        parts = list(pool.map(one, outcomes))
    executions = [e for part in parts for e in part[0]]
    profiles = [p for part in parts for p in part[1]]
    flaky = [f for part in parts for f in part[2]]
    by_code = {outcome.problem_id: part[3] for outcome, part in zip(outcomes, parts, strict=True)}
    return Remeasured(executions, references_from(profiles, measurement), flaky, profiles, by_code)


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
    starts: Mapping[str, Start] | None = None,
    on_event: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    executor: JudgeExecutor | None = None,
    split: TestSplit | None = None,
    restart: bool = False,
    start_from: str | None = None,
    allow_seen: bool = True,
) -> SessionResult:
    """Profile the references, run the loop on every problem, re-measure the winners, summarize.

    `config.measurement` says how candidates, references and the final figures are measured and
    ranked; `executor`, where they are judged (None: here). The loop (prompts, keep-best) sees only
    the feedback tests of `split`; the final figures come from its scoring tests, which no prompt
    ever shows. Trajectories already in `out_dir` are replayed only if they belong to this run
    (`resume.prepare_run`); `restart` moves them aside. `starts` gives problems their iteration-0
    code; `start_from` (slowest, a reference label or a .jsonl file, see `optimize.starts`) picks
    it for every problem after the references are measured. A problem whose generator gives no
    hidden scoring test holds out half of its fixed tests, else (with `allow_seen`) is scored on
    the feedback tests and marked so in the report and the summary; it never stops the run.
    """
    split = split or TestSplit()
    started = time.monotonic()
    measurement = config.measurement
    workers = worker_count(executor, len(core_plan().measure))
    planned, skipped = _plan_tests(problems, split, allow_seen)
    if skipped and on_event:
        for pid, reason in skipped.items():
            on_event(f"problem {pid} skipped: {reason}")
    problems = [p for p in problems if p.id in planned]
    if not problems:
        raise UsageError("no problem left to optimize", "; ".join(skipped.values())[:500])
    chosen = Dataset(dataset.name, tuple(problems))
    tests = {pid: planned[pid].feedback for pid in planned}
    scoring = {pid: planned[pid].scoring for pid in planned}
    profile = profile_dataset(  # for the loop's feedback; the report uses the final re-measure
        chosen,
        workers=workers,
        measurement=measurement,
        executor=executor,
        languages=[config.language],
        on_progress=on_progress,
        plan=FixedTests.of(tests),
    )
    references: References = references_from(profile.profiles, measurement)
    given = dict(starts or {})
    if start_from:
        given.update(resolve_starts(start_from, problems, profile.profiles, config.language, config.primary_metric))
    originals = {pid: start.code for pid, start in given.items()}
    prepare_run(out_dir, run_identity(_identity_settings(config, backend), split.to_dict(), originals), restart)
    reference_seconds = time.monotonic() - started
    log = TrajectoryLog(out_dir / "trajectories.jsonl")
    loop_started = time.monotonic()
    outcomes = optimize_many(problems, backend, tests, references, config, log, parallel, originals, on_event, executor)
    loop_seconds = time.monotonic() - loop_started
    _write_best(out_dir / "best.jsonl", outcomes, config.language)
    if on_event:
        on_event("re-measuring each problem's best solutions together with its references")
    remeasure_started = time.monotonic()
    final = remeasure_final(problems, outcomes, config.language, scoring, measurement, workers, executor)
    remeasure_seconds = time.monotonic() - remeasure_started
    inputs = ChangeInputs(
        config.language,
        config.primary_metric,
        config.noise,
        final.references,
        final.by_code,
        profile.profiles,
        {pid: start.label for pid, start in given.items()},
    )
    changes = [problem_change(outcome, inputs) for outcome in outcomes]
    where = executor.name if executor is not None else "local"
    kept_apart = {pid: tests.kept_apart for pid, tests in planned.items()}
    report, summary = _report_and_summary(
        dataset.name, outcomes, final, references, config, backend, where, split, changes, kept_apart, skipped
    )
    paths = write_report(report, out_dir)
    timings = _timings(outcomes, reference_seconds, loop_seconds)
    timings["remeasure_seconds"] = remeasure_seconds
    (out_dir / "summary.json").write_text(json.dumps({"timings": timings, **summary}, indent=2))
    paths["trajectories"] = log.path
    paths["best"] = out_dir / "best.jsonl"
    paths["summary"] = out_dir / "summary.json"
    return SessionResult(outcomes, report, timings, paths)


def _report_and_summary(
    name: str,
    outcomes: Sequence[ProblemOutcome],
    final: Remeasured,
    references: References,
    config: LoopConfig,
    backend: Backend,
    where: str,
    split: TestSplit,
    changes: Sequence[ProblemChange] = (),
    kept_apart: Mapping[str, str] | None = None,
    skipped: Mapping[str, str] | None = None,
) -> tuple[EvaluationReport, dict[str, Any]]:
    """The report of the re-measured figures, and the summary beside it (what was measured, how)."""
    generated = GeneratedScores(
        by_iteration(generated_executions(outcomes, config.language), references),
        "selection passes: the loop's own, on the feedback tests, ranked among its reference profile",
    )
    seen = sorted(pid for pid, how in (kept_apart or {}).items() if how == SEEN)
    measured = "re-measured after selection on the scoring tests, together with the references"
    if seen:
        measured += f"; problem(s) {', '.join(seen)} on seen tests (their generator gave no hidden test)"
    report = build_report(
        name,
        final.executions,
        final.references,
        best_so_far=True,
        measured=measured,
        generated=generated,
        changes=changes,
    )
    selection = build_report(name, best_so_far_executions(outcomes, config.language), references, best_so_far=True)
    summary: dict[str, Any] = {
        "config": _config_summary(config, backend),
        "measurement": {
            "final_figures": "re-measured after selection: each problem's best after each iteration together "
            "with its references, passes interleaved round-robin",
            **config.measurement.to_dict(),
            "executor": where,
            "tests": split.to_dict(),
            "scoring_tests_per_problem": dict(kept_apart or {}),
            "scored_on_seen_tests": seen,
            "skipped_problems": dict(skipped or {}),
            "flaky_when_remeasured": final.flaky,
        },
        "conditions": {"placement": backend.placement(), "cores": core_plan().to_dict()},
        "rewrites": rewrite_stats(outcomes, config.primary_metric, config.noise),
        "scores_of": report.headline,
        "scores": scores_json(report.scores),
        "scores_iteration_0": scores_json(report.scores_iteration_0),
        "selection_pass_scores": scores_json(selection.scores),
        "selection_pass_scores_iteration_0": scores_json(selection.scores_iteration_0),
    }
    return report, summary


def _plan_tests(
    problems: Sequence[Problem], split: TestSplit, allow_seen: bool
) -> tuple[dict[str, ProblemTests], dict[str, str]]:
    """Each problem's feedback and scoring tests; a problem whose tests cannot be made is skipped (why)."""
    planned: dict[str, ProblemTests] = {}
    skipped: dict[str, str] = {}
    for problem in problems:
        try:
            planned[problem.id] = split.tests_for(problem, allow_seen)
        except GeneratorError as error:
            skipped[problem.id] = str(error)
    return planned, skipped


def _timings(outcomes: Sequence[ProblemOutcome], reference_seconds: float, loop_seconds: float) -> dict[str, float]:
    generation = sum(o.generation_seconds for o in outcomes)
    judge = sum(o.judge_seconds for o in outcomes)
    busy = sum(o.total_seconds for o in outcomes)
    return {
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


def _identity_settings(config: LoopConfig, backend: Backend) -> dict[str, Any]:
    """The loop settings a resumed run must share with the trajectories it replays (from the config itself)."""
    return {"model": backend.name, "backend": backend.kind, **config.identity()}


def _config_summary(config: LoopConfig, backend: Backend) -> dict[str, Any]:
    return {**json.loads(json.dumps(asdict(config), default=list)), "model": backend.name, "backend": backend.kind}
