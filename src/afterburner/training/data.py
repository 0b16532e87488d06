"""Training data from measured solutions: `afterburner data export {sft,dpo,grpo}`.

Reference solutions are measured on the feedback tests (disk-cached, like `data profile`) and
become rows in `training.references`; optimize runs (`trajectories.jsonl`) become the same three
kinds in `training.trajectories`. Every candidate that does not become a row is counted by reason
in the manifest (`dropped`), so an export says what it left out and why.

An export is a Hugging Face dataset folder (`datasets.load_from_disk`) with the same rows as
`data.parquet` and an `export.json` manifest, or LLaMA-Factory's layout (`training.llama_factory`).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from afterburner import __version__
from afterburner.core.errors import UsageError
from afterburner.datasets.bundled import BUNDLED
from afterburner.datasets.model import Dataset
from afterburner.datasets.profile import ProfileRun, profile_dataset
from afterburner.datasets.testgen import FEEDBACK_PLAN
from afterburner.training.llama_factory import write_llama_factory
from afterburner.training.references import reference_rows
from afterburner.training.rows import Collected, ExportSettings
from afterburner.training.split import ProblemSplit
from afterburner.training.trajectories import trajectory_rows

FORMATS = ("trl", "llama-factory", "verl")
MANIFEST = "export.json"
PARQUET = "data.parquet"
Progress = Callable[[int, int], None]


def measure_references(dataset: Dataset, settings: ExportSettings, on_progress: Progress | None = None) -> ProfileRun:
    """Profile the references in the export's language on the feedback tests (disk-cached), under
    the export's measurement (by default their exact instruction counts too, cached per toolchain)."""
    return profile_dataset(
        dataset,
        settings.workers,
        settings.measurement,
        languages=[settings.language],
        plan=FEEDBACK_PLAN,
        on_progress=on_progress,
    )


def resolve_spec(spec: str) -> str:
    """The dataset as a later reader can load it: names and hub specs as given, local paths absolute."""
    if spec == BUNDLED or spec.startswith("hf:"):
        return spec
    return str(Path(spec).resolve())


@dataclass(frozen=True)
class ExportRequest:
    """Everything one `data export` needs; `objectives` lists several only for LLaMA-Factory files."""

    dataset: Dataset
    spec: str
    out: Path
    settings: ExportSettings
    objectives: tuple[str, ...] = ()  # default: settings.objective
    fmt: str = "trl"
    trajectories: tuple[Path, ...] = ()
    split: ProblemSplit | None = None
    split_path: Path | None = None
    force: bool = False

    @property
    def chosen_objectives(self) -> tuple[str, ...]:
        return self.objectives or (self.settings.objective,)


def check_request(request: ExportRequest) -> None:
    """Refuse bad combinations before anything is measured."""
    if request.fmt not in FORMATS:
        raise UsageError(f"unknown format {request.fmt!r}", f"use one of {', '.join(FORMATS)}")
    if request.fmt == "llama-factory" and request.settings.kind == "grpo":
        raise UsageError("GRPO is not a LLaMA-Factory kind", "export grpo rows with --format trl")
    if request.fmt == "verl" and request.settings.kind != "grpo":
        raise UsageError("verl's RL data holds prompts to improve (grpo rows)", "export with `data export verl`")
    if request.fmt in ("trl", "verl") and len(request.chosen_objectives) > 1:
        raise UsageError("a TRL export holds one objective", "pass one --objective, or use --format llama-factory")
    for objective in request.chosen_objectives:
        replace(request.settings, objective=objective)  # validates the objective
    check_out(request.out, request.force)


