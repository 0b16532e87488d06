"""An answer cut by max_tokens or the time limit is asked for again with twice the budget; one cut
again is recorded as "no answer: generation cut", never judged as the code's compile error."""

from __future__ import annotations

import json
from pathlib import Path

from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.session import run_session
from afterburner.optimize.starts import Start
from tests.optimize.scripted import ScriptedBackend, clock, fenced
from tests.optimize.test_loop import solutions


def test_a_cut_answer_is_asked_again_with_twice_the_budget(tmp_path: Path) -> None:
    dataset, naive, optimal = solutions()
    cut = "```python\n" + optimal[: len(optimal) // 2]  # an unclosed fence: what a cut answer looks like
    backend = ScriptedBackend([(cut, "length"), fenced(optimal), (cut, "timeout"), (cut, "length")])
    config = LoopConfig(iterations=2, samples=1, measurement=clock(1), repair=0, reask=False)
    result = run_session(
        dataset, dataset.problems, backend, config, tmp_path, starts={dataset.problems[0].id: Start(naive, "naive")}
    )
    base = config.generation.max_tokens
    assert backend.budgets == [base, 2 * base, base, 2 * base]
    first, second = (attempts[0] for attempts in result.outcomes[0].attempts_by_iteration[1:])
    assert first.passed and first.code == optimal  # the second, larger ask finished
    assert not second.passed and second.failure.startswith("no answer: generation cut (length at 50 tokens)")
    rows = [json.loads(line) for line in (tmp_path / "trajectories.jsonl").read_text().splitlines()]
    assert rows[1]["asked_again_after"] == "length at 50 tokens"
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["rewrites"]["failed_by_cause"] == {"generation_cut": 1}  # its own cause, not CE
