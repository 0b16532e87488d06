"""Reports with instruction counts: Beyond-C shown with the right value and the ranking named; without counts, absent.

The time, memory and integral figures are test_report's (so Beyond-T/M/I are the same there and here);
these executions and references also carry instruction counts, computed by hand below.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from afterburner.evaluation.changes import ProblemChange
from afterburner.evaluation.compare import (
    Comparison,
    comparison_json,
    comparison_markdown,
    comparison_table,
    write_comparison,
)
from afterburner.evaluation.metrics import SCORE_NAMES, Category, Execution, References, Scores
from afterburner.evaluation.render import to_html, to_markdown
from afterburner.evaluation.render_changes import speedup_table
from afterburner.evaluation.report import EvaluationReport, build_report, to_json

FIGURES = {
    "p1": {
        "cpu_time": [1.0, 2.0, 3.0, 4.0],
        "peak_memory": [10.0, 20.0, 30.0, 40.0],
        "memory_integral": [1.0, 2.0, 3.0, 4.0],
        "instructions": [100.0, 200.0, 300.0, 400.0],
    },
    "p2": {
        "cpu_time": [10.0, 20.0],
        "peak_memory": [100.0, 200.0],
        "memory_integral": [10.0, 20.0],
        "instructions": [1000.0, 2000.0],
    },
}
COUNTED = References(FIGURES, ranking="instructions")
# Beyond-C of each execution, 1 - (references fewer by more than 0.2%) / (references):
EXECUTIONS = [
    # 200.01 ties 200 (0.005% apart, inside 0.2%), loses to 100 only: 1 - 1/4 = 0.75 (exact ranking: 0.5)
    Execution.of("p1", True, 2.5, 5.0, 5.0, instructions=200.01, iteration=0),
    Execution.of("p2", False, None, None, None, iteration=0),  # failed: 0
    Execution.of("p1", True, 0.5, 35.0, 2.0, instructions=450.0, iteration=1),  # more than all four: 0
    Execution.of("p2", True, 20.0, 300.0, 15.0, instructions=900.0, iteration=1),  # fewer than both: 1.0
]
# Over N = 4: (0.75 + 0 + 0 + 1.0) / 4 = 0.4375; iteration 0: 0.75 / 2, iteration 1: 1.0 / 2.
BEYOND_C = 0.4375


@pytest.fixture(scope="module")
def counted() -> EvaluationReport:
    return build_report("counted", EXECUTIONS, COUNTED, rounds=32, seed=3)


def test_scores_carry_beyond_c(counted: EvaluationReport) -> None:
    # Beyond-T/M/I as in test_report: counting changes nothing there.
    assert counted.scores == Scores(4, 0.75, 0.5, 0.3125, 0.3125, BEYOND_C)
    assert counted.iterations[0].beyond_c == 0.375 and counted.iterations[1].beyond_c == 0.5
    assert [row.mean_percentile_count for row in counted.per_problem] == [0.375, 0.5]  # p1 (0.75+0)/2, p2 1/2
    assert set(counted.intervals) == set(SCORE_NAMES)  # five, Beyond-C's included
    interval = counted.intervals["beyond_c"]
    assert interval.low <= BEYOND_C <= interval.high
    # Categories of the count: 200.01 inside [100, 400], 450 above, 900 below 1000, one failure.
    assert counted.categories["instructions"] == {
        Category.BEYOND: 1,
        Category.MEDIOCRE: 1,
        Category.BELOW: 1,
        Category.FAILED: 1,
    }


def test_json_shows_beyond_c_and_names_the_ranking(counted: EvaluationReport) -> None:
    data = json.loads(json.dumps(to_json(counted)))
    assert data["scores"]["beyond_c"] == BEYOND_C and data["scores"]["beyond_t"] == 0.5
    assert data["intervals"]["beyond_c"]["low"] <= BEYOND_C <= data["intervals"]["beyond_c"]["high"]
    assert (data["ranking"], data["headline_score"], data["time_metric"]) == ("instructions", "beyond_c", "cpu_time")
    assert data["ranked_by"].startswith("Ranked by: instruction count (Beyond-C); Beyond-T is the CPU time percentile")
    assert data["categories"]["instructions"] == {"beyond": 1, "mediocre": 1, "below": 1, "failed": 1}
    assert set(data["categories"]) == {"cpu_time", "peak_memory", "memory_integral", "instructions"}
    assert [row["beyond_c"] for row in data["iterations"]] == [0.375, 0.5]
    assert data["per_problem"][0]["mean_percentile_count"] == 0.375
    assert data["tie_tolerance"]["instructions"] == 0.002


def test_markdown_shows_beyond_c_and_the_ranking(counted: EvaluationReport) -> None:
    text = to_markdown(counted)
    assert "Ranked by: instruction count (Beyond-C); Beyond-T is the CPU time percentile, shown beside it." in text
    assert "| Beyond-C | 43.8% |" in text  # 43.75 rounds half to even
    assert "| Beyond-T | 50.0% |" in text  # the time percentile, still there
    assert "| Iteration | N | Pass@1 | Beyond-T | Beyond-M | Beyond-I | Beyond-C |" in text
    assert "| 0 | 2 | 50.0% | 25.0% | 50.0% | 0.0% | 37.5% |" in text
    # The category table is the ranking metric's: the count's, not the time's (1 below here, 0 by time).
    assert "## Categories (instruction count, all executions)" in text
    assert "| below | 1 | 25.0% |" in text
    assert "instruction count 0.2%" in text  # its tie tolerance


def test_html_shows_beyond_c_and_the_ranking(counted: EvaluationReport) -> None:
    page = to_html(counted)
    assert "Ranked by: instruction count (Beyond-C)" in page
    assert "<tr><td>Beyond-C</td><td>43.8%</td>" in page
    # Per problem: a Beyond-C column, p2's value 50.0% after its Beyond-T/M/I (25.0%, 0.0%, 25.0%).
    assert "<th>Beyond-I</th><th>Beyond-C</th>" in page
    assert "<tr><td>p2</td><td>2</td><td>1</td><td>25.0%</td><td>0.0%</td><td>25.0%</td><td>50.0%</td></tr>" in page
    assert "Reference instruction count (grey dots)" in page  # the distributions show what ranks
    assert page.count("data:image/png;base64,") == 3


def test_without_counts_beyond_c_is_null_and_has_no_column() -> None:
    # The same executions, references without counts: nothing to rank counts against.
    plain = References({p: {k: v for k, v in f.items() if k != "instructions"} for p, f in FIGURES.items()})
    report = build_report("plain", EXECUTIONS, plain, rounds=32, seed=3)
    assert report.scores.beyond_c is None and "beyond_c" not in report.intervals
    data = json.loads(json.dumps(to_json(report)))
    assert data["scores"]["beyond_c"] is None and data["intervals"]["beyond_c"] is None
    assert [row["beyond_c"] for row in data["iterations"]] == [None, None]
    assert "instructions" not in data["categories"]
    assert (data["ranking"], data["headline_score"]) == ("cpu_time", "beyond_t")
    text, page = to_markdown(report), to_html(report)
    assert "Beyond-C" not in text and "Beyond-C" not in page
    assert "Ranked by: CPU time (Beyond-T)." in text and "Ranked by: CPU time (Beyond-T)." in page
    assert "| Iteration | N | Pass@1 | Beyond-T | Beyond-M | Beyond-I |" in text


def test_ranked_by_time_with_counts_shows_both() -> None:
    report = build_report("time", EXECUTIONS, References(FIGURES), rounds=8)
    assert report.scores.beyond_c == BEYOND_C
    assert to_json(report)["headline_score"] == "beyond_t"
    text = to_markdown(report)
    assert "Ranked by: CPU time (Beyond-T); Beyond-C is the instruction count percentile, shown beside it." in text
    assert "## Categories (CPU time, all executions)" in text and "| Beyond-C | 43.8% |" in text
    wall = References(FIGURES, time_metric="wall_time", ranking="wall_time")
    assert "Ranked by: wall time (Beyond-T);" in to_markdown(build_report("wall", [], wall, rounds=8))


def test_ranked_by_counts_that_are_missing_says_so() -> None:
    uncounted = References({"p1": {"cpu_time": [1.0]}}, ranking="instructions")
    report = build_report("missing", EXECUTIONS[:1], uncounted, rounds=8)
    data = to_json(report)
    assert data["scores"]["beyond_c"] is None and data["headline_score"] == "beyond_c"
    assert "Beyond-C is missing, not 0" in data["ranked_by"]
    text = to_markdown(report)
    assert "Ranked by: instruction count (Beyond-C)" in text and "| Beyond-C |" not in text
    assert "## Categories (CPU time, all executions)" in text  # no counts: no count categories to show


def _comparison(references: References) -> Comparison:
    arms = {
        "a": build_report("d", EXECUTIONS[:2], references, rounds=16),  # p1 0.75, p2 failed: Beyond-C 0.375
        "b": build_report("d", EXECUTIONS[2:], references, rounds=16),  # p1 0, p2 1.0: Beyond-C 0.5
        "empty": build_report("d", [], references, rounds=16),
    }
    return Comparison("d", arms, "one batch")


def test_comparison_shows_beyond_c_when_counted(tmp_path: Path) -> None:
    comparison = _comparison(COUNTED)
    headers, rows = comparison_table(comparison)
    assert headers[-1] == "Beyond-C [95% CI]" and len(headers) == 7
    assert rows[0][-1].startswith("37.5%") and rows[1][-1].startswith("50.0%")
    assert rows[2][2:] == ["-"] * 5  # nothing scored: no number
    data = comparison_json(comparison)
    assert (data["ranking"], data["headline_score"]) == ("instructions", "beyond_c")
    assert data["arms"]["a"]["scores"]["beyond_c"] == 0.375 and data["arms"]["empty"]["scores"]["beyond_c"] is None
    assert "Ranked by: instruction count (Beyond-C)" in comparison_markdown(comparison)
    paths = write_comparison(comparison, tmp_path)  # the plot copes with the empty arm
    assert (
        "Beyond-C [95% CI]" in paths["html"].read_text() and "Ranked by: instruction count" in paths["html"].read_text()
    )


def test_comparison_without_counts_has_no_beyond_c() -> None:
    plain = References({p: {k: v for k, v in f.items() if k != "instructions"} for p, f in FIGURES.items()})
    comparison = _comparison(plain)
    headers, _ = comparison_table(comparison)
    assert "Beyond-C [95% CI]" not in headers and len(headers) == 6
    data = comparison_json(comparison)
    assert data["arms"]["a"]["scores"]["beyond_c"] is None and data["arms"]["a"]["intervals"]["beyond_c"] is None
    text = comparison_markdown(comparison)
    assert "Beyond-C" not in text and "Ranked by: CPU time (Beyond-T)." in text


def test_speedup_table_shows_counts_only_when_counted() -> None:
    def change(start: dict[str, float | None], best: dict[str, float | None]) -> ProblemChange:
        return ProblemChange("1", "python", "slow", "fast", "reference naive", start, best)

    counted = change({"cpu_time": 2.0, "instructions": 1_234_567.0}, {"cpu_time": 0.5, "instructions": 1000.0})
    headers, rows = speedup_table([counted])
    assert headers[6:8] == ["Start count", "Best count"] and rows[0][6:8] == ["1,234,567", "1,000"]
    headers, rows = speedup_table([change({"cpu_time": 2.0}, {"cpu_time": 0.5})])
    assert "Start count" not in headers and len(headers) == len(rows[0]) == 9
    assert re.fullmatch(r"4\.00x", rows[0][6])
