"""`afterburner data check`: every reference solution passes, every generator is deterministic."""

from __future__ import annotations

from collections.abc import Callable

from afterburner.core.errors import AfterburnerError
from afterburner.datasets.model import Dataset, Issue
from afterburner.datasets.profile import ProfileRun, profile_dataset
from afterburner.datasets.testgen import TestPlan, generate_tests
from afterburner.judge.measurement import Measurement


def check_generators(dataset: Dataset, plan: TestPlan) -> list[Issue]:
    """Same seed, same cases (generated twice, uncached); a tiny size still yields valid cases."""
    issues = []
    for problem in dataset.problems:
        try:
            first = generate_tests(problem, plan.num_cases, plan.seed, plan.size, use_cache=False)
            second = generate_tests(problem, plan.num_cases, plan.seed, plan.size, use_cache=False)
            if first != second:
                issues.append(Issue(problem.id, f"generator is not deterministic for seed {plan.seed}"))
            generate_tests(problem, 3, plan.seed + 1, 0.05, use_cache=False)
        except AfterburnerError as error:
            issues.append(Issue(problem.id, str(error)))
    return issues


def check_dataset(
    dataset: Dataset,
    workers: int = 1,
    plan: TestPlan | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Issue], ProfileRun]:
    """All issues of a dataset: loading, generators, and reference solutions that do not pass."""
    plan = plan or TestPlan()
    issues = check_generators(dataset, plan)
    correctness = Measurement(repeat=1, metric="cpu_time", counter="off")  # verdicts only: nothing counted
    run = profile_dataset(dataset, workers, correctness, plan=plan, on_progress=on_progress)
    return [*run.issues, *issues], run
