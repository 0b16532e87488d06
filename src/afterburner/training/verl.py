"""The rewards as verl's custom reward function: `compute_score(data_source, solution_str, ground_truth, extra_info)`.

Point verl at it with `custom_reward_function.path=.../afterburner/training/verl.py` and
`custom_reward_function.name=compute_score`. `ground_truth` carries the GRPO row's columns
(`RewardRow`: problem_id, language, objective, dataset, original, ...) as a JSON string or a
dict; a missing `dataset` falls back to `data_source`. `extra_info` may choose the reward and
its settings: `{"reward": "paper"}` (default "afterburner"), the measurement's `"repeat"`,
`"estimator"`, `"metric"` (default "instructions": exact counts decide; "cpu_time" ranks by the
clock, with no counting pass unless `"counter"` names one) and `"counter"`, and `"disk_cache"`;
its other keys (verl's own: index, split, ...) are ignored. One reward instance per (kind,
settings) lives in the process, so judgements, originals and references are cached across calls.

Returns a float. verl cannot leave a sample out, so when our side could not judge (the sandbox
failed, the original or references could not be measured) it returns
`{"score": 0.0, "not_scored": True, "reason": ...}`: verl takes "score" as the reward and keeps
the other keys as extra info; filter on `not_scored` to drop those samples from statistics. With
`extra_info["dict_scores"]` true every sample returns that dict shape (`not_scored` False when
scored), which keeps verl's per-key extra-info lists the same length as the batch.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from typing import Any

from afterburner.training.config import measurement_for
from afterburner.training.rewards import REWARDS, RewardRow, SandboxReward

MEASUREMENT_KEYS = ("repeat", "estimator", "metric", "counter")
SETTING_KEYS = (*MEASUREMENT_KEYS, "disk_cache")
_INSTANCES: dict[tuple[str, tuple[tuple[str, Any], ...]], SandboxReward] = {}
_LOCK = threading.Lock()


def reward_for(kind: str = "afterburner", settings: Mapping[str, Any] | None = None) -> SandboxReward:
    """The process's reward instance of `kind` with `settings` (created on first use)."""
    if kind not in REWARDS:
        raise ValueError(f"unknown reward {kind!r}; use one of {', '.join(REWARDS)}")
    chosen = tuple(sorted((k, v) for k, v in (settings or {}).items() if k in SETTING_KEYS))
    with _LOCK:
        reward = _INSTANCES.get((kind, chosen))
        if reward is None:
            values = dict(chosen)
            measurement = measurement_for(**{k: values.pop(k) for k in MEASUREMENT_KEYS if k in values})
            reward = _INSTANCES[(kind, chosen)] = REWARDS[kind](measurement, **values)
        return reward


def ground_truth_row(ground_truth: str | Mapping[str, Any], data_source: str = "") -> RewardRow:
    """The row of a sample's ground truth (JSON text or a mapping of the GRPO columns)."""
    values = json.loads(ground_truth) if isinstance(ground_truth, str) else dict(ground_truth)
    if not isinstance(values, dict):
        raise ValueError("ground_truth must be a JSON object (or a dict) of the GRPO row's columns")
    if not values.get("dataset") and data_source:
        values["dataset"] = data_source
    return RewardRow.from_mapping(values)


def compute_score(
    data_source: str,
    solution_str: str,
    ground_truth: str | Mapping[str, Any],
    extra_info: Mapping[str, Any] | None = None,
) -> float | dict[str, Any]:
    """The reward of one verl sample: a float, or the not-scored dict described in the module docstring."""
    info = dict(extra_info or {})
    reward = reward_for(str(info.get("reward", "afterburner")), info)
    row = ground_truth_row(ground_truth, data_source)
    scored = reward.score_batch([row], [solution_str])[0]
    if scored.reward is None:
        return {"score": 0.0, "not_scored": True, "reason": scored.reason}
    if info.get("dict_scores"):
        return {"score": scored.reward, "not_scored": False, "reason": ""}
    return scored.reward
