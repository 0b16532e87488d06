"""Output checkers: exact, whitespace-insensitive, float tolerance, or a custom evaluate()."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.core.limits import Limits, MiB
from afterburner.languages.snippet import run_python


class Checker(Protocol):
    def __call__(self, expected: str, actual: str) -> bool: ...


@runtime_checkable
class BatchChecker(Protocol):
    """A checker that decides many outputs at once (one sandboxed run instead of one per test)."""

    def __call__(self, expected: str, actual: str) -> bool: ...

    def check_batch(self, pairs: Sequence[tuple[str, str]]) -> list[bool]: ...


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
    """A trusted `evaluate(expected_output, program_output) -> bool`, given as source code.

    Runs in this process: only for code that ships with Afterburner or that the user passed
    themselves. A third-party dataset's evaluator is a `SandboxedEvaluator`.
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

    def __reduce__(self) -> tuple[type[Evaluator], tuple[str]]:
        """Pickled as its source (to a Ray worker, say): the compiled function is rebuilt there."""
        return (Evaluator, (self.source,))

    def __call__(self, expected: str, actual: str) -> bool:
        try:
            return bool(self.function(expected, actual))
        except Exception:  # a crashing evaluator means the output did not match what it expects
            return False


class EvaluatorFailure(AfterburnerError):
    """A dataset's evaluator itself failed: the test cannot be decided (IE), the candidate is not blamed."""


# Reads the evaluator and the (expected, actual) pairs from /box; prints one verdict per pair.
_BATCH_DRIVER = """
import json
namespace = {}
exec(compile(open("/box/evaluator.py").read(), "evaluator.py", "exec"), namespace)
evaluate = namespace["evaluate"]
def check(expected, actual):
    try:
        return bool(evaluate(expected, actual))
    except Exception:
        return False
pairs = json.load(open("/box/pairs.json"))
print(json.dumps([check(expected, actual) for expected, actual in pairs]))
"""
EVALUATOR_LIMITS = Limits(cpu_time=30, memory=1024 * MiB, output=4 * MiB)


@dataclass(frozen=True)
class SandboxedEvaluator:
    """A third-party `evaluate(expected, actual)`, run in the sandbox: one run decides all of a pass's outputs."""

    source: str
    limits: Limits = EVALUATOR_LIMITS

    def __call__(self, expected: str, actual: str) -> bool:
        return self.check_batch([(expected, actual)])[0]

    def check_batch(self, pairs: Sequence[tuple[str, str]]) -> list[bool]:
        """One verdict per (expected, actual); EvaluatorFailure when the evaluator cannot run."""
        files = {"evaluator.py": self.source, "pairs.json": json.dumps([list(pair) for pair in pairs])}
        result = run_python(_BATCH_DRIVER, files=files, limits=self.limits)
        if not result.verdict.passed:
            tail = (result.stderr_text.strip().splitlines() or [result.message])[-1]
            raise EvaluatorFailure(f"the dataset's evaluator failed ({result.verdict.value}): {tail[:300]}")
        try:
            verdicts = json.loads(result.stdout)
        except json.JSONDecodeError as error:
            raise EvaluatorFailure(f"the dataset's evaluator printed no verdict list: {error}") from error
        if not isinstance(verdicts, list) or len(verdicts) != len(pairs):
            raise EvaluatorFailure("the dataset's evaluator gave a verdict list of the wrong length")
        return [bool(v) for v in verdicts]


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
