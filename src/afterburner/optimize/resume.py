"""Resuming an optimize run only when it is the same run: a manifest of what its trajectories mean.

Replaying trajectories of another model, template, objective, repeat, test plan or starting
code would mix two experiments into one report. The manifest (`run.json`) records those; a
resumed run must match it field by field, or the user asks for `--restart`, which moves the old
files aside (nothing is deleted) and starts fresh.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from afterburner.core.errors import UsageError

MANIFEST = "run.json"
# Files of a run that a restart moves aside.
RUN_FILES = ("run.json", "trajectories.jsonl", "best.jsonl", "summary.json", "report.json", "report.md", "report.html")


def code_hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def run_identity(
    settings: Mapping[str, Any], tests: Mapping[str, Any], originals: Mapping[str, str] | None
) -> dict[str, Any]:
    """What must not change between a run and its resumption (`settings`: model, template, ...)."""
    return {
        **settings,
        "tests": dict(tests),
        "originals": {pid: code_hash(code) for pid, code in sorted((originals or {}).items())},
    }


def _differences(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    found = []
    for name in sorted(set(old) | set(new)):
        if name == "originals":
            continue
        if old.get(name) != new.get(name):
            found.append(f"{name}: the run has {old.get(name)!r}, now {new.get(name)!r}")
    before, now = old.get("originals", {}), new.get("originals", {})
    for pid in sorted(set(before) | set(now)):
        if before.get(pid) != now.get(pid):
            found.append(f"original solution of problem {pid} differs")
    return found


def _move_aside(out_dir: Path) -> Path | None:
    present = [out_dir / name for name in RUN_FILES if (out_dir / name).exists()]
    if not present:
        return None
    aside = out_dir / f"previous-{time.strftime('%Y%m%d-%H%M%S')}"
    aside.mkdir()
    for path in present:
        path.rename(aside / path.name)
    return aside


def prepare_run(out_dir: Path, identity: Mapping[str, Any], restart: bool = False) -> Path | None:
    """Check that `out_dir` holds this run (or none), then write its manifest.

    Returns where an earlier run was moved when `restart` is set. Raises UsageError naming each
    field that differs from the trajectories already there.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    moved = _move_aside(out_dir) if restart else None
    manifest = out_dir / MANIFEST
    trajectories = out_dir / "trajectories.jsonl"
    has_rows = trajectories.exists() and trajectories.stat().st_size > 0
    if manifest.exists():
        try:
            old = json.loads(manifest.read_text())
        except json.JSONDecodeError as error:
            raise UsageError(f"{manifest} is not valid JSON", "pass --restart to start fresh") from error
        differences = _differences(old, identity)
        if differences:
            listed = "; ".join(differences)
            raise UsageError(
                f"{out_dir} holds another run ({listed})", "pass --restart to start fresh, or choose another --out"
            )
    elif has_rows:
        raise UsageError(
            f"{trajectories} has no {MANIFEST}, so it cannot be checked to be this run",
            "pass --restart to start fresh, or choose another --out",
        )
    manifest.write_text(json.dumps(dict(identity), indent=2))
    return moved
