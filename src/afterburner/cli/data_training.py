"""`afterburner data export` and `afterburner data split`: training data from measured solutions.

They join the commands of `afterburner.cli.data` on its `app`, which this module re-exports.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from afterburner.cli.data import DatasetArg, Problems, Workers, app, out, select
from afterburner.cli.options import METRIC_DEFAULT, CounterOption, EstimatorOption, MetricOption, measurement
from afterburner.cli.progress import progress_bar
from afterburner.core.config import help_of
from afterburner.core.errors import UsageError
from afterburner.datasets.model import Dataset
from afterburner.datasets.registry import load_dataset
from afterburner.optimize.selection import OBJECTIVES
from afterburner.training.data import ExportRequest, export_data, resolve_spec
from afterburner.training.rows import KINDS, ExportSettings
from afterburner.training.split import ProblemSplit, make_split, refuse_test_problems, train_part

__all__ = ["app", "export", "split"]

DEFAULTS = ExportSettings("sft")  # the one source of the export's defaults (and help, `help_of`)

Kind = Annotated[
    str,
    typer.Argument(
        help="sft (best solutions), dpo (better/worse pairs), grpo (prompts to improve), or verl (grpo rows as "
        "verl's RL Parquet, rewarded by afterburner.training.verl.compute_score)."
    ),
]
VERL = "verl"  # a kind of the command line: grpo rows in verl's format
Objective = Annotated[
    str,
    typer.Option(
        "--objective", help=help_of(ExportSettings, "objective") + " With --format llama-factory a comma list."
    ),
]
OutDir = Annotated[Path, typer.Option("--out", "-o", help="Folder to write (must be new or empty).")]
Language = Annotated[str, typer.Option("--language", help=help_of(ExportSettings, "language"))]
Repeat = Annotated[
    int, typer.Option("--repeat", "-n", help="Native passes per reference solution, interleaved (1 .. 100).")
]
K = Annotated[int, typer.Option("--k", help=help_of(ExportSettings, "k"))]
MaxPairs = Annotated[int, typer.Option("--max-pairs", help=help_of(ExportSettings, "max_pairs"))]
Originals = Annotated[str, typer.Option("--originals", help=help_of(ExportSettings, "originals"))]
SplitFile = Annotated[
    Path | None, typer.Option("--split", help="Split file of `data split`: only its train problems become rows.")
]
Template = Annotated[str, typer.Option("--template", help=help_of(ExportSettings, "template"))]
Format = Annotated[
    str, typer.Option("--format", help="trl (Hugging Face dataset + Parquet) or llama-factory (JSON + dataset_info).")
]
Trajectories = Annotated[
    list[Path] | None,
    typer.Option(
        "--from-trajectories",
        help="Rows from optimize runs (RUN/trajectories.jsonl) instead of references; repeatable.",
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Replace an earlier export (a folder with export.json) at --out.")]
Json = Annotated[bool, typer.Option("--json", help="Print the manifest as JSON.")]


def _objectives(kind: str, objective: str, fmt: str) -> tuple[str, ...]:
    """The objectives asked for, checked (with the kind) before anything is loaded or measured."""
    if kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}", f"use {', '.join(KINDS)}")
    chosen = tuple(o.strip() for o in objective.split(",") if o.strip())
    unknown = [o for o in chosen if o not in OBJECTIVES]
    if not chosen or unknown:
        raise UsageError(f"unknown objective {objective!r}", f"use {', '.join(OBJECTIVES)}")
    if len(chosen) > 1 and fmt != "llama-factory":
        raise UsageError("several objectives need --format llama-factory", "pass one --objective")
    return chosen


def _selected(spec: str, problems: str | None, split_file: Path | None) -> tuple[Dataset, ProblemSplit | None]:
    """The dataset, less the problems not asked for and (with a split) the test problems."""
    loaded = select(load_dataset(spec), problems)
    if split_file is None:
        return loaded, None
    chosen = ProblemSplit.load(split_file)
    if problems:
        refuse_test_problems([p.id for p in loaded.problems], chosen)
    return train_part(loaded, chosen), chosen


def _summary(manifest: dict[str, Any], out_dir: Path) -> None:
    out.print(
        f"{manifest['kind']} ({manifest['objective']}): {manifest['rows']} rows from "
        f"{len(manifest['problems'])} problems -> {out_dir}",
        highlight=False,
    )
    for reason, count in manifest["dropped"].items():
        out.print(f"  dropped {reason}: {count}", highlight=False)
    if manifest["format"] == "trl":
        out.print(f"  wrote {out_dir} (load with datasets.load_from_disk)", highlight=False)
    if manifest["format"] == VERL:
        out.print(
            "  verl: data.train_files=<out>/train.parquet custom_reward_function.path=<afterburner>/training/verl.py "
            "custom_reward_function.name=compute_score",
            highlight=False,
        )
    for name in [*manifest["files"], "export.json"]:
        out.print(f"  wrote {out_dir / name}", highlight=False)


def export(
    kind: Kind,
    dataset: DatasetArg,
    out_dir: OutDir,
    objective: Objective = DEFAULTS.objective,
    language: Language = DEFAULTS.language,
    problems: Problems = None,
    repeat: Repeat = DEFAULTS.measurement.repeat,
    metric: MetricOption = METRIC_DEFAULT,
    counter: CounterOption = None,
    k: K = DEFAULTS.k,
    max_pairs: MaxPairs = DEFAULTS.max_pairs,
    originals: Originals = DEFAULTS.originals,
    split_file: SplitFile = None,
    template: Template = DEFAULTS.template,
    fmt: Format = "trl",
    from_trajectories: Trajectories = None,
    estimator: EstimatorOption = DEFAULTS.measurement.estimator,
    workers: Workers = DEFAULTS.workers,
    force: Force = False,
    as_json: Json = False,
) -> None:
    """Export SFT, DPO or GRPO rows from measured reference solutions (or optimize runs) for training.

    "time" is decided by --metric: exact instruction counts by default, the clock with --metric cpu_time.
    """
    if kind == VERL:
        kind, fmt = "grpo", VERL
    objectives = _objectives(kind, objective, fmt)
    settings = ExportSettings(
        kind,
        objectives[0],
        language,
        template,
        measurement(repeat, estimator, metric, counter),
        k=k,
        max_pairs=max_pairs,
        originals=originals,
        workers=workers,
    )
    loaded, chosen = _selected(dataset, problems, split_file)
    runs = tuple(from_trajectories or ())
    request = ExportRequest(loaded, dataset, out_dir, settings, objectives, fmt, runs, chosen, split_file, force)
    with progress_bar("profiling reference solutions", not as_json and not request.trajectories) as update:
        manifest = export_data(request, on_progress=update)
    if as_json:
        print(json.dumps(manifest, indent=2))
    else:
        _summary(manifest, out_dir)


def split(
    dataset: DatasetArg,
    test: Annotated[float, typer.Option("--test", help="Share of the problems held out for testing.")] = 0.3,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the shuffle (same seed, same split).")] = 42,
    out_file: Annotated[
        Path | None, typer.Option("--out", "-o", help="Split file to write (default: NAME-split.json here).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace a different split in the --out file.")] = False,
) -> None:
    """Split a dataset's problems into train and test parts by id (deterministic for a seed)."""
    made = make_split(load_dataset(dataset), test, seed, resolve_spec(dataset))
    path = out_file or Path(f"{made.name}-split.json")
    if path.exists() and not force and _differs(path, made):
        raise UsageError(f"{path} holds another split", "pick another --out, or --force to replace it")
    made.save(path)
    out.print(f"{made.name}: {len(made.train)} train, {len(made.test)} test problems (seed {seed}) -> {path}")
    out.print(f"  test: {', '.join(made.test)}", highlight=False)


def _differs(path: Path, made: ProblemSplit) -> bool:
    try:
        earlier = ProblemSplit.load(path)
    except UsageError:
        return True
    return (earlier.name, earlier.seed, earlier.train, earlier.test) != (made.name, made.seed, made.train, made.test)


app.command()(export)
app.command()(split)
