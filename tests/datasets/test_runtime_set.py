"""The python runtime set: declared, pinned packages shown read-only to the sandbox, nothing else of the host.

LeetCodeDataset's references import sortedcontainers (17 of 228 rows of v0.3.1-test): it is declared
in languages/definitions/python.toml and installed by `make setup` (here too when it is missing).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from afterburner.core.testcase import TestCase
from afterburner.datasets.registry import load_dataset
from afterburner.judge.judge import judge
from afterburner.judge.measurement import CLOCK_ONLY
from afterburner.languages import get_language
from afterburner.languages.base import RUNTIME_INSIDE
from afterburner.languages.runtime import RuntimeSetError, imported_modules, install, installed
from tests.datasets.test_formats import judged_on_both_splits, write
from tests.datasets.test_leetcode import GOOD, PROMPT, v03_row

SORTED = (
    "class Solution:\n    def largestDigits(self, nums: List[int], k: int) -> str:\n"
    "        kept = SortedList(nums)\n        return ''.join(str(kept[-i]) for i in range(1, k + 1))\n"
)
USES_SORTED = PROMPT + "from sortedcontainers import SortedList\n"


@pytest.fixture
def no_runtime_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AFTERBURNER_RUNTIME", str(tmp_path / "runtime"))
    return tmp_path / "runtime"


@pytest.fixture
def runtime_set() -> Path:
    python = get_language("python")
    try:
        folder = install(python.name, python.packages)
    except RuntimeSetError as error:  # the set comes from PyPI, as in `make setup`
        pytest.skip(f"cannot install the python runtime set here: {error}")
    assert folder is not None and installed(python.name, python.packages) == folder
    return folder


def test_a_reference_using_the_set_passes_and_the_host_site_packages_stay_hidden(
    runtime_set: Path, tmp_path: Path
) -> None:
    row = v03_row("largest-digits", GOOD, prompt=USES_SORTED, completion=SORTED)
    dataset = load_dataset(f"leetcode:{write(tmp_path / 'lc.jsonl', [row])}")
    assert dataset.issues == () and len(dataset.problems) == 1
    judged_on_both_splits(dataset.problems[0], "from sortedcontainers import SortedList\n" + SORTED)
    probe = (
        "import os, sortedcontainers\n"
        "print(os.path.dirname(sortedcontainers.__file__))\n"
        "for name in ('pytest', 'typer', 'afterburner'):\n"
        "    try:\n        __import__(name)\n        print('VISIBLE', name)\n"
        "    except ImportError:\n        print('hidden', name)\n"
        "try:\n    open(os.path.join(os.path.dirname(sortedcontainers.__file__), 'x.py'), 'w')\n"
        "    print('WRITABLE')\nexcept OSError:\n    print('read-only')\n"
    )
    result = judge(get_language("python"), probe, [TestCase("", "")], measurement=CLOCK_ONLY)
    lines = result.tests[0].run.stdout_text.splitlines()
    # Shown at one fixed path inside, whatever the host's: /usr/lib/afterburner/runtime/python.
    assert lines[0] == f"{RUNTIME_INSIDE}/python/sortedcontainers", result.tests[0].run.stderr_text
    assert lines[1:] == ["hidden pytest", "hidden typer", "hidden afterburner", "read-only"]


def test_an_undeclared_import_is_an_issue_not_a_reference_failure(no_runtime_set: Path, tmp_path: Path) -> None:
    numpy = v03_row("uses-numpy", GOOD, prompt=PROMPT + "import numpy as np\n")
    declared = v03_row("uses-sorted", GOOD, prompt=USES_SORTED, completion=SORTED)
    maybe = "try:\n    import numpy\nexcept ImportError:\n    numpy = None\n"
    optional = v03_row("optional", GOOD, prompt=PROMPT + maybe)
    dataset = load_dataset(f"leetcode:{write(tmp_path / 'lc.jsonl', [numpy, declared, optional])}")
    assert [p.id for p in dataset.problems] == ["optional"]
    reasons = {i.problem_id: i.reason for i in dataset.issues}
    assert "imports numpy, which is not in the python runtime set (sortedcontainers==2.4.0)" in reasons["uses-numpy"]
    # Declared but not installed here: say how to install it.
    assert "sortedcontainers from the python runtime set" in reasons["uses-sorted"]
    assert "run `make setup`" in reasons["uses-sorted"]


def test_runtime_sets_take_exact_pins_and_imports_are_read_from_code(no_runtime_set: Path) -> None:
    with pytest.raises(RuntimeSetError, match="pin exact versions"):
        install("python", ["sortedcontainers>=2"])
    code = "import a.b, c\nfrom d.e import f\nfrom . import g\ntry:\n    import h\nexcept ImportError:\n    import i\n"
    assert imported_modules(code) == {"a", "c", "d", "i"}
