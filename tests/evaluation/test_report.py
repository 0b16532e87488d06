"""Litmus reports built from a small synthetic evaluation: 2 problems, 2 iterations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from afterburner.evaluation.metrics import SCORE_NAMES, Category, Execution, References, Scores
from afterburner.evaluation.render import to_html, to_markdown, write_report
from afterburner.evaluation.report import EvaluationReport, GeneratedScores, ProblemRow, build_report, to_json

REFS = References(
    {
        "p1": {
            "cpu_time": [1.0, 2.0, 3.0, 4.0],
            "peak_memory": [10.0, 20.0, 30.0, 40.0],
            "memory_integral": [1.0, 2.0, 3.0, 4.0],
        },
        "p2": {"cpu_time": [10.0, 20.0], "peak_memory": [100.0, 200.0], "memory_integral": [10.0, 20.0]},
    }
)
# Percentiles (T, M, I) of each execution, 1 - (references strictly better) / (references):
EXECUTIONS = [
    Execution.of("p1", True, 2.5, 5.0, 5.0, iteration=0),  # T 1-2/4=0.5, M 1-0/4=1.0, I 1-4/4=0.0
    Execution.of("p2", False, None, None, None, iteration=0),  # failed: 0, 0, 0
    Execution.of("p1", True, 0.5, 35.0, 2.0, iteration=1),  # T 1.0, M 1-3/4=0.25, I 1-1/4=0.75
    Execution.of("p2", True, 20.0, 300.0, 15.0, iteration=1),  # T 1-1/2=0.5, M 0.0, I 1-1/2=0.5
]


@pytest.fixture(scope="module")
def report() -> EvaluationReport:
    return build_report("mini <set>", EXECUTIONS, REFS, rounds=32, seed=3)


@pytest.fixture(scope="module")
def page(report: EvaluationReport) -> str:
    return to_html(report)


def test_build_report_numbers(report: EvaluationReport) -> None:
    # Over N = 4: Pass@1 3/4; T (0.5+0+1.0+0.5)/4; M (1.0+0+0.25+0)/4; I (0+0+0.75+0.5)/4.
    assert report.scores == Scores(4, 0.75, 0.5, 0.3125, 0.3125)
    assert report.iterations == {
        0: Scores(2, 0.5, 0.25, 0.5, 0.0),  # T 0.5/2, M 1.0/2, I 0/2
        1: Scores(2, 1.0, 0.75, 0.125, 0.625),  # T (1.0+0.5)/2, M 0.25/2, I (0.75+0.5)/2
    }
    assert report.per_problem == [
        ProblemRow("p1", 2, 2, 0.75, 0.625, 0.375),  # T (0.5+1.0)/2, M (1.0+0.25)/2, I (0+0.75)/2
        ProblemRow("p2", 2, 1, 0.25, 0.0, 0.25),  # T 0.5/2, M 0/2, I 0.5/2
    ]
    assert report.categories["cpu_time"] == {
        Category.BEYOND: 1,  # 0.5 < 1
        Category.MEDIOCRE: 2,  # 2.5 inside [1, 4]; 20 ties the worst of [10, 20]
        Category.BELOW: 0,
        Category.FAILED: 1,
    }
    for name, interval in report.intervals.items():
        assert interval.low <= getattr(report.scores, name) <= interval.high


def test_json_keys_and_numbers(report: EvaluationReport) -> None:
    data = json.loads(json.dumps(to_json(report)))  # must survive a JSON round trip unchanged
    assert data == to_json(report)
    expected_keys = {"dataset", "headline", "measured", "n", "problems", "final_iteration", "scores", "intervals"}
    expected_keys |= {"scores_iteration_0", "intervals_iteration_0", "bootstrap", "categories", "iterations_are"}
    expected_keys |= {
        "iterations",
        "generated",
        "per_problem",
        "not_scored",
        "pass_at_k",
        "ranking",
        "headline_score",
        "ranked_by",
        "time_metric",
        "tie_tolerance",
        "speedups",
        "changes",
    }
    assert set(data) == expected_keys
    assert data["speedups"] is None and data["changes"] == []  # eval: no start to compare with
    # eval: the headline pools every execution; nothing optimize-specific is filled in with a number
    assert data["headline"] == "all executions" and data["iterations_are"] == "executions of iteration i"
    assert data["final_iteration"] is data["scores_iteration_0"] is data["intervals_iteration_0"] is None
    assert data["generated"] is None and data["measured"] is None and data["not_scored"] == []
    assert data["bootstrap"]["over"] == "problems" and data["bootstrap"]["resamples"] == 32
    assert data["time_metric"] == "cpu_time" and data["tie_tolerance"]["instructions"] == 0.002
    # nothing counted: ranked by CPU time, and Beyond-C is null everywhere, never a made-up 0
    assert (data["ranking"], data["headline_score"]) == ("cpu_time", "beyond_t")
    assert data["ranked_by"] == "Ranked by: CPU time (Beyond-T)."
    assert data["intervals"]["beyond_c"] is None
    assert set(data["categories"]) == {"cpu_time", "peak_memory", "memory_integral"}
    assert data["dataset"] == "mini <set>"
    assert (data["n"], data["problems"]) == (4, 2)
    assert data["scores"] == {
        "pass_at_1": 0.75,
        "beyond_t": 0.5,
        "beyond_m": 0.3125,
        "beyond_i": 0.3125,
        "beyond_c": None,
    }
    assert set(data["intervals"]["beyond_t"]) == {"low", "high", "level", "method"}
    # peak memory: 5 < 10 beyond, 35 inside, 300 > 200 below, one failure
    assert data["categories"]["peak_memory"] == {"beyond": 1, "mediocre": 1, "below": 1, "failed": 1}
    assert data["categories"]["memory_integral"] == {"beyond": 0, "mediocre": 2, "below": 1, "failed": 1}
    assert data["iterations"] == [
        {
            "iteration": 0,
            "n": 2,
            "pass_at_1": 0.5,
            "beyond_t": 0.25,
            "beyond_m": 0.5,
            "beyond_i": 0.0,
            "beyond_c": None,
        },
        {
            "iteration": 1,
            "n": 2,
            "pass_at_1": 1.0,
            "beyond_t": 0.75,
            "beyond_m": 0.125,
            "beyond_i": 0.625,
            "beyond_c": None,
        },
    ]
    assert data["per_problem"][1] == {
        "problem_id": "p2",
        "n": 2,
        "passed": 1,
        "mean_percentile_time": 0.25,
        "mean_percentile_memory": 0.0,
        "mean_percentile_integral": 0.25,
        "mean_percentile_count": None,
    }


def test_markdown_contains_percentages(report: EvaluationReport) -> None:
    text = to_markdown(report)
    assert "| Pass@1 | 75.0% |" in text
    assert "| Beyond-T | 50.0% |" in text
    assert "| Beyond-M | 31.2% |" in text  # 31.25 rounds half to even
    assert "| beyond | 1 | 25.0% |" in text  # time categories: 1 of 4
    assert "| 1 | 2 | 100.0% | 75.0% | 12.5% | 62.5% |" in text  # iteration 1
    low, high = report.intervals["beyond_t"].low, report.intervals["beyond_t"].high
    assert f"[{low * 100:.1f}%, {high * 100:.1f}%]" in text
    assert "Ranked by: CPU time (Beyond-T)." in text
    assert "Beyond-C" not in text and "instruction count" not in text  # nothing counted: no column, no tolerance


def test_markdown_skips_iterations_when_only_one() -> None:
    single = build_report("one", EXECUTIONS[:2], REFS, rounds=8)
    assert "By iteration" not in to_markdown(single)


def test_html_is_self_contained_and_escaped(page: str) -> None:
    assert page.count("data:image/png;base64,") == 3  # categories, iterations, distributions
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page)
    assert "http://" not in page and "https://" not in page
    assert "<style>" in page
    assert "mini &lt;set&gt;" in page and "mini <set>" not in page
    assert "<td>75.0%</td>" in page
    assert "Ranked by: CPU time (Beyond-T)." in page and "Beyond-C" not in page


def test_empty_report_renders() -> None:
    empty = build_report("empty", [], REFS, rounds=4)
    assert empty.scores == Scores(0, 0.0, 0.0, 0.0, 0.0)
    assert "| Pass@1 | - | - |" in to_markdown(empty)  # missing, not 0%
    assert "<img" not in to_html(empty)
    data = to_json(empty)
    assert data["iterations"] == []
    assert data["scores"] == dict.fromkeys(SCORE_NAMES) and data["intervals"] == dict.fromkeys(SCORE_NAMES)


def test_write_report_writes_three_files(report: EvaluationReport, tmp_path: Path) -> None:
    paths = write_report(report, tmp_path / "out")
    assert {path.name for path in paths.values()} == {"report.json", "report.md", "report.html"}
    assert all(path.is_file() and path.parent == tmp_path / "out" for path in paths.values())
    assert json.loads(paths["json"].read_text(encoding="utf-8")) == to_json(report)
    assert paths["markdown"].read_text(encoding="utf-8") == to_markdown(report)
    assert paths["html"].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_pass_at_k_appears_with_several_samples() -> None:
    # Problem a: 1 of 2 samples pass -> pass@1 = 1/2, pass@2 = 1; problem b: 0 of 2 -> 0 and 0.
    executions = [
        Execution.of("a", True, 1.0, 1.0, 1.0, sample_id=0),
        Execution.of("a", False, None, None, None, sample_id=1),
        Execution.of("b", False, None, None, None, sample_id=0),
        Execution.of("b", False, None, None, None, sample_id=1),
    ]
    report = build_report("x", executions, References({}))
    assert report.pass_at_k == {1: 0.25, 2: 0.5}
    assert to_json(report)["pass_at_k"] == {"1": 0.25, "2": 0.5}
    assert "pass@k" in to_markdown(report)
    single = build_report("x", executions[:1] + executions[2:3], References({}))
    assert single.pass_at_k == {}


# An optimize run: each problem's best so far after iterations 0, 1 and 2 (one execution per problem and iteration).
BEST_SO_FAR = [
    Execution.of("p1", True, 2.5, 5.0, 5.0, iteration=0),  # T 0.5, M 1.0, I 0.0
    Execution.of("p2", False, None, None, None, iteration=0),  # 0, 0, 0
    Execution.of("p1", True, 0.5, 35.0, 2.0, iteration=1),  # T 1.0, M 0.25, I 0.75
    Execution.of("p2", False, None, None, None, iteration=1),
    Execution.of("p1", True, 0.5, 35.0, 2.0, iteration=2),
    Execution.of("p2", True, 20.0, 300.0, 15.0, iteration=2),  # T 0.5, M 0.0, I 0.5
]
GENERATED = GeneratedScores({0: Scores(4, 0.25, 0.1, 0.2, 0.0), 1: Scores(4, 0.5, 0.3, 0.1, 0.2)}, "selection passes")


@pytest.fixture(scope="module")
def optimized() -> EvaluationReport:
    return build_report(
        "mini", BEST_SO_FAR, REFS, rounds=50, best_so_far=True, measured="re-measured", generated=GENERATED
    )


def test_best_so_far_headline_is_the_final_iteration(optimized: EvaluationReport) -> None:
    assert optimized.final_iteration == 2
    assert optimized.scores == Scores(2, 1.0, 0.75, 0.125, 0.625)  # iteration 2 only, not a pool of 0..2
    assert optimized.scores_iteration_0 == Scores(2, 0.5, 0.25, 0.5, 0.0)
    assert optimized.scores == optimized.iterations[2] and optimized.scores_iteration_0 == optimized.iterations[0]
    assert [row.n for row in optimized.per_problem] == [1, 1]  # per problem: the final best, once
    assert sum(optimized.categories["cpu_time"].values()) == 2
    # nothing counted: four intervals, none for Beyond-C
    assert set(optimized.intervals) == set(optimized.intervals_iteration_0) == set(SCORE_NAMES) - {"beyond_c"}


def test_best_so_far_json(optimized: EvaluationReport) -> None:
    data = json.loads(json.dumps(to_json(optimized)))
    assert data["headline"].startswith("iteration 2 (final)") and data["final_iteration"] == 2
    assert data["scores"] == {
        "pass_at_1": 1.0,
        "beyond_t": 0.75,
        "beyond_m": 0.125,
        "beyond_i": 0.625,
        "beyond_c": None,
    }
    assert data["scores_iteration_0"] == {
        "pass_at_1": 0.5,
        "beyond_t": 0.25,
        "beyond_m": 0.5,
        "beyond_i": 0.0,
        "beyond_c": None,
    }
    assert set(data["intervals_iteration_0"]) == set(SCORE_NAMES)  # every name, Beyond-C's null
    assert data["intervals_iteration_0"]["beyond_c"] is None and data["intervals"]["beyond_c"] is None
    assert data["iterations_are"] == "best so far after iteration i" and data["measured"] == "re-measured"
    assert [row["iteration"] for row in data["iterations"]] == [0, 1, 2]
    assert data["generated"]["measured"] == "selection passes"
    assert data["generated"]["iterations"][1] == {
        "iteration": 1,
        "n": 4,
        "pass_at_1": 0.5,
        "beyond_t": 0.3,
        "beyond_m": 0.1,
        "beyond_i": 0.2,
        "beyond_c": None,
    }


def test_best_so_far_tables_say_what_they_measure(optimized: EvaluationReport) -> None:
    text = to_markdown(optimized)
    assert "| Metric | Iteration 0 | 95% CI | Iteration 2 (final) | 95% CI |" in text
    assert "| Pass@1 | 50.0% |" in text and "| 100.0% |" in text
    assert "## Best so far after iteration i" in text and "By iteration" not in text
    assert "| Best so far after iteration | N |" in text
    assert "## Candidates generated in iteration i (selection passes)" in text
    assert "| 1 | 4 | 50.0% | 30.0% | 10.0% | 20.0% |" in text
    page = to_html(optimized)
    assert page.count("data:image/png;base64,") == 3
    assert "Best so far after iteration i" in page and "selection passes" in page


def test_missing_iteration_scores_are_none() -> None:
    # Iteration 1 holds only an infrastructure error: nothing scored there, so no number.
    executions = [
        Execution.of("p1", True, 2.5, 5.0, 5.0, iteration=0),
        Execution.of("p1", False, None, None, None, iteration=1, not_scored="IE"),
    ]
    report = build_report("x", executions, REFS, rounds=8, best_so_far=True)
    data = to_json(report)
    assert data["scores"] == dict.fromkeys(SCORE_NAMES) and data["n"] == 0
    assert data["iterations"][1] == {"iteration": 1, "n": 0, **dict.fromkeys(SCORE_NAMES)}
    assert "| Pass@1 | 100.0% | [100.0%, 100.0%] | - | - |" in to_markdown(report)
    assert "<img" not in to_html(report)  # nothing scored in the headline: no plots of zeros
