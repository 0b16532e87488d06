"""Reference counts that travel: export a dataset's instruction counts, import them on another machine.

A count depends on the program, its inputs and the toolchain (runtime binary, C library, counter),
not on the machine's load or speed. `export_counts` writes the counts of a dataset's references
(from the per-toolchain count cache, filled by `data profile`) with the identity of each
language's toolchain; `import_counts` puts them into this machine's cache, so profiling the same
references on the same tests counts nothing again. A file made with another toolchain is refused,
naming both identities: its counts would not be comparable with the ones taken here.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.datasets.bundled import bundled_root
from afterburner.datasets.judging import SOLUTION_LIMITS
from afterburner.datasets.model import Dataset
from afterburner.datasets.testgen import FixedTests, TestPlan, TestSource, TestSplit
from afterburner.judge.counting import CountCache, resolve, toolchain_identity
from afterburner.languages import get_language

KIND = "afterburner-counts"
KEY = re.compile(r"[0-9a-f]{64}")
VERSION = 1
TEST_SETS = ("feedback", "scoring", "both")
# Counts of venus-mini references on both test sets, shipped with it (the Python references of the demo's
# problems: `afterburner data profile venus-mini --problems 4,5,6 --languages python --test-set both --repeat 1
# --export-counts ...`); stored into the cache where this machine's toolchain identity is the file's.
BUNDLED_COUNTS = "reference-counts.json"
log = logging.getLogger(__name__)


def reference_test_sets(dataset: Dataset, which: str, split: TestSplit | None = None) -> list[tuple[str, TestSource]]:
    """The test lists references are judged on, by name: the loop's `feedback` tests, the `scoring` tests of
    every reported figure, or `both`. A problem whose tests cannot be split keeps no scoring set here."""
    if which not in TEST_SETS:
        raise UsageError(f"unknown test set {which!r}", f"choose one of {', '.join(TEST_SETS)}")
    split = split or TestSplit()
    chosen: list[tuple[str, TestSource]] = []
    if which in ("feedback", "both"):
        chosen.append(("feedback", split.feedback))
    if which in ("scoring", "both"):
        scoring = {}
        for problem in dataset.problems:
            try:
                scoring[problem.id] = split.scoring_tests(problem)
            except AfterburnerError:
                continue  # nothing can be held out: profiling the feedback set names the problem's issue
        chosen.append(("scoring", FixedTests.of(scoring)))
    return chosen


@dataclass(frozen=True)
class CountsTransfer:
    """How many counts an export wrote or an import stored, and which were missing."""

    written: int
    missing: list[str]  # "PROBLEM/LANGUAGE/LABEL" without a count (export: never counted here)


def reference_rows(dataset: Dataset, plan: TestSource, languages: Sequence[str] | None) -> list[dict[str, Any]]:
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
    plans: Sequence[TestSource] = (),
    languages: Sequence[str] | None = None,
) -> CountsTransfer:
    """Write the cached counts of the dataset's references on each of `plans`' tests (default: the
    feedback tests) to `path` (JSON)."""
    backend = resolve(counter)
    entries, missing, toolchains = [], [], {}
    rows = [row for each in plans or [TestPlan()] for row in reference_rows(dataset, each, languages)]
    for row in rows:
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
        cache, counted = CountCache(get_language(entry["language"]), backend), [int(c) for c in counts]
        if cache.get(key) != counted:
            cache.put(key, counted)
        stored += 1
    return CountsTransfer(stored, [])


@functools.cache
def seed_bundled_counts(counter: str) -> str:
    """Store the counts shipped with venus-mini in this machine's cache, once per process: '' when they
    were stored, else why not (another toolchain's counts are not comparable; they are left out)."""
    path = bundled_root().parent / BUNDLED_COUNTS
    if not path.exists():
        return f"no {BUNDLED_COUNTS} in this installation"
    try:
        stored = import_counts(path, counter)
    except AfterburnerError as error:
        log.info("venus-mini's bundled reference counts are not used: %s", error)
        return str(error)
    log.info("stored %d bundled venus-mini reference counts", stored.written)
    return ""
