"""`afterburner optimize`: the main job. A model rewrites code, the judge measures, feedback returns."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markdown import Markdown

from afterburner.cli.data import select
from afterburner.cli.inputs import read_program
from afterburner.cli.options import (
    EstimatorOption,
    MeasureCoresOption,
    MetricOption,
    apply_measure_cores,
    measure_settings,
)
from afterburner.cli.progress import progress_bar
from afterburner.core.config import default_of, help_of
from afterburner.core.errors import UsageError
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import FEEDBACK_PLAN, SCORING_PLAN, TestSplit
from afterburner.evaluation.render import to_markdown
from afterburner.judge.stats import DEFAULT_ESTIMATOR
from afterburner.models.base import GenerationConfig, ModelSpec
from afterburner.models.embedded import DEFAULT_MODEL
from afterburner.models.factory import create_backend
from afterburner.optimize.feedback import FeedbackOptions
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.selection import NoisePolicy
from afterburner.optimize.session import run_session
from afterburner.sandbox.cores import pin_to_host_cores

out = Console()


def _spec(model: str, backend: str | None, base_url: str | None, api_key: str | None, threads: int | None) -> ModelSpec:
    kind = backend or ("openai" if base_url else "llamacpp")  # ModelSpec rejects an unknown kind
    return ModelSpec(kind=kind, model=model, base_url=base_url, api_key=api_key, threads=threads)  # type: ignore[arg-type]


def _off(name: str) -> str:
    return f"Feedback off: {help_of(FeedbackOptions, name).rstrip('.').lower()}."


def optimize(
    file: Annotated[Path | None, typer.Argument(help="Your own solution to optimize (needs --problem).")] = None,
    dataset: Annotated[
        str,
        typer.Option("--dataset", "-d", help="venus-mini, a problems directory, a .jsonl/.parquet file, or hf:REPO."),
    ] = "venus-mini",
    problems: Annotated[
        str | None, typer.Option("--problems", help="Comma-separated problem ids (default: all).")
    ] = None,
    problem: Annotated[str | None, typer.Option("--problem", help="The problem FILE solves.")] = None,
    model: Annotated[
        str,
        typer.Option(
            "--model", "-m", help="Embedded model name, a .gguf path, a served model name, or an HF directory."
        ),
    ] = DEFAULT_MODEL,
    backend: Annotated[
        str | None, typer.Option("--backend", help="llamacpp (default), openai (default with --base-url) or hf.")
    ] = None,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1.")
    ] = None,
    api_key: Annotated[
        str | None,
        typer.Option("--api-key", help="API key (default: $AFTERBURNER_OPENAI_API_KEY, else $OPENAI_API_KEY)."),
    ] = None,
    language: Annotated[str, typer.Option("--lang", "-l", help=help_of(LoopConfig, "language"))] = default_of(
        LoopConfig, "language"
    ),
    iterations: Annotated[int, typer.Option("--iterations", "-i", help=help_of(LoopConfig, "iterations"))] = default_of(
        LoopConfig, "iterations"
    ),
    samples: Annotated[int, typer.Option("--samples", "-k", help=help_of(LoopConfig, "samples"))] = default_of(
        LoopConfig, "samples"
    ),
    objective: Annotated[str, typer.Option("--objective", help=help_of(LoopConfig, "objective"))] = default_of(
        LoopConfig, "objective"
    ),
    template: Annotated[str, typer.Option("--template", help=help_of(LoopConfig, "template"))] = default_of(
        LoopConfig, "template"
    ),
    repeat: Annotated[int, typer.Option("--repeat", "-n", help=help_of(LoopConfig, "repeat"))] = default_of(
        LoopConfig, "repeat"
    ),
    estimator: EstimatorOption = DEFAULT_ESTIMATOR,
    metric: MetricOption = "cpu_time",
    measure_cores: MeasureCoresOption = None,
    min_gain: Annotated[float, typer.Option("--min-gain", help=help_of(NoisePolicy, "min_gain"))] = default_of(
        NoisePolicy, "min_gain"
    ),
    temperature: Annotated[float, typer.Option("--temperature", help="Sampling temperature.")] = 0.7,
    max_tokens: Annotated[int, typer.Option("--max-tokens", help="Longest answer, in tokens.")] = 1024,
    seed: Annotated[int | None, typer.Option("--seed", help="Sampling seed (local backends).")] = None,
    parallel: Annotated[int, typer.Option("--parallel", help="Problems in flight at once.")] = 2,
    threads: Annotated[
        int | None,
        typer.Option(
            "--threads",
            help="CPU threads for a local model, llamacpp or hf (default: one per host core, see --measure-cores).",
        ),
    ] = None,
    no_failing_test: Annotated[bool, typer.Option("--no-failing-test", help=_off("failing_test"))] = False,
    no_errors: Annotated[bool, typer.Option("--no-errors", help=_off("errors"))] = False,
    no_metrics: Annotated[bool, typer.Option("--no-metrics", help=_off("metrics"))] = False,
    no_percentiles: Annotated[bool, typer.Option("--no-percentiles", help=_off("percentiles"))] = False,
    no_hotspots: Annotated[bool, typer.Option("--no-hotspots", help=_off("hotspots"))] = False,
    out_dir: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="Directory for trajectories and reports (resumes the run there if it is the same run)."
        ),
    ] = Path("afterburner-out"),
    restart: Annotated[
        bool, typer.Option("--restart", help="Move an earlier run in --out aside (previous-*/) and start fresh.")
    ] = False,
    feedback_seed: Annotated[
        int, typer.Option("--feedback-seed", help="Seed of the generated feedback tests (prompts may show them).")
    ] = FEEDBACK_PLAN.seed,
    scoring_seed: Annotated[
        int, typer.Option("--scoring-seed", help="Seed of the hidden scoring tests (never shown; decide the report).")
    ] = SCORING_PLAN.seed,
) -> None:
    """Optimize solutions with a language model, iteration after iteration, judged in the sandbox."""
    if not 1 <= parallel <= 64:
        raise UsageError("--parallel must be 1 .. 64")
    settings = measure_settings(repeat, estimator, metric, "off")
    split = TestSplit(replace(FEEDBACK_PLAN, seed=feedback_seed), replace(SCORING_PLAN, seed=scoring_seed))
    apply_measure_cores(measure_cores)
    pin_to_host_cores()  # our own threads (and a local model's) stay off the measurement cores
    loaded = load_dataset(dataset)
    originals: dict[str, str] = {}
    if file is not None:
        if problem is None:
            raise UsageError("optimizing your own solution needs --problem ID")
        file_language, source = read_program(file, None)
        language = file_language.name
        chosen = select(loaded, problem).problems
        originals[chosen[0].id] = source
    else:
        chosen = select(loaded, problems).problems
    unsupported = [p.id for p in chosen if language not in p.languages]
    if unsupported:
        raise UsageError(f"problems {', '.join(unsupported)} have no {language} runner", "pick another --lang")
    config = LoopConfig(
        iterations=iterations,
        samples=samples,
        objective=objective,
        language=language,
        template=template,
        repeat=repeat,
        feedback=FeedbackOptions(
            not no_failing_test, not no_errors, not no_metrics, not no_percentiles, not no_hotspots
        ),
        noise=NoisePolicy(min_gain=min_gain),
        generation=GenerationConfig(max_tokens=max_tokens, temperature=temperature, seed=seed),
    )
    spec = _spec(model, backend, base_url, api_key, threads)
    with create_backend(spec, progress=lambda line: print(line, file=sys.stderr)) as llm:
        out.print(
            f"optimizing {len(chosen)} problem(s) of {loaded.name} with {llm.name} ({llm.kind}): "
            f"{iterations} iteration(s) x {samples} sample(s), objective {objective}, template {template}"
        )
        with progress_bar("measuring reference solutions") as update:
            result = run_session(
                loaded,
                chosen,
                llm,
                config,
                out_dir,
                parallel,
                originals,
                on_event=lambda line: out.print(line, highlight=False),
                on_progress=update,
                settings=settings,
                split=split,
                restart=restart,
            )
    out.print(Markdown(to_markdown(result.report)))
    timings = result.timings
    out.print(
        f"generation {timings['generation_seconds']:.1f} s, judging {timings['judge_seconds']:.1f} s, "
        f"loop overhead {timings['loop_overhead_share'] * 100:.1f}% of problem time; "
        f"{timings['completion_tokens']:.0f} tokens generated"
    )
    out.print(f"results in {out_dir}: " + ", ".join(p.name for p in result.paths.values()))
