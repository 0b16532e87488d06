"""Reference counts exported on one machine and imported on another with the same toolchain."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from afterburner.core.errors import UsageError
from afterburner.datasets.bundled import bundled_root
from afterburner.datasets.counts import (
    BUNDLED_COUNTS,
    export_counts,
    import_counts,
    reference_rows,
    reference_test_sets,
    seed_bundled_counts,
)
from afterburner.datasets.profile import profile_dataset
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import TestPlan
from afterburner.judge.measurement import Measurement
from afterburner.sandbox import runner
from afterburner.sandbox.runner import SandboxOptions
from tests.datasets.test_datasets import synthetic

PLAN = TestPlan(num_cases=2, seed=5)
CODES = [
    "a, b = map(int, input().split())\nprint(a + b)\n",
    "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n",
]


def _counted_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = runner.run

    def watched(*args: object, **kwargs: object) -> object:
        options = kwargs.get("options")
        if isinstance(options, SandboxOptions) and options.instructions in ("qemu", "valgrind"):
            seen.append(str(options.instructions))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("afterburner.judge.compiler.run", watched)  # a counted run per test
    monkeypatch.setattr("afterburner.judge.counting.run", watched)  # Python's counting zygote: one run for all
    return seen


def test_exported_counts_are_reused_on_a_machine_with_the_same_toolchain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset = synthetic(CODES)
    first = profile_dataset(dataset, measurement=Measurement(1), plan=PLAN)
    assert all(p.instructions for p in first.profiles)
    exported = export_counts(dataset, tmp_path / "counts.json", plans=[PLAN])
    assert exported.written == 2 and exported.missing == []
    # Another machine: an empty cache, the same toolchain.
    monkeypatch.setenv("AFTERBURNER_CACHE", str(tmp_path / "elsewhere"))
    assert import_counts(tmp_path / "counts.json").written == 2
    counted = _counted_runs(monkeypatch)
    second = profile_dataset(dataset, measurement=Measurement(1), plan=PLAN)
    assert counted == []  # nothing counted: the imported counts were used
    assert [p.instructions for p in second.profiles] == [p.instructions for p in first.profiles]


def _exported(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """One reference counted and exported: the file and its content."""
    dataset = synthetic(CODES[:1])
    profile_dataset(dataset, measurement=Measurement(1), plan=PLAN)
    path = tmp_path / "counts.json"
    export_counts(dataset, path, plans=[PLAN])
    return path, json.loads(path.read_text())


def test_counts_of_another_toolchain_are_refused_naming_both(tmp_path: Path) -> None:
    path, document = _exported(tmp_path)
    ours = document["toolchains"]["python"]
    document["toolchains"]["python"] = ours.replace("Python 3", "Python 2")
    path.write_text(json.dumps(document))
    with pytest.raises(UsageError, match="toolchain differs") as refused:
        import_counts(path)
    assert "Python 2" in str(refused.value) and ours in str(refused.value)


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps({"kind": "something else"}),
        json.dumps({"kind": "afterburner-counts", "version": 1, "counter": "valgrind-9"}),
    ],
)
def test_a_file_that_is_not_a_counts_file_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "counts.json"
    path.write_text(content)
    with pytest.raises(UsageError):
        import_counts(path)


def test_a_malformed_entry_is_refused(tmp_path: Path) -> None:
    path, document = _exported(tmp_path)
    document["entries"][0]["key"] = "../../escape"
    path.write_text(json.dumps(document))
    with pytest.raises(UsageError, match="malformed"):
        import_counts(path)


def test_bundled_counts_are_stored_once_where_the_toolchain_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """venus-mini's shipped counts: used where this machine's toolchain made them, left out elsewhere."""
    dataset = synthetic(CODES)
    profile_dataset(dataset, measurement=Measurement(1), plan=PLAN)
    shipped = tmp_path / "package"
    (shipped / "problems").mkdir(parents=True)
    export_counts(dataset, shipped / BUNDLED_COUNTS, plans=[PLAN])
    monkeypatch.setattr("afterburner.datasets.counts.bundled_root", lambda: shipped / "problems")
    monkeypatch.setenv("AFTERBURNER_CACHE", str(tmp_path / "fresh"))
    seed_bundled_counts.cache_clear()
    assert seed_bundled_counts("auto") == ""
    counted = _counted_runs(monkeypatch)
    profile_dataset(dataset, measurement=Measurement(1), plan=PLAN)
    assert counted == []  # the shipped counts were used
    document = json.loads((shipped / BUNDLED_COUNTS).read_text())
    document["toolchains"]["python"] += " (another build)"
    (shipped / BUNDLED_COUNTS).write_text(json.dumps(document))
    seed_bundled_counts.cache_clear()
    monkeypatch.setenv("AFTERBURNER_CACHE", str(tmp_path / "fresh-again"))
    assert "toolchain differs" in seed_bundled_counts("auto")  # refused, and the run goes on counting
    profile_dataset(dataset, measurement=Measurement(1), plan=PLAN)
    assert counted == ["qemu", "qemu"]  # both references counted here
    seed_bundled_counts.cache_clear()


def test_the_scoring_set_is_disjoint_from_the_feedback_set() -> None:
    dataset = load_dataset("venus-mini")
    (feedback_name, feedback), (scoring_name, scoring) = reference_test_sets(dataset, "both")
    assert (feedback_name, scoring_name) == ("feedback", "scoring")
    for problem in dataset.problems[:3]:
        shown = {t.input for t in feedback.tests(problem)}
        assert shown and scoring.tests(problem) and not shown & {t.input for t in scoring.tests(problem)}
    with pytest.raises(UsageError, match="unknown test set"):
        reference_test_sets(dataset, "all")


def test_the_shipped_venus_mini_counts_are_current() -> None:
    """Each entry of the shipped file is the key of a venus-mini reference on one of its test sets:
    a changed reference, runner, generator or limit makes the file stale (regenerate it as its
    docstring in datasets/counts.py says)."""
    document = json.loads((bundled_root().parent / BUNDLED_COUNTS).read_text())
    dataset = load_dataset("venus-mini")
    current = {
        row["key"]
        for _, plan in reference_test_sets(dataset, "both")
        for row in reference_rows(dataset, plan, [e["language"] for e in document["entries"]])
    }
    assert document["entries"] and {e["key"] for e in document["entries"]} <= current
