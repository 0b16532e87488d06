"""benchmarks/ablation.py: each arm changes only what its name says; figures per checkpoint."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import asdict
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from afterburner.evaluation.metrics import Execution
from afterburner.optimize.loop import LoopConfig

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "ablation.py"


@pytest.fixture(scope="module")
def ablation() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ablation_benchmark", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _differences(a: dict[str, Any], b: dict[str, Any], prefix: str = "") -> set[str]:
    changed: set[str] = set()
    for key in a:
        if isinstance(a[key], dict):
            changed |= _differences(a[key], b[key], f"{prefix}{key}.")
        elif a[key] != b[key]:
            changed.add(prefix + key)
    return changed


EXPECTED = {
    "resample": {"template", "repair"},
    "paper": {"template", "repair"},
    "afterburner": set(),
    "afterburner-no-hotspots": {"feedback.hotspots"},
    "afterburner-no-repair": {"repair"},
    "afterburner-no-contract": {"feedback.contract"},
    "afterburner-no-precheck": {"precheck"},
    "afterburner-edit": {"answer"},
}


def test_each_arm_changes_only_its_own_settings(ablation: ModuleType) -> None:
    base = LoopConfig(iterations=4, samples=1)
    assert set(EXPECTED) == set(ablation.ARMS + ablation.FEATURE_ARMS)
    for arm, fields in EXPECTED.items():
        config = ablation.arm_config(arm, base)
        assert _differences(asdict(base), asdict(config)) == fields, arm
    with pytest.raises(ValueError, match="unknown arm"):
        ablation.arm_config("afterburner-no-everything", base)


def _execution(problem: str, iteration: int, cpu_time: float | None, passed: bool = True) -> Execution:
    return Execution.of(problem, passed, cpu_time, peak_memory=1.0, memory_integral=cpu_time, iteration=iteration)


def test_speedups_count_only_problems_passing_at_both_ends(ablation: ModuleType) -> None:
    executions = [
        _execution("a", 0, 2.0),
        _execution("a", 2, 0.5),
        _execution("b", 0, 1.0),
        _execution("b", 2, 1.0, passed=False),
        _execution("c", 0, 1.0),
    ]
    assert ablation._speedups_at(executions, 2) == [4.0]
    figures = ablation._geometric([4.0, 1.0], rounds=200)
    assert figures["geometric_mean"] == pytest.approx(2.0)
    assert figures["at_least_5pct_faster"] == 1
    assert figures["interval"]["low"] <= 2.0 <= figures["interval"]["high"]
    assert ablation._geometric([3.0], rounds=200)["interval"] is None


def test_feedback_gain_is_none_without_both_arms(ablation: ModuleType) -> None:
    def arm(beyond_t: float) -> dict[str, Any]:
        return {"checkpoints": {"4": {"scores": {"beyond_t": beyond_t}}}}

    assert ablation.feedback_gain({"afterburner": arm(0.6), "paper": arm(0.5)}, 4) == pytest.approx(0.1)
    assert ablation.feedback_gain({"afterburner": arm(0.6)}, 4) is None
    assert ablation.checkpoints(3) == [0, 2, 3]
    assert ablation.checkpoints(4) == [0, 2, 4]
