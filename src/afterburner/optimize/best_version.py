"""Writing your program's best version beside the report, with a diff against the original."""

from __future__ import annotations

import difflib
from pathlib import Path

from afterburner.evaluation.changes import ProblemChange


def write_best(before: str, after: str, best: Path, names: tuple[str, str], out_dir: Path) -> dict[str, Path]:
    """Write `after` to `best` and a unified diff from `before` to it (out_dir/best.diff), `names` its headers."""
    best.write_text(after)
    diff = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=names[0], tofile=names[1]
    )
    patch = out_dir / "best.diff"
    patch.write_text("".join(diff))
    return {"best_version": best, "best_diff": patch}


def write_best_version(change: ProblemChange, original: Path, out_dir: Path) -> dict[str, Path]:
    """Your program's best version beside the report (best.EXT), and a unified diff against it (best.diff)."""
    best = out_dir / f"best{original.suffix}"
    return write_best(change.start_code, change.best_code, best, (original.name, best.name), out_dir)
