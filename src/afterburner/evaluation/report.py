"""Litmus reports: one evaluation rendered as JSON, Markdown, and a self-contained HTML page with plots."""

from __future__ import annotations

import base64
import html
import io
import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from afterburner.evaluation.metrics import (
    DISPLAY_NAMES,
    METRICS,
    SCORE_LABELS,
    SCORE_NAMES,
    TIE_TOLERANCE,
    Category,
    Execution,
    Interval,
    References,
    Scores,
    bootstrap,
    by_iteration,
    category_counts,
    group_by_problem,
    pass_at_k,
    score,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MAX_PROBLEM_PLOTS = 40  # beyond this the page gets heavy and the panels unreadable
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


@dataclass(frozen=True)
class ProblemRow:
    """One problem's summary; mean percentiles count failures as 0, exactly like the Beyond scores."""

    problem_id: str
    n: int
    passed: int
    mean_percentile_time: float
    mean_percentile_memory: float
    mean_percentile_integral: float


@dataclass(frozen=True)
class EvaluationReport:
    """Everything a Litmus evaluation produced; executions and references are kept for the plots."""

    dataset: str
    scores: Scores
    intervals: dict[str, Interval]
    categories: dict[str, dict[Category, int]]  # metric -> category -> count
    iterations: dict[int, Scores]
    per_problem: list[ProblemRow]
    executions: tuple[Execution, ...]
    references: References
    pass_at_k: dict[int, float] = field(default_factory=dict)  # only when problems have several samples


def _pass_at_k(executions: Sequence[Execution]) -> dict[int, float]:
    """Unbiased pass@k over the samples of each (problem, iteration), averaged over groups with >= k samples."""
    groups: dict[tuple[str, int], list[Execution]] = {}
    for execution in executions:
        groups.setdefault((execution.problem_id, execution.iteration), []).append(execution)
    largest = max((len(group) for group in groups.values()), default=0)
    if largest < 2:
        return {}
    estimates: dict[int, float] = {}
    for k in (k for k in (1, 2, 5, 10, 20, 50, 100) if k <= largest):
        values = [pass_at_k(len(g), sum(e.passed for e in g), k) for g in groups.values() if len(g) >= k]
        estimates[k] = sum(values) / len(values)
    return estimates


def _problem_rows(executions: Sequence[Execution], references: References) -> list[ProblemRow]:
    rows = []
    for problem, group in sorted(group_by_problem(executions).items()):
        scores = score(group, references)
        passed = sum(e.passed for e in group)
        rows.append(ProblemRow(problem, len(group), passed, scores.beyond_t, scores.beyond_m, scores.beyond_i))
    return rows


def build_report(
    dataset_name: str,
    executions: Sequence[Execution],
    references: References,
    rounds: int = 128,
    seed: int = 0,
) -> EvaluationReport:
    return EvaluationReport(
        dataset=dataset_name,
        scores=score(executions, references),
        intervals=bootstrap(executions, references, rounds=rounds, seed=seed),
        categories={metric: category_counts(executions, references, metric) for metric in METRICS},
        iterations=by_iteration(executions, references),
        per_problem=_problem_rows(executions, references),
        executions=tuple(executions),
        references=references,
        pass_at_k=_pass_at_k(executions),
    )


def to_json(report: EvaluationReport) -> dict[str, Any]:
    """A JSON-ready view; scores and intervals are fractions in [0, 1], not percentages."""
    return {
        "dataset": report.dataset,
        "n": report.scores.n,
        "problems": len(report.per_problem),
        "scores": report.scores.as_dict(),
        "intervals": {name: asdict(interval) for name, interval in report.intervals.items()},
        "categories": {
            metric: {category.value: count for category, count in counts.items()}
            for metric, counts in report.categories.items()
        },
        "iterations": [
            {"iteration": iteration, "n": scores.n, **scores.as_dict()}
            for iteration, scores in report.iterations.items()
        ],
        "per_problem": [asdict(row) for row in report.per_problem],
        "pass_at_k": {str(k): value for k, value in report.pass_at_k.items()},
        "time_metric": report.references.time_metric,
        "tie_tolerance": dict(TIE_TOLERANCE),
    }


# A table is a header row plus body rows of already formatted cells, shared by Markdown and HTML.
_Table = tuple[list[str], list[list[str]]]


def _pct(fraction: float) -> str:
    return f"{fraction * 100:.1f}%"


def _summary_table(report: EvaluationReport) -> _Table:
    level = next(iter(report.intervals.values())).level if report.intervals else 0.95
    rows = []
    for name in SCORE_NAMES:
        interval = report.intervals.get(name)
        bounds = f"[{_pct(interval.low)}, {_pct(interval.high)}]" if interval else "-"
        rows.append([SCORE_LABELS[name], _pct(getattr(report.scores, name)), bounds])
    return ["Metric", "Score", f"{level:.0%} CI"], rows


def _category_table(report: EvaluationReport, metric: str = "cpu_time") -> _Table:
    counts = report.categories.get(metric, dict.fromkeys(Category, 0))
    total = max(report.scores.n, 1)
    rows = [[category.value, str(counts[category]), _pct(counts[category] / total)] for category in Category]
    return ["Category", "Count", "Share"], rows


def _iteration_table(report: EvaluationReport) -> _Table:
    headers = ["Iteration", "N", *(SCORE_LABELS[name] for name in SCORE_NAMES)]
    rows = [
        [str(iteration), str(scores.n), *(_pct(getattr(scores, name)) for name in SCORE_NAMES)]
        for iteration, scores in report.iterations.items()
    ]
    return headers, rows


def _problem_table(report: EvaluationReport) -> _Table:
    headers = ["Problem", "N", "Passed", "Beyond-T", "Beyond-M", "Beyond-I"]
    rows = [
        [
            row.problem_id,
            str(row.n),
            str(row.passed),
            _pct(row.mean_percentile_time),
            _pct(row.mean_percentile_memory),
            _pct(row.mean_percentile_integral),
        ]
        for row in report.per_problem
    ]
    return headers, rows


def _overview(report: EvaluationReport) -> str:
    tolerance = TIE_TOLERANCE.get(report.references.time_metric, 0.0)
    return (
        f"{report.scores.n} executions of {len(report.per_problem)} problems "
        f"over {len(report.iterations)} iteration(s). Beyond-T ranks by {report.references.time_metric}; "
        f"differences within the measurement noise are ties (time: {tolerance:.0%})."
    )


def _markdown_table(table: _Table) -> list[str]:
    headers, rows = table

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    separator = "|" + "|".join(["---", *["---:"] * (len(headers) - 1)]) + "|"
    return [line(headers), separator, *(line(row) for row in rows), ""]


def to_markdown(report: EvaluationReport) -> str:
    lines = [f"# Litmus report: {report.dataset}", "", _overview(report), "", "## Scores", ""]
    lines += _markdown_table(_summary_table(report))
    lines += [f"## Categories ({report.references.time_metric})", ""]
    lines += _markdown_table(_category_table(report))
    if len(report.iterations) > 1:
        lines += ["## By iteration", ""]
        lines += _markdown_table(_iteration_table(report))
    if report.pass_at_k:
        lines += ["## pass@k (unbiased, samples of each problem and iteration)", ""]
        lines += _markdown_table((["k", "pass@k"], [[str(k), _pct(v)] for k, v in report.pass_at_k.items()]))
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
    figure.savefig(buffer, format="png", dpi=90)
    figure.clear()
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _plain(text: str) -> str:
    # A "$" would switch matplotlib to mathtext and may fail to parse.
    return text.replace("$", r"\$")


def _draw_problem(axes: Axes, problem_id: str, executions: Sequence[Execution], references: References) -> None:
    """Reference CPU times as a jittered strip; candidates as vertical lines, green if passed, red if not."""
    refs_ms = [value * 1000 for value in references.values(problem_id, "cpu_time")]
    # Golden-ratio jitter: deterministic, yet spreads points evenly over the strip.
    heights = [0.5 + 0.7 * ((index * 0.618034) % 1.0 - 0.5) for index in range(len(refs_ms))]
    axes.scatter(refs_ms, heights, s=9, color="#777777", alpha=0.6)
    drawn = 0
    for execution in executions:
        if execution.cpu_time is not None:
            colour = PASS_COLOUR if execution.passed else FAIL_COLOUR
            axes.axvline(execution.cpu_time * 1000, color=colour, linewidth=1.3, alpha=0.85)
            drawn += 1
    if not refs_ms and not drawn:
        axes.text(0.5, 0.5, "no measurements", ha="center", va="center", transform=axes.transAxes, fontsize=8)
    passed = sum(e.passed for e in executions)
    axes.set_title(f"{_plain(problem_id[:36])} ({passed}/{len(executions)} passed)", fontsize=8)
    axes.set_ylim(0, 1)
    axes.set_yticks([])
    axes.tick_params(labelsize=7)
    axes.set_xlabel("CPU time (ms)", fontsize=7)


def _distribution_plot(report: EvaluationReport) -> str:
    problems = [row.problem_id for row in report.per_problem[:MAX_PROBLEM_PLOTS]]
    groups = group_by_problem(report.executions)
    columns = min(4, len(problems))
    rows = math.ceil(len(problems) / columns)
    figure = _figure(3.2 * columns, 1.9 * rows)
    for index, problem in enumerate(problems, start=1):
        _draw_problem(figure.add_subplot(rows, columns, index), problem, groups[problem], report.references)
    return _png(figure)


def _iteration_plot(report: EvaluationReport) -> str:
    iterations = list(report.iterations)
    figure = _figure(6.5, 3.6)
    axes = figure.add_subplot()
    for name in SCORE_NAMES:
        values = [getattr(scores, name) * 100 for scores in report.iterations.values()]
        axes.plot(iterations, values, marker="o", label=SCORE_LABELS[name])
    axes.set_xticks(iterations)
    axes.set_ylim(0, 100)
    axes.set_xlabel("iteration")
    axes.set_ylabel("% of executions")
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8)
    return _png(figure)


