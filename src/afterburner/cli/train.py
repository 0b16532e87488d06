"""`afterburner train sft|dpo|grpo --config FILE.yaml`: TRL trainers over exported rows, LoRA by default."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from afterburner.training.config import GRPORecipe, TrainConfig, load_recipe, recipe_dict, recipe_help

app = typer.Typer(
    help="Train a model on exported rows with TRL: sft, dpo or grpo (execution rewards judged in the sandbox).",
    no_args_is_help=True,
)
out = Console(stderr=True)

Config = Annotated[Path | None, typer.Option("--config", "-c", help="YAML recipe: any setting listed below by name.")]
Data = Annotated[str | None, typer.Option("--data", help="Folder of `afterburner data export` (overrides the recipe).")]
Out = Annotated[str | None, typer.Option("--out", "-o", help="Output folder (overrides the recipe).")]
Model = Annotated[str | None, typer.Option("--model", "-m", help="Base model: embedded name or transformers folder.")]
MaxSteps = Annotated[int | None, typer.Option("--max-steps", help="Optimizer steps (overrides the recipe).")]
Rate = Annotated[float | None, typer.Option("--learning-rate", "--lr", help="Peak learning rate (overrides).")]
Sets = Annotated[
    list[str] | None, typer.Option("--set", help="Override any setting: NAME=VALUE (YAML value), repeatable.")
]
Resume = Annotated[bool, typer.Option("--resume", help="Continue the run in --out from its last checkpoint.")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Print the resolved recipe as JSON and stop.")]


def _run(
    method: str, config: Path | None, named: dict[str, Any], sets: list[str] | None, resume: bool, dry: bool
) -> None:
    recipe = load_recipe(method, config, named, sets)
    if dry:
        print(json.dumps(recipe_dict(recipe), indent=2))
        return
    _announce(recipe)
    from afterburner.training.trainers import train  # torch, transformers, TRL: only when training

    result = train(recipe, resume=resume, progress=lambda line: out.print(line, highlight=False))
    loss = next((m["train_loss"] for m in reversed(result.metrics) if "train_loss" in m), None)
    out.print(
        f"[green]{method} done[/]: {result.steps} steps on {result.rows} rows in {result.seconds:.0f} s"
        + (f", train loss {loss:.4f}" if loss is not None else "")
    )
    if result.reward_stats:
        out.print(f"reward: {json.dumps(result.reward_stats)}", highlight=False)
    where = result.model_dir or result.adapter_dir
    out.print(f"saved to {where}; use it with: afterburner optimize --backend hf --model {result.out}", highlight=False)


def _announce(recipe: TrainConfig) -> None:
    lora = f"LoRA r={recipe.lora_r}" if recipe.lora else "all weights"
    out.print(f"training {recipe.method} on {recipe.data} from {recipe.model} ({lora}) into {recipe.out}")
    if isinstance(recipe, GRPORecipe):
        measured = recipe.measurement
        out.print(
            f"{recipe.reward} reward: 'time' rows ranked by {measured.metric} (counter {measured.counter}), "
            f"{measured.repeat} native passes per judged program",
            highlight=False,
        )


def _named(
    data: str | None, out_dir: str | None, model: str | None, steps: int | None, rate: float | None
) -> dict[str, Any]:
    return {"data": data, "out": out_dir, "model": model, "max_steps": steps, "learning_rate": rate}


def _command(method: str, summary: str) -> None:
    def command(
        config: Config = None,
        data: Data = None,
        out_dir: Out = None,
        model: Model = None,
        max_steps: MaxSteps = None,
        learning_rate: Rate = None,
        sets: Sets = None,
        resume: Resume = False,
        dry_run: DryRun = False,
    ) -> None:
        _run(method, config, _named(data, out_dir, model, max_steps, learning_rate), sets, resume, dry_run)

    settings = recipe_help(method).replace("\n", "\n\n")
    command.__doc__ = f"{summary}\n\nSettings (YAML keys, --set NAME=VALUE):\n\n{settings}"
    app.command(method)(command)


_command("sft", "Supervised fine-tuning on `data export sft` rows (TRL SFTTrainer).")
_command("dpo", "Preference optimization on `data export dpo` pairs (TRL DPOTrainer).")
_command("grpo", "GRPO on `data export grpo` prompts, rewards judged in the sandbox (TRL GRPOTrainer).")
