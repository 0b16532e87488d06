"""Litmus reports, rendered: Markdown, a self-contained HTML page with plots, and `write_report`.

Every table and plot says what it covers (the headline: all executions, or an optimize run's final
iteration) and what it measures; a missing figure shows as "-". Every report opens with the metric
that ranks ("Ranked by: ..."); Beyond-C has a column, a category bar and a curve only where the
references were counted.
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from afterburner.core.metrics import INFO, Metric
from afterburner.evaluation.changes import ProblemChange
from afterburner.evaluation.metrics import (
    DISPLAY_NAMES,
    SCORE_LABELS,
    Category,
    Execution,
    Interval,
    References,
    Scores,
    group_by_problem,
)
from afterburner.evaluation.render_changes import (
    DIFF_CSS,
    PARETO_PANEL,
    changes_html,
    draw_pareto,
    speedup_table,
    summary_line,
)
from afterburner.evaluation.report import EvaluationReport, to_json, tolerance_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MAX_PROBLEM_PLOTS = 40  # beyond this the page gets heavy and the panels unreadable
DPI = 90
CATEGORY_FIGURE = (7.5, 2.8)  # inches
ITERATION_FIGURE = (6.5, 3.6)
PROBLEM_PANEL = (3.2, 1.9)  # one panel of the distribution grid, up to 4 per row
PASS_COLOUR = "#2a9d4b"
FAIL_COLOUR = "#d1495b"
CATEGORY_COLOURS: MappingProxyType[Category, str] = MappingProxyType(
    {
        Category.BEYOND: "#2a9d4b",
        Category.MEDIOCRE: "#e9c46a",
        Category.BELOW: "#f4a261",
        Category.FAILED: "#d1495b",
    }
)
CSS = """
body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; color: #222; padding: 0 1em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.7em; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { background: #f3f3f3; }
img { max-width: 100%; display: block; margin: 0.5em 0 1.5em; }
.note { color: #666; font-size: 0.9em; }
"""

# A table is a header row plus body rows of already formatted cells, shared by Markdown and HTML.
_Table = tuple[list[str], list[list[str]]]


@dataclass(frozen=True)
class _Section:
    """A heading, a note saying what it measures, a table, and (HTML only) a plot drawn after the table."""

    heading: str
    note: str
    table: _Table
    plot: Callable[[EvaluationReport], str] | None = None
    alt: str = ""


def _pct(fraction: float | None) -> str:
    return "-" if fraction is None else f"{fraction * 100:.1f}%"


def _score(scores: Scores | None, name: str) -> str:
    return "-" if scores is None or scores.n == 0 else _pct(getattr(scores, name))


def _bounds(intervals: dict[str, Interval], name: str) -> str:
    interval = intervals.get(name)
    return f"[{_pct(interval.low)}, {_pct(interval.high)}]" if interval else "-"


def _level(report: EvaluationReport) -> float:
    return next(iter(report.intervals.values())).level if report.intervals else 0.95


def _summary_table(report: EvaluationReport) -> _Table:
    ci = f"{_level(report):.0%} CI"
    names = report.score_names
    if not report.best_so_far:
        rows = [[SCORE_LABELS[name], _score(report.scores, name), _bounds(report.intervals, name)] for name in names]
        return ["Metric", "Score", ci], rows
    final = f"Iteration {report.final_iteration} (final)" if report.final_iteration is not None else "Final"
    rows = [
        [
            SCORE_LABELS[name],
            _score(report.scores_iteration_0, name),
            _bounds(report.intervals_iteration_0, name),
            _score(report.scores, name),
            _bounds(report.intervals, name),
        ]
        for name in names
    ]
    return ["Metric", "Iteration 0", ci, final, ci], rows


def _category_slot(report: EvaluationReport) -> str:
    """The slot of the ranking metric's categories: the instruction count where it ranks and was counted."""
    counted = report.references.ranking == "instructions" and "instructions" in report.categories
    return "instructions" if counted else "cpu_time"


def _category_table(report: EvaluationReport, slot: str) -> _Table:
    counts = report.categories.get(slot, dict.fromkeys(Category, 0))
    total = report.scores.n
    rows = [
        [category.value, str(counts[category]), _pct(counts[category] / total if total else None)]
        for category in Category
    ]
    return ["Category", "Count", "Share"], rows


def _iteration_table(iterations: dict[int, Scores], first: str, names: Sequence[str]) -> _Table:
    headers = [first, "N", *(SCORE_LABELS[name] for name in names)]
    rows = [
        [str(iteration), str(scores.n), *(_score(scores, name) for name in names)]
        for iteration, scores in iterations.items()
    ]
    return headers, rows


def _problem_table(report: EvaluationReport) -> _Table:
    counted = "beyond_c" in report.score_names
    headers = ["Problem", "N", "Passed", "Beyond-T", "Beyond-M", "Beyond-I", *(["Beyond-C"] if counted else [])]
    rows = [
        [
            row.problem_id,
            str(row.n),
            str(row.passed),
            _pct(row.mean_percentile_time),
            _pct(row.mean_percentile_memory),
            _pct(row.mean_percentile_integral),
            *([_pct(row.mean_percentile_count)] if counted else []),
        ]
        for row in report.per_problem
    ]
    return headers, rows


def _overview(report: EvaluationReport) -> str:
    if report.best_so_far:
        counted = f"{len(report.per_problem)} problems, iterations {', '.join(map(str, report.iterations))}. "
    else:
        counted = (
            f"{report.scores.n} executions of {len(report.per_problem)} problems "
            f"over {len(report.iterations)} iteration(s). "
        )
    measured = f"Measured: {report.measured}. " if report.measured else ""
    lost = len(report.not_scored)
    not_scored = f" {lost} execution(s) not scored: infrastructure error (ours), left out of N." if lost else ""
    return (
        f"{counted}{measured}Headline figures: {report.headline}. Differences within the measurement noise are "
        f"ties ({tolerance_text(report.references)}).{not_scored}"
    )


def _interval_note(report: EvaluationReport) -> str:
    counted = "problems (one best solution each)" if report.best_so_far else "executions"
    return (
        f"Shares of {counted}; Beyond-X: mean share of the references beaten or tied (failures score 0). "
        f"Intervals: bootstrap over problems, {report.resamples} resamples (seed {report.seed}), BCa "
        f"(percentile where BCa is undefined; none with one problem)."
    )


def _sections(report: EvaluationReport) -> list[_Section]:
    """The tables of both renderers, in order, each with what it measures."""
    names = report.score_names
    slot = _category_slot(report)
    shown = INFO[Metric(report.references.ranked_metric(slot))].display
    sections = [
        _Section(f"Scores ({report.headline_label})", _interval_note(report), _summary_table(report)),
        _Section(
            f"Categories ({shown}, {report.headline_label})",
            f"Where each execution of the headline lands among the references. Table: {shown}; chart: every metric.",
            _category_table(report, slot),
            _category_plot,
            "category breakdown per metric",
        ),
    ]
    if report.best_so_far:
        measured = f", measured: {report.measured}." if report.measured else "."
        sections.append(
            _Section(
                "Best so far after iteration i",
                f"Each problem's best solution after iteration i (one per problem){measured}",
                _iteration_table(report.iterations, "Best so far after iteration", names),
                _iteration_plot,
                "best so far after each iteration",
            )
        )
    elif len(report.iterations) > 1:
        sections.append(
            _Section(
                "By iteration",
                "Executions of each iteration.",
                _iteration_table(report.iterations, "Iteration", names),
                _iteration_plot,
                "scores per iteration",
            )
        )
    if report.generated is not None:
        sections.append(
            _Section(
                "Candidates generated in iteration i (selection passes)",
                f"Every candidate generated in iteration i (all samples, not the best so far); measured: "
                f"{report.generated.measured}. Not comparable one to one with the tables above.",
                _iteration_table(report.generated.by_iteration, "Generated in iteration", names),
            )
        )
    if report.changes:
        sections.append(_Section("Speed-up per problem", summary_line(report.speedups), speedup_table(report.changes)))
    if report.pass_at_k:
        sections.append(
            _Section(
                "pass@k",
                "Unbiased pass@k over the samples of each problem and iteration, averaged over problems.",
                (["k", "pass@k"], [[str(k), _pct(v)] for k, v in report.pass_at_k.items()]),
            )
        )
    return sections


def _markdown_table(table: _Table) -> list[str]:
    headers, rows = table

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    separator = "|" + "|".join(["---", *["---:"] * (len(headers) - 1)]) + "|"
    return [line(headers), separator, *(line(row) for row in rows), ""]


def to_markdown(report: EvaluationReport) -> str:
    lines = [f"# Litmus report: {report.dataset}", "", report.ranked_by, "", _overview(report), ""]
    for section in _sections(report):
        lines += [f"## {section.heading}", "", section.note, ""]
        lines += _markdown_table(section.table)
    return "\n".join(lines)


def _html_table(table: _Table) -> str:
    headers, rows = table
    head = "".join(f"<th>{html.escape(cell)}</th>" for cell in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure(width: float, height: float) -> Figure:
    """A figure on the Agg canvas, outside pyplot: no GUI backend and no global figure registry."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Figure) -> str:
    """Render to a base64 PNG and release the figure's artists."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    figure.clear()
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _plain(text: str) -> str:
    # A "$" would switch matplotlib to mathtext and may fail to parse.
    return text.replace("$", r"\$")


def _plotted_metric(report: EvaluationReport) -> tuple[str, float, str]:
    """The metric the distribution plot shows (the ranking one), its scale and its axis label."""
    name = report.references.ranked_metric(_category_slot(report))
    info = INFO[Metric(name)]
    if info.unit == "s":
        return name, 1000.0, f"{info.display} (ms)"
    return name, 1e-6, f"{info.display} (millions)"


def _draw_problem(
    axes: Axes,
    problem_id: str,
    executions: Sequence[Execution],
    references: References,
    plotted: tuple[str, float, str],
) -> None:
    """The references' figures as a jittered strip; candidates as vertical lines, green if passed, red if not."""
    name, scale, label = plotted
    refs = [value * scale for value in references.values(problem_id, name)]
    # Golden-ratio jitter: deterministic, yet spreads points evenly over the strip.
    heights = [0.5 + 0.7 * ((index * 0.618034) % 1.0 - 0.5) for index in range(len(refs))]
    axes.scatter(refs, heights, s=9, color="#777777", alpha=0.6)
    drawn = 0
    for execution in executions:
        value = execution.value(name)
        if value is not None:
            colour = PASS_COLOUR if execution.passed else FAIL_COLOUR
            axes.axvline(value * scale, color=colour, linewidth=1.3, alpha=0.85)
            drawn += 1
    if not refs and not drawn:
        axes.text(0.5, 0.5, "no measurements", ha="center", va="center", transform=axes.transAxes, fontsize=8)
    passed = sum(e.passed for e in executions)
    axes.set_title(f"{_plain(problem_id[:36])} ({passed}/{len(executions)} passed)", fontsize=8)
    axes.set_ylim(0, 1)
    axes.set_yticks([])
    axes.tick_params(labelsize=7)
    axes.set_xlabel(label, fontsize=7)


def _distribution_plot(report: EvaluationReport) -> str:
    problems = [row.problem_id for row in report.per_problem[:MAX_PROBLEM_PLOTS]]
    groups = group_by_problem(report.headline_executions)
    columns = min(4, len(problems))
    rows = math.ceil(len(problems) / columns)
    figure = _figure(PROBLEM_PANEL[0] * columns, PROBLEM_PANEL[1] * rows)
    plotted = _plotted_metric(report)
    for index, problem in enumerate(problems, start=1):
        _draw_problem(figure.add_subplot(rows, columns, index), problem, groups[problem], report.references, plotted)
    return _png(figure)


def _plotted(scores: Scores, name: str) -> float:
    """A score in percent for a plot; NaN (no point) when nothing was scored or it does not exist."""
    value = getattr(scores, name)
    return value * 100 if scores.n and value is not None else math.nan


def _iteration_plot(report: EvaluationReport) -> str:
    iterations = list(report.iterations)
    figure = _figure(*ITERATION_FIGURE)
    axes = figure.add_subplot()
    for name in report.score_names:
        values = [_plotted(s, name) for s in report.iterations.values()]
        axes.plot(iterations, values, marker="o", label=SCORE_LABELS[name])
    axes.set_xticks(iterations)
    axes.set_ylim(0, 100)
    if report.best_so_far:
        axes.set_title("Best so far after each iteration", fontsize=10)
        axes.set_xlabel("after iteration")
        axes.set_ylabel("% of problems")
    else:
        axes.set_title("Scores of each iteration's executions", fontsize=10)
        axes.set_xlabel("iteration")
        axes.set_ylabel("% of executions")
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8)
    return _png(figure)


def _category_plot(report: EvaluationReport) -> str:
    """Stacked bars per metric: how the headline executions split into beyond / mediocre / below / failed."""
    figure = _figure(*CATEGORY_FIGURE)
    axes = figure.add_subplot()
    slots = list(report.categories)  # the paper's three, and the instruction count when counted
    labels = [DISPLAY_NAMES[slot] for slot in slots]
    total = max(report.scores.n, 1)
    left = [0.0] * len(slots)
    for category in Category:
        widths = [100 * report.categories[slot][category] / total for slot in slots]
        axes.barh(labels, widths, left=left, color=CATEGORY_COLOURS[category], label=category.value)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.set_xlim(0, 100)
    axes.invert_yaxis()
    axes.set_xlabel(f"% of executions ({report.headline_label})")
    axes.legend(ncol=4, fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    return _png(figure)


def _img(data: str, alt: str) -> str:
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'


def _pareto_plot(change: ProblemChange) -> str:
    figure = _figure(*PARETO_PANEL)
    draw_pareto(figure.add_subplot(), change)
    return _img(_png(figure), f"time against memory, problem {change.problem_id}")


def _html_sections(report: EvaluationReport) -> list[str]:
    plotted = report.scores.n > 0  # nothing scored in the headline: nothing to plot
    parts = [f"<p><strong>{html.escape(report.ranked_by)}</strong></p>", f"<p>{html.escape(_overview(report))}</p>"]
    for section in _sections(report):
        if section.heading == "Speed-up per problem":  # the HTML shows it with diffs and plots, below
            continue
        parts.append(f"<h2>{html.escape(section.heading)}</h2><p class='note'>{html.escape(section.note)}</p>")
        parts.append(_html_table(section.table))
        if plotted and section.plot is not None:
            parts.append(_img(section.plot(report), section.alt))
    if report.changes:
        parts += changes_html(report.changes, report.speedups, _html_table, _pareto_plot)
    if not plotted:
        return parts
    shown = min(len(report.per_problem), MAX_PROBLEM_PLOTS)
    parts += [
        f"<h2>Problems ({html.escape(report.headline_label)})</h2>",
        f"<p class='note'>Reference {html.escape(INFO[Metric(_plotted_metric(report)[0])].display)} (grey dots) and "
        "candidate executions (lines: green passed, red failed; failed runs without a measurement are not drawn). "
        f"Showing {shown} of {len(report.per_problem)} problems.</p>",
        _img(_distribution_plot(report), "reference distributions with candidate executions"),
        _html_table(_problem_table(report)),
    ]
    return parts


def to_html(report: EvaluationReport) -> str:
    """One self-contained page: inline CSS, plots embedded as base64 PNG, every text escaped."""
    title = html.escape(f"Litmus report: {report.dataset}")
    body = "\n".join(_html_sections(report))
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{CSS}{DIFF_CSS}</style></head>\n<body><h1>{title}</h1>\n{body}\n</body></html>\n"
    )


def write_report(report: EvaluationReport, out_dir: Path) -> dict[str, Path]:
    """Write report.json, report.md and report.html into out_dir (created if needed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    contents = {
        "json": ("report.json", json.dumps(to_json(report), indent=2) + "\n"),
        "markdown": ("report.md", to_markdown(report)),
        "html": ("report.html", to_html(report)),
    }
    paths = {}
    for kind, (name, text) in contents.items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        paths[kind] = path
    return paths


# For other renderers of this package (the comparison of arms): the shared table and figure helpers.
markdown_table = _markdown_table
html_table = _html_table
new_figure = _figure
png_base64 = _png
score_percent = _plotted
