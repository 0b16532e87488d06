"""Printing what an optimize run changed per problem."""

from __future__ import annotations

from collections.abc import Sequence

from afterburner.evaluation.changes import ProblemChange, SpeedupSummary


def _seconds(value: float | None) -> str:
    return "-" if value is None else (f"{value:.3g} s" if value >= 1 else f"{value * 1000:.3g} ms")


def _rank(value: float | None) -> str:
    return "" if value is None else f" (beats {value * 100:.0f}%)"


def speedup_lines(changes: Sequence[ProblemChange], summary: SpeedupSummary | None) -> list[str]:
    """One line per problem (start -> best, re-measured), and the geometric mean over problems."""
    lines = []
    for change in changes:
        before = _seconds(change.start.get("cpu_time")) + _rank(change.start_percentiles.get("cpu_time"))
        after = _seconds(change.best.get("cpu_time")) + _rank(change.best_percentiles.get("cpu_time"))
        speedup = change.speedup
        verdict = "-" if speedup is None else f"{speedup:.2f}x"
        note = "improved beyond noise" if change.improved else ("unchanged" if not change.changed else "within noise")
        counted = change.count_ratio
        counts = f", {counted:.2f}x fewer instructions" if counted is not None else ""
        lines.append(
            f"problem {change.problem_id} from {change.start_label}: {before} -> {after}: {verdict}{counts}, {note}"
        )
    if summary is not None and summary.geometric_mean is not None:
        interval = summary.interval
        bounds = f" [95% CI {interval.low:.2f}x, {interval.high:.2f}x]" if interval else ""
        lines.append(
            f"speed-up, geometric mean over {summary.problems} problem(s): {summary.geometric_mean:.2f}x{bounds}; "
            f"improved beyond noise: {summary.improved} of {summary.of}"
        )
    return lines
