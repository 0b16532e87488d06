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
from afterburner.judge.stats import DEFAULT_ESTIMATOR, Estimator
from afterburner.sandbox.runner import InstructionMode, SandboxOptions

CANDIDATE_PROVENANCE = "candidate"


def key(problem_id: str, language: str) -> str:
    return f"{problem_id}@{language}"


def references_from(profiles: Sequence[SolutionProfile], time_metric: str = "cpu_time") -> References:
    values: dict[str, dict[str, list[float]]] = {}
    for profile in profiles:
        if not profile.passed:
            continue
        slot = values.setdefault(key(profile.problem_id, profile.language), {m: [] for m in ALL_METRICS})
        for metric in ALL_METRICS:
            value = getattr(profile, metric)
            if value is not None:
                slot[metric].append(float(value))
    return References(values, time_metric)


@dataclass(frozen=True)
class MeasureSettings:
    """How candidates and references are measured; the defaults of `eval` and `optimize`."""

    repeat: int = 3
    estimator: Estimator = DEFAULT_ESTIMATOR
    instructions: InstructionMode = "off"
    time_metric: str = "cpu_time"
    # Where batches run (None: this process); not a setting of the measurement itself.
    executor: JudgeExecutor | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not 1 <= self.repeat <= 100:
            raise UsageError("repeat must be between 1 and 100")
        if self.time_metric == "instructions" and self.instructions != "valgrind":
            raise UsageError("ranking by instructions needs deterministic counts", "use --instructions valgrind")

    @property
    def options(self) -> SandboxOptions:
        return SandboxOptions(instructions=self.instructions)

    def to_dict(self) -> dict[str, object]:
        """The settings as reports record them, with where the batches ran."""
        return {
            "repeat": self.repeat,
            "estimator": self.estimator,
            "instructions": self.instructions,
            "time_metric": self.time_metric,
            "executor": self.executor.name if self.executor is not None else "local",
        }


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
    settings: MeasureSettings,
) -> BatchMeasurement:
    """Measure candidate codes together with the problem's references in `language`.

    A candidate that cannot even be assembled (no runner for its language) comes back as CE.
    """
    candidates = [Solution(language, code, f"candidate-{i}", CANDIDATE_PROVENANCE) for i, code in enumerate(codes)]
    batch = [*candidates, *problem.solutions_in(language)]
    profiles = profile_batch(
        problem, batch, tests, settings.repeat, settings.options, settings.estimator, executor=settings.executor
    )
    return BatchMeasurement(profiles[: len(candidates)], profiles[len(candidates) :])


def execution_of(profile: SolutionProfile, problem_id: str, candidate: Candidate | None = None) -> Execution:
    passed = profile.passed
    return Execution(
        problem_id=key(problem_id, profile.language),
        passed=passed,
        cpu_time=profile.cpu_time if passed else None,
        peak_memory=profile.peak_memory if passed else None,
        memory_integral=profile.memory_integral if passed else None,
        sample_id=candidate.sample_id if candidate else 0,
        iteration=candidate.iteration if candidate else 0,
        language=profile.language,
        wall_time=profile.wall_time if passed else None,
        instructions=profile.instructions if passed else None,
        not_scored=not_scored_reason(profile.verdict, profile.detail),
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
    settings: MeasureSettings = field(default_factory=MeasureSettings)


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
    repeat: int = 3,
    plan: TestPlan | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    settings: MeasureSettings | None = None,
) -> Evaluation:
    """Measure every (problem, language) group of candidates together with its references.

    The tests are `plan`'s, by default the scoring tests (generated with their own seed, never
    shown in a prompt, less any that coincide with a feedback test).
    """
    settings = settings or MeasureSettings(repeat=repeat)
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
        batch = measure_with_references(problems[pid], language, codes, tests[pid], settings)
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

    with ThreadPoolExecutor(worker_count(settings.executor, workers)) as pool:
        list(pool.map(measure, list(groups)))
    judged = [e for e in executions if e is not None]
    return Evaluation(judged, references_from(run.profiles, settings.time_metric), run, failures, settings)
