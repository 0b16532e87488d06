"""What an optimize run changed, rendered: the speed-up table, code diffs, and time/memory Pareto plots.

Where the run counted instructions (a start or best figure `instructions`), the table and each
problem's figures show the counts beside the times; otherwise no count column appears.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from afterburner.evaluation.changes import Point, ProblemChange, SpeedupSummary, pareto_front

if TYPE_CHECKING:
    from matplotlib.axes import Axes

MAX_CHANGE_PLOTS = 40
PARETO_PANEL = (4.2, 3.0)  # inches
DIFF_CSS = """
pre.diff { background: #fafafa; border: 1px solid #ddd; padding: 0.5em; overflow-x: auto; font-size: 0.85em; }
pre.diff .add { background: #e6ffec; display: block; }
pre.diff .del { background: #ffebe9; display: block; }
pre.diff .hunk { color: #6f42c1; display: block; }
"""
Table = tuple[list[str], list[list[str]]]


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1000:.1f} ms"


def _mb(value: float | None) -> str:
    return "-" if value is None else f"{value / 2**20:.2f} MB"


def _rank(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def _count(value: float | None) -> str:
    return "-" if value is None else f"{round(value):,}"


def counted(changes: Sequence[ProblemChange]) -> bool:
    """Whether any start or best carries an instruction count."""
    return any(c.start.get("instructions") is not None or c.best.get("instructions") is not None for c in changes)


def _times(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def summary_line(summary: SpeedupSummary | None) -> str:
    if summary is None or summary.geometric_mean is None:
        return "No problem has both a passing start and a passing best: no speed-up to report."
    interval = summary.interval
    bounds = f" (95% CI {interval.low:.2f}x .. {interval.high:.2f}x, bootstrap over problems)" if interval else ""
    return (
        f"Speed-up (start CPU time / best CPU time, re-measured on the scoring tests): geometric mean "
        f"{summary.geometric_mean:.2f}x{bounds} over {summary.problems} problem(s); improved beyond noise: "
        f"{summary.improved} of {summary.of}."
    )


def speedup_table(changes: Sequence[ProblemChange]) -> Table:
    counts = counted(changes)
    headers = [
        "Problem",
        "Start",
        "Start CPU",
        "Start beats",
        "Best CPU",
        "Best beats",
        *(["Start count", "Best count"] if counts else []),
        "Speed-up",
        "Peak memory",
        "Improved",
    ]
    rows = [
        [
            c.problem_id,
            c.start_label,
            _ms(c.start.get("cpu_time")),
            _rank(c.start_percentiles.get("cpu_time")),
            _ms(c.best.get("cpu_time")),
            _rank(c.best_percentiles.get("cpu_time")),
            *([_count(c.start.get("instructions")), _count(c.best.get("instructions"))] if counts else []),
            _times(c.speedup),
            f"{_mb(c.start.get('peak_memory'))} -> {_mb(c.best.get('peak_memory'))}",
            "yes" if c.improved else ("unchanged" if not c.changed else "no"),
        ]
        for c in changes
    ]
    return headers, rows


def diff_html(change: ProblemChange) -> str:
    """The start against the best as a unified diff; every line escaped (the code is model output)."""
    if not change.changed:
        return "<p class='note'>Nothing beat the start beyond noise: the best is the starting code.</p>"
    lines = difflib.unified_diff(
        change.start_code.splitlines(), change.best_code.splitlines(), "start", "best", lineterm=""
    )
    out = []
    for line in lines:
        kind = (
            "add"
            if line.startswith("+")
            else "del"
            if line.startswith("-")
            else "hunk"
            if line.startswith("@@")
            else ""
        )
        text = html.escape(line)
        out.append(f"<span class='{kind}'>{text}</span>" if kind else text)
    return "<pre class='diff'>" + "\n".join(out) + "</pre>"


def _scatter(axes: Axes, points: Sequence[Point], colour: str, label: str) -> None:
    if points:
        xs, ys = [p.cpu_time * 1000 for p in points], [p.peak_memory / 2**20 for p in points]
        axes.scatter(xs, ys, s=14, color=colour, label=label)


def draw_pareto(axes: Axes, change: ProblemChange) -> None:
    """CPU time against peak memory: references grey, candidates by iteration, their Pareto front as steps."""
    _scatter(axes, change.references, "#999999", "references")
    for point in change.references:
        axes.annotate(point.label[:12], (point.cpu_time * 1000, point.peak_memory / 2**20), fontsize=6, color="#777777")
    candidates = list(change.candidates)
    if candidates:
        colours = [p.iteration or 0 for p in candidates]
        axes.scatter(
            [p.cpu_time * 1000 for p in candidates],
            [p.peak_memory / 2**20 for p in candidates],
            c=colours,
            cmap="viridis",
            s=22,
            label="candidates (colour: iteration)",
        )
        front = pareto_front(candidates)
        axes.step(
            [p.cpu_time * 1000 for p in front], [p.peak_memory / 2**20 for p in front], where="post", color="#2a9d4b"
        )
    axes.set_xlabel("CPU time (ms)", fontsize=7)
    axes.set_ylabel("peak memory (MB)", fontsize=7)
    axes.set_title(f"problem {change.problem_id[:30]}: time vs memory", fontsize=8)
    axes.tick_params(labelsize=7)
    axes.legend(fontsize=6)


def changes_html(
    changes: Sequence[ProblemChange],
    summary: SpeedupSummary | None,
    table_html: Callable[[Table], str],
    plot: Callable[[ProblemChange], str],
) -> list[str]:
    """Per problem: the figures, the diff, and (for the first MAX_CHANGE_PLOTS) the Pareto plot."""
    parts = [
        "<h2>Speed-up per problem</h2>",
        f"<p class='note'>{html.escape(summary_line(summary))}</p>",
        table_html(speedup_table(changes)),
    ]
    counts = counted(changes)
    for index, change in enumerate(changes):
        start_count = f", {_count(change.start.get('instructions'))} instructions" if counts else ""
        best_count = f", {_count(change.best.get('instructions'))} instructions" if counts else ""
        figures = (
            f"start ({change.start_label}): {_ms(change.start.get('cpu_time'))}, "
            f"{_mb(change.start.get('peak_memory'))}{start_count}; "
            f"best: {_ms(change.best.get('cpu_time'))}, {_mb(change.best.get('peak_memory'))}{best_count}; "
            f"speed-up {_times(change.speedup)}"
        )
        parts.append(f"<h3>Problem {html.escape(change.problem_id)}</h3><p>{html.escape(figures)}</p>")
        parts.append(diff_html(change))
        if index < MAX_CHANGE_PLOTS and (change.candidates or change.references):
            note = f"Pareto front of the passing candidates; {html.escape(change.measured)}."
            parts.append(f"<p class='note'>{note}</p>" + plot(change))
    return parts
