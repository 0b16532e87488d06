"""Train/test splits by problem id: deterministic, disjoint, honoured by exports and refused by training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterburner.cli.data_training import app
from afterburner.core.errors import UsageError
from afterburner.datasets.bundled import load_bundled
from afterburner.datasets.model import Dataset
from afterburner.training.split import ProblemSplit, make_split, refuse_test_problems, split_ids, train_part

IDS = [str(i) for i in range(1, 41)]


def test_split_is_deterministic_disjoint_and_of_the_asked_size() -> None:
    train, test = split_ids(IDS, 0.3, 42)
    assert (train, test) == split_ids(list(reversed(IDS)), 0.3, 42)  # the input order does not matter
    assert len(test) == 12 and len(train) == 28
    assert set(train).isdisjoint(test) and set(train) | set(test) == set(IDS)
    assert split_ids(IDS, 0.3, 43) != (train, test)
    assert train == sorted(train) and test == sorted(test)


@pytest.mark.parametrize("fraction", [0.01, 0.5, 0.99])
def test_two_problems_keep_one_in_each_part(fraction: float) -> None:
    train, test = split_ids(["a", "b"], fraction, 0)
    assert len(train) == len(test) == 1


@pytest.mark.parametrize("fraction", [0.0, 1.0, -0.2, 1.5])
def test_a_fraction_outside_zero_one_is_refused(fraction: float) -> None:
    with pytest.raises(UsageError, match="--test"):
        split_ids(IDS, fraction, 0)


def test_save_load_round_trip_and_malformed_files(tmp_path: Path) -> None:
    made = make_split(load_bundled(), 0.25, 7)
    assert made.dataset == made.name == "venus-mini" and len(made.test) == 10 and made.created
    path = tmp_path / "split.json"
    made.save(path)
    assert ProblemSplit.load(path) == made
    for text, reason in [
        ("not json", "not a split file"),
        ("[1, 2]", "not a JSON object"),
        ('{"dataset": "x", "name": "x", "seed": 1, "test_fraction": 0.5, "train": ["1"]}', "missing test"),
        ('{"dataset": "x", "name": "x", "seed": 1, "test_fraction": 0.5, "train": ["1"], "test": ["1"]}', "both"),
        ('{"dataset": "x", "name": "x", "seed": 1, "test_fraction": 0.5, "train": "1", "test": []}', "list"),
    ]:
        path.write_text(text)
        with pytest.raises(UsageError, match=reason):
            ProblemSplit.load(path)
    with pytest.raises(UsageError, match="cannot read"):
        ProblemSplit.load(tmp_path / "missing.json")


def test_training_refuses_test_problems_and_exports_keep_the_train_part() -> None:
    split = ProblemSplit("venus-mini", "venus-mini", 0, 0.5, ("1", "2"), ("3", "4"))
    refuse_test_problems(["1", "2"], split)
    with pytest.raises(UsageError, match="training refuses test-split problems: 3, 4"):
        refuse_test_problems(["4", "1", "3"], split)
    bundled = load_bundled()
    assert [p.id for p in train_part(bundled, split).problems] == ["1", "2"]
    with pytest.raises(UsageError, match="made for dataset 'venus-mini'"):
        train_part(Dataset("other", bundled.problems), split)


def test_split_command_writes_the_file_and_refuses_to_replace_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    done = runner.invoke(app, ["split", "venus-mini", "--test", "0.3", "--seed", "5"])
    assert done.exit_code == 0, done.output
    written = json.loads((tmp_path / "venus-mini-split.json").read_text())
    assert written["seed"] == 5 and written["test_fraction"] == 0.3 and len(written["test"]) == 12
    assert set(written) >= {"dataset", "name", "train", "test", "created"}
    assert runner.invoke(app, ["split", "venus-mini", "--test", "0.3", "--seed", "5"]).exit_code == 0  # same split
    other = runner.invoke(app, ["split", "venus-mini", "--seed", "6"])
    assert isinstance(other.exception, UsageError) and "another split" in str(other.exception)
    forced = runner.invoke(app, ["split", "venus-mini", "--seed", "6", "--out", "venus-mini-split.json", "--force"])
    assert forced.exit_code == 0 and json.loads((tmp_path / "venus-mini-split.json").read_text())["seed"] == 6
