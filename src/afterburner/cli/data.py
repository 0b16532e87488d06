"""`afterburner data ...`: list, check and profile datasets."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

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
from afterburner.datasets.check import check_dataset
from afterburner.datasets.counts import CountsTransfer, export_counts, import_counts, reference_test_sets
from afterburner.datasets.model import Dataset
from afterburner.datasets.profile import ProfileRun, SolutionProfile, profile_dataset
from afterburner.datasets.registry import load_dataset
from afterburner.judge.measurement import Measurement
from afterburner.judge.stats import DEFAULT_ESTIMATOR, Spread

app = typer.Typer(
    help="List, check and profile datasets (venus-mini, local JSONL/Parquet, hf:REPO).", no_args_is_help=True
)
out = Console()

DatasetArg = Annotated[
    str, typer.Argument(help="venus-mini, a problems directory, a .jsonl/.parquet file, or hf:REPO.")
]
Workers = Annotated[int, typer.Option("--workers", "-w", help="Concurrent runs (each pinned to its own core).")]
Problems = Annotated[str | None, typer.Option("--problems", help="Comma-separated problem ids to keep.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def select(dataset: Dataset, problems: str | None) -> Dataset:
    if not problems:
        return dataset
    wanted = [p.strip() for p in problems.split(",") if p.strip()]
    try:
        chosen = tuple(dataset.get(p) for p in wanted)
    except KeyError as error:
        raise UsageError(f"no problem {error} in {dataset.name}", "see `afterburner data list`") from error
    return Dataset(dataset.name, chosen, tuple(i for i in dataset.issues if i.problem_id in wanted))


@app.command("list")
def list_problems(dataset: DatasetArg, as_json: Json = False) -> None:
    """List the problems of a dataset with their style and reference solutions."""
    loaded = load_dataset(dataset)
    rows: list[dict[str, object]] = [
        {
            "id": p.id,
            "slug": p.slug,
            "title": p.title,
            "difficulty": p.difficulty,
            "style": p.style.value,
            "solutions": {lang: len(p.solutions_in(lang)) for lang in sorted({s.language for s in p.solutions})},
        }
        for p in loaded.problems
    ]
    if as_json:
        print(json.dumps({"problems": rows, "issues": [str(i) for i in loaded.issues]}, indent=2))
        return
    table = Table(title=f"{loaded.name}: {len(rows)} problems")
    for column in ("id", "title", "difficulty", "style", "reference solutions"):
        table.add_column(column)
    for row in rows:
        solutions: dict[str, int] = row["solutions"]  # type: ignore[assignment]
        counts = ", ".join(f"{lang} {n}" for lang, n in solutions.items())
        table.add_row(str(row["id"]), str(row["title"]), str(row["difficulty"]), str(row["style"]), counts)
    out.print(table)
    for issue in loaded.issues:
        out.print(f"[yellow]issue[/] {issue}", highlight=False)


@app.command()
def check(
    dataset: DatasetArg,
    workers: Workers = 2,
    problems: Problems = None,
    as_json: Json = False,
) -> None:
    """Check that every reference solution passes and every generator is deterministic for a seed."""
    loaded = select(load_dataset(dataset), problems)
    with progress_bar("checking reference solutions", not as_json) as update:
        issues, run = check_dataset(loaded, workers, on_progress=update)
    passed = sum(p.passed for p in run.profiles)
    if as_json:
        print(
            json.dumps(
                {
                    "problems": len(loaded.problems),
                    "solutions": len(run.profiles),
                    "passed": passed,
                    "issues": [asdict(i) for i in issues],
                },
                indent=2,
            )
        )
    else:
        out.print(
            f"{loaded.name}: {len(loaded.problems)} problems, {passed}/{len(run.profiles)} reference solutions pass"
        )
        for issue in issues:
            out.print(f"[red]issue[/] {issue}", highlight=False)
        out.print("[green]no issues[/]" if not issues else f"[red]{len(issues)} issue(s)[/]")
    raise typer.Exit(1 if issues else 0)


TestSetOption = Annotated[
    str,
    typer.Option(
        "--test-set",
        help="Which tests: feedback (the loop's, shown to a model), scoring (never shown: every reported figure "
        "is measured on them) or both (what `optimize` judges references on; --export-counts then covers both).",
    ),
]


@app.command()
def profile(
    dataset: DatasetArg,
    workers: Workers = 1,
    repeat: Annotated[int, typer.Option("--repeat", "-n", help="Measured passes per solution, interleaved.")] = 5,
    problems: Problems = None,
    languages: Annotated[str | None, typer.Option("--languages", help="Comma-separated languages to keep.")] = None,
    test_set: TestSetOption = "feedback",
    counter: CounterOption = None,
    estimator: EstimatorOption = DEFAULT_ESTIMATOR,
    metric: MetricOption = METRIC_DEFAULT,
    measure_cores: MeasureCoresOption = None,
    executor: ExecutorOption = None,
    judge: JudgeOption = None,
    import_from: Annotated[
        Path | None,
        typer.Option(
            "--import-counts",
            help="First store the instruction counts of this file (an --export-counts of another machine with "
            "the same toolchain): those references are not counted again. Another toolchain's file is refused.",
        ),
    ] = None,
    export_to: Annotated[
        Path | None,
        typer.Option("--export-counts", help="Then write the references' instruction counts to this file (JSON)."),
    ] = None,
    as_json: Json = False,
) -> None:
    """Measure every reference solution (cached per code, tests and machine; resumes after interruption).

    The solutions of a problem are measured together, their passes interleaved round-robin. Their
    instruction counts (default) are cached per toolchain: another machine with the same
    toolchain reuses them.
    """
    settings = measurement(repeat, estimator, metric, counter)
    apply_measure_cores(measure_cores)
    loaded = select(load_dataset(dataset), problems)
    chosen = [lang.strip() for lang in languages.split(",")] if languages else None
    sets = reference_test_sets(loaded, test_set)
    if (import_from or export_to) and not settings.counts:
        raise UsageError("--import-counts and --export-counts need counting", "drop --counter off")
    if import_from is not None:
        imported = import_counts(import_from, settings.counter)
        if not as_json:
            out.print(f"imported {imported.written} reference count(s) from {import_from}")
    where = judge_executor(executor, judge)
    runs: list[tuple[str, ProfileRun]] = []
    try:
        for name, plan in sets:
            with progress_bar(f"profiling reference solutions ({name} tests)", not as_json) as update:
                runs.append(
                    (name, profile_dataset(loaded, workers, settings, chosen, plan, on_progress=update, executor=where))
                )
    finally:
        if where is not None:
            where.close()
    exported = None
    if export_to:
        exported = export_counts(loaded, export_to, settings.counter, [plan for _, plan in sets], chosen)
    status = max(_profile_status(loaded, run) for _, run in runs)
    if as_json:
        print(json.dumps(_profile_json(runs, settings, exported), indent=2))
        raise typer.Exit(status)
    for name, run in runs:
        _print_profiles(loaded, run, settings, name if len(runs) > 1 else "")
    if exported is not None:
        out.print(f"exported {exported.written} reference count(s) to {export_to}", highlight=False)
        for missing in exported.missing[:10]:
            out.print(f"[yellow]not counted[/] {missing}", highlight=False)
    raise typer.Exit(status)


def _profile_json(
    runs: list[tuple[str, ProfileRun]], settings: Measurement, exported: CountsTransfer | None
) -> dict[str, object]:
    return {
        "exported_counts": None if exported is None else vars(exported),
        "seconds": sum(run.seconds for _, run in runs),
        "measured": sum(run.measured for _, run in runs),
        "measurement": settings.to_dict(),
        "profiles": [{**p.to_dict(), "test_set": name} for name, run in runs for p in run.profiles],
        "issues": [asdict(i) for _, run in runs for i in run.issues],
    }


def _print_profiles(loaded: Dataset, run: ProfileRun, settings: Measurement, test_set: str) -> None:
    where = f", {test_set} tests" if test_set else ""
    title = f"{loaded.name}{where}: {len(run.profiles)} solutions ({run.measured} measured now, rest cached)"
    table = Table(title=title)
    columns = ["problem", "language", "solution", "verdict", f"cpu ({settings.estimator})", "MAD", "peak", "integral"]
    if settings.counts:
        columns += ["instructions", "net of start-up"]
    for column in columns:
        table.add_column(column, justify="right")
    for p in run.profiles:
        table.add_row(
            p.problem_id,
            p.language,
            p.label,
            p.verdict,
            f"{p.cpu_time * 1000:.1f} ms" if p.cpu_time is not None else "-",
            _mad(p),
            f"{p.peak_memory / 2**20:.1f} MiB" if p.peak_memory is not None else "-",
            f"{p.memory_integral / 2**20:.3f} MiB*s" if p.memory_integral is not None else "-",
            *(_counts(p) if settings.counts else []),
        )
    out.print(table)
    for issue in run.issues:
        out.print(f"[red]issue[/] {issue}", highlight=False)


def _profile_status(loaded: Dataset, run: ProfileRun) -> int:
    """1 when a reference failed or could not be measured (as `data check`); the dataset's own load issues
    (rows left out, test cases dropped) are reported but do not fail a profile."""
    failed = any(not p.passed for p in run.profiles) or any(i not in loaded.issues for i in run.issues)
    return 1 if failed else 0


def _mad(profile: SolutionProfile) -> str:
    passes = profile.measured.passes("cpu_time")
    return f"{Spread.of(passes).mad * 1000:.1f} ms" if len(passes) > 1 else "-"


def _counts(profile: SolutionProfile) -> list[str]:
    if profile.instructions is None:
        return [profile.measured.unmeasured.get("instructions", "-")[:40] if profile.passed else "-", "-"]
    net = profile.measured.net.get("instructions")
    return [f"{profile.instructions:,.0f}", f"{net:,.0f}" if net is not None else "-"]
