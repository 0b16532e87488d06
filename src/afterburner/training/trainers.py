"""SFT, DPO and GRPO over TRL's trainers, LoRA through peft: no training algorithm of our own.

`train(recipe)` resolves the base model (an embedded GGUF is converted once to a transformers
folder), loads the exported rows and refuses rows of test-split problems, picks CPU-safe settings
at run time (no bf16 and no gradient checkpointing without a GPU, torch threads on the host cores
so the judge keeps its measure cores), builds the TRL config from the recipe, trains with a
progress bar, metrics to `metrics.jsonl` and TensorBoard and checkpoints, and saves the adapter and
the merged model: `out/model` loads with `afterburner optimize --backend hf --model OUT`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.judge.executor import JudgeExecutor
from afterburner.models.base import Progress, local_threads
from afterburner.models.convert import convert_model, is_converted
from afterburner.models.embedded import MODELS
from afterburner.sandbox.cores import pin_to_host_cores
from afterburner.training.config import GRPORecipe, TrainConfig, recipe_dict
from afterburner.training.data import read_manifest
from afterburner.training.split import ProblemSplit, refuse_test_problems

INSTALL_HINT = "install the training extras: pip install torch==2.13.0 'afterburner[hf-llm,train]' (or `make setup`)"
RESULT_FILE = "train.json"


@dataclass
class TrainResult:
    """What a training run did, also written to OUT/train.json."""

    method: str
    out: Path
    base_model: str
    rows: int
    steps: int
    seconds: float
    device: dict[str, Any]
    metrics: list[dict[str, Any]] = field(default_factory=list)
    reward_stats: dict[str, Any] | None = None
    model_dir: Path | None = None
    adapter_dir: Path | None = None


def _imports() -> dict[str, Any]:
    try:
        import datasets
        import peft
        import torch
        import transformers
        import trl
    except ImportError as error:
        raise UsageError(f"training needs {error.name}", INSTALL_HINT) from error
    return {"torch": torch, "transformers": transformers, "trl": trl, "peft": peft, "datasets": datasets}


def resolve_base_model(name: str, progress: Progress | None = None) -> Path:
    """A transformers folder: an embedded model converted once, a folder, or a `train` output's model/."""
    if name in MODELS:
        return convert_model(name, progress)
    path = Path(name).expanduser()
    if path.suffix == ".gguf" and path.is_file():
        return convert_model(str(path), progress)
    if (path / "config.json").is_file():
        return path
    if (path / "model" / "config.json").is_file():
        return path / "model"
    raise UsageError(
        f"no transformers model at {name!r}",
        f"give a folder with config.json, a .gguf file, or one of {', '.join(sorted(MODELS))}",
    )


def device_settings(recipe: TrainConfig, torch: Any) -> dict[str, Any]:
    """CPU-safe choices made at run time: bf16 and gradient checkpointing only on a GPU."""
    cuda = bool(torch.cuda.is_available())
    bf16_ok = cuda and bool(torch.cuda.is_bf16_supported())
    bf16 = bf16_ok if recipe.bf16 == "auto" else recipe.bf16 == "true"
    if bf16 and not bf16_ok:
        raise UsageError("bf16 needs a GPU that supports it", "set bf16: auto or false")
    checkpointing = cuda if recipe.gradient_checkpointing == "auto" else recipe.gradient_checkpointing == "true"
    threads = 0
    if not cuda:
        pin_to_host_cores()  # before torch starts its pools: training stays off the measure cores
        threads = local_threads(recipe.threads or None)
        torch.set_num_threads(threads)
    return {"cuda": cuda, "bf16": bf16, "gradient_checkpointing": checkpointing, "threads": threads}


def load_rows(recipe: TrainConfig, datasets: Any) -> Any:
    """The exported rows, checked: the right kind, and no problem of the test split."""
    folder = Path(recipe.data)
    manifest = read_manifest(folder)
    kind = manifest.get("kind")
    if kind != recipe.method:
        raise UsageError(f"{folder} holds {kind} rows, not {recipe.method}", f"export with `data export {kind}`")
    try:
        rows = datasets.load_from_disk(str(folder))
    except (OSError, ValueError) as error:
        raise UsageError(f"cannot load the training rows in {folder}: {error}") from error
    ids = sorted({str(p) for p in rows["problem_id"]})
    if recipe.split:
        refuse_test_problems(ids, ProblemSplit.load(Path(recipe.split)))
    if manifest.get("split"):
        refuse_test_problems(ids, ProblemSplit(**_split_fields(manifest["split"])))
    if len(rows) == 0:
        raise UsageError(f"{folder} has no rows to train on")
    return rows


