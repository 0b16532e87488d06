"""`afterburner optimize`: the main job. A model rewrites code, the judge measures, feedback returns."""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, get_args

import typer
from rich.console import Console
from rich.markdown import Markdown

from afterburner.cli.data import select
from afterburner.cli.inputs import read_program, read_tests
from afterburner.cli.options import (
    METRIC_DEFAULT,
    CounterOption,
    EstimatorOption,
    ExecutorOption,
    JudgeOption,
    MeasureCoresOption,
    MetricOption,
    apply_measure_cores,
    judge_executor,
    measurement,
)
from afterburner.cli.progress import progress_bar
from afterburner.cli.speedups import speedup_lines, write_best_version
from afterburner.core.config import default_of, help_of
from afterburner.core.errors import UsageError
from afterburner.core.metrics import info
from afterburner.datasets.model import Dataset, Problem
from afterburner.datasets.own import own_problem
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import FEEDBACK_PLAN, SCORING_PLAN, TestSplit
from afterburner.evaluation.render import to_markdown
from afterburner.judge.executor import JudgeExecutor
from afterburner.judge.measurement import Measurement
from afterburner.judge.stats import DEFAULT_ESTIMATOR
from afterburner.models.base import Backend, GenerationConfig, ModelSpec, Placement
from afterburner.models.embedded import DEFAULT_MODEL
from afterburner.models.factory import create_backend
from afterburner.optimize.feedback import FeedbackOptions
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.selection import NoisePolicy
from afterburner.optimize.session import SessionResult, run_session
from afterburner.optimize.starts import Start
from afterburner.sandbox.cores import pin_to_host_cores

out = Console()


def _spec(
    model: str, backend: str | None, base_url: str | None, api_key: str | None, threads: int | None, placement: str
) -> ModelSpec:
    kind = backend or ("openai" if base_url else "llamacpp")  # ModelSpec rejects an unknown kind
    if placement not in get_args(Placement):
        raise UsageError(f"unknown placement {placement!r}", f"use {' or '.join(get_args(Placement))}")
    return ModelSpec(kind=kind, model=model, base_url=base_url, api_key=api_key, threads=threads, placement=placement)  # type: ignore[arg-type]


PLACEMENT_DEFAULT = "gate"  # chosen by benchmarks/contention.py (docs/architecture.md, "Exact counts decide")


def _off(name: str) -> str:
    return f"Feedback off: {help_of(FeedbackOptions, name).rstrip('.').lower()}."


