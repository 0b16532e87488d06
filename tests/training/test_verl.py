"""verl's compute_score over the same rewards, called directly (real sandbox judging).

The one stub is in `test_infrastructure_error_is_a_not_scored_dict`: judge_solution answers IE.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from afterburner.core.measured import Measured
from afterburner.core.verdicts import Verdict
from afterburner.datasets import bundled
from afterburner.judge.compiler import CompileResult
from afterburner.judge.judge import JudgeResult
from afterburner.judge.measurement import CLOCK_ONLY, Measurement
from afterburner.training import reward_judge
from afterburner.training.rewards import AfterburnerReward, PaperReward
from afterburner.training.verl import compute_score, ground_truth_row, reward_for

PROBLEM_DIR = Path(bundled.__file__).parent / "venus_mini" / "problems" / "001-two-sum"
OPTIMAL = (PROBLEM_DIR / "solutions" / "python" / "optimal.py").read_text()
HARD_CODED = "```python\nclass Solution:\n    def twoSum(self, nums, target):\n        return [0, 3]\n```"


def truth(**changes: Any) -> dict[str, Any]:
    row = {
        "problem_id": "1",
        "language": "python",
        "objective": "time",
        "dataset": "venus-mini",
        "original": OPTIMAL,
        "original_label": "optimal",
        "baseline_passed": True,
        "baseline_cpu_time": 0.3,
        "baseline_peak_memory": None,
        "baseline_memory_integral": None,
    }
    return row | changes


def test_hard_coded_answer_scores_the_failure_reward() -> None:
    score = compute_score("venus-mini", HARD_CODED, json.dumps(truth()), {"index": 3, "split": "train"})
    assert score == -1.0 and isinstance(score, float)


def test_paper_reward_by_extra_info() -> None:
    """No code against a passing original: pass -> fail, c = -1, R = -0.5 (judges the original, by the clock)."""
    clock = {"metric": "cpu_time"}
    score = compute_score("venus-mini", "no code at all", truth(), {"reward": "paper", **clock})
    assert score == pytest.approx(-0.5)
    paper = reward_for("paper", clock)
    assert isinstance(paper, PaperReward) and paper.measurement == CLOCK_ONLY  # a clock ranks: nothing counted
    assert paper.stats.originals_judged + paper.stats.originals_cached == 1


def test_instances_are_memoized_per_kind_and_settings() -> None:
    assert reward_for("afterburner") is reward_for("afterburner", {"index": 1})  # verl's own keys are ignored
    assert reward_for("afterburner") is not reward_for("afterburner", {"repeat": 5})
    assert isinstance(reward_for("afterburner"), AfterburnerReward)
    assert reward_for("afterburner").measurement == Measurement()  # counts decide by default
    chosen = reward_for("afterburner", {"repeat": 5, "estimator": "median", "metric": "wall_time", "counter": "qemu"})
    assert chosen.measurement == Measurement(5, "median", "wall_time", "qemu")
    with pytest.raises(ValueError, match="unknown reward"):
        reward_for("speed")


def test_dataset_falls_back_to_data_source() -> None:
    assert ground_truth_row(json.dumps(truth(dataset="")), "venus-mini").dataset == "venus-mini"


def test_infrastructure_error_is_a_not_scored_dict(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*args: Any, **kwargs: Any) -> JudgeResult:
        return JudgeResult(CompileResult(True, None), Measured(Verdict.IE, detail="the sandbox failed (stub)"))

    monkeypatch.setattr(reward_judge, "judge_solution", failing)
    info = {"disk_cache": False}
    score = compute_score("venus-mini", HARD_CODED, truth(), info)
    assert isinstance(score, dict)
    assert score["score"] == 0.0 and score["not_scored"] is True and "sandbox failed" in score["reason"]
    dict_score = compute_score("venus-mini", "no code", truth(), {**info, "dict_scores": True})
    assert dict_score == {"score": -1.0, "not_scored": False, "reason": ""}
