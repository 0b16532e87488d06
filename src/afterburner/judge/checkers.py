"""Output checkers: exact, whitespace-insensitive, float tolerance, or a custom evaluate()."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from afterburner.core.errors import UsageError


class Checker(Protocol):
    def __call__(self, expected: str, actual: str) -> bool: ...


def exact(expected: str, actual: str) -> bool:
    return expected == actual


def tokens(expected: str, actual: str) -> bool:
    """Equal after splitting on any whitespace (the usual judge default)."""
    return expected.split() == actual.split()


@dataclass(frozen=True)
class FloatTolerance:
    """Tokens equal, numbers within an absolute or relative tolerance."""

    tolerance: float = 1e-6

    def __call__(self, expected: str, actual: str) -> bool:
        want, got = expected.split(), actual.split()
        return len(want) == len(got) and all(self._same(a, b) for a, b in zip(want, got, strict=True))

    def _same(self, want: str, got: str) -> bool:
        if want == got:
            return True
        try:
            a, b = float(want), float(got)
        except ValueError:
            return False
        return math.isclose(a, b, rel_tol=self.tolerance, abs_tol=self.tolerance)


@dataclass(frozen=True)
class Evaluator:
    """A dataset's `evaluate(expected_output, program_output) -> bool`, given as source code.

    The code comes from the dataset, not from the candidate, and runs in this process.
    """

    source: str
    function: Callable[[str, str], bool] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        namespace: dict[str, object] = {}
        try:
            exec(compile(self.source, "<evaluator>", "exec"), namespace)
        except SyntaxError as error:
            raise UsageError(f"the evaluator does not compile: {error}") from error
        function = namespace.get("evaluate")
        if not callable(function):
            raise UsageError("the evaluator defines no evaluate(expected, actual) function")
        object.__setattr__(self, "function", function)  # compiled once, used for every test

    def __call__(self, expected: str, actual: str) -> bool:
        try:
            return bool(self.function(expected, actual))
        except Exception:  # a crashing evaluator means the output did not match what it expects
            return False


def checker_from_spec(spec: str) -> Checker:
    """'exact', 'tokens', 'float' or 'float:1e-4', or a path to a Python file defining evaluate()."""
    if spec == "exact":
        return exact
    if spec == "tokens":
        return tokens
    if spec.startswith("float"):
        _, _, value = spec.partition(":")
        try:
            return FloatTolerance(float(value) if value else 1e-6)
        except ValueError as error:
            raise UsageError(f"bad float tolerance in {spec!r}", "write e.g. float:1e-6") from error
    path = Path(spec)
    if path.is_file():
        return Evaluator(path.read_text())
    raise UsageError(f"unknown checker {spec!r}", "use exact, tokens, float[:TOL] or a path to evaluate.py")
