"""A resumed optimize run replays only trajectories of the same run."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterburner.core.errors import UsageError
from afterburner.optimize.resume import MANIFEST, prepare_run, run_identity

SETTINGS = {"model": "m", "backend": "scripted", "template": "afterburner", "objective": "time", "repeat": 3}
TESTS = {"feedback": {"seed": 42}, "scoring": {"seed": 7}}


def _identity(**changes: object) -> dict[str, object]:
    originals = changes.pop("originals", {"1": "print(1)\n"})
    tests = changes.pop("tests", TESTS)
    return run_identity({**SETTINGS, **changes}, tests, originals)  # type: ignore[arg-type]


def test_the_same_run_resumes(tmp_path: Path) -> None:
    prepare_run(tmp_path, _identity())
    (tmp_path / "trajectories.jsonl").write_text('{"problem_id": "1"}\n')
    assert prepare_run(tmp_path, _identity()) is None


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"model": "other"}, "model"),
        ({"template": "paper"}, "template"),
        ({"objective": "memory"}, "objective"),
        ({"repeat": 5}, "repeat"),
        ({"tests": {"feedback": {"seed": 1}, "scoring": {"seed": 7}}}, "tests"),
        ({"originals": {"1": "print(2)\n"}}, "original solution of problem 1"),
    ],
)
def test_a_different_run_is_refused_naming_the_field(tmp_path: Path, change: dict[str, object], named: str) -> None:
    prepare_run(tmp_path, _identity())
    (tmp_path / "trajectories.jsonl").write_text('{"problem_id": "1"}\n')
    with pytest.raises(UsageError, match=named) as raised:
        prepare_run(tmp_path, _identity(**change))
    assert "--restart" in str(raised.value)


def test_trajectories_without_a_manifest_are_refused(tmp_path: Path) -> None:
    (tmp_path / "trajectories.jsonl").write_text('{"problem_id": "1"}\n')
    with pytest.raises(UsageError, match="cannot be checked"):
        prepare_run(tmp_path, _identity())


def test_restart_moves_the_old_run_aside_and_starts_fresh(tmp_path: Path) -> None:
    prepare_run(tmp_path, _identity())
    (tmp_path / "trajectories.jsonl").write_text('{"problem_id": "1"}\n')
    moved = prepare_run(tmp_path, _identity(objective="memory"), restart=True)
    assert moved is not None and (moved / "trajectories.jsonl").read_text() == '{"problem_id": "1"}\n'
    assert not (tmp_path / "trajectories.jsonl").exists()
    assert '"memory"' in (tmp_path / MANIFEST).read_text()
