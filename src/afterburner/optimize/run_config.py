"""`afterburner optimize`'s settings as one validated dataclass: the single source of its defaults and help.

Each field is one command-line option (or the positional FILE); the CLI builds its parameters from
these fields (`afterburner.cli.config_command`), and library users build the same object in code.
Defaults that belong to a lower config (`LoopConfig`, `Measurement`, `NoisePolicy`, the test plans)
are read from it, so a default changed there changes here too. `OptimizeConfig` then derives the
objects the run needs: the loop config, the model spec, the measurement settings and the test split.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast, get_args

from afterburner.core.config import default_of, help_of, setting
from afterburner.core.errors import UsageError
from afterburner.datasets.testgen import FEEDBACK_PLAN, SCORING_PLAN, TestSplit
from afterburner.judge.executor import EXECUTOR_HELP, JUDGE_HELP
from afterburner.judge.measurement import COUNTER_HELP, Measurement
from afterburner.judge.stats import DEFAULT_ESTIMATOR
from afterburner.models.base import BackendKind, GenerationConfig, ModelSpec, Placement
from afterburner.models.embedded import DEFAULT_MODEL
from afterburner.optimize.feedback import FeedbackOptions
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.selection import NoisePolicy
from afterburner.sandbox.cores import MEASURE_CORES_HELP

# chosen by benchmarks/contention.py (docs/architecture.md, "Exact counts decide")
PLACEMENT_DEFAULT: Placement = "gate"


def _off(name: str) -> str:
    return f"Feedback off: {help_of(FeedbackOptions, name).rstrip('.').lower()}."


def _loop(name: str, *flags: str) -> object:
    """A field whose default and help are LoopConfig's own."""
    return setting(default_of(LoopConfig, name), help_of(LoopConfig, name), flags=flags)


