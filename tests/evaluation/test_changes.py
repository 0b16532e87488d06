"""Per-problem changes of an optimize run: speed-ups, their summary, the Pareto front, and how they render."""

from __future__ import annotations

import json
import math

from afterburner.evaluation.changes import Point, ProblemChange, pareto_front, summarize_speedups
from afterburner.evaluation.metrics import Execution, References
from afterburner.evaluation.render import to_html, to_markdown
from afterburner.evaluation.report import build_report, to_json


def change(
    pid: str, start: float | None, best: float | None, improved: bool = True, code: str = "fast"
) -> ProblemChange:
    return ProblemChange(
        pid,
        "python",
        "slow",
        code,
        "reference naive (slowest)",
        {"cpu_time": start, "peak_memory": 2e6, "memory_integral": None},
        {"cpu_time": best, "peak_memory": 1e6, "memory_integral": None},
        improved=improved,
        candidates=(Point("iteration 1 sample 0", 0.5, 3e6, 1), Point("iteration 2 sample 0", 0.2, 5e6, 2)),
        references=(Point("naive", 1.0, 2e6),),
    )


def test_pareto_front_keeps_only_undominated_points() -> None:
    points = [Point("a", 1.0, 5.0), Point("b", 2.0, 1.0), Point("c", 3.0, 2.0), Point("d", 0.5, 9.0)]
    assert [p.label for p in pareto_front(points)] == ["d", "a", "b"]
    assert pareto_front([]) == []


def test_speedup_summary_is_a_geometric_mean_and_none_when_missing() -> None:
    summary = summarize_speedups([change("1", 4.0, 1.0), change("2", 1.0, 1.0, improved=False), change("3", None, 1.0)])
    assert summary.problems == 2 and math.isclose(summary.geometric_mean or 0, 2.0)
    assert summary.interval is not None and summary.interval.low <= 2.0 <= summary.interval.high
    assert (summary.improved, summary.of) == (1, 2)  # problem 3 has no measured start
    empty = summarize_speedups([change("1", None, None)])
    assert empty.geometric_mean is None and empty.interval is None and empty.improved_share is None


def test_reports_show_speedups_and_escape_the_code() -> None:
    hostile = "print(1)\n</pre><script>alert(1)</script>\n"
    executions = [
        Execution.of("1/python", True, 2.0, 2e6, 4e6, iteration=0),
        Execution.of("1/python", True, 0.5, 1e6, 5e5, iteration=1),
    ]
    references = References({"1/python": {"cpu_time": [1.0, 3.0], "peak_memory": [1e6], "memory_integral": [1e6]}})
    report = build_report(
        "d", executions, references, rounds=50, best_so_far=True, changes=[change("1", 2.0, 0.5, code=hostile)]
    )
    data = json.loads(json.dumps(to_json(report)))
    assert data["speedups"]["geometric_mean"] == 4.0 and data["changes"][0]["speedup"] == 4.0
    assert data["changes"][0]["start"]["memory_integral"] is None  # missing stays null
    assert [p["label"] for p in data["changes"][0]["pareto_front"]] == ["iteration 2 sample 0", "iteration 1 sample 0"]
    markdown = to_markdown(report)
    assert "## Speed-up per problem" in markdown and "4.00x" in markdown
    page = to_html(report)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "time against memory, problem 1" in page and "class='add'" in page
