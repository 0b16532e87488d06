"""Verdicts and their declared precedence."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Verdict(StrEnum):
    """Outcome of running a program (OK) or of judging it against a test (AC, WA, ...)."""

    IE = "IE"  # internal error of the sandbox: never the candidate's fault
    CE = "CE"  # compile error
    TLE = "TLE"  # CPU or wall time limit exceeded
    MLE = "MLE"  # memory limit exceeded
    OLE = "OLE"  # output limit exceeded
    RTE = "RTE"  # non-zero exit or killed by a signal
    WA = "WA"  # ran fine, wrong output
    AC = "AC"  # accepted
    OK = "OK"  # ran to completion with exit code 0 (no expected output to compare)

    @property
    def passed(self) -> bool:
        return self in (Verdict.AC, Verdict.OK)

    @property
    def blames_candidate(self) -> bool:
        return self is not Verdict.IE


# Highest first: when several tests fail, the aggregate is the most severe one.
PRECEDENCE: tuple[Verdict, ...] = (
    Verdict.IE,
    Verdict.CE,
    Verdict.TLE,
    Verdict.MLE,
    Verdict.OLE,
    Verdict.RTE,
    Verdict.WA,
    Verdict.AC,
    Verdict.OK,
)


def most_severe(verdicts: Iterable[Verdict]) -> Verdict:
    """The verdict that ranks first in PRECEDENCE; AC for an empty collection."""
    ranked = sorted(verdicts, key=PRECEDENCE.index)
    return ranked[0] if ranked else Verdict.AC
