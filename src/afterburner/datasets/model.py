"""The dataset model: a problem with its tests, evaluator, runners and reference solutions."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

from afterburner.core.testcase import TestCase
from afterburner.languages.registry import all_languages

PLACEHOLDER = "==Code Submission=="
LANGUAGES = tuple(all_languages())  # the registry's, in its order


class Style(StrEnum):
    PROGRAM = "program"  # whole programs: stdin -> stdout
    FUNCTION = "function"  # LeetCode-style code pasted into a runner at PLACEHOLDER


@dataclass(frozen=True)
class Solution:
    """One reference solution of a problem."""

    language: str
    code: str
    label: str  # e.g. "naive", "optimal", or an index for imported human solutions
    provenance: str  # who wrote it: "venus-mini authors", "Elfsong/Venus_Python", ...
    note: str = ""  # the approach and its complexity, when known

    @property
    def code_hash(self) -> str:
        return hashlib.sha256(f"{self.language}\0{self.code}".encode()).hexdigest()


@dataclass(frozen=True)
class Pasted:
    """A program to judge, and the line offset of the submitted code in it (0 unless pasted into a runner)."""

    text: str
    offset: int


@dataclass(frozen=True)
class Problem:
    """A problem in the Venus schema, extended to six languages."""

    id: str
    title: str
    description: str
    difficulty: str
    style: Style
    generator: str  # source defining generate_test_cases(num_cases, seed[, size])
    evaluator: str  # source defining evaluate(expected_output, program_output) -> bool
    tests: tuple[TestCase, ...] = ()
    solutions: tuple[Solution, ...] = ()
    tags: tuple[str, ...] = ()
    starters: dict[str, str] = field(default_factory=dict)
    runners: dict[str, str] = field(default_factory=dict)  # function style only
    slug: str = ""
    origin: str = ""  # where it was loaded from
    bundled: bool = False  # ships with Afterburner: its evaluator is trusted to run in-process

    @property
    def languages(self) -> list[str]:
        """Languages a candidate can be judged in."""
        if self.style is Style.FUNCTION:
            return [language for language in LANGUAGES if language in self.runners]
        return list(LANGUAGES)

    def program_source(self, language: str, code: str) -> Pasted:
        """The whole program to judge: the code itself, or the runner with the code pasted in."""
        if self.style is Style.PROGRAM:
            return Pasted(code, 0)
        runner = self.runners.get(language)
        if runner is None:
            raise KeyError(f"problem {self.id} has no {language} runner")
        lines = runner.splitlines()
        index = next(i for i, line in enumerate(lines) if line.strip() == PLACEHOLDER)
        return Pasted("\n".join([*lines[:index], code, *lines[index + 1 :]]) + "\n", index)

    def solutions_in(self, language: str) -> list[Solution]:
        return [s for s in self.solutions if s.language == language]


def clip_keeping_last_line(text: str, size: int) -> str:
    """At most about `size` characters of a reason, always with its last line (an exception's message)."""
    if len(text) <= size:
        return text
    last = text.rstrip().rsplit("\n", 1)[-1]
    if len(last) >= size:
        return last
    return f"{text[: size - len(last) - 6].rstrip()}\n ...\n{last}"


@dataclass(frozen=True)
class Issue:
    """A malformed row or problem: reported with its id and reason, never skipped silently."""

    problem_id: str
    reason: str

    def __str__(self) -> str:
        return f"problem {self.problem_id}: {self.reason}"


@dataclass(frozen=True)
class Dataset:
    name: str
    problems: tuple[Problem, ...]
    issues: tuple[Issue, ...] = ()

    def get(self, problem_id: str) -> Problem:
        for problem in self.problems:
            if problem_id in (problem.id, problem.slug):
                return problem
        raise KeyError(problem_id)


def validate(problem: Problem) -> list[Issue]:
    """Structural checks that need no execution."""
    found: list[str] = []
    if "def generate_test_cases" not in problem.generator:
        found.append("generator does not define generate_test_cases")
    if "def evaluate" not in problem.evaluator:
        found.append("evaluator does not define evaluate")
    if problem.style is Style.FUNCTION:
        if not problem.runners:
            found.append("function-style problem without runners")
        for language, runner in problem.runners.items():
            count = sum(line.strip() == PLACEHOLDER for line in runner.splitlines())
            if count != 1:
                found.append(f"{language} runner has {count} '{PLACEHOLDER}' lines (needs exactly 1)")
    if not problem.solutions:
        found.append("no reference solutions")
    return [Issue(problem.id, reason) for reason in found]
