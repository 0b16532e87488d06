"""The model never sees what it is scored on: the loop against a scripted OpenAI-compatible server.

The server runs in this test on a free loopback port and records every prompt it is sent;
the loop drives it through the real OpenAI backend. No expected output of a scoring test may
occur in any prompt, while feedback tests' outputs do (so the check can see a leak).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from afterburner.datasets.bundled import load_bundled
from afterburner.datasets.model import Dataset
from afterburner.datasets.testgen import TestSplit
from afterburner.models import create_backend
from afterburner.models.base import ModelSpec
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.session import run_session
from tests.optimize.scripted import ScriptedServer, clock

PROBLEM = "32"  # merge intervals: long outputs, so a leaked one cannot hide among numbers
PREFIX = 60


def appears(text: str, prompts: str) -> bool:
    """Whether the start of `text` occurs in the prompts, as is or quoted (the judge's excerpts are repr)."""
    prefix = text.strip()[:PREFIX]
    return prefix in prompts or repr(prefix)[1:-1] in prompts


def _answers() -> list[str]:
    problem = load_bundled().get(PROBLEM)
    by_label = {s.label: s.code for s in problem.solutions_in("python")}
    # Right on small inputs, wrong on large ones: it fails on a generated feedback test, so the
    # next prompt shows that test's expected output.
    partial = (
        "import io, sys\n_data = sys.stdin.buffer.read()\nsys.stdin = io.TextIOWrapper(io.BytesIO(_data))\n"
        "if len(_data) > 1000:\n    print(0)\n    raise SystemExit\n" + by_label["optimal"]
    )
    return [f"```python\n{code}```" for code in (partial, by_label["naive"], by_label["optimal"])]


@pytest.mark.parametrize("server", [_answers()], indirect=True)
def test_no_scoring_test_output_reaches_a_prompt(server: ScriptedServer, tmp_path: Path) -> None:
    bundled = load_bundled()
    problem = bundled.get(PROBLEM)
    dataset = Dataset(bundled.name, (problem,))
    base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    backend = create_backend(ModelSpec(kind="openai", model="scripted", base_url=base_url))
    config = LoopConfig(iterations=2, samples=1, measurement=clock(1))
    split = TestSplit()
    result = run_session(dataset, dataset.problems, backend, config, tmp_path, parallel=1, split=split)

    assert len(server.prompts) == 3 and server.answers == []
    prompts = "\n".join(server.prompts)
    feedback = split.feedback.tests(problem)
    scoring = split.scoring_tests(problem)
    shown = {t.output.strip()[:PREFIX] for t in feedback}
    # The check can see a leak: the failing generated feedback test's output is in a prompt.
    assert any(len(t.output) > 1000 and appears(t.output, prompts) for t in feedback), server.prompts[1]
    hidden = [t for t in scoring if t.output.strip()[:PREFIX] not in shown]
    assert hidden, "every scoring output coincides with a feedback output: the test proves nothing"
    assert not [t.output[:PREFIX] for t in hidden if appears(t.output, prompts)]
    assert not [t.input[:PREFIX] for t in scoring if appears(t.input, prompts)]
    # The report's figures are those of the scoring tests, and the summary says which tests were which.
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["measurement"]["tests"]["feedback"]["seed"] == split.feedback.seed
    assert summary["measurement"]["tests"]["scoring"] == {
        "num_cases": split.scoring.num_cases,
        "seed": split.scoring.seed,
        "size": split.scoring.size,
        "fixed": False,
    }
    assert result.outcomes[0].best_by_iteration[-1].passed
