"""Models or arms side by side: every arm's candidates measured in one batch per problem, one table and plot.

All arms' candidates of a problem are measured together with the problem's references, their
passes interleaved, so no arm is measured on a quieter machine than another. Each arm gets its
own report (scores with bootstrap intervals over problems); the comparison puts them in one table.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from afterburner.core.errors import UsageError
from afterburner.datasets.model import Dataset
from afterburner.evaluation.candidates import Candidate, read_candidates
from afterburner.evaluation.evaluate import MeasureSettings, evaluate_candidates
from afterburner.evaluation.metrics import BOOTSTRAP_RESAMPLES, SCORE_LABELS, SCORE_NAMES
from afterburner.evaluation.render import html_table, markdown_table, new_figure, png_base64, write_report
from afterburner.evaluation.report import EvaluationReport, build_report, intervals_json, scores_json


def parse_arms(values: Sequence[str]) -> dict[str, Path]:
    """`PATH` or `NAME=PATH` per value; the name defaults to the file's stem and must be unique."""
    arms: dict[str, Path] = {}
    for value in values:
        name, sep, path = value.partition("=")
        name, target = (name, Path(path)) if sep else (Path(value).stem, Path(value))
        if not name:
            raise UsageError(f"--candidates {value!r}: empty arm name", "write NAME=PATH")
        if name in arms:
            raise UsageError(f"two --candidates are named {name!r}", "name them: --candidates NAME=PATH")
        arms[name] = target
    return arms


@dataclass(frozen=True)
class Comparison:
    dataset: str
    reports: dict[str, EvaluationReport]  # arm -> its report, in the order given
    measured: str


def compare_arms(
    dataset: Dataset,
    arms: Mapping[str, Sequence[Candidate]],
    workers: int = 1,
    settings: MeasureSettings | None = None,
    rounds: int = BOOTSTRAP_RESAMPLES,
    on_progress: Callable[[int, int], None] | None = None,
) -> Comparison:
    """Measure every arm's candidates in one batch per problem, then score each arm on its own."""
    names = list(arms)
    pooled = [candidate for name in names for candidate in arms[name]]
    evaluation = evaluate_candidates(dataset, pooled, workers, on_progress=on_progress, settings=settings)
    reports, start = {}, 0
    for name in names:
        executions = evaluation.executions[start : start + len(arms[name])]
        start += len(arms[name])
        reports[name] = build_report(
            dataset.name,
            executions,
            evaluation.references,
            rounds=rounds,
            measured=f"arm {name}, measured with all arms",
        )
    measured = (
        "every arm's candidates of a problem measured in one interleaved batch with the problem's references "
        "on the scoring tests"
    )
    return Comparison(dataset.name, reports, measured)


def _cell(report: EvaluationReport, name: str) -> str:
    value = scores_json(report.scores)
    interval = report.intervals.get(name)
    point = None if value is None else value.get(name)
    if point is None:
        return "-"
    bounds = f" [{interval.low * 100:.1f}, {interval.high * 100:.1f}]" if interval else ""
    return f"{point * 100:.1f}%{bounds}"


def comparison_table(comparison: Comparison) -> tuple[list[str], list[list[str]]]:
    headers = ["Arm", "N", *(f"{SCORE_LABELS[name]} [95% CI]" for name in SCORE_NAMES)]
    rows = [
        [arm, str(report.scores.n), *(_cell(report, name) for name in SCORE_NAMES)]
        for arm, report in comparison.reports.items()
    ]
    return headers, rows


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "dataset": comparison.dataset,
        "measured": comparison.measured,
        "arms": {
            arm: {"n": r.scores.n, "scores": scores_json(r.scores), "intervals": intervals_json(r.intervals)}
            for arm, r in comparison.reports.items()
        },
    }


def comparison_markdown(comparison: Comparison) -> str:
    lines = [f"# Comparison: {comparison.dataset}", "", f"Measured: {comparison.measured}.", ""]
    return "\n".join(lines + markdown_table(comparison_table(comparison)))


def comparison_plot(comparison: Comparison) -> str:
    """Grouped bars: per score, one bar per arm, with the 95% interval as error bars."""
    figure = new_figure(7.5, 3.4)
    axes = figure.add_subplot()
    width = 0.8 / max(1, len(comparison.reports))
    for index, (arm, report) in enumerate(comparison.reports.items()):
        values = [getattr(report.scores, name) * 100 if report.scores.n else 0.0 for name in SCORE_NAMES]
        lows, highs = [], []
        for name, value in zip(SCORE_NAMES, values, strict=True):
            interval = report.intervals.get(name)
            lows.append(max(0.0, value - interval.low * 100) if interval else 0.0)
            highs.append(max(0.0, interval.high * 100 - value) if interval else 0.0)
        positions = np.arange(len(SCORE_NAMES)) + index * width
        axes.bar(positions, values, width, yerr=[lows, highs], capsize=3, label=arm.replace("$", r"\$"))
    axes.set_xticks(np.arange(len(SCORE_NAMES)) + width * (len(comparison.reports) - 1) / 2)
    axes.set_xticklabels([SCORE_LABELS[name] for name in SCORE_NAMES])
    axes.set_ylabel("%")
    axes.set_ylim(0, 105)
    axes.legend(fontsize=7)
    return png_base64(figure)


def write_comparison(comparison: Comparison, out_dir: Path) -> dict[str, Path]:
    """Each arm's report under OUT/ARM/, and comparison.json, .md and .html in OUT."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for arm, report in comparison.reports.items():
        write_report(report, out_dir / arm)
    title = html.escape(f"Comparison: {comparison.dataset}")
    page = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<h1>{title}</h1><p>{html.escape(comparison.measured)}.</p>{html_table(comparison_table(comparison))}"
        f'<img src="data:image/png;base64,{comparison_plot(comparison)}" alt="scores per arm with 95% intervals">'
        "</body></html>\n"
    )
    paths = {
        "json": out_dir / "comparison.json",
        "markdown": out_dir / "comparison.md",
        "html": out_dir / "comparison.html",
    }
    paths["json"].write_text(json.dumps(comparison_json(comparison), indent=2) + "\n")
    paths["markdown"].write_text(comparison_markdown(comparison))
    paths["html"].write_text(page)
    return paths


def read_arms(values: Sequence[str]) -> dict[str, list[Candidate]]:
    return {name: read_candidates(path) for name, path in parse_arms(values).items()}
