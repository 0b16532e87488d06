"""Every reference solution of venus-mini passes in the sandbox, and every generator is deterministic."""

from __future__ import annotations

import pytest

from afterburner.datasets.bundled import load_bundled
from afterburner.datasets.check import check_dataset


@pytest.mark.slow
def test_all_reference_solutions_pass_and_generators_are_deterministic() -> None:
    dataset = load_bundled()
    issues, run = check_dataset(dataset, workers=2)
    assert [str(issue) for issue in issues] == []
    assert len(run.profiles) == sum(len(p.solutions) for p in dataset.problems) >= 40 * 6 + 12 * 15
    assert all(profile.passed for profile in run.profiles)
