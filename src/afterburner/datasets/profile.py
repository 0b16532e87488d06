"""Measure every reference solution of a dataset: the distribution that 'beats X%' is taken against.

The solutions of one problem are measured together, their passes interleaved round-robin
(`judge_batch`), so drift of the machine does not become a ranking. Each solution's figures
are cached by (code hash, tests hash, machine fingerprint, settings), written as soon as its
problem is measured: a re-run is instant and an interrupted run resumes.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field

from afterburner.core.cache import LOCAL, ContentCache, Scope
from afterburner.core.errors import AfterburnerError
from afterburner.core.limits import Limits
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.datasets.judging import SOLUTION_LIMITS, problem_checker
from afterburner.datasets.model import Dataset, Issue, Problem, Solution
from afterburner.datasets.testgen import TestPlan, tests_hash
from afterburner.judge.executor import JudgeBatch, JudgeExecutor, judge_on, worker_count
from afterburner.judge.judge import JudgeItem, JudgeResult
from afterburner.judge.stats import DEFAULT_ESTIMATOR, Estimator
from afterburner.languages import get_language
from afterburner.sandbox.runner import InstructionMode, SandboxOptions


@dataclass(frozen=True)
class SolutionProfile:
    """Figures of one solution over `repeat` passes of its problem's tests, summarized by `estimator`."""

    problem_id: str
    language: str
    label: str
    code_hash: str
    verdict: Verdict
    cpu_time: float | None = None
    wall_time: float | None = None
    peak_memory: float | None = None
    memory_integral: float | None = None
    instructions: float | None = None
    cpu_time_mad: float | None = None
    repeat: int = 1
    detail: str = ""
    estimator: str = DEFAULT_ESTIMATOR
    flaky: bool = False
    samples: dict[str, list[float]] = field(default_factory=dict)  # per metric: one total per measured pass
    unmeasured: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "verdict", Verdict(self.verdict))  # also from a cached JSON string

    @property
    def passed(self) -> bool:
        return self.verdict is Verdict.AC


@dataclass
class ProfileRun:
    profiles: list[SolutionProfile] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    measured: int = 0  # solutions actually run (the rest came from the cache)
    seconds: float = 0.0


def profile_of(problem: Problem, solution: Solution, result: JudgeResult, repeat: int) -> SolutionProfile:
    failure = result.first_failure
    metrics = result.metrics if result.passed else {}
    spread = result.spread.get("cpu_time")
    detail = failure.detail if failure else result.compile.message
    if result.flaky:
        detail = f"flaky: a later measured pass gave {result.verdict.value}. {detail}"
    return SolutionProfile(
        problem_id=problem.id,
        language=solution.language,
        label=solution.label,
        code_hash=solution.code_hash,
        verdict=result.verdict,
        cpu_time=metrics.get("cpu_time"),
        wall_time=metrics.get("wall_time"),
        peak_memory=metrics.get("peak_memory"),
        memory_integral=metrics.get("memory_integral"),
        instructions=metrics.get("instructions"),
        cpu_time_mad=spread.mad if spread and result.passed else None,
        repeat=repeat,
        detail=detail[:2000],
        estimator=result.estimator,
        flaky=result.flaky,
        samples=dict(result.samples) if result.passed else {},
        unmeasured=dict(result.unmeasured),
    )


def profile_batch(
    problem: Problem,
    solutions: Sequence[Solution],
    tests: Sequence[TestCase],
    repeat: int = 1,
    options: SandboxOptions | None = None,
    estimator: Estimator = DEFAULT_ESTIMATOR,
    limits: Limits = SOLUTION_LIMITS,
    executor: JudgeExecutor | None = None,
) -> list[SolutionProfile]:
    """Measure solutions of one problem together (passes interleaved), one profile each.

    Solutions in a language without a runner for this problem come back as CE with the reason.
    `executor`: where the batch runs (None: this process); it stays one batch wherever it runs.
    """
    checker = problem_checker(problem)
    shared = tuple(tests)  # one list for every item: sent once when the batch goes elsewhere
    items: dict[int, JudgeItem] = {}
    unrunnable: dict[int, SolutionProfile] = {}
    for index, solution in enumerate(solutions):
        try:
            source = problem.program_source(solution.language, solution.code).text
            items[index] = JudgeItem(get_language(solution.language), source, shared, checker)
        except (AfterburnerError, KeyError) as error:  # no runner, or no such language
            unrunnable[index] = SolutionProfile(
                problem.id,
                solution.language,
                solution.label,
                solution.code_hash,
                Verdict.CE,
                repeat=repeat,
                detail=str(error),
            )
    batch = JudgeBatch(tuple(items.values()), limits, options or SandboxOptions(), repeat, estimator)
    results = iter(judge_on(executor, batch) if items else [])
    return [
        unrunnable[i] if i in unrunnable else profile_of(problem, s, next(results), repeat)
        for i, s in enumerate(solutions)
    ]


def _cache_key(solution: Solution, tests_digest: str, repeat: int, instructions: str, estimator: str) -> str:
    recipe = f"{solution.code_hash}|{tests_digest}|{repeat}|{instructions}|{estimator}|{SOLUTION_LIMITS}"
    return hashlib.sha256(recipe.encode()).hexdigest()


def _cached(cache: ContentCache, key: str) -> SolutionProfile | None:
    stored = cache.get(key)
    try:
        return None if stored is None else SolutionProfile(**stored)
    except (TypeError, ValueError):  # fields of another version: measure again
        return None


@dataclass
class _ProblemJob:
    problem: Problem
    tests: list[TestCase]
    solutions: list[tuple[Solution, str]]


def _jobs(
    dataset: Dataset, languages: Sequence[str] | None, plan: TestPlan, key: Callable[..., str]
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
    repeat: int = 3,
    languages: Sequence[str] | None = None,
    plan: TestPlan | None = None,
    instructions: InstructionMode = "off",
    use_cache: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
    estimator: Estimator = DEFAULT_ESTIMATOR,
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
    jobs, issues = _jobs(
        dataset, languages, plan, lambda s, digest: _cache_key(s, digest, repeat, instructions, estimator)
    )
    outcome.issues += issues
    total = sum(len(job.solutions) for job in jobs)
    lock = threading.Lock()
    done = 0
    options = SandboxOptions(instructions=instructions)

    def measure(job: _ProblemJob) -> list[SolutionProfile]:
        cached = {s.code_hash: p for s, k in job.solutions if use_cache and (p := _cached(cache, k)) is not None}
        missing = [(s, c) for s, c in job.solutions if s.code_hash not in cached]
        fresh = profile_batch(
            job.problem, [s for s, _ in missing], job.tests, repeat, options, estimator, executor=executor
        )
        for (_, key), profile in zip(missing, fresh, strict=True):
            cache.put(key, asdict(profile))
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
    return Issue(profile.problem_id, reason[:500])