def optimize(
    file: Annotated[
        Path | None,
        typer.Argument(help="Your own program to optimize: with --problem ID (a dataset problem) or --tests FILE."),
    ] = None,
    dataset: Annotated[
        str,
        typer.Option("--dataset", "-d", help="venus-mini, a problems directory, a .jsonl/.parquet file, or hf:REPO."),
    ] = "venus-mini",
    problems: Annotated[
        str | None, typer.Option("--problems", help="Comma-separated problem ids (default: all).")
    ] = None,
    problem: Annotated[str | None, typer.Option("--problem", help="The problem FILE solves.")] = None,
    own_tests: Annotated[
        Path | None,
        typer.Option(
            "--tests",
            help="Optimize FILE against your own tests (JSON/JSONL {input, output} or a directory of .in/.out), "
            "no dataset: figures are speed-ups against the original; the best version and a diff land in --out.",
        ),
    ] = None,
    start_from: Annotated[
        str | None,
        typer.Option(
            "--start-from",
            help="Start each problem from working code, measured as iteration 0: slowest (the slowest passing "
            "reference), a reference label such as naive, or a .jsonl of {problem_id, code} rows.",
        ),
    ] = None,
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
    language: Annotated[
        str | None,
        typer.Option("--lang", "-l", help="Language to write solutions in [default: python, or FILE's language]."),
    ] = None,
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
    answer: Annotated[str, typer.Option("--answer", help=help_of(LoopConfig, "answer"))] = default_of(
        LoopConfig, "answer"
    ),
    repeat: Annotated[int, typer.Option("--repeat", "-n", help=help_of(Measurement, "repeat"))] = default_of(
        Measurement, "repeat"
    ),
    estimator: EstimatorOption = DEFAULT_ESTIMATOR,
    metric: MetricOption = METRIC_DEFAULT,
    counter: CounterOption = None,
    measure_cores: MeasureCoresOption = None,
    executor: ExecutorOption = None,
    judge: JudgeOption = None,
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
            help="CPU threads for a local model, llamacpp or hf (default: one per core it may use).",
        ),
    ] = None,
    placement: Annotated[
        str,
        typer.Option(
            "--placement",
            help="How a local llama.cpp model shares the machine with timed passes: gate (every core, paused at "
            "a token boundary while a pass is timed) or partition (its threads on the host cores only).",
        ),
    ] = PLACEMENT_DEFAULT,
    no_failing_test: Annotated[bool, typer.Option("--no-failing-test", help=_off("failing_test"))] = False,
    no_errors: Annotated[bool, typer.Option("--no-errors", help=_off("errors"))] = False,
    no_metrics: Annotated[bool, typer.Option("--no-metrics", help=_off("metrics"))] = False,
    no_percentiles: Annotated[bool, typer.Option("--no-percentiles", help=_off("percentiles"))] = False,
    no_hotspots: Annotated[bool, typer.Option("--no-hotspots", help=_off("hotspots"))] = False,
    no_contract: Annotated[bool, typer.Option("--no-contract", help=_off("contract"))] = False,
    repair: Annotated[int, typer.Option("--repair", help=help_of(LoopConfig, "repair"))] = default_of(
        LoopConfig, "repair"
    ),
    no_reask: Annotated[
        bool, typer.Option("--no-reask", help="Do not ask again when an answer holds no code.")
    ] = False,
    first_samples: Annotated[
        int, typer.Option("--first-samples", help=help_of(LoopConfig, "first_samples"))
    ] = default_of(LoopConfig, "first_samples"),
    no_precheck: Annotated[
        bool, typer.Option("--no-precheck", help="Run every Python candidate, even one that cannot run.")
    ] = False,
    no_confirm: Annotated[
        bool,
        typer.Option(
            "--no-confirm", help="Take an apparent gain as it was measured, without measuring it side by side again."
        ),
    ] = False,
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
    hidden_only: Annotated[
        bool,
        typer.Option(
            "--hidden-tests-only",
            help="Skip a problem whose generator gives no hidden scoring test and has too few fixed tests to "
            "hold out (by default it runs, its scores marked 'on seen tests').",
        ),
    ] = False,
) -> None:
    """Optimize solutions with a language model, iteration after iteration, judged in the sandbox.

    The paper's protocol: `--start-from slowest` hands the model working but slow code with its
    measured figures; each problem's speed-up (start / best, re-measured) is reported.
    """
    if not 1 <= parallel <= 64:
        raise UsageError("--parallel must be 1 .. 64")
    settings = measurement(repeat, estimator, metric, counter)
    split = TestSplit(replace(FEEDBACK_PLAN, seed=feedback_seed), replace(SCORING_PLAN, seed=scoring_seed))
    apply_measure_cores(measure_cores)
    if placement == "partition":
        pin_to_host_cores()  # our own threads (and a local model's) stay off the measurement cores
    target = _target(file, own_tests, dataset, problem, problems, language, start_from)
    if target.own:
        split = TestSplit.shared()
    language = target.language
    config = LoopConfig(
        iterations=iterations,
        samples=samples,
        objective=objective,
        language=language,
        template=template,
        answer=answer,
        measurement=settings,
        repair=repair,
        reask=not no_reask,
        first_samples=first_samples,
        precheck=not no_precheck,
        confirm=not no_confirm,
        feedback=FeedbackOptions(
            not no_failing_test, not no_errors, not no_metrics, not no_percentiles, not no_hotspots, not no_contract
        ),
        noise=NoisePolicy(min_gain=min_gain),
        generation=GenerationConfig(max_tokens=max_tokens, temperature=temperature, seed=seed),
    )
    spec = _spec(model, backend, base_url, api_key, threads, placement)
    where = judge_executor(executor, judge)
    try:
        with create_backend(spec, progress=lambda line: print(line, file=sys.stderr)) as llm:
            result = _session(target, llm, config, out_dir, parallel, where, split, restart, start_from, hidden_only)
    finally:
        if where is not None:
            where.close()
    _print_result(result, target, file, out_dir)


