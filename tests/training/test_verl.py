"""verl's compute_score over the same rewards, called directly and as verl's reward manager calls it
(real sandbox judging), and `data export verl`'s Parquet.

The stubs: judge_solution answers IE in `test_infrastructure_error_is_a_not_scored_dict` and for one
marked program of the reward-manager batch.
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
from afterburner.training.verl import compute_score, ground_truth_row, reward_for, verl_rows, write_verl

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
    assert score == {"score": -1.0, "not_scored": False, "reason": ""} and isinstance(score["score"], float)


def test_paper_reward_by_extra_info() -> None:
    """No code against a passing original: pass -> fail, c = -1, R = -0.5 (judges the original, by the clock)."""
    clock = {"metric": "cpu_time"}
    score = compute_score("venus-mini", "no code at all", truth(), {"reward": "paper", **clock})
    assert score["score"] == pytest.approx(-0.5) and not score["not_scored"]
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
    assert score["score"] == 0.0 and score["not_scored"] is True and "sandbox failed" in score["reason"]
    assert compute_score("venus-mini", "no code", truth(), info) == {"score": -1.0, "not_scored": False, "reason": ""}


FAILS_ON_OUR_SIDE = "# the sandbox fails on this one (stubbed)"


def test_a_reward_manager_batch_of_pass_fail_and_infrastructure_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """verl's reward manager: compute_score per sample, "score" the reward, every other key appended to a
    per-key list; mixed outcomes must leave every list as long as the batch."""
    real = reward_judge.judge_solution

    def sometimes_failing(problem: Any, language: str, code: str, *args: Any, **kwargs: Any) -> JudgeResult:
        if FAILS_ON_OUR_SIDE in code:
            return JudgeResult(CompileResult(True, None), Measured(Verdict.IE, detail="the sandbox failed (stub)"))
        return real(problem, language, code, *args, **kwargs)

    monkeypatch.setattr(reward_judge, "judge_solution", sometimes_failing)
    rows = verl_rows([{**truth(), "prompt": [{"role": "user", "content": "make it faster"}]}] * 3)
    answers = [f"```python\n{OPTIMAL}\n```", HARD_CODED, f"```python\n{OPTIMAL}\n{FAILS_ON_OUR_SIDE}\n```"]
    rewards: list[float] = []
    extra: dict[str, list[Any]] = {}
    for row, answer in zip(rows, answers, strict=True):  # what verl's NaiveRewardManager does per sample
        info = {**row["extra_info"], "disk_cache": False, "metric": "cpu_time"}
        result = compute_score(row["data_source"], answer, row["reward_model"]["ground_truth"], info)
        assert isinstance(result, dict)
        rewards.append(result["score"])
        for key, value in result.items():
            extra.setdefault(key, []).append(value)
    assert all(len(values) == len(rows) for values in extra.values())
    assert extra["not_scored"] == [False, False, True] and "sandbox failed" in extra["reason"][2]
    assert rewards[1] == -1.0 and rewards[2] == 0.0 and rewards[0] > -1.0  # the passing one is not failed


def test_the_verl_export_holds_verls_fields(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    row = {**truth(), "prompt": [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}]}
    assert write_verl(tmp_path, [row, row]) == {"train.parquet": 2}
    read = pq.read_table(tmp_path / "train.parquet").to_pylist()
    assert set(read[0]) == {"data_source", "prompt", "ability", "reward_model", "extra_info"}
    assert read[0]["prompt"] == row["prompt"] and read[0]["ability"] == "code"
    assert read[0]["reward_model"]["style"] == "rule" and read[1]["extra_info"]["index"] == 1
    assert ground_truth_row(read[0]["reward_model"]["ground_truth"], read[0]["data_source"]).problem_id == "1"
