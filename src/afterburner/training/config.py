"""Training recipes: validated dataclasses with help text, read from YAML, overridden by CLI flags.

One dataclass per method (`SFTRecipe`, `DPORecipe`, `GRPORecipe`) over the shared `TrainConfig`.
They are the one source of defaults: `afterburner train METHOD --help` prints them, a YAML file
sets any of them by name, and `--set NAME=VALUE` (or the few named flags) overrides the file.
The defaults are CPU-safe and small; `examples/training/grpo-gpu.yaml` is the paper's GPU recipe.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from afterburner.core.config import default_of, help_of, require, setting
from afterburner.core.errors import UsageError
from afterburner.judge.measurement import Measurement

METHODS = ("sft", "dpo", "grpo")
REWARDS = ("afterburner", "paper")
SWITCHES = ("auto", "true", "false")
COUNTER_DEFAULT = ""  # no counter named: auto when instructions rank, off when a clock ranks


def measurement_for(
    repeat: int = default_of(Measurement, "repeat"),
    estimator: str = default_of(Measurement, "estimator"),
    metric: str = default_of(Measurement, "metric"),
    counter: str | None = None,
) -> Measurement:
    """A validated Measurement (UsageError naming every bad value); see `Measurement.of`."""
    return Measurement.of(repeat, estimator, metric, counter)


@dataclass(frozen=True)
class TrainConfig:
    """What every recipe shares: the model, the data, LoRA, the optimizer loop, logging and the device."""

    data: str = setting("", "Folder written by `afterburner data export` (required).")
    out: str = setting("", "Output folder: checkpoints/, metrics.jsonl, tensorboard/, adapter/, model/ (required).")
    model: str = setting(
        "smollm2-135m", "Base model: an embedded name (converted once to transformers) or a transformers folder."
    )
    split: str = setting("", "Split file of `afterburner data split`: rows of its test problems are refused.")
    lora: bool = setting(True, "Train a LoRA adapter (peft) instead of every weight.")
    lora_r: int = setting(16, "LoRA rank.")
    lora_alpha: int = setting(32, "LoRA scaling (alpha).")
    lora_dropout: float = setting(0.05, "Dropout on the LoRA path.")
    lora_target_modules: str = setting("all-linear", "Modules that get adapters (peft's names, comma-separated).")
    merge: bool = setting(True, "Also save the adapter merged into the base as out/model (loads with --backend hf).")
    learning_rate: float = setting(2e-5, "Peak learning rate (AdamW, linear decay).")
    epochs: float = setting(1.0, "Passes over the data (ignored when max_steps > 0).")
    max_steps: int = setting(-1, "Stop after this many optimizer steps (-1: run the epochs).")
    batch_size: int = setting(2, "Rows per device per step (GRPO: completions per step).")
    gradient_accumulation_steps: int = setting(1, "Steps whose gradients are summed before one optimizer step.")
    max_length: int = setting(1024, "Longest prompt + answer in tokens (SFT, DPO); longer rows are truncated.")
    logging_steps: int = setting(1, "Log metrics every this many steps (metrics.jsonl, TensorBoard).")
    save_steps: int = setting(50, "Write a checkpoint every this many steps (resume with --resume).")
    save_total_limit: int = setting(2, "Checkpoints kept (older ones are deleted).")
    seed: int = setting(42, "Seed of data order, dropout and sampling.")
    threads: int = setting(0, "torch threads on CPU (0: the host cores Afterburner leaves off the measure cores).")
    bf16: str = setting("auto", "bf16 weights and math: auto (on a GPU that supports it), true or false.")
    gradient_checkpointing: str = setting("auto", "Trade compute for memory: auto (on a GPU), true or false.")
    report_to: str = setting("tensorboard", "Where TRL also reports: tensorboard, none, wandb, ... (comma-separated).")
    trl: dict[str, Any] = field(
        default_factory=dict,
        metadata={"help": "Further arguments of the TRL config (SFTConfig, DPOConfig, GRPOConfig), passed as given."},
    )

    def __post_init__(self) -> None:
        require(self._checks(), f"{type(self).__name__} settings")

    def _checks(self) -> list[tuple[bool, str]]:
        return [
            (bool(self.data), "data is required (a folder of `afterburner data export`)"),
            (bool(self.out), "out is required (the output folder)"),
            (self.lora_r >= 1 and self.lora_alpha >= 1, "lora_r and lora_alpha must be >= 1"),
            (0.0 <= self.lora_dropout < 1.0, "lora_dropout must be in [0, 1)"),
            (0.0 < self.learning_rate < 1.0, "learning_rate must be in (0, 1)"),
            (self.epochs > 0 or self.max_steps > 0, "epochs must be > 0 unless max_steps is set"),
            (self.max_steps == -1 or self.max_steps >= 1, "max_steps must be -1 or >= 1"),
            (self.batch_size >= 1 and self.gradient_accumulation_steps >= 1, "batch sizes must be >= 1"),
            (self.max_length >= 16, "max_length must be >= 16"),
            (self.logging_steps >= 1 and self.save_steps >= 1, "logging_steps and save_steps must be >= 1"),
            (self.save_total_limit >= 1, "save_total_limit must be >= 1"),
            (self.threads >= 0, "threads must be >= 0"),
            (self.bf16 in SWITCHES, "bf16 must be auto, true or false"),
            (self.gradient_checkpointing in SWITCHES, "gradient_checkpointing must be auto, true or false"),
            (isinstance(self.trl, dict), "trl must be a mapping of TRL config arguments"),
        ]

    @property
    def method(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class SFTRecipe(TrainConfig):
    """Supervised fine-tuning on prompt/completion rows (the k best references per problem)."""

    @property
    def method(self) -> str:
        return "sft"


@dataclass(frozen=True)
class DPORecipe(TrainConfig):
    """Direct preference optimization on prompt/chosen/rejected pairs (chosen better beyond noise)."""

    learning_rate: float = setting(5e-6, "Peak learning rate (AdamW, linear decay).")
    beta: float = setting(0.1, "DPO temperature: how far the policy may move from the reference.")

    def _checks(self) -> list[tuple[bool, str]]:
        return [*super()._checks(), (self.beta > 0, "beta must be > 0")]

    @property
    def method(self) -> str:
        return "dpo"


@dataclass(frozen=True)
class GRPORecipe(TrainConfig):
    """GRPO with execution rewards judged in the sandbox on the hidden scoring tests.

    Each optimizer step sees batch_size * gradient_accumulation_steps completions, that is that
    number divided by num_generations prompts. The paper's shape (32 prompts x 32 rollouts) is
    batch_size 32, gradient_accumulation_steps 32, num_generations 32 on one GPU.
    """

    learning_rate: float = setting(1e-5, "Peak learning rate (the paper: 1e-6 without LoRA).")
    batch_size: int = setting(4, "Completions per device per step (a multiple of num_generations).")
    num_generations: int = setting(4, "Rollouts per prompt (the group GRPO normalizes rewards in).")
    max_completion_length: int = setting(256, "Longest generated answer in tokens.")
    temperature: float = setting(1.0, "Sampling temperature of the rollouts (the paper: 1.0).")
    beta: float = setting(0.0, "KL coefficient against the reference model (the paper: 0, no KL).")
    reward: str = setting("afterburner", "Reward: afterburner (percentile gain beyond noise) or paper (their formula).")
    reward_metric: str = setting(
        default_of(Measurement, "metric"),
        "What decides a 'time' row's reward: " + help_of(Measurement, "metric").partition(": ")[2],
    )
    reward_counter: str = setting(
        COUNTER_DEFAULT,
        help_of(Measurement, "counter") + " Empty: auto when instructions rank, off when a clock does.",
    )
    reward_repeat: int = setting(
        default_of(Measurement, "repeat"),
        "Native passes per judged completion (1 .. 100): verdicts and the reported times; "
        "a clock's noise test needs >= 3.",
    )
    reward_estimator: str = setting(default_of(Measurement, "estimator"), help_of(Measurement, "estimator"))
    reward_judge: str = setting(
        "local", "Where rewards are judged: local, ray[:ADDRESS] (a Ray cluster), or a judge service URL (http://...)."
    )
    use_vllm: bool = setting(False, "Generate with vLLM (GPU only; TRL's colocate or server mode).")
    vllm_mode: str = setting("colocate", "vLLM mode: colocate (same GPU) or server (trl vllm-serve).")

    def _checks(self) -> list[tuple[bool, str]]:
        return [
            *super()._checks(),
            (self.num_generations >= 2, "num_generations must be >= 2 (GRPO compares rollouts of a prompt)"),
            (
                (self.batch_size * self.gradient_accumulation_steps) % self.num_generations == 0,
                "batch_size * gradient_accumulation_steps must be a multiple of num_generations",
            ),
            (self.max_completion_length >= 8, "max_completion_length must be >= 8"),
            (self.temperature > 0, "temperature must be > 0"),
            (self.beta >= 0, "beta must be >= 0"),
            (self.reward in REWARDS, f"reward must be one of {', '.join(REWARDS)}"),
            self._measurement_check(),
            (
                self.reward_judge == "local" or self.reward_judge.startswith(("ray", "http://", "https://")),
                "reward_judge must be local, ray[:ADDRESS] or http(s)://URL",
            ),
            (self.vllm_mode in ("colocate", "server"), "vllm_mode must be colocate or server"),
        ]

    @property
    def measurement(self) -> Measurement:
        """How the reward measures and ranks (validated on construction)."""
        return measurement_for(self.reward_repeat, self.reward_estimator, self.reward_metric, self.reward_counter)

    def _measurement_check(self) -> tuple[bool, str]:
        try:
            measurement_for(self.reward_repeat, self.reward_estimator, self.reward_metric, self.reward_counter)
        except UsageError as error:
            return False, f"reward measurement: {error.message}"
        return True, ""

    @property
    def method(self) -> str:
        return "grpo"


RECIPES: dict[str, type[TrainConfig]] = {"sft": SFTRecipe, "dpo": DPORecipe, "grpo": GRPORecipe}


def recipe_class(method: str) -> type[TrainConfig]:
    if method not in RECIPES:
        raise UsageError(f"unknown training method {method!r}", f"use one of {', '.join(METHODS)}")
    return RECIPES[method]


def _coerce(name: str, kind: Any, value: Any) -> Any:
    """A YAML or --set value as the field's type; a clear error otherwise (never a silent string)."""
    expected = {"bool": bool, "int": int, "float": float, "str": str}.get(str(kind))
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if expected is str and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if expected is str and isinstance(value, bool):
        return "true" if value else "false"  # bf16: true in YAML is a bool
    if (expected is not None and not isinstance(value, expected)) or (expected is int and isinstance(value, bool)):
        raise UsageError(f"setting {name} must be {expected.__name__ if expected else kind}, got {value!r}")
    return value


