"""Judge candidates and score them against references measured in the same batch.

Executions and references are keyed "PROBLEM@LANGUAGE": a Python candidate is ranked among the
Python references of its problem. A problem's candidates and its references are measured
together, their passes interleaved round-robin (`profile_batch`), so both see the same machine
state; each is summarized over its `repeat` passes by the configured estimator and scored once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from afterburner.core.errors import UsageError
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.datasets.model import Dataset, Problem, Solution
from afterburner.datasets.profile import ProfileRun, SolutionProfile, failure_issue, profile_batch
from afterburner.datasets.testgen import TestPlan, TestSplit
from afterburner.evaluation.candidates import Candidate
from afterburner.evaluation.metrics import ALL_METRICS, Execution, References
from afterburner.judge.executor import JudgeExecutor, worker_count
from afterburner.judge.measurement import Measurement

CANDIDATE_PROVENANCE = "candidate"


def key(problem_id: str, language: str) -> str:
    return f"{problem_id}@{language}"


def references_from(profiles: Sequence[SolutionProfile], measurement: Measurement | None = None) -> References:
    """The passed references' figures per problem and language, ranked as `measurement` says."""
    measurement = measurement or Measurement()
    values: dict[str, dict[str, list[float]]] = {}
    for profile in profiles:
        if not profile.passed:
            continue
        slot = values.setdefault(key(profile.problem_id, profile.language), {m: [] for m in ALL_METRICS})
        for metric in ALL_METRICS:
            value = profile.figure(metric)
            if value is not None:
                slot[metric].append(float(value))
    return References(values, str(measurement.clock), measurement.metric)


@dataclass
class BatchMeasurement:
    """One problem's candidates and references, measured in one interleaved batch."""

    candidates: list[SolutionProfile]
    references: list[SolutionProfile]


def measure_with_references(
    problem: Problem,
    language: str,
    codes: Sequence[str],
    tests: Sequence[TestCase],
    measurement: Measurement,
    executor: JudgeExecutor | None = None,
) -> BatchMeasurement:
    """Measure candidate codes together with the problem's references in `language`.

    A candidate that cannot even be assembled (no runner for its language) comes back as CE.
    """
    candidates = [Solution(language, code, f"candidate-{i}", CANDIDATE_PROVENANCE) for i, code in enumerate(codes)]
    batch = [*candidates, *problem.solutions_in(language)]
    profiles = profile_batch(problem, batch, tests, measurement, executor=executor)
    return BatchMeasurement(profiles[: len(candidates)], profiles[len(candidates) :])


def execution_of(profile: SolutionProfile, problem_id: str, candidate: Candidate | None = None) -> Execution:
    return Execution(
        problem_id=key(problem_id, profile.language),
        measured=profile.measured,
        sample_id=candidate.sample_id if candidate else 0,
        iteration=candidate.iteration if candidate else 0,
        language=profile.language,
    )


def not_scored_reason(verdict: Verdict, detail: str) -> str:
    """'' for a verdict that counts; for IE, why the execution is left out of N."""
    return f"not scored: infrastructure error ({detail[:200]})" if verdict is Verdict.IE else ""


@dataclass
class Evaluation:
    executions: list[Execution]
    references: References
    profile: ProfileRun
    failures: dict[int, str]  # candidate index -> first failure detail
    measurement: Measurement = field(default_factory=Measurement)
    where: str = "local"  # where the batches ran


def _groups(dataset: Dataset, candidates: Sequence[Candidate]) -> dict[tuple[str, str], list[int]]:
    groups: dict[tuple[str, str], list[int]] = {}
    for index, candidate in enumerate(candidates):
        try:
            dataset.get(candidate.problem_id)
        except KeyError as error:
            raise UsageError(f"candidate for unknown problem {candidate.problem_id!r} in {dataset.name}") from error
        groups.setdefault((candidate.problem_id, candidate.language), []).append(index)
    return groups


def evaluate_candidates(
    dataset: Dataset,
    candidates: Sequence[Candidate],
    workers: int = 1,
    measurement: Measurement | None = None,
    plan: TestPlan | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    executor: JudgeExecutor | None = None,
) -> Evaluation:
    """Measure every (problem, language) group of candidates together with its references.

    The tests are `plan`'s, by default the scoring tests (generated with their own seed, never
    shown in a prompt, less any that coincide with a feedback test).
    """
    measurement = measurement or Measurement()
    groups = _groups(dataset, candidates)
    problems = {pid: dataset.get(pid) for pid, _ in groups}
    split = TestSplit()
    # A generator failure is raised.
    tests = {pid: plan.tests(p) if plan else split.scoring_tests(p) for pid, p in problems.items()}
    run = ProfileRun(issues=[i for i in dataset.issues if i.problem_id in problems])
    total = sum(len(indices) + len(problems[pid].solutions_in(lang)) for (pid, lang), indices in groups.items())
    progress = on_progress or (lambda done, total: None)
    executions: list[Execution | None] = [None] * len(candidates)
    failures: dict[int, str] = {}
    lock = threading.Lock()
    done = [0]

    def measure(group: tuple[str, str]) -> None:
        pid, language = group
        indices = groups[group]
        codes = [candidates[i].code for i in indices]
        batch = measure_with_references(problems[pid], language, codes, tests[pid], measurement, executor)
        profiles, references = batch.candidates, batch.references
        with lock:
            for index, profile in zip(indices, profiles, strict=True):
                executions[index] = execution_of(profile, pid, candidates[index])
                if not profile.passed:
                    failures[index] = (profile.detail or profile.verdict)[:1000]
            run.profiles += references
            run.issues += [failure_issue(p) for p in references if not p.passed]
            run.measured += len(references)
            done[0] += len(indices) + len(references)
            progress(done[0], total)

    with ThreadPoolExecutor(worker_count(executor, workers)) as pool:
        list(pool.map(measure, list(groups)))
    judged = [e for e in executions if e is not None]
    where = executor.name if executor is not None else "local"
    return Evaluation(judged, references_from(run.profiles, measurement), run, failures, measurement, where)
