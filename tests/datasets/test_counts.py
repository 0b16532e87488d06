"""Reference counts exported on one machine and imported on another with the same toolchain."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from afterburner.core.errors import UsageError
from afterburner.datasets.counts import export_counts, import_counts
from afterburner.datasets.profile import profile_dataset
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

    monkeypatch.setattr("afterburner.judge.compiler.run", watched)
    return seen


def test_exported_counts_are_reused_on_a_machine_with_the_same_toolchain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset = synthetic(CODES)
    first = profile_dataset(dataset, measurement=Measurement(1), plan=PLAN)
    assert all(p.instructions for p in first.profiles)
    exported = export_counts(dataset, tmp_path / "counts.json", plan=PLAN)
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
    export_counts(dataset, path, plan=PLAN)
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
