"""Exceptions for infrastructure problems; a candidate's failure is a verdict, never one of these."""

from __future__ import annotations


class AfterburnerError(Exception):
    """An error with a message that tells the user what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class UsageError(AfterburnerError):
    """Bad input from the user: unknown language, missing file, absurd limit."""


class SandboxUnavailable(AfterburnerError):
    """The host lacks an isolation or measurement primitive that the run requires."""


class SandboxFailure(AfterburnerError):
    """The sandbox itself failed during a run (an internal error, never the candidate's fault)."""
