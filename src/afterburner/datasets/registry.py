"""Resolve a dataset name or path to a loaded Dataset."""

from __future__ import annotations

from pathlib import Path

from afterburner.core.errors import UsageError
from afterburner.datasets.bundled import BUNDLED, load_bundled, load_directory
from afterburner.datasets.formats.common import data_suffix, read_rows
from afterburner.datasets.formats.loaders import FORMATS, load_format
from afterburner.datasets.model import Dataset
from afterburner.datasets.venus_schema import dataset_from_rows, read_hub, read_local


def load_dataset(spec: str) -> Dataset:
    """'venus-mini', a directory of problem folders, a .jsonl/.parquet file (.jsonl.gz too), hf:REPO[:CONFIG][@SPLIT],
    or FORMAT:FILE for another benchmark's rows (apps, codecontests, evalplus, leetcode, mercury, effibench)."""
    if spec == BUNDLED:
        return load_bundled()
    kind, _, rest = spec.partition(":")
    if kind in FORMATS and rest:
        return load_format(kind, Path(rest))
    if spec.startswith("hf:"):
        target, _, split = spec[3:].partition("@")
        repo, _, config = target.partition(":")
        return read_hub(repo, split or "test", config or None)
    path = Path(spec)
    if path.is_dir():
        return load_directory(path, path.name)
    if path.suffix in (".jsonl", ".parquet"):
        return read_local(path)
    if path.suffix == ".gz" and data_suffix(path) in (".jsonl", ".json"):
        return dataset_from_rows(read_rows(path), path.name)
    raise UsageError(
        f"unknown dataset {spec!r}",
        "use venus-mini, a directory of problems, a .jsonl/.parquet file (.jsonl.gz too), hf:Elfsong/Venus_Python, or "
        f"FORMAT:FILE with FORMAT one of {', '.join(FORMATS)}",
    )
