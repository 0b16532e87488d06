"""`afterburner eval --candidates a.jsonl --candidates b.jsonl`: arms measured together, one comparison."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from afterburner.core.errors import UsageError
from afterburner.datasets.bundled import load_bundled
from afterburner.evaluation.compare import parse_arms
from tests.cli.test_cli import afterburner


def arm(path: Path, label: str) -> Path:
    code = {s.label: s.code for s in load_bundled().get("4").solutions_in("python")}[label]
    path.write_text(json.dumps({"problem_id": "4", "language": "python", "code": code}) + "\n")
    return path


def test_two_arms_are_measured_together_and_compared(tmp_path: Path) -> None:
    slow, fast = arm(tmp_path / "slow.jsonl", "naive"), arm(tmp_path / "fast.jsonl", "optimal")
    out = tmp_path / "out"
    done = afterburner(
        "eval", "-d", "venus-mini", "--candidates", f"base={slow}", "--candidates", str(fast),
        "--out", str(out), "--repeat", "1", "--bootstrap", "200",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads((out / "comparison.json").read_text())
    assert list(data["arms"]) == ["base", "fast"]
    base, quick = data["arms"]["base"]["scores"], data["arms"]["fast"]["scores"]
    assert base["pass_at_1"] == quick["pass_at_1"] == 1.0
    assert quick["beyond_t"] > base["beyond_t"]
    assert (out / "base" / "report.json").exists() and (out / "fast" / "report.html").exists()
    page = (out / "comparison.html").read_text()
    assert "data:image/png;base64," in page and "Beyond-T" in done.stdout


def test_arm_names() -> None:
    assert parse_arms(["a.jsonl", "b=c/d.jsonl"]) == {"a": Path("a.jsonl"), "b": Path("c/d.jsonl")}
    with pytest.raises(UsageError, match="named 'a'"):
        parse_arms(["a.jsonl", "x/a.jsonl"])
    with pytest.raises(UsageError, match="empty arm name"):
        parse_arms(["=a.jsonl"])
