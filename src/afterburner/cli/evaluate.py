"""`afterburner eval`: Pass@1 and Beyond-T/M/I of candidate solutions, with reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markdown import Markdown

from afterburner.cli.progress import progress_bar
from afterburner.core.errors import UsageError
from afterburner.datasets.registry import load_dataset
from afterburner.evaluation.candidates import read_candidates
from afterburner.evaluation.evaluate import evaluate_candidates
from afterburner.evaluation.report import build_report, to_markdown, write_report

out = Console()


def evaluate(
    dataset: Annotated[
        str,
        typer.Option("--dataset", "-d", help="venus-mini, a problems directory, a .jsonl/.parquet file, or hf:REPO."),
    ],
    candidates: Annotated[
        Path,
        typer.Option("--candidates", "-c", help="JSONL of {problem_id, language, code, [iteration], [sample_id]}."),
    ],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Directory for report.json, report.md and report.html.")],
    workers: Annotated[int, typer.Option("--workers", "-w", help="Concurrent runs (each on its own core).")] = 2,
    repeat: Annotated[int, typer.Option("--repeat", "-n", help="Measured passes per solution (median).")] = 3,
    rounds: Annotated[int, typer.Option("--bootstrap", help="Bootstrap rounds for the 95% intervals.")] = 128,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the JSON report instead of the Markdown summary.")
    ] = False,
) -> None:
    """Judge candidates, rank them among the reference solutions measured here, and write reports."""
    if not 1 <= repeat <= 100 or not 1 <= rounds <= 100_000:
        raise UsageError("--repeat must be 1..100 and --bootstrap 1..100000")
    loaded = load_dataset(dataset)
    rows = read_candidates(candidates)
    with progress_bar("judging references and candidates", not as_json) as update:
        evaluation = evaluate_candidates(loaded, rows, workers, repeat, on_progress=update)
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
