"""How the rewrites of a run fared: failures by cause, and what the repair and re-ask turns recovered."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from afterburner.optimize.feedback import failure_cause
from afterburner.optimize.loop import DRAFT, REASK, REPAIR, ProblemOutcome
from afterburner.optimize.selection import NoisePolicy, significantly_lower


def rewrite_stats(outcomes: Sequence[ProblemOutcome], metric: str, noise: NoisePolicy) -> dict[str, Any]:
    """Counts over the generated candidates of iterations 1..N (iteration 0 is the start or a draft).

    `failed_by_cause` counts drafts only (what the model wrote first); `drafts_unchanged` counts
    drafts that repeat the best they were shown (trailing whitespace aside): they pass, yet are no
    rewrite. `repairs` counts repair turns, how many passed, and how many were also faster than the
    best before their iteration beyond noise.
    """
    drafts = unchanged = 0
    failed: Counter[str] = Counter()
    turns: Counter[str] = Counter()
    repaired = repaired_passed = repaired_faster = 0
    reasked = reask_with_code = 0
    for outcome in outcomes:
        for iteration in range(1, len(outcome.attempts_by_iteration)):
            previous = outcome.best_by_iteration[iteration - 1]
            attempts = outcome.attempts_by_iteration[iteration]
            kinds = outcome.turns_by_iteration[iteration] if iteration < len(outcome.turns_by_iteration) else []
            for attempt, turn in zip(attempts, kinds or [DRAFT] * len(attempts), strict=False):
                turns[turn] += 1
                if turn == DRAFT:
                    drafts += 1
                    unchanged += _same_code(attempt.code, previous.code)
                    if not attempt.passed:
                        failed[failure_cause(attempt)] += 1
                elif turn == REASK:
                    reasked += 1
                    reask_with_code += attempt.code is not None
                elif turn == REPAIR:
                    repaired += 1
                    repaired_passed += attempt.passed
                    if attempt.passed and previous.passed:
                        repaired_faster += significantly_lower(
                            attempt.samples.get(metric, []), previous.samples.get(metric, []), noise
                        )
    return {
        "what": "generated candidates of iterations 1..N on the feedback tests (selection passes)",
        "drafts": drafts,
        "drafts_failed": sum(failed.values()),
        "drafts_unchanged": unchanged,
        "failed_by_cause": dict(sorted(failed.items())),
        "turns": dict(sorted(turns.items())),
        "repairs": {"turns": repaired, "passed": repaired_passed, "faster_than_best": repaired_faster},
        "reasks": {"turns": reasked, "with_code": reask_with_code},
        "gains": {
            "what": "apparent gains over a passing best, measured again side by side with it (confirm)",
            "checked": sum(o.gains_checked for o in outcomes),
            "confirmed": sum(o.gains_confirmed for o in outcomes),
        },
    }


def _same_code(code: str | None, shown: str | None) -> bool:
    if code is None or shown is None:
        return False
    lines = [[line.rstrip() for line in text.strip().splitlines()] for text in (code, shown)]
    return lines[0] == lines[1]
