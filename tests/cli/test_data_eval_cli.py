"""`afterburner data` and `afterburner eval` end to end on a slice of venus-mini."""

from __future__ import annotations

import json
from pathlib import Path

from afterburner.datasets.bundled import load_bundled
from tests.cli.test_cli import afterburner


def test_data_list_and_check_a_problem() -> None:
    listed = afterburner("data", "list", "venus-mini", "--json")
    assert listed.returncode == 0, listed.stderr
    report = json.loads(listed.stdout)
    assert len(report["problems"]) >= 40 and report["issues"] == []
    checked = afterburner("data", "check", "venus-mini", "--problems", "2", "--json")
    assert checked.returncode == 0, checked.stdout[-3000:] + checked.stderr
    result = json.loads(checked.stdout)
    assert result["solutions"] == result["passed"] >= 6 and result["issues"] == []


def test_data_profile_is_instant_the_second_time() -> None:
    args = ("data", "profile", "venus-mini", "--problems", "4", "--repeat", "2", "--json")
    first = json.loads(afterburner(*args).stdout)
    second = json.loads(afterburner(*args).stdout)
    assert first["profiles"] == second["profiles"] and second["measured"] == 0
    figures = {p["label"]: p["measured"]["figures"] for p in first["profiles"]}
    times = {label: f["cpu_time"] for label, f in figures.items()}
    counts = {label: f["instructions"] for label, f in figures.items()}
    assert times["naive"] > 3 * min(times.values())
    assert counts["naive"] > 3 * min(counts.values())  # counts rank by default, and agree here
    assert first["measurement"] == {"repeat": 2, "estimator": "min", "metric": "instructions", "counter": "auto"}


def test_data_profile_on_both_test_sets_exports_the_counts_of_both(tmp_path: Path) -> None:
    exported = tmp_path / "counts.json"
    args = ("data", "profile", "venus-mini", "--problems", "4", "--languages", "python", "--test-set", "both")
    done = afterburner(*args, "--repeat", "1", "--export-counts", str(exported), "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    python = [s for s in load_bundled().get("4").solutions if s.language == "python"]
    assert {p["test_set"] for p in document["profiles"]} == {"feedback", "scoring"}
    assert len(document["profiles"]) == 2 * len(python)
    assert document["exported_counts"] == {"written": 2 * len(python), "missing": []}
    keys = [e["key"] for e in json.loads(exported.read_text())["entries"]]
    assert len(set(keys)) == len(keys) == 2 * len(python)  # one count per reference and test set
    refused = afterburner("data", "profile", "venus-mini", "--problems", "4", "--test-set", "all")
    assert refused.returncode != 0 and "unknown test set" in refused.stderr


def test_eval_writes_reports_and_scores(tmp_path: Path) -> None:
    problem = load_bundled().get("4")
    naive, optimal = (next(s for s in problem.solutions if s.label == name) for name in ("naive", "optimal"))
    rows = [
        {"problem_id": "4", "language": "python", "code": naive.code, "iteration": 0},
        {"problem_id": "4", "language": "python", "code": optimal.code, "iteration": 1},
        {"problem_id": "4", "language": "python", "code": "print(0)\n", "iteration": 1, "sample_id": 1},
    ]
    candidates = tmp_path / "candidates.jsonl"
    candidates.write_text("\n".join(json.dumps(r) for r in rows))
    done = afterburner(
        "eval",
        "--dataset",
        "venus-mini",
        "--candidates",
        str(candidates),
        "--out",
        str(tmp_path / "out"),
        "--repeat",
        "2",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["scores"]["pass_at_1"] == 2 / 3
    assert {row["iteration"] for row in report["iterations"]} == {0, 1}
    assert report["categories"]["cpu_time"]["failed"] == 1
    html = (tmp_path / "out" / "report.html").read_text()
    assert "data:image/png;base64," in html and (tmp_path / "out" / "report.md").exists()


def test_eval_rejects_bad_candidates(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"problem_id": "4", "language": "python", "code": "x"}\n{"oops": 1}\n')
    done = afterburner("eval", "--dataset", "venus-mini", "--candidates", str(bad), "--out", str(tmp_path))
    assert done.returncode == 2 and "bad.jsonl:2" in done.stderr
    unknown = tmp_path / "unknown.jsonl"
    unknown.write_text('{"problem_id": "99999", "language": "python", "code": "x"}\n')
    done = afterburner("eval", "--dataset", "venus-mini", "--candidates", str(unknown), "--out", str(tmp_path))
    assert done.returncode == 2 and "99999" in done.stderr