def _category_plot(report: EvaluationReport) -> str:
    """Stacked bars per metric: how executions split into beyond / mediocre / below / failed."""
    figure = _figure(7.5, 2.8)
    axes = figure.add_subplot()
    labels = [DISPLAY_NAMES[metric] for metric in METRICS]
    total = max(report.scores.n, 1)
    left = [0.0] * len(METRICS)
    for category in Category:
        widths = [100 * report.categories[metric][category] / total for metric in METRICS]
        axes.barh(labels, widths, left=left, color=CATEGORY_COLOURS[category], label=category.value)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.set_xlim(0, 100)
    axes.invert_yaxis()
    axes.set_xlabel("% of executions")
    axes.legend(ncol=4, fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    return _png(figure)


def _img(data: str, alt: str) -> str:
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'


def _html_sections(report: EvaluationReport) -> list[str]:
    sections = [
        f"<p>{html.escape(_overview(report))}</p>",
        "<h2>Scores</h2>",
        _html_table(_summary_table(report)),
        "<h2>Categories</h2><p class='note'>Table: CPU time; chart: every metric.</p>",
        _html_table(_category_table(report)),
    ]
    if not report.executions:
        return sections  # nothing to plot
    sections.append(_img(_category_plot(report), "category breakdown per metric"))
    sections.append("<h2>By iteration</h2>")
    if len(report.iterations) > 1:
        sections.append(_html_table(_iteration_table(report)))
    sections.append(_img(_iteration_plot(report), "scores per iteration"))
    shown = min(len(report.per_problem), MAX_PROBLEM_PLOTS)
    sections += [
        "<h2>Problems</h2>",
        f"<p class='note'>Reference CPU times (grey dots) and candidate executions (lines: green passed, red failed; "
        f"failed runs without a measurement are not drawn). Showing {shown} of {len(report.per_problem)} problems.</p>",
        _img(_distribution_plot(report), "reference distributions with candidate executions"),
        _html_table(_problem_table(report)),
    ]
    return sections


def to_html(report: EvaluationReport) -> str:
    """One self-contained page: inline CSS, plots embedded as base64 PNG, every text escaped."""
    title = html.escape(f"Litmus report: {report.dataset}")
    body = "\n".join(_html_sections(report))
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{CSS}</style></head>\n<body><h1>{title}</h1>\n{body}\n</body></html>\n"
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
