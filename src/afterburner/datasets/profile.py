"""Measure every reference solution of a dataset: the distribution that 'beats X%' is taken against.

Each solution's figures are cached by (code hash, tests hash, machine fingerprint, settings),
written as soon as it is measured: a re-run is instant and an interrupted run resumes.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from afterburner.core.errors import AfterburnerError
from afterburner.core.limits import Limits, MiB
from afterburner.core.machine import machine_fingerprint
from afterburner.core.paths import cache_dir
from afterburner.datasets.model import Dataset, Issue, Problem, Solution
from afterburner.datasets.testgen import problem_tests, tests_hash
from afterburner.judge.checkers import Evaluator
from afterburner.judge.judge import JudgeResult, TestCase, judge
from afterburner.languages import get_language
from afterburner.sandbox.runner import InstructionMode, SandboxOptions

SOLUTION_LIMITS = Limits(cpu_time=10, memory=1024 * MiB)


@dataclass(frozen=True)
class TestPlan:
    """Which generated tests a problem is measured on (after its fixed tests)."""

    num_cases: int = 8
    seed: int = 42
    size: float = 1.0

    __test__ = False  # not a pytest test class


@dataclass(frozen=True)
class SolutionProfile:
    """Median figures of one reference solution over `repeat` passes of its problem's tests."""

    problem_id: str
    language: str
    label: str
    code_hash: str
    verdict: str
    cpu_time: float | None = None
    wall_time: float | None = None
    peak_memory: float | None = None
    memory_integral: float | None = None
    instructions: float | None = None
    cpu_time_mad: float | None = None
    repeat: int = 1
    detail: str = ""

    @property
    def passed(self) -> bool:
        return self.verdict == "AC"


@dataclass
class ProfileRun:
    profiles: list[SolutionProfile] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    measured: int = 0  # solutions actually run (the rest came from the cache)
    seconds: float = 0.0


def judge_solution(
    problem: Problem,
    language: str,
    code: str,
    tests: Sequence[TestCase],
    repeat: int = 1,
    options: SandboxOptions | None = None,
    limits: Limits = SOLUTION_LIMITS,
) -> JudgeResult:
    """Judge code for a problem (function style: pasted into the runner) with its evaluator."""
    source = problem.program_source(language, code)
    return judge(get_language(language), source, tests, Evaluator(problem.evaluator), limits, options, repeat=repeat)


def profile_of(problem: Problem, solution: Solution, result: JudgeResult, repeat: int) -> SolutionProfile:
    failure = result.first_failure
    metrics = result.metrics if result.passed else {}
    spread = result.spread.get("cpu_time")
    return SolutionProfile(
        problem_id=problem.id,
        language=solution.language,
        label=solution.label,
        code_hash=solution.code_hash,
        verdict=result.verdict.value,
        cpu_time=metrics.get("cpu_time"),
        wall_time=metrics.get("wall_time"),
        peak_memory=metrics.get("peak_memory"),
        memory_integral=metrics.get("memory_integral"),
        instructions=metrics.get("instructions"),
        cpu_time_mad=spread.mad if spread and result.passed else None,
        repeat=repeat,
        detail=(failure.detail if failure else result.compile.message)[:2000],
    )


def _cache_file(solution: Solution, tests_digest: str, repeat: int, instructions: str) -> Path:
    key = hashlib.sha256(f"{solution.code_hash}|{tests_digest}|{repeat}|{instructions}|{SOLUTION_LIMITS}".encode())
    return cache_dir() / "profiles" / machine_fingerprint() / f"{key.hexdigest()}.json"


def profile_dataset(
    dataset: Dataset,
    workers: int = 1,
    repeat: int = 3,
    languages: Sequence[str] | None = None,
    plan: TestPlan | None = None,
    instructions: InstructionMode = "off",
    use_cache: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
) -> ProfileRun:
    """Profile every reference solution (optionally only some languages) of a dataset."""
    plan = plan or TestPlan()
    started = time.monotonic()
    outcome = ProfileRun(issues=list(dataset.issues))
    jobs: list[tuple[Problem, Solution, list[TestCase], Path]] = []
    for problem in dataset.problems:
        try:
            tests = problem_tests(problem, plan.num_cases, plan.seed, plan.size)
        except AfterburnerError as error:
            outcome.issues.append(Issue(problem.id, str(error)))
            continue
        digest = tests_hash(tests)
        for solution in problem.solutions:
            if languages is None or solution.language in languages:
                jobs.append((problem, solution, tests, _cache_file(solution, digest, repeat, instructions)))
    lock = threading.Lock()
    done = 0
    options = SandboxOptions(instructions=instructions)

    def measure(problem: Problem, solution: Solution, tests: list[TestCase], cache: Path) -> SolutionProfile:
        if use_cache and cache.exists():
            return SolutionProfile(**json.loads(cache.read_text()))
        result = judge_solution(problem, solution.language, solution.code, tests, repeat, options)
        profile = profile_of(problem, solution, result, repeat)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(asdict(profile)))
        with lock:
            outcome.measured += 1
        return profile

    with ThreadPoolExecutor(max(1, workers)) as pool:
        futures = {pool.submit(measure, *job): job for job in jobs}
        for future in as_completed(futures):
            problem, solution = futures[future][:2]
            try:
                profile = future.result()
            except AfterburnerError as error:
                outcome.issues.append(Issue(problem.id, f"{solution.language}/{solution.label}: {error}"))
            else:
                outcome.profiles.append(profile)
                if not profile.passed:
                    reason = f"reference {solution.language}/{solution.label} fails: {profile.verdict} {profile.detail}"
                    outcome.issues.append(Issue(problem.id, reason[:500]))
            done += 1
            if on_progress:
                on_progress(done, len(jobs))
    order = {(p.id, s.code_hash): i for i, (p, s, _, _) in enumerate(jobs)}
    outcome.profiles.sort(key=lambda p: order.get((p.problem_id, p.code_hash), 0))
    outcome.seconds = time.monotonic() - started
    return outcome