def check_out(out: Path, force: bool) -> None:
    """The output folder must be new or empty; --force replaces an earlier export (never other files)."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} exists and is not a directory", "pick another --out")
    if out.is_dir() and any(out.iterdir()):
        if not force:
            raise UsageError(f"{out} exists and is not empty", "pick another --out, or --force to replace an export")
        if not (out / MANIFEST).exists():
            raise UsageError(f"{out} is not an earlier export (no {MANIFEST}): --force will not empty it")


def collect(request: ExportRequest, objective: str, run: ProfileRun | None) -> Collected:
    settings = replace(request.settings, objective=objective)
    spec = resolve_spec(request.spec)
    if request.trajectories:
        return trajectory_rows(request.dataset, request.trajectories, settings, spec)
    assert run is not None
    return reference_rows(request.dataset, run, settings, spec)


def export_data(request: ExportRequest, on_progress: Progress | None = None) -> dict[str, Any]:
    """Measure (or read trajectories), build the rows, write them and the manifest; returns the manifest."""
    check_request(request)
    run = None if request.trajectories else measure_references(request.dataset, request.settings, on_progress)
    collected = {objective: collect(request, objective, run) for objective in request.chosen_objectives}
    if not any(c.rows for c in collected.values()):
        reasons = ", ".join(f"{r} {n}" for c in collected.values() for r, n in c.dropped.items()) or "no problems"
        raise UsageError(f"no {request.settings.kind} rows to export ({reasons})")
    if request.out.exists():
        shutil.rmtree(request.out)  # check_out allowed it: empty, or an earlier export with --force
    request.out.mkdir(parents=True)
    if request.fmt == "trl":
        files = write_trl(request.out, collected[request.chosen_objectives[0]].rows)
    elif request.fmt == "verl":
        from afterburner.training.verl import write_verl

        files = write_verl(request.out, collected[request.chosen_objectives[0]].rows)
    else:
        files = write_llama_factory(request.out, request.settings.kind, {o: c.rows for o, c in collected.items()})
    manifest = build_manifest(request, collected, files, run)
    (request.out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def write_trl(out: Path, rows: list[dict[str, Any]]) -> dict[str, int]:
    """The rows as a Hugging Face dataset folder and as one Parquet file."""
    import datasets  # heavy (pyarrow): only when writing

    was_enabled = datasets.is_progress_bar_enabled()
    datasets.disable_progress_bars()  # the export prints its own summary
    try:
        table = datasets.Dataset.from_list(rows)
        table.save_to_disk(str(out))
        table.to_parquet(str(out / PARQUET))
    finally:
        if was_enabled:
            datasets.enable_progress_bars()
    return {PARQUET: len(rows)}


def build_manifest(
    request: ExportRequest, collected: dict[str, Collected], files: dict[str, int], run: ProfileRun | None
) -> dict[str, Any]:
    several = len(collected) > 1
    dropped = {f"{o}/{r}" if several else r: n for o, c in collected.items() for r, n in sorted(c.dropped.items())}
    split = None
    if request.split is not None:
        path = str(request.split_path.resolve()) if request.split_path else None
        split = {"path": path, **request.split.to_dict()}
    return {
        "kind": request.settings.kind,
        "objective": ",".join(request.chosen_objectives),
        "objectives": list(request.chosen_objectives),
        "language": request.settings.language,
        "dataset": resolve_spec(request.spec),
        "dataset_name": request.dataset.name,
        "format": request.fmt,
        "rows": sum(len(c.rows) for c in collected.values()),
        "files": files,
        "problems": sorted({p for c in collected.values() for p in c.problems}, key=_natural),
        "dropped": dropped,
        "issues": [str(issue) for issue in run.issues] if run else [],  # e.g. a reference that fails, a generator
        "settings": {
            **request.settings.to_dict(),
            "tests": {"feedback": asdict(FEEDBACK_PLAN)},
            "source": "trajectories" if request.trajectories else "references",
            "trajectories": [str(p.resolve()) for p in request.trajectories],
            "measured_now": run.measured if run else 0,
        },
        "split": split,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "afterburner_version": __version__,
    }


def _natural(problem_id: str) -> tuple[int, str]:
    """Numeric ids in numeric order (2 before 10), others after, by text."""
    return (int(problem_id), "") if problem_id.isdigit() else (2**63, problem_id)


def read_manifest(directory: Path) -> dict[str, Any]:
    """The manifest of an export folder; a clear UsageError when there is none or it is broken."""
    path = Path(directory) / MANIFEST
    try:
        manifest = json.loads(path.read_text())
    except FileNotFoundError as error:
        raise UsageError(
            f"{directory} is not an export: no {MANIFEST}", "make one with `afterburner data export`"
        ) from error
    except (OSError, json.JSONDecodeError) as error:
        raise UsageError(f"cannot read {path}: {error}") from error
    if not isinstance(manifest, dict) or "kind" not in manifest:
        raise UsageError(f"{path} is not an export manifest", "make one with `afterburner data export`")
    return manifest