def _split_fields(recorded: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(ProblemSplit)}
    return {k: v for k, v in recorded.items() if k in names}


def _lora(recipe: TrainConfig, peft: Any) -> Any:
    if not recipe.lora:
        return None
    targets: str | list[str] = recipe.lora_target_modules
    if "," in recipe.lora_target_modules:
        targets = [t.strip() for t in recipe.lora_target_modules.split(",") if t.strip()]
    return peft.LoraConfig(
        r=recipe.lora_r,
        lora_alpha=recipe.lora_alpha,
        lora_dropout=recipe.lora_dropout,
        target_modules=targets,
        task_type="CAUSAL_LM",
    )


def trl_arguments(recipe: TrainConfig, device: dict[str, Any], out: Path, accepted: set[str]) -> dict[str, Any]:
    """The TRL config's arguments: the shared ones, the method's, then the recipe's `trl` mapping.

    `accepted` are the config class's field names: transformers 5 renamed gradient checkpointing
    to activation checkpointing, and the old name warns.
    """
    checkpointing = "activation_checkpointing" if "activation_checkpointing" in accepted else "gradient_checkpointing"
    reports = [r.strip() for r in recipe.report_to.split(",") if r.strip() and r.strip() != "none"]
    common: dict[str, Any] = {
        "output_dir": str(out / "checkpoints"),
        "learning_rate": recipe.learning_rate,
        "num_train_epochs": recipe.epochs,
        "max_steps": recipe.max_steps,
        "per_device_train_batch_size": recipe.batch_size,
        "gradient_accumulation_steps": recipe.gradient_accumulation_steps,
        "logging_steps": recipe.logging_steps,
        "save_steps": recipe.save_steps,
        "save_total_limit": recipe.save_total_limit,
        "seed": recipe.seed,
        "bf16": device["bf16"],
        checkpointing: device["gradient_checkpointing"],
        "use_cpu": not device["cuda"],
        "report_to": reports or "none",
        "dataloader_num_workers": 0,
    }
    return {**common, **_method_arguments(recipe), **recipe.trl}


def _method_arguments(recipe: TrainConfig) -> dict[str, Any]:
    if isinstance(recipe, GRPORecipe):
        return {
            "num_generations": recipe.num_generations,
            "max_completion_length": recipe.max_completion_length,
            "temperature": recipe.temperature,
            "beta": recipe.beta,
            "use_vllm": recipe.use_vllm,
            "vllm_mode": recipe.vllm_mode,
        }
    extra: dict[str, Any] = {"max_length": recipe.max_length}
    if recipe.method == "dpo":
        extra["beta"] = getattr(recipe, "beta")  # noqa: B009 (DPORecipe only)
    return extra


def _metrics_callback(transformers: Any, path: Path, started: float) -> Any:
    """A TrainerCallback that appends every log TRL emits to metrics.jsonl (one JSON object per line)."""

    class MetricsLog(transformers.TrainerCallback):  # type: ignore[misc]
        def on_log(self, args: Any, state: Any, control: Any, logs: dict[str, Any] | None = None, **kw: Any) -> None:
            if not logs or not state.is_world_process_zero:
                return
            row = {"step": state.global_step, "epoch": state.epoch, "elapsed": time.monotonic() - started, **logs}
            with path.open("a") as handle:
                handle.write(json.dumps(row, default=float) + "\n")

    return MetricsLog()


def build_reward(recipe: GRPORecipe) -> Any:
    """The execution reward the recipe names, judged for real in the sandbox under its measurement."""
    from afterburner.training.rewards import AfterburnerReward, PaperReward

    kind = AfterburnerReward if recipe.reward == "afterburner" else PaperReward
    return kind(recipe.measurement, executor=reward_executor(recipe.reward_judge))


def reward_executor(judge: str) -> JudgeExecutor | None:
    """Where rewards are judged: this machine, a Ray cluster, or a judge service."""
    if judge.startswith(("http://", "https://")):
        from afterburner.service.client import RemoteExecutor

        return RemoteExecutor(judge)
    from afterburner.judge.ray_executor import parse_executor

    return parse_executor(judge)


TRAINERS = {
    "sft": ("SFTTrainer", "SFTConfig"),
    "dpo": ("DPOTrainer", "DPOConfig"),
    "grpo": ("GRPOTrainer", "GRPOConfig"),
}