@dataclass(frozen=True)
class OptimizeConfig:
    """Everything `afterburner optimize` is told: what to optimize, with which model, judged how."""

    file: Path | None = setting(  # noqa: RUF009 (None: immutable)
        None,
        "Your own program to optimize: with --problem ID (a dataset problem) or --tests FILE; or "
        "path/module.py::function with --tests (a function inside your project).",
        argument=True,
    )
    dataset: str = setting(
        "venus-mini", "venus-mini, a problems directory, a .jsonl/.parquet file, or hf:REPO.", flags=("--dataset", "-d")
    )
    problems: str | None = setting(None, "Comma-separated problem ids (default: all).")
    problem: str | None = setting(None, "The problem FILE solves.")
    tests: Path | None = setting(  # noqa: RUF009 (None: immutable)
        None,
        "Optimize FILE against your own tests (JSON/JSONL {input, output} or a directory of .in/.out), no "
        "dataset: figures are speed-ups against the original; the best version and a diff land in --out. "
        "For FILE::function: a JSON list of calls {args, kwargs, expected} or a pytest file asserting "
        "function(...) == value.",
    )
    start_from: str | None = setting(
        None,
        "Start each problem from working code, measured as iteration 0: slowest (the slowest passing "
        "reference), a reference label such as naive, or a .jsonl of {problem_id, code} rows.",
    )
    model: str = setting(
        DEFAULT_MODEL,
        "Embedded model name, a .gguf path, a served model name, or an HF directory.",
        flags=("--model", "-m"),
    )
    backend: str | None = setting(None, "llamacpp (default), openai (default with --base-url) or hf.")
    base_url: str | None = setting(None, "OpenAI-compatible endpoint, e.g. http://localhost:8000/v1.")
    api_key: str | None = setting(None, "API key (default: $AFTERBURNER_OPENAI_API_KEY, else $OPENAI_API_KEY).")
    lang: str | None = setting(
        None, "Language to write solutions in (default: python, or FILE's language).", flags=("--lang", "-l")
    )
    iterations: int = _loop("iterations", "--iterations", "-i")  # type: ignore[assignment]
    samples: int = _loop("samples", "--samples", "-k")  # type: ignore[assignment]
    objective: str = _loop("objective")  # type: ignore[assignment]
    template: str = _loop("template")  # type: ignore[assignment]
    answer: str = _loop("answer")  # type: ignore[assignment]
    repeat: int = setting(default_of(Measurement, "repeat"), help_of(Measurement, "repeat"), flags=("--repeat", "-n"))
    estimator: str = setting(DEFAULT_ESTIMATOR, help_of(Measurement, "estimator"))
    metric: str = setting(default_of(Measurement, "metric"), help_of(Measurement, "metric"))
    counter: str | None = setting(None, COUNTER_HELP)
    measure_cores: str | None = setting(None, MEASURE_CORES_HELP)
    executor: str | None = setting(None, EXECUTOR_HELP)
    judge: str | None = setting(None, JUDGE_HELP)
    min_gain: float = setting(default_of(NoisePolicy, "min_gain"), help_of(NoisePolicy, "min_gain"))
    temperature: float = setting(0.7, "Sampling temperature.")
    max_tokens: int = setting(
        1024, "Longest answer, in tokens, for a short program (a longer one gets room for itself, up to 8192)."
    )
    seed: int | None = setting(None, "Sampling seed (local backends).")
    parallel: int = setting(2, "Problems in flight at once (1 .. 64).")
    threads: int | None = setting(
        None, "CPU threads for a local model, llamacpp or hf (default: one per core it may use)."
    )
    placement: str = setting(
        PLACEMENT_DEFAULT,
        "How a local llama.cpp model shares the machine with timed passes: gate (every core, paused at a "
        "token boundary while a pass is timed) or partition (its threads on the host cores only).",
    )
    speculate: int = setting(
        0,
        "llama.cpp: tokens drafted per step by prompt lookup (rewrites copy much of the code they are shown); "
        "0: off. Measured slower on this project's 2-core machines (benchmarks/results/rewrite_speed.json), and "
        "greedy text may differ slightly (drafts are checked in batches, whose numerics differ).",
    )
    prompt_cache_mb: int = setting(
        0,
        "llama.cpp: MB of RAM keeping prompt states, so a prompt sharing an earlier one's prefix skips it; 0: off. "
        "Consecutive prompts share their prefix without it; each kept state also copies up to ~300 MB of logits "
        "(Qwen2.5), which this figure does not count.",
    )
    no_failing_test: bool = setting(False, _off("failing_test"))
    no_errors: bool = setting(False, _off("errors"))
    no_metrics: bool = setting(False, _off("metrics"))
    no_percentiles: bool = setting(False, _off("percentiles"))
    no_hotspots: bool = setting(False, _off("hotspots"))
    no_contract: bool = setting(False, _off("contract"))
    repair: int = _loop("repair")  # type: ignore[assignment]
    no_reask: bool = setting(False, "Do not ask again when an answer holds no code.")
    first_samples: int = _loop("first_samples")  # type: ignore[assignment]
    no_precheck: bool = setting(False, "Run every Python candidate, even one that cannot run.")
    no_confirm: bool = setting(
        False, "Take an apparent gain as it was measured, without measuring it side by side again."
    )
    out: Path = setting(  # noqa: RUF009 (a Path: immutable)
        Path("afterburner-out"),
        "Directory for trajectories and reports (resumes the run there if it is the same run).",
        flags=("--out", "-o"),
    )
    restart: bool = setting(False, "Move an earlier run in --out aside (previous-*/) and start fresh.")
    feedback_seed: int = setting(FEEDBACK_PLAN.seed, "Seed of the generated feedback tests (prompts may show them).")
    scoring_seed: int = setting(SCORING_PLAN.seed, "Seed of the hidden scoring tests (never shown; decide the report).")
    hidden_tests_only: bool = setting(
        False,
        "Skip a problem whose generator gives no hidden scoring test and has too few fixed tests to hold out "
        "(by default it runs, its scores marked 'on seen tests').",
    )

    def __post_init__(self) -> None:
        if not 1 <= self.parallel <= 64:
            raise UsageError("--parallel must be 1 .. 64")
        if self.placement not in get_args(Placement):
            raise UsageError(f"unknown placement {self.placement!r}", f"use {' or '.join(get_args(Placement))}")
        if self.max_tokens < 1:
            raise UsageError("--max-tokens must be at least 1")
        self.measurement()  # validates repeat, estimator, metric and counter now, before anything runs
        self.model_spec()  # validates the backend, threads, speculation and cache

    def measurement(self) -> Measurement:
        """How programs are measured and ranked (see `Measurement.of` for the counter rule)."""
        return Measurement.of(self.repeat, self.estimator, self.metric, self.counter)

    def test_split(self, own: bool = False) -> TestSplit:
        """Feedback and scoring tests; your own tests are both (nothing hidden to split)."""
        if own:
            return TestSplit.shared()
        return TestSplit(replace(FEEDBACK_PLAN, seed=self.feedback_seed), replace(SCORING_PLAN, seed=self.scoring_seed))

    def model_spec(self) -> ModelSpec:
        kind = self.backend or ("openai" if self.base_url else "llamacpp")  # ModelSpec rejects an unknown kind
        return ModelSpec(
            kind=cast(BackendKind, kind),
            model=self.model,
            base_url=self.base_url,
            api_key=self.api_key,
            threads=self.threads,
            placement=cast(Placement, self.placement),
            speculate=self.speculate,
            prompt_cache_mb=self.prompt_cache_mb,
        )

    def feedback(self) -> FeedbackOptions:
        return FeedbackOptions(
            not self.no_failing_test,
            not self.no_errors,
            not self.no_metrics,
            not self.no_percentiles,
            not self.no_hotspots,
            not self.no_contract,
        )

    def loop_config(self, language: str) -> LoopConfig:
        """The loop's settings, for the language the run writes solutions in."""
        return LoopConfig(
            iterations=self.iterations,
            samples=self.samples,
            objective=self.objective,
            language=language,
            template=self.template,
            answer=self.answer,
            measurement=self.measurement(),
            repair=self.repair,
            reask=not self.no_reask,
            first_samples=self.first_samples,
            precheck=not self.no_precheck,
            confirm=not self.no_confirm,
            feedback=self.feedback(),
            noise=NoisePolicy(min_gain=self.min_gain),
            generation=GenerationConfig(max_tokens=self.max_tokens, temperature=self.temperature, seed=self.seed),
        )
