"""Models or arms side by side: every arm's candidates measured in one batch per problem, one table and plot.

All arms' candidates of a problem are measured together with the problem's references, their
passes interleaved, so no arm is measured on a quieter machine than another. Each arm gets its
own report (scores with bootstrap intervals over problems); the comparison puts them in one table,
which names the ranking metric and has a Beyond-C column only where the references were counted.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from afterburner.core.errors import UsageError
from afterburner.datasets.model import Dataset
from afterburner.evaluation.candidates import Candidate, read_candidates
from afterburner.evaluation.evaluate import evaluate_candidates
from afterburner.evaluation.metrics import BOOTSTRAP_RESAMPLES, SCORE_LABELS, References
from afterburner.evaluation.render import (
    html_table,
    markdown_table,
    new_figure,
    png_base64,
    score_percent,
    write_report,
)
from afterburner.evaluation.report import (
    EvaluationReport,
    build_report,
    intervals_json,
    ranking_line,
    scores_json,
    shown_scores,
)
from afterburner.judge.executor import JudgeExecutor
from afterburner.judge.measurement import Measurement


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

    @property
    def references(self) -> References:
        """The references every arm was ranked against (one batch: the same for all arms)."""
        return next(iter(self.reports.values())).references if self.reports else References()

    @property
    def score_names(self) -> tuple[str, ...]:
        return shown_scores(self.references)


def compare_arms(
    dataset: Dataset,
    arms: Mapping[str, Sequence[Candidate]],
    workers: int = 1,
    measurement: Measurement | None = None,
    executor: JudgeExecutor | None = None,
    rounds: int = BOOTSTRAP_RESAMPLES,
    on_progress: Callable[[int, int], None] | None = None,
) -> Comparison:
    """Measure every arm's candidates in one batch per problem, then score each arm on its own."""
    names = list(arms)
    pooled = [candidate for name in names for candidate in arms[name]]
    evaluation = evaluate_candidates(dataset, pooled, workers, measurement, on_progress=on_progress, executor=executor)
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
    names = comparison.score_names
    headers = ["Arm", "N", *(f"{SCORE_LABELS[name]} [95% CI]" for name in names)]
    rows = [
        [arm, str(report.scores.n), *(_cell(report, name) for name in names)]
        for arm, report in comparison.reports.items()
    ]
    return headers, rows


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    references = comparison.references
    return {
        "dataset": comparison.dataset,
        "measured": comparison.measured,
        "ranking": references.ranking,
        "headline_score": references.headline,
        "ranked_by": ranking_line(references),
        "time_metric": references.time_metric,
        "arms": {
            arm: {"n": r.scores.n, "scores": scores_json(r.scores), "intervals": intervals_json(r.intervals)}
            for arm, r in comparison.reports.items()
        },
    }


def comparison_markdown(comparison: Comparison) -> str:
    lines = [f"# Comparison: {comparison.dataset}", "", ranking_line(comparison.references), ""]
    lines += [f"Measured: {comparison.measured}.", ""]
    return "\n".join(lines + markdown_table(comparison_table(comparison)))


def comparison_plot(comparison: Comparison) -> str:
    """Grouped bars: per score, one bar per arm, with the 95% interval as error bars."""
    figure = new_figure(7.5, 3.4)
    axes = figure.add_subplot()
    names = comparison.score_names
    width = 0.8 / max(1, len(comparison.reports))
    for index, (arm, report) in enumerate(comparison.reports.items()):
        values = [score_percent(report.scores, name) for name in names]  # NaN: no bar, not 0
        lows, highs = [], []
        for name, value in zip(names, values, strict=True):
            interval = report.intervals.get(name)
            if interval is None or math.isnan(value):
                lows.append(0.0)
                highs.append(0.0)
            else:
                lows.append(max(0.0, value - interval.low * 100))
                highs.append(max(0.0, interval.high * 100 - value))
        positions = np.arange(len(names)) + index * width
        axes.bar(positions, values, width, yerr=[lows, highs], capsize=3, label=arm.replace("$", r"\$"))
    axes.set_xticks(np.arange(len(names)) + width * (len(comparison.reports) - 1) / 2)
    axes.set_xticklabels([SCORE_LABELS[name] for name in names])
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
        f"<h1>{title}</h1><p><strong>{html.escape(ranking_line(comparison.references))}</strong></p>"
        f"<p>{html.escape(comparison.measured)}.</p>{html_table(comparison_table(comparison))}"
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
