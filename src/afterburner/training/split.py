"""A train/test split of a dataset by problem id, so that training never sees the problems it is scored on.

The split is deterministic (sorted ids shuffled by `random.Random(seed)`), stored as JSON by
`afterburner data split`, honoured by `data export --split` (only train problems become rows) and
checked again by the trainer (`refuse_test_problems`) on the ids an export's manifest records.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from afterburner.core.errors import UsageError
from afterburner.datasets.model import Dataset

FIELDS = ("dataset", "name", "seed", "test_fraction", "train", "test")


@dataclass(frozen=True)
class ProblemSplit:
    """Which problems of a dataset are for training and which are held out for testing."""

    dataset: str  # the dataset spec the split was made from (venus-mini, a path, hf:REPO)
    name: str  # the loaded dataset's name: an export checks it against its own dataset
    seed: int
    test_fraction: float
    train: tuple[str, ...]
    test: tuple[str, ...]
    created: str = ""  # ISO date and time

    def __post_init__(self) -> None:
        # Also built from JSON (lists): keep the fields hashable tuples of strings.
        object.__setattr__(self, "train", tuple(str(p) for p in self.train))
        object.__setattr__(self, "test", tuple(str(p) for p in self.test))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {**data, "train": list(self.train), "test": list(self.test)}

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=2) + "\n")

    @classmethod
    def load(cls, path: Path) -> ProblemSplit:
        """Read a split file; a missing or malformed one is a UsageError that says what is wrong."""
        try:
            data = json.loads(path.read_text())
        except OSError as error:
            raise UsageError(f"cannot read the split file {path}: {error.strerror}") from error
        except json.JSONDecodeError as error:
            raise UsageError(
                f"{path} is not a split file: {error}", "make one with `afterburner data split`"
            ) from error
        problem = _malformed(data)
        if problem:
            raise UsageError(f"{path} is not a valid split file: {problem}", "make one with `afterburner data split`")
        return cls(**{name: data[name] for name in FIELDS}, created=str(data.get("created", "")))


def _malformed(data: Any) -> str:
    """What is wrong with a parsed split file ('' when nothing is)."""
    if not isinstance(data, dict):
        return "not a JSON object"
    missing = [name for name in FIELDS if name not in data]
    if missing:
        return f"missing {', '.join(missing)}"
    for part in ("train", "test"):
        if not isinstance(data[part], list) or not all(isinstance(p, str | int) for p in data[part]):
            return f"{part} must be a list of problem ids"
    if not isinstance(data["seed"], int) or not isinstance(data["test_fraction"], int | float):
        return "seed must be an integer and test_fraction a number"
    overlap = {str(p) for p in data["train"]} & {str(p) for p in data["test"]}
    if overlap:
        return f"problems in both parts: {', '.join(sorted(overlap))}"
    return ""


def split_ids(ids: Iterable[str], test: float, seed: int) -> tuple[list[str], list[str]]:
    """(train, test), both sorted: the first round(n * test) of the seeded shuffle are test,
    with at least one problem in each part when there are two or more."""
    if not 0.0 < test < 1.0:
        raise UsageError(f"--test must be a fraction between 0 and 1, not {test}", "e.g. --test 0.3")
    order = sorted(set(ids))
    random.Random(seed).shuffle(order)
    count = round(len(order) * test)
    if len(order) >= 2:
        count = min(max(count, 1), len(order) - 1)
    return sorted(order[count:]), sorted(order[:count])


def make_split(dataset: Dataset, test: float, seed: int, spec: str | None = None) -> ProblemSplit:
    """Split a dataset's problems; `spec` is how the user named the dataset (default: its name)."""
    if not dataset.problems:
        raise UsageError(f"{dataset.name} has no problems to split")
    train, held_out = split_ids((p.id for p in dataset.problems), test, seed)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    return ProblemSplit(spec or dataset.name, dataset.name, seed, test, tuple(train), tuple(held_out), created)


def refuse_test_problems(problem_ids: Iterable[str], split: ProblemSplit) -> None:
    """Raise a UsageError naming every id of `problem_ids` that is in the split's test part."""
    held_out = set(split.test)
    offending = sorted({str(p) for p in problem_ids} & held_out)
    if offending:
        raise UsageError(
            f"training refuses test-split problems: {', '.join(offending)} "
            f"(the test part of {split.name}, seed {split.seed})",
            "export with --split so only train problems become rows",
        )


def train_part(dataset: Dataset, split: ProblemSplit) -> Dataset:
    """The dataset restricted to the split's train problems (the split must be of this dataset)."""
    if split.name != dataset.name:
        raise UsageError(
            f"the split was made for dataset {split.name!r}, not {dataset.name!r}",
            "make a split of this dataset with `afterburner data split`",
        )
    train = set(split.train)
    problems = tuple(p for p in dataset.problems if p.id in train)
    return Dataset(dataset.name, problems, tuple(i for i in dataset.issues if i.problem_id in train))