def _trainer(
    recipe: TrainConfig, libs: dict[str, Any], model: Any, tokenizer: Any, rows: Any, out: Path, device: dict[str, Any]
) -> Any:
    """The TRL trainer of the recipe's method, with its config built from the recipe."""
    trainer_name, config_name = TRAINERS[recipe.method]
    config_class = getattr(libs["trl"], config_name)
    accepted = {f.name for f in dataclasses.fields(config_class)}
    options: dict[str, Any] = {"peft_config": _lora(recipe, libs["peft"])}
    if isinstance(recipe, GRPORecipe):
        tokenizer.padding_side = "left"  # generation pads on the left
        options["reward_funcs"] = [build_reward(recipe)]
    try:
        config = config_class(**trl_arguments(recipe, device, out, accepted))
    except TypeError as error:  # an unknown argument in the recipe's `trl` mapping
        raise UsageError(
            f"TRL refused the {recipe.method} settings: {error}", "check the recipe's trl: entries"
        ) from error
    trainer_class = getattr(libs["trl"], trainer_name)
    return trainer_class(model=model, args=config, train_dataset=rows, processing_class=tokenizer, **options)


def _prepare_out(out: Path, resume: bool) -> bool:
    """Whether to resume from a checkpoint; refuses to write over an earlier run unless resuming."""
    checkpoints = sorted((out / "checkpoints").glob("checkpoint-*")) if out.is_dir() else []
    if not resume and (checkpoints or (out / RESULT_FILE).exists()):
        raise UsageError(f"{out} holds an earlier run", "pass --resume to continue it, or choose another --out")
    out.mkdir(parents=True, exist_ok=True)
    return resume and bool(checkpoints)


def _load_model(libs: dict[str, Any], base: Path, device: dict[str, Any]) -> tuple[Any, Any]:
    torch, transformers = libs["torch"], libs["transformers"]
    tokenizer = transformers.AutoTokenizer.from_pretrained(base)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    dtype = torch.bfloat16 if device["bf16"] else torch.float32
    try:
        model = transformers.AutoModelForCausalLM.from_pretrained(base, dtype=dtype)
    except (OSError, ValueError) as error:
        raise AfterburnerError(f"transformers cannot load {base}: {error}") from error
    return model, tokenizer


def _save(recipe: TrainConfig, trainer: Any, tokenizer: Any, out: Path) -> tuple[Path | None, Path | None]:
    """The adapter (LoRA) and the merged model, each loadable on its own; returns (model, adapter) dirs."""
    adapter: Path | None = None
    model = trainer.model
    if recipe.lora:
        adapter = out / "adapter"
        model.save_pretrained(adapter)
        tokenizer.save_pretrained(adapter)
        if not recipe.merge:
            return None, adapter
        model = model.merge_and_unload()
    target = out / "model"
    model.save_pretrained(target)
    tokenizer.save_pretrained(target)
    return target, adapter


def train(recipe: TrainConfig, resume: bool = False, progress: Progress | None = None) -> TrainResult:
    """Run the recipe's trainer; returns what it did (also OUT/train.json)."""
    libs = _imports()
    out = Path(recipe.out)
    from_checkpoint = _prepare_out(out, resume)
    device = device_settings(recipe, libs["torch"])
    base = resolve_base_model(recipe.model, progress)
    rows = load_rows(recipe, libs["datasets"])
    model, tokenizer = _load_model(libs, base, device)
    started = time.monotonic()
    os.environ["TENSORBOARD_LOGGING_DIR"] = str(out / "tensorboard")  # transformers 5 reads it from here
    trainer = _trainer(recipe, libs, model, tokenizer, rows, out, device)
    trainer.add_callback(_metrics_callback(libs["transformers"], out / "metrics.jsonl", started))
    trainer.train(resume_from_checkpoint=True if from_checkpoint else None)
    model_dir, adapter_dir = _save(recipe, trainer, tokenizer, out)
    reward = getattr(trainer, "reward_funcs", [None])[0]
    result = TrainResult(
        method=recipe.method,
        out=out,
        base_model=str(base),
        rows=len(rows),
        steps=int(trainer.state.global_step),
        seconds=time.monotonic() - started,
        device=device,
        metrics=[dict(m) for m in trainer.state.log_history],
        reward_stats=reward.stats_dict() if hasattr(reward, "stats_dict") else None,
        model_dir=model_dir,
        adapter_dir=adapter_dir,
    )
    _write_result(recipe, result, libs)
    return result


def _write_result(recipe: TrainConfig, result: TrainResult, libs: dict[str, Any]) -> None:
    versions = {name: str(getattr(module, "__version__", "?")) for name, module in libs.items()}
    record = {
        **{k: str(v) if isinstance(v, Path) else v for k, v in dataclasses.asdict(result).items()},
        "recipe": recipe_dict(recipe),
        "versions": versions,
        "converted_base": is_converted(Path(result.base_model)),
    }
    (result.out / RESULT_FILE).write_text(json.dumps(record, indent=2, default=str))
