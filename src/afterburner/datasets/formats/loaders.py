"""FORMAT:PATH dataset specs: which loader reads which benchmark's rows."""

from __future__ import annotations

from pathlib import Path

from afterburner.datasets.formats.common import Convert, build_dataset, read_rows
from afterburner.datasets.formats.functions import (
    effibench_problem,
    evalplus_problem,
    leetcode_problem,
    mercury_problem,
)
from afterburner.datasets.formats.stdio import apps_problem, code_contests_problem
from afterburner.datasets.model import Dataset

# format -> (converter, the field that names a row in issues)
FORMATS: dict[str, tuple[Convert, str]] = {
    "apps": (apps_problem, "problem_id"),
    "codecontests": (code_contests_problem, "name"),
    "evalplus": (evalplus_problem, "task_id"),
    "leetcode": (leetcode_problem, "task_id"),
    "mercury": (mercury_problem, "slug_name"),
    "effibench": (effibench_problem, "problem_idx"),
}


def load_format(kind: str, path: Path) -> Dataset:
    convert, key = FORMATS[kind]
    return build_dataset(read_rows(path), f"{kind}:{path.name}", convert, key)
