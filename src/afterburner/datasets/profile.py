"""Measure every reference solution of a dataset: the distribution that 'beats X%' is taken against.

The solutions of one problem are measured together, their passes interleaved round-robin
(`judge_batch`), so drift of the machine does not become a ranking. Each solution's figures
are cached by (code hash, tests hash, machine fingerprint, settings), written as soon as its
problem is measured: a re-run is instant and an interrupted run resumes. Instruction counts,
which do not depend on the machine's load, are cached per toolchain by the judge
(`judge.counting`): a new machine with the same toolchain re-times but does not re-count.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from typing import Any

from afterburner.core.cache import LOCAL, ContentCache, Scope
from afterburner.core.errors import AfterburnerError
from afterburner.core.limits import Limits
from afterburner.core.measured import Measured
from afterburner.core.metrics import Metric
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.datasets.counts import seed_bundled_counts
from afterburner.datasets.judging import SOLUTION_LIMITS, problem_checker
from afterburner.datasets.model import Dataset, Issue, Problem, Solution, clip_keeping_last_line
from afterburner.datasets.testgen import TestPlan, TestSource, tests_hash
from afterburner.judge.executor import JudgeBatch, JudgeExecutor, judge_on, worker_count
from afterburner.judge.judge import JudgeItem, JudgeResult
from afterburner.judge.measurement import Measurement
from afterburner.languages import get_language


@dataclass(frozen=True)
class SolutionProfile:
    """One solution of a problem, measured: who it is, and what was measured (`measured`)."""

    problem_id: str
    language: str
    label: str
    code_hash: str
    measured: Measured
    repeat: int = 1

    @property
    def verdict(self) -> Verdict:
        return self.measured.verdict

    @property
    def passed(self) -> bool:
        return self.measured.passed

    @property
    def detail(self) -> str:
        return self.measured.detail

    @property
    def samples(self) -> Mapping[str, list[float]]:
        return self.measured.samples

    def figure(self, metric: str | Metric) -> float | None:
        return self.measured.figure(metric)

    @property
    def cpu_time(self) -> float | None:
        return self.figure(Metric.CPU_TIME)

    @property
    def wall_time(self) -> float | None:
        return self.figure(Metric.WALL_TIME)

    @property
    def peak_memory(self) -> float | None:
        return self.figure(Metric.PEAK_MEMORY)

    @property
    def memory_integral(self) -> float | None:
        return self.figure(Metric.MEMORY_INTEGRAL)

    @property
    def instructions(self) -> float | None:
        return self.figure(Metric.INSTRUCTIONS)

    def to_dict(self) -> dict[str, Any]:
        return {
            "problem_id": self.problem_id,
            "language": self.language,
            "label": self.label,
            "code_hash": self.code_hash,
            "repeat": self.repeat,
            "measured": self.measured.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SolutionProfile:
        return cls(
            str(data["problem_id"]),
            str(data["language"]),
            str(data["label"]),
            str(data["code_hash"]),
            Measured.from_dict(data["measured"]),
            int(data.get("repeat", 1)),
        )

    @classmethod
    def unrunnable(cls, problem_id: str, solution: Solution, reason: str, repeat: int = 1) -> SolutionProfile:
        return cls(
            problem_id,
            solution.language,
            solution.label,
            solution.code_hash,
            Measured(Verdict.CE, detail=reason),
            repeat,
        )


@dataclass
class ProfileRun:
    profiles: list[SolutionProfile] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    measured: int = 0  # solutions actually run (the rest came from the cache)
    seconds: float = 0.0


def profile_of(problem: Problem, solution: Solution, result: JudgeResult, repeat: int) -> SolutionProfile:
    measured = replace(result.measured, detail=clip_keeping_last_line(result.measured.detail, 2000))
    return SolutionProfile(problem.id, solution.language, solution.label, solution.code_hash, measured, repeat)


def profile_batch(
    problem: Problem,
    solutions: Sequence[Solution],
    tests: Sequence[TestCase],
    measurement: Measurement | None = None,
    limits: Limits = SOLUTION_LIMITS,
    executor: JudgeExecutor | None = None,
) -> list[SolutionProfile]:
    """Measure solutions of one problem together (passes interleaved), one profile each.

    Solutions in a language without a runner for this problem come back as CE with the reason.
    `executor`: where the batch runs (None: this process); it stays one batch wherever it runs.
    """
    measurement = measurement or Measurement()
    if problem.bundled and measurement.counts:  # venus-mini ships its references' counts
        seed_bundled_counts(measurement.counter)
    checker = problem_checker(problem)
    shared = tuple(tests)  # one list for every item: sent once when the batch goes elsewhere
    items: dict[int, JudgeItem] = {}
    unrunnable: dict[int, SolutionProfile] = {}
    for index, solution in enumerate(solutions):
        try:
            source = problem.program_source(solution.language, solution.code).text
            items[index] = JudgeItem(get_language(solution.language), source, shared, checker)
        except (AfterburnerError, KeyError) as error:  # no runner, or no such language
            unrunnable[index] = SolutionProfile.unrunnable(problem.id, solution, str(error), measurement.repeat)
    batch = JudgeBatch(tuple(items.values()), limits, measurement)
    results = iter(judge_on(executor, batch) if items else [])
    return [
        unrunnable[i] if i in unrunnable else profile_of(problem, s, next(results), measurement.repeat)
        for i, s in enumerate(solutions)
    ]


def _cache_key(solution: Solution, tests_digest: str, measurement: Measurement) -> str:
    recipe = f"{solution.code_hash}|{tests_digest}|{measurement.recipe()}|{SOLUTION_LIMITS}"
    return hashlib.sha256(recipe.encode()).hexdigest()


def _cached(cache: ContentCache, key: str) -> SolutionProfile | None:
    stored = cache.get(key)
    try:
        return None if stored is None else SolutionProfile.from_dict(stored)
    except (KeyError, TypeError, ValueError):  # fields of another version: measure again
        return None


@dataclass
class _ProblemJob:
    problem: Problem
    tests: list[TestCase]
    solutions: list[tuple[Solution, str]]


def _jobs(
    dataset: Dataset, languages: Sequence[str] | None, plan: TestSource, key: Callable[..., str]
) -> tuple[list[_ProblemJob], list[Issue]]:
    jobs: list[_ProblemJob] = []
    issues: list[Issue] = []
    for problem in dataset.problems:
        try:
            tests = plan.tests(problem)
        except AfterburnerError as error:
            issues.append(Issue(problem.id, str(error)))
            continue
        digest = tests_hash(tests)
        chosen = [s for s in problem.solutions if languages is None or s.language in languages]
        if chosen:
            jobs.append(_ProblemJob(problem, tests, [(s, key(s, digest)) for s in chosen]))
    return jobs, issues


def profile_dataset(
    dataset: Dataset,
    workers: int = 1,
    measurement: Measurement | None = None,
    languages: Sequence[str] | None = None,
    plan: TestSource | None = None,
    use_cache: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
    executor: JudgeExecutor | None = None,
) -> ProfileRun:
    """Profile every reference solution (optionally only some languages) of a dataset.

    Workers measure different problems at once (each run leases a measurement core); within a
    problem, the uncached solutions are measured as one interleaved batch. With an `executor`
    (Ray, a remote judge), batches run there, as many at once as it has room for.
    """
    # Figures measured by another executor (a Ray cluster, a remote judge) are kept apart from this machine's.
    cache = ContentCache("profiles", Scope.MACHINE, executor.name if executor is not None else LOCAL)
    plan = plan or TestPlan()
    started = time.monotonic()
    outcome = ProfileRun(issues=list(dataset.issues))
    measurement = measurement or Measurement()
    jobs, issues = _jobs(dataset, languages, plan, lambda s, digest: _cache_key(s, digest, measurement))
    outcome.issues += issues
    total = sum(len(job.solutions) for job in jobs)
    lock = threading.Lock()
    done = 0

    def measure(job: _ProblemJob) -> list[SolutionProfile]:
        cached = {s.code_hash: p for s, k in job.solutions if use_cache and (p := _cached(cache, k)) is not None}
        missing = [(s, c) for s, c in job.solutions if s.code_hash not in cached]
        fresh = profile_batch(job.problem, [s for s, _ in missing], job.tests, measurement, executor=executor)
        for (_, key), profile in zip(missing, fresh, strict=True):
            if not profile.measured.infrastructure_error:  # our failure: measure again next time
                cache.put(key, profile.to_dict())
        with lock:
            outcome.measured += len(missing)
        by_hash = {**cached, **{p.code_hash: p for p in fresh}}
        return [by_hash[s.code_hash] for s, _ in job.solutions]

    with ThreadPoolExecutor(worker_count(executor, workers)) as pool:
        futures = {pool.submit(measure, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                profiles = future.result()
            except AfterburnerError as error:
                outcome.issues.append(Issue(job.problem.id, f"measuring its solutions failed: {error}"))
            else:
                outcome.profiles += profiles
                outcome.issues += [failure_issue(p) for p in profiles if not p.passed]
            done += len(job.solutions)
            if on_progress:
                on_progress(done, total)
    order = {(job.problem.id, s.code_hash): i for i, job in enumerate(jobs) for s, _ in job.solutions}
    outcome.profiles.sort(key=lambda p: order.get((p.problem_id, p.code_hash), 0))
    outcome.seconds = time.monotonic() - started
    return outcome


def failure_issue(profile: SolutionProfile) -> Issue:
    reason = f"reference {profile.language}/{profile.label} fails: {profile.verdict} {profile.detail}"
    return Issue(profile.problem_id, clip_keeping_last_line(reason, 2000))