def _parse_override(item: str) -> tuple[str, Any]:
    import yaml

    name, sep, text = item.partition("=")
    if not sep or not name.strip():
        raise UsageError(f"--set {item!r} is not NAME=VALUE", "for example --set learning_rate=1e-5")
    value = yaml.safe_load(text) if text.strip() else ""
    return name.strip(), value


def read_yaml(path: Path) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text()) or {}
    except (OSError, yaml.YAMLError) as error:
        raise UsageError(f"cannot read the recipe {path}: {error}") from error
    if not isinstance(data, dict):
        raise UsageError(f"the recipe {path} must be a mapping of setting: value")
    return data


def load_recipe(
    method: str, config: Path | None = None, overrides: dict[str, Any] | None = None, sets: list[str] | None = None
) -> TrainConfig:
    """The recipe of `method`: defaults, then the YAML file, then named overrides, then --set items."""
    cls = recipe_class(method)
    values: dict[str, Any] = read_yaml(config) if config else {}
    declared = values.pop("method", method)
    if declared != method:
        raise UsageError(f"the recipe {config} is for {declared}, not {method}", f"run `afterburner train {declared}`")
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    values.update(dict(_parse_override(item) for item in sets or []))
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(values) - set(fields))
    if unknown:
        raise UsageError(
            f"unknown {method} setting(s): {', '.join(unknown)}", f"see `afterburner train {method} --help`"
        )
    typed = {name: _coerce(name, fields[name].type, value) for name, value in values.items() if name != "trl"}
    if "trl" in values:
        typed["trl"] = values["trl"]
    return cls(**typed)


def recipe_help(method: str) -> str:
    """Every setting of a method with its default and help, for --help."""
    lines = []
    for found in dataclasses.fields(recipe_class(method)):
        default = found.default if found.default is not dataclasses.MISSING else "{}"
        lines.append(f"{found.name} = {default!r}: {found.metadata.get('help', '')}")
    return "\n".join(lines)


def recipe_dict(recipe: TrainConfig) -> dict[str, Any]:
    return {"method": recipe.method, **dataclasses.asdict(recipe)}
