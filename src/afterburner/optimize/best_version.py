"""Writing your program's best version beside the report, with a diff against the original."""

from __future__ import annotations

import difflib
from pathlib import Path

from afterburner.evaluation.changes import ProblemChange


def write_best_version(change: ProblemChange, original: Path, out_dir: Path) -> dict[str, Path]:
    """Your program's best version beside the report (best.EXT), and a unified diff against it (best.diff)."""
    best = out_dir / f"best{original.suffix}"
    best.write_text(change.best_code)
    diff = difflib.unified_diff(
        change.start_code.splitlines(keepends=True),
        change.best_code.splitlines(keepends=True),
        fromfile=original.name,
        tofile=best.name,
    )
    patch = out_dir / "best.diff"
    patch.write_text("".join(diff))
    return {"best_version": best, "best_diff": patch}
