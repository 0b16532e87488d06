"""Reference counts that travel: export a dataset's instruction counts, import them on another machine.

A count depends on the program, its inputs and the toolchain (runtime binary, C library, counter),
not on the machine's load or speed. `export_counts` writes the counts of a dataset's references
(from the per-toolchain count cache, filled by `data profile`) with the identity of each
language's toolchain; `import_counts` puts them into this machine's cache, so profiling the same
references on the same tests counts nothing again. A file made with another toolchain is refused,
naming both identities: its counts would not be comparable with the ones taken here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.datasets.judging import SOLUTION_LIMITS
from afterburner.datasets.model import Dataset
from afterburner.datasets.testgen import TestPlan
from afterburner.judge.counting import CountCache, resolve, toolchain_identity
from afterburner.languages import get_language

KIND = "afterburner-counts"
KEY = re.compile(r"[0-9a-f]{64}")
VERSION = 1


@dataclass(frozen=True)
class CountsTransfer:
    """How many counts an export wrote or an import stored, and which were missing."""

    written: int
    missing: list[str]  # "PROBLEM/LANGUAGE/LABEL" without a count (export: never counted here)


def _entries(dataset: Dataset, plan: TestPlan, languages: Sequence[str] | None) -> list[dict[str, Any]]:
    rows = []
    for problem in dataset.problems:
        try:
            tests = plan.tests(problem)
        except AfterburnerError:
            continue
        for solution in problem.solutions:
            if languages is not None and solution.language not in languages:
                continue
            try:
                source = problem.program_source(solution.language, solution.code).text
            except (AfterburnerError, KeyError):
                continue
            key = CountCache.key(source, tests, SOLUTION_LIMITS)
            rows.append({"problem_id": problem.id, "language": solution.language, "label": solution.label, "key": key})
    return rows


def export_counts(
    dataset: Dataset,
    path: Path,
    counter: str = "auto",
    plan: TestPlan | None = None,
    languages: Sequence[str] | None = None,
) -> CountsTransfer:
    """Write the cached counts of the dataset's references on `plan`'s tests to `path` (JSON)."""
    backend = resolve(counter)
    entries, missing, toolchains = [], [], {}
    for row in _entries(dataset, plan or TestPlan(), languages):
        language = get_language(row["language"])
        counts = CountCache(language, backend).get(row["key"])
        if counts is None:
            missing.append(f"{row['problem_id']}/{row['language']}/{row['label']}")
            continue
        toolchains[language.name] = toolchain_identity(language, backend)
        entries.append({**row, "counts": counts})
    document = {"kind": KIND, "version": VERSION, "dataset": dataset.name, "counter": backend}
    document |= {"toolchains": toolchains, "entries": entries}
    path.write_text(json.dumps(document, indent=1))
    return CountsTransfer(len(entries), missing)


def import_counts(path: Path, counter: str = "auto") -> CountsTransfer:
    """Store the counts of an exported file in this machine's cache; refuse another toolchain's."""
    try:
        document = json.loads(path.read_text())
    except (OSError, ValueError) as error:
        raise UsageError(f"cannot read counts from {path}: {error}") from error
    if not isinstance(document, dict) or document.get("kind") != KIND or document.get("version") != VERSION:
        raise UsageError(f"{path} is not an Afterburner counts file (version {VERSION})")
    backend = resolve(counter)
    if document.get("counter") != backend:
        raise UsageError(
            f"{path} was counted with {document.get('counter')!r}, this machine counts with {backend!r}",
            "import it where the same counter runs, or count here",
        )
    theirs: dict[str, str] = dict(document.get("toolchains") or {})
    for name, identity in theirs.items():
        ours = toolchain_identity(get_language(name), backend)
        if identity != ours:
            raise UsageError(
                f"{path}: the {name} toolchain differs.\n  file: {identity}\n  here: {ours}",
                "its counts are not comparable with this machine's: profile here instead",
            )
    stored = 0
    for entry in document.get("entries") or []:
        counts, key = entry.get("counts"), str(entry.get("key", ""))
        if entry.get("language") not in theirs or not isinstance(counts, list) or not KEY.fullmatch(key):
            raise UsageError(f"{path}: a malformed entry ({str(entry)[:200]})")
        CountCache(get_language(entry["language"]), backend).put(key, [int(c) for c in counts])
        stored += 1
    return CountsTransfer(stored, [])