def _session(
    target: _Target,
    llm: Backend,
    config: LoopConfig,
    out_dir: Path,
    parallel: int,
    executor: JudgeExecutor | None,
    split: TestSplit,
    restart: bool,
    start_from: str | None,
    hidden_only: bool = False,
) -> SessionResult:
    loaded, chosen = target.dataset, target.problems
    where = f", judged on {executor.name}" if executor is not None else ""
    ranked = info(config.measurement.metric).display
    out.print(
        f"optimizing {len(chosen)} problem(s) of {loaded.name} with {llm.name} ({llm.kind}): "
        f"{config.iterations} iteration(s) x {config.samples} sample(s), objective {config.objective} "
        f"(ranked by {ranked}), template {config.template}{where}"
    )
    with progress_bar("measuring reference solutions") as update:
        return run_session(
            loaded,
            chosen,
            llm,
            config,
            out_dir,
            parallel,
            target.starts,
            on_event=lambda line: out.print(line, highlight=False),
            on_progress=update,
            executor=executor,
            split=split,
            restart=restart,
            start_from=start_from,
            allow_seen=not hidden_only,
        )


def _print_result(result: SessionResult, target: _Target, file: Path | None, out_dir: Path) -> None:
    out.print(Markdown(to_markdown(result.report)))
    for line in speedup_lines(result.report.changes, result.report.speedups):
        out.print(line, highlight=False)
    if target.own and result.report.changes:
        result.paths.update(write_best_version(result.report.changes[0], file or Path("program"), out_dir))
    timings = result.timings
    out.print(
        f"generation {timings['generation_seconds']:.1f} s, judging {timings['judge_seconds']:.1f} s, "
        f"loop overhead {timings['loop_overhead_share'] * 100:.1f}% of problem time; "
        f"{timings['completion_tokens']:.0f} tokens generated"
    )
    out.print(f"results in {out_dir}: " + ", ".join(p.name for p in result.paths.values()))


@dataclass(frozen=True)
class _Target:
    dataset: Dataset
    problems: tuple[Problem, ...]
    language: str
    starts: dict[str, Start]
    own: bool = False  # your own program and tests, no dataset


def _target(
    file: Path | None,
    own_tests: Path | None,
    dataset: str,
    problem: str | None,
    problems: str | None,
    language: str | None,
    start_from: str | None,
) -> _Target:
    """What to optimize: a dataset's problems, your file for one of them, or your file on your tests."""
    if own_tests is not None:
        if file is None:
            raise UsageError("--tests needs your program: afterburner optimize prog.py --tests tests.json")
        if problem or start_from:
            raise UsageError("--tests optimizes your own program: leave out --problem and --start-from")
        file_language, source = read_program(file, language)
        own = own_problem(file.stem, file_language.name, source, read_tests(own_tests))
        start = Start(source, f"your file {file.name}")
        return _Target(own, own.problems, file_language.name, {own.problems[0].id: start}, own=True)
    loaded = load_dataset(dataset)
    if file is not None:
        if problem is None:
            raise UsageError("optimizing your own solution needs --problem ID (or --tests FILE)")
        if start_from:
            raise UsageError("FILE is the start: leave out --start-from")
        file_language, source = read_program(file, None)
        chosen = select(loaded, problem).problems
        return _Target(loaded, chosen, file_language.name, {chosen[0].id: Start(source, f"your file {file.name}")})
    chosen = select(loaded, problems).problems
    language = language or default_of(LoopConfig, "language")
    unsupported = [p.id for p in chosen if language not in p.languages]
    if unsupported:
        raise UsageError(f"problems {', '.join(unsupported)} have no {language} runner", "pick another --lang")
    return _Target(loaded, chosen, language, {})
