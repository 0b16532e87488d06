"""Judge candidates and score them against the reference distribution measured on this machine.

Executions and references are keyed "PROBLEM@LANGUAGE": a Python candidate is ranked among the
Python references of its problem. Each candidate is judged with `repeat` measured passes and
scored once on the medians (the original scored every noisy single run separately).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.datasets.model import Dataset
from afterburner.datasets.profile import ProfileRun, SolutionProfile, TestPlan, judge_solution, profile_dataset
from afterburner.datasets.testgen import problem_tests
from afterburner.evaluation.candidates import Candidate
from afterburner.evaluation.metrics import METRICS, Execution, References
from afterburner.judge.judge import TestCase
from afterburner.sandbox.runner import SandboxOptions


def key(problem_id: str, language: str) -> str:
    return f"{problem_id}@{language}"


def references_from(profiles: Sequence[SolutionProfile]) -> References:
    values: dict[str, dict[str, list[float]]] = {}
    for profile in profiles:
        if not profile.passed:
            continue
        slot = values.setdefault(key(profile.problem_id, profile.language), {m: [] for m in METRICS})
        for metric in METRICS:
            value = getattr(profile, metric)
            if value is not None:
                slot[metric].append(float(value))
    return References(values)


@dataclass
class Evaluation:
    executions: list[Execution]
    references: References
    profile: ProfileRun
    failures: dict[int, str]  # candidate index -> first failure detail


def evaluate_candidates(
    dataset: Dataset,
    candidates: Sequence[Candidate],
    workers: int = 1,
    repeat: int = 3,
    plan: TestPlan | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Evaluation:
    """Profile the references that the candidates need, then judge every candidate."""
    plan = plan or TestPlan()
    problems = {}
    for candidate in candidates:
        try:
            problems[candidate.problem_id] = dataset.get(candidate.problem_id)
        except KeyError as error:
            raise UsageError(f"candidate for unknown problem {candidate.problem_id!r} in {dataset.name}") from error
    needed = Dataset(dataset.name, tuple(problems.values()))
    languages = sorted({c.language for c in candidates})
    total = len(candidates) + sum(len(p.solutions) for p in problems.values())
    progress = on_progress or (lambda done, total: None)
    profile = profile_dataset(needed, workers, repeat, languages, plan, on_progress=lambda d, _t: progress(d, total))
    offset = len(profile.profiles)
    tests: dict[str, list[TestCase]] = {
        pid: problem_tests(p, plan.num_cases, plan.seed, plan.size) for pid, p in problems.items()
    }
    executions: list[Execution | None] = [None] * len(candidates)
    failures: dict[int, str] = {}
    lock = threading.Lock()
    done = [offset]

    def judge_one(index: int) -> None:
        candidate = candidates[index]
        problem = problems[candidate.problem_id]
        execution_key = key(candidate.problem_id, candidate.language)
        try:
            result = judge_solution(
                problem, candidate.language, candidate.code, tests[candidate.problem_id], repeat, SandboxOptions()
            )
            passed = result.passed
            metrics = result.metrics if passed else {}
            detail = "" if passed else (result.first_failure.detail if result.first_failure else result.compile.message)
        except (AfterburnerError, KeyError) as error:  # e.g. no runner for that language
            passed, metrics, detail = False, {}, str(error)
        execution = Execution(
            problem_id=execution_key,
            passed=passed,
            cpu_time=metrics.get("cpu_time"),
            peak_memory=metrics.get("peak_memory"),
            memory_integral=metrics.get("memory_integral"),
            sample_id=candidate.sample_id,
            iteration=candidate.iteration,
            language=candidate.language,
        )
        with lock:
            executions[index] = execution
            if detail:
                failures[index] = detail[:1000]
            done[0] += 1
            progress(done[0], total)

    with ThreadPoolExecutor(max(1, workers)) as pool:
        list(pool.map(judge_one, range(len(candidates))))
    judged = [e for e in executions if e is not None]
    return Evaluation(judged, references_from(profile.profiles), profile, failures)
