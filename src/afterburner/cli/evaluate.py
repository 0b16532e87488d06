"""`afterburner eval`: Pass@1 and Beyond-T/M/I of candidate solutions, with reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markdown import Markdown

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
from afterburner.core.errors import UsageError
from afterburner.datasets.model import Dataset
from afterburner.datasets.registry import load_dataset
from afterburner.evaluation.candidates import Candidate, read_candidates, with_prompts
from afterburner.evaluation.compare import compare_arms, comparison_markdown, read_arms, write_comparison
from afterburner.evaluation.evaluate import evaluate_candidates
from afterburner.evaluation.metrics import BOOTSTRAP_RESAMPLES
from afterburner.evaluation.render import to_markdown, write_report
from afterburner.evaluation.report import build_report
from afterburner.judge.executor import JudgeExecutor
from afterburner.judge.measurement import Measurement
from afterburner.judge.stats import DEFAULT_ESTIMATOR

out = Console()


def evaluate(
    dataset: Annotated[
        str,
        typer.Option("--dataset", "-d", help="venus-mini, a problems directory, a .jsonl/.parquet file, or hf:REPO."),
    ],
    candidates: Annotated[
        list[str],
        typer.Option(
            "--candidates",
            "--samples",
            "-c",
            help="JSONL (or .jsonl.gz) of {problem_id, language, code, [iteration], [sample_id]}, or evalplus "
            "samples {task_id, solution | completion}. Repeat it (PATH or NAME=PATH, one per model or arm) to "
            "compare them side by side, measured together.",
        ),
    ],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Directory for report.json, report.md and report.html.")],
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Problems measured at once (each run on its own core).")
    ] = 1,
    repeat: Annotated[int, typer.Option("--repeat", "-n", help="Measured passes per solution, interleaved.")] = 5,
    estimator: EstimatorOption = DEFAULT_ESTIMATOR,
    metric: MetricOption = METRIC_DEFAULT,
    counter: CounterOption = None,
    measure_cores: MeasureCoresOption = None,
    executor: ExecutorOption = None,
    judge: JudgeOption = None,
    rounds: Annotated[
        int, typer.Option("--bootstrap", help="Bootstrap resamples (over problems) for the 95% intervals.")
    ] = BOOTSTRAP_RESAMPLES,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the JSON report instead of the Markdown summary.")
    ] = False,
) -> None:
    """Judge candidates, rank them among the reference solutions measured here, and write reports.

    Each problem's candidates and references are measured together, their passes interleaved.
    """
    if not 1 <= rounds <= 100_000:
        raise UsageError("--bootstrap must be 1..100000")
    settings = measurement(repeat, estimator, metric, counter)
    apply_measure_cores(measure_cores)
    loaded = load_dataset(dataset)
    where = judge_executor(executor, judge)
    try:
        _evaluate(loaded, candidates, out_dir, workers, settings, where, rounds, as_json)
    finally:
        if where is not None:
            where.close()


def _evaluate(
    loaded: Dataset,
    candidates: list[str],
    out_dir: Path,
    workers: int,
    settings: Measurement,
    where: JudgeExecutor | None,
    rounds: int,
    as_json: bool,
) -> None:
    if len(candidates) > 1:
        arms = {name: with_prompts(rows, loaded) for name, rows in read_arms(candidates).items()}
        _compare(loaded, arms, out_dir, workers, settings, where, rounds, as_json)
        return
    rows = with_prompts(read_candidates(Path(candidates[0])), loaded)
    with progress_bar("judging references and candidates", not as_json) as update:
        evaluation = evaluate_candidates(loaded, rows, workers, settings, on_progress=update, executor=where)
    report = build_report(loaded.name, evaluation.executions, evaluation.references, rounds=rounds)
    paths = write_report(report, out_dir)
    if as_json:
        print(paths["json"].read_text())
        return
    out.print(Markdown(to_markdown(report)))
    for index, detail in sorted(evaluation.failures.items())[:10]:
        row = rows[index]
        out.print(
            f"[red]failed[/] candidate {index} (problem {row.problem_id}, {row.language}): {detail[:300]}",
            highlight=False,
        )
    out.print(f"reports: {', '.join(str(p) for p in paths.values())}")


def _compare(
    loaded: Dataset,
    arms: dict[str, list[Candidate]],
    out_dir: Path,
    workers: int,
    settings: Measurement,
    where: JudgeExecutor | None,
    rounds: int,
    as_json: bool,
) -> None:
    """Several --candidates: one batch per problem for all arms, one report per arm, one comparison."""
    with progress_bar("judging references and every arm's candidates", not as_json) as update:
        comparison = compare_arms(loaded, arms, workers, settings, where, rounds, on_progress=update)
    paths = write_comparison(comparison, out_dir)
    if as_json:
        print(paths["json"].read_text())
        return
    out.print(Markdown(comparison_markdown(comparison)))
    out.print(f"comparison: {', '.join(str(p) for p in paths.values())}; each arm's report in {out_dir}/ARM/")
