"""The three TRL trainers wired end to end on a tiny random Qwen2 model (no download).

Each run exports real rows from venus-mini (references measured in the sandbox), trains a LoRA
adapter for a couple of steps on CPU, and checks that the merged weights changed, that the
output folder is what `--backend hf` loads, and (GRPO) that every reward came from a real sandbox
judgement: the judge calls are counted at the judge function itself. SFT and DPO rows are ranked
by the clock (`--metric cpu_time`: what ranks them does not matter to the trainer, and counting
every reference would take minutes); GRPO runs the default recipe, whose rewards are decided by
instruction counts, on a trimmed copy of problem 4 (`tiny.trimmed_dataset`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("trl")
pytest.importorskip("peft")

from typer.testing import CliRunner

from afterburner.cli.main import app
from afterburner.datasets.registry import load_dataset
from afterburner.training.config import load_recipe
from tests.training.tiny import build_tiny_model, trimmed_dataset

PROBLEMS = "4,10"  # their references are the quickest to measure
GRPO_PROBLEM = "4"  # the tiny model samples its references


def _export(kind: str, out: Path, *extra: str, dataset: str = "venus-mini") -> Path:
    problems = [] if "--problems" in extra else ["--problems", PROBLEMS]
    args = ["data", "export", kind, dataset, *problems, "--repeat", "3", "--out", str(out), *extra]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    problem = load_dataset("venus-mini").get(GRPO_PROBLEM)
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model", problem)


def _weights(folder: Path) -> dict[str, Any]:
    from safetensors.torch import load_file

    return load_file(str(folder / "model.safetensors"))


def _changed(before: Path, after: Path) -> list[str]:
    import torch

    old, new = _weights(before), _weights(after)
    assert set(old) == set(new), "the merged model must have the base model's tensors"
    return [name for name in old if not torch.equal(old[name], new[name])]


def _recipe(method: str, data: Path, out: Path, model: Path, **settings: Any) -> Any:
    base = {"data": str(data), "out": str(out), "model": str(model), "max_steps": 2, "save_steps": 1, "threads": 1}
    sets = [f"{k}={json.dumps(v)}" for k, v in settings.items()]
    return load_recipe(method, None, {**base}, [*sets, "report_to=none", "lora_r=4", "lora_alpha=8"])


def _train(recipe: Any) -> Any:
    from afterburner.training.trainers import train

    return train(recipe)


@pytest.mark.parametrize("method", ["sft", "dpo"])
def test_sft_and_dpo_change_the_weights(method: str, tiny: Path, tmp_path: Path) -> None:
    data = _export(method, tmp_path / "rows", "--metric", "cpu_time")
    result = _train(_recipe(method, data, tmp_path / "run", tiny, learning_rate=0.01))
    assert result.steps == 2
    assert result.model_dir == tmp_path / "run" / "model"
    assert _changed(tiny, result.model_dir), "training must change the merged weights"
    assert (tmp_path / "run" / "adapter" / "adapter_config.json").is_file()
    logged = [json.loads(line) for line in (tmp_path / "run" / "metrics.jsonl").read_text().splitlines()]
    assert any("loss" in row for row in logged)
    record = json.loads((tmp_path / "run" / "train.json").read_text())
    assert record["method"] == method and record["device"]["bf16"] is False
    assert record["device"]["gradient_checkpointing"] is False


def test_a_finished_run_is_not_overwritten_and_resume_continues(tiny: Path, tmp_path: Path) -> None:
    from afterburner.core.errors import UsageError
    from afterburner.training.trainers import train

    data = _export("sft", tmp_path / "rows", "--metric", "cpu_time")
    _train(_recipe("sft", data, tmp_path / "run", tiny, learning_rate=0.01))
    with pytest.raises(UsageError, match="earlier run"):
        train(_recipe("sft", data, tmp_path / "run", tiny))
    (tmp_path / "run" / "train.json").unlink()
    resumed = train(_recipe("sft", data, tmp_path / "run", tiny, max_steps=3), resume=True)
    assert resumed.steps == 3  # continued from checkpoint-2, not from zero


def test_training_refuses_test_split_problems(tiny: Path, tmp_path: Path) -> None:
    from afterburner.core.errors import UsageError
    from afterburner.training.split import ProblemSplit
    from afterburner.training.trainers import train

    split = tmp_path / "split.json"
    ProblemSplit("venus-mini", "venus-mini", 1, 0.5, train=("4",), test=("10",)).save(split)
    data = _export("sft", tmp_path / "rows", "--metric", "cpu_time")  # rows of problems 4 and 10, without the split
    recipe = _recipe("sft", data, tmp_path / "run", tiny, split=str(split))
    with pytest.raises(UsageError, match="10"):
        train(recipe)
    assert not (tmp_path / "run" / "model").exists()


def test_grpo_rewards_come_from_real_judgements(tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import afterburner.training.reward_judge as reward_judge

    calls: list[str] = []
    real = reward_judge.judge_solution

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(str(args[0].id if args else kwargs.get("problem")))
        return real(*args, **kwargs)

    monkeypatch.setattr(reward_judge, "judge_solution", counted)
    # No judgement from an earlier test's disk cache (a scope of this test's own, as if judged
    # elsewhere): every reward below is judged in this test.
    monkeypatch.setattr(reward_judge.RewardJudge, "_where", lambda self: f"fresh:{tmp_path}")
    dataset = str(trimmed_dataset(tmp_path / "dataset"))
    data = _export("grpo", tmp_path / "rows", "--problems", GRPO_PROBLEM, "--originals", "slowest", dataset=dataset)
    recipe = _recipe("grpo", data, tmp_path / "run", tiny, learning_rate=0.05, max_completion_length=12)
    assert recipe.measurement.metric == "instructions"  # the default recipe: counts decide
    result = _train(recipe)
    stats = result.reward_stats
    assert stats is not None and stats["completions"] == 2 * 4  # 2 steps x 4 rollouts
    assert stats["none"] == 0 and stats["unjudged"] == 0 and stats["disk_cached"] == 0
    # Every completion was either judged in the sandbox (or the same program was, earlier) or held no code.
    assert stats["candidates_judged"] + stats["candidates_cached"] + stats["degenerate"] == stats["completions"]
    assert stats["candidates_judged"] >= 1
    assert len(calls) == stats["judged"], "each judgement is one real judge_solution call"
    assert _changed(tiny, result.model_dir), "GRPO with varying rewards must change the weights"
