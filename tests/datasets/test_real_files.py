"""The released files in ../shared/data through the loaders (skipped where that folder is absent).

LeetCodeDataset v0.3.1-test: 228 rows; 51 carry outputs that are failures of the dataset's own
harness (1012 cases; 39 rows have one among their first 40 cases, the pool's size), dropped and
counted; two rows are refused (a TreeNode problem, and one left with a single usable test);
17 rows import sortedcontainers, served by the runtime set. v0.2.0-train is the query/meta export.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from afterburner.datasets.check import check_dataset
from afterburner.datasets.formats.common import read_rows
from afterburner.datasets.formats.functions import MAX_POOL, recorded_failure
from afterburner.datasets.model import Dataset
from afterburner.datasets.registry import load_dataset
from afterburner.languages import get_language
from afterburner.languages.runtime import imported_modules

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
V031 = DATA / "leetcodedataset-v0.3.1-test.jsonl.gz"
V020 = DATA / "leetcodedataset-v0.2.0-train.jsonl.gz"
MBPP = DATA / "mbppplus-30.jsonl.gz"

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="no ../shared/data with the released files")

DROPPED = re.compile(r"(\d+) of \d+ test cases dropped: their recorded output is a failure")
# References that failed `data check` before: a recorded failure (or time-out) taken as the expected output,
# and a string result ('8') read as a number.
ONCE_FAILING = ("permutations-iii", "hash-divided-string", "find-the-largest-palindrome-divisible-by-k")
USES_SORTED = "maximum-value-sum-by-placing-three-rooks-ii"


def test_leetcode_v031_test_rows_and_what_is_dropped() -> None:
    rows = read_rows(V031)
    assert len(rows) == 228
    failing_rows = [r for r in rows if any(recorded_failure(c["output"]) for c in r["input_output"])]
    in_pool = [r for r in rows if any(recorded_failure(c["output"]) for c in r["input_output"][:MAX_POOL])]
    assert (len(failing_rows), len(in_pool)) == (51, 39)
    assert sum("sortedcontainers" in imported_modules(r["prompt"]) for r in rows) == 17
    dataset = load_dataset(f"leetcode:{V031}")
    counted = [DROPPED.search(i.reason) for i in dataset.issues]
    assert len([m for m in counted if m]) == 51 and sum(int(m.group(1)) for m in counted if m) == 1012
    assert not any("0x" in i.reason for i in dataset.issues)
    refused = {p.id for p in dataset.problems} ^ {r["task_id"] for r in rows}
    assert refused == {
        "k-th-largest-perfect-subtree-size-in-binary-tree",
        "count-the-number-of-arrays-with-k-matching-adjacent-elements",
    }
    if get_language("python").runtime_set is not None:
        assert len(dataset.problems) == 226
    else:  # without `make setup`: the sortedcontainers rows are issues that say so, not failing references
        assert sum("run `make setup`" in i.reason for i in dataset.issues) == 17


def test_references_that_failed_on_recorded_failures_now_pass() -> None:
    dataset = load_dataset(f"leetcode:{V031}")
    wanted = [*ONCE_FAILING, *([USES_SORTED] if get_language("python").runtime_set is not None else [])]
    chosen = Dataset(dataset.name, tuple(dataset.get(p) for p in wanted))
    issues, run = check_dataset(chosen, workers=2)
    assert issues == [] and len(run.profiles) == len(wanted) and all(p.passed for p in run.profiles)


def test_leetcode_v020_train_is_the_query_meta_export() -> None:
    rows = read_rows(V020)
    assert len(rows) == 1890 and {"query", "meta"} <= set(rows[0]) and "problem_description" not in rows[0]
    dataset = load_dataset(f"leetcode:{V020}")
    reasons = [i.reason for i in dataset.issues]
    assert len(dataset.problems) == 1735
    assert sum("TreeNode/ListNode" in r for r in reasons) == 121
    assert sum("1 usable test(s) left" in r for r in reasons) == 33  # rows with one example only
    assert sum("imports numpy, which is not in the python runtime set" in r for r in reasons) == 1


def test_mbpp_plus_rows_load() -> None:
    dataset = load_dataset(f"evalplus:{MBPP}")
    assert len(dataset.problems) == 30 and dataset.issues == ()
