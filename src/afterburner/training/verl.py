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

Always returns the same shape, `{"score": float, "not_scored": bool, "reason": str}`: verl takes
"score" as the reward and appends every other key to a per-key extra-info list, so each sample must
give the same keys or those lists come out shorter than the batch. verl cannot leave a sample out,
so when our side could not judge (the sandbox failed, the original or references could not be
measured) the score is 0.0 with `not_scored` True and the reason; filter on `not_scored` to drop
those samples from statistics.

`afterburner data export verl DATASET --out DIR` writes verl's RL Parquet (`write_verl`):
`data_source`, `prompt` (chat messages), `ability`, `reward_model` {`style`: "rule", `ground_truth`:
the GRPO row's columns as JSON} and `extra_info` {split, index, problem_id, reward}, the reward of
every row routed to this function.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from afterburner.training.config import measurement_for
from afterburner.training.rewards import REWARDS, RewardRow, SandboxReward

MEASUREMENT_KEYS = ("repeat", "estimator", "metric", "counter")
SETTING_KEYS = (*MEASUREMENT_KEYS, "disk_cache")
PARQUET = "train.parquet"
ABILITY = "code"
# The GRPO columns a verl row's ground truth carries (what `RewardRow` reads); the prompt goes apart.
TRUTH_SKIP = ("prompt",)
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
) -> dict[str, Any]:
    """The reward of one verl sample, always `{"score", "not_scored", "reason"}` (see the module docstring)."""
    info = dict(extra_info or {})
    reward = reward_for(str(info.get("reward", "afterburner")), info)
    row = ground_truth_row(ground_truth, data_source)
    scored = reward.score_batch([row], [solution_str])[0]
    if scored.reward is None:
        return {"score": 0.0, "not_scored": True, "reason": scored.reason}
    return {"score": float(scored.reward), "not_scored": False, "reason": ""}


def verl_rows(
    rows: Sequence[Mapping[str, Any]], split: str = "train", reward: str = "afterburner"
) -> list[dict[str, Any]]:
    """GRPO rows as verl's RL rows: the prompt's messages, and the columns the reward reads as ground truth."""
    out = []
    for index, row in enumerate(rows):
        truth = {key: value for key, value in row.items() if key not in TRUTH_SKIP}
        out.append(
            {
                "data_source": str(row["dataset"]),
                "prompt": list(row["prompt"]),
                "ability": ABILITY,
                "reward_model": {"style": "rule", "ground_truth": json.dumps(truth, sort_keys=True)},
                "extra_info": {
                    "split": split,
                    "index": index,
                    "problem_id": str(row["problem_id"]),
                    "reward": reward,
                },
            }
        )
    return out


def write_verl(out: Path, rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """verl's RL Parquet of GRPO rows (`data.train_files=DIR/train.parquet`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(verl_rows(rows))
    pq.write_table(table, out / PARQUET)
    return {PARQUET: table.num_rows}
