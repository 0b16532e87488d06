"""`afterburner eval` on evalplus samples and a HumanEval+-shaped file; `data profile`'s exit status."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from afterburner.evaluation.candidates import read_candidates
from tests.cli.test_cli import afterburner
from tests.datasets.test_formats import write
from tests.datasets.test_leetcode import COMPLETION, GOOD, v03_row

PROMPT = 'def add(a: int, b: int) -> int:\n    """Add two numbers.\n    >>> add(2, 3)\n    5\n    """\n'


def gz(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_bytes(gzip.compress("".join(json.dumps(row) + "\n" for row in rows).encode()))
    return path


def humaneval_plus_row() -> dict[str, Any]:
    """The fields of HumanEvalPlus.jsonl.gz (evalplus), with our own small task."""
    return {
        "task_id": "HumanEval/0",
        "prompt": PROMPT,
        "entry_point": "add",
        "canonical_solution": "    return a + b\n",
        "test": "\n\nMETADATA = {}\n\ndef check(candidate):\n    assert candidate(2, 3) == 5\n",
        "contract": '\n    assert isinstance(a, int), "invalid inputs" # $_CONTRACT_$\n',
        "base_input": [[2, 3], [0, 0], [-1, 1]],
        "plus_input": [[10**6, 7], [5, -9], [123, 456]],
        "atol": 0,
    }


SAMPLES = [
    {"task_id": "HumanEval/0", "solution": f"{PROMPT}    return a + b\n"},
    {"task_id": "HumanEval/0", "completion": "    return b + a\n"},
    {
        "task_id": "HumanEval/0",
        "completion": "Sure:\n```python\ndef add(a, b):\n    return sum((a, b))\n\nprint(add(2, 3))\n```\nDone.",
    },
    {"task_id": "HumanEval/0", "solution": "```python\ndef add(a, b):\n    return a - b\n```"},
]


def test_evalplus_samples_are_read_as_evalplus_reads_them(tmp_path: Path) -> None:
    rows = read_candidates(gz(tmp_path / "samples.jsonl.gz", SAMPLES))
    assert [(c.problem_id, c.sample_id, c.completes_prompt) for c in rows] == [
        ("HumanEval/0", 0, False),
        ("HumanEval/0", 1, True),
        ("HumanEval/0", 2, False),
        ("HumanEval/0", 3, False),
    ]
    assert rows[2].code == "def add(a, b):\n    return sum((a, b))\n"  # the fenced code, its demo call dropped


def test_eval_takes_evalplus_samples_on_a_humaneval_plus_file(tmp_path: Path) -> None:
    dataset = gz(tmp_path / "HumanEvalPlus.jsonl.gz", [humaneval_plus_row()])
    samples = gz(tmp_path / "samples.jsonl.gz", SAMPLES)
    args = ["--out", str(tmp_path / "out"), "--repeat", "1", "--metric", "cpu_time", "--counter", "off", "--json"]
    done = afterburner("eval", "--dataset", f"evalplus:{dataset}", "--samples", str(samples), *args)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout)["scores"]["pass_at_1"] == 3 / 4


def test_data_profile_exits_non_zero_when_a_reference_fails(tmp_path: Path) -> None:
    args = ["--repeat", "1", "--metric", "cpu_time", "--counter", "off", "--json"]
    passing = afterburner("data", "profile", f"evalplus:{gz(tmp_path / 'he.jsonl.gz', [humaneval_plus_row()])}", *args)
    assert passing.returncode == 0, passing.stdout[-2000:] + passing.stderr[-2000:]
    wrong = COMPLETION.replace("reverse=True", "reverse=False")
    path = write(tmp_path / "lc.jsonl", [v03_row("largest-digits", GOOD, completion=wrong)])
    failing = afterburner("data", "profile", f"leetcode:{path}", *args)
    assert failing.returncode == 1, failing.stderr[-2000:]
    assert [p["measured"]["verdict"] for p in json.loads(failing.stdout)["profiles"]] == ["WA"]
