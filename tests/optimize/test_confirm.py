"""An apparent gain is confirmed side by side before a candidate becomes the best.

A best's figures and a candidate's are taken at different times; here the best carries forged
slow figures (as a busy machine would give) so the stale comparison says "10x faster". The
same code measured again beside it must not win; genuinely faster code must.
"""

from __future__ import annotations

from pathlib import Path

from afterburner.core.measured import Measured
from afterburner.core.verdicts import Verdict
from afterburner.datasets.testgen import TestSplit
from afterburner.evaluation.metrics import References
from afterburner.optimize.feedback import Attempt
from afterburner.optimize.loop import DRAFT, LoopConfig, ProblemOutcome, _ProblemRun
from afterburner.optimize.rewrites import rewrite_stats
from afterburner.optimize.selection import NoisePolicy
from afterburner.optimize.trajectory import TrajectoryLog
from tests.optimize.scripted import ScriptedBackend, clock
from tests.optimize.test_loop import solutions


def _attempt(code: str, cpu_time: float) -> Attempt:
    samples = {"cpu_time": [cpu_time] * 3, "peak_memory": [1e6] * 3, "memory_integral": [cpu_time * 1e6] * 3}
    metrics: dict[str, float | None] = {metric: values[0] for metric, values in samples.items()}
    return Attempt(code, Measured(Verdict.AC, metrics, samples), 5, 5)


def _run(tmp_path: Path, confirm: bool) -> _ProblemRun:
    dataset, naive, _ = solutions()
    problem = dataset.problems[0]
    tests = TestSplit().feedback.tests(problem)
    # A 40% gain is needed: the same code measured twice never shows one, the optimal code always does.
    config = LoopConfig(iterations=1, samples=1, measurement=clock(3), confirm=confirm, noise=NoisePolicy(min_gain=0.4))
    log = TrajectoryLog(tmp_path / "trajectories.jsonl")
    run = _ProblemRun(problem, ScriptedBackend([]), tests, References(), config, log, ProblemOutcome(problem.id, []))
    run.best = _attempt(naive, 10.0)  # forged: far slower than the naive code really is
    return run


def test_the_same_code_does_not_win_on_stale_figures(tmp_path: Path) -> None:
    _, naive, optimal = solutions()
    run = _run(tmp_path, confirm=True)
    forged_best = run.best
    run.keep_best([_attempt(naive, 1.0)])  # 10x "faster" on paper: the same code
    assert run.best is forged_best
    assert (run.outcome.gains_checked, run.outcome.gains_confirmed) == (1, 0)
    faster = _attempt(optimal, 1.0)
    run.keep_best([faster])
    assert run.best is faster
    assert (run.outcome.gains_checked, run.outcome.gains_confirmed) == (2, 1)
    gains = rewrite_stats([run.outcome], "cpu_time", run.config.noise)["gains"]
    assert (gains["checked"], gains["confirmed"]) == (2, 1)


def test_without_confirm_stale_figures_decide(tmp_path: Path) -> None:
    _, naive, _ = solutions()
    run = _run(tmp_path, confirm=False)
    same = _attempt(naive, 1.0)
    run.keep_best([same])
    assert run.best is same and run.outcome.gains_checked == 0


def test_a_candidate_that_fails_side_by_side_is_not_taken(tmp_path: Path) -> None:
    run = _run(tmp_path, confirm=True)
    forged_best = run.best
    wrong = _attempt("print(0)\n", 1.0)  # claims to pass; fails when measured again
    run.keep_best([wrong])
    assert run.best is forged_best
    assert (run.outcome.gains_checked, run.outcome.gains_confirmed) == (1, 0)


def test_a_draft_that_repeats_the_best_it_was_shown_is_counted_as_unchanged() -> None:
    _, naive, optimal = solutions()
    start = _attempt(naive, 1.0)
    outcome = ProblemOutcome(
        "1", [start, start], [[start], [_attempt(naive.rstrip() + "\n\n", 1.0), _attempt(optimal, 0.5)]]
    )
    outcome.turns_by_iteration = [[], [DRAFT, DRAFT]]
    stats = rewrite_stats([outcome], "cpu_time", NoisePolicy())
    assert (stats["drafts"], stats["drafts_unchanged"], stats["drafts_failed"]) == (2, 1, 0)
