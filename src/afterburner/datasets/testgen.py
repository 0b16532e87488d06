"""Running a problem's test generator, sandboxed (it is dataset code), with an on-disk cache."""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Protocol

from afterburner.core.cache import ContentCache
from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.core.limits import Limits, MiB
from afterburner.core.testcase import TestCase
from afterburner.datasets.model import Problem
from afterburner.languages.snippet import run_python

# Calls generate_test_cases with `size` only when the generator accepts it (Venus ones do not).
DRIVER = """
import inspect, json, sys
namespace = {}
exec(compile(open("/box/generator.py").read(), "generator.py", "exec"), namespace)
generate = namespace["generate_test_cases"]
num_cases, seed, size = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
kwargs = {"size": size} if "size" in inspect.signature(generate).parameters else {}
cases = generate(num_cases, seed, **kwargs)
json.dump([{"input": str(c["input"]), "output": str(c["output"])} for c in cases], sys.stdout)
"""
GENERATOR_LIMITS = Limits(cpu_time=120, memory=2048 * MiB, output=512 * MiB)


class GeneratorError(AfterburnerError):
    """A dataset's generator failed: reported against the problem."""


def generate_tests(
    problem: Problem, num_cases: int = 8, seed: int = 42, size: float = 1.0, use_cache: bool = True
) -> list[TestCase]:
    key = hashlib.sha256(f"{problem.generator}\0{num_cases}\0{seed}\0{size}".encode()).hexdigest()
    cache = ContentCache("tests")
    stored = cache.get(key) if use_cache else None
    if stored is not None:
        with contextlib.suppress(KeyError, TypeError):  # not a list of tests: generate again
            return [TestCase(**row) for row in stored["tests"]]
    result = run_python(
        DRIVER, (str(num_cases), str(seed), str(size)), {"generator.py": problem.generator}, GENERATOR_LIMITS
    )
    if not result.verdict.passed:
        tail = result.stderr_text.strip().splitlines()[-1:] or [result.message]
        raise GeneratorError(f"problem {problem.id}: the test generator failed ({result.verdict}): {tail[0]}")
    try:
        rows = json.loads(result.stdout)
        tests = [TestCase(**row) for row in rows]
    except (json.JSONDecodeError, TypeError) as error:
        raise GeneratorError(f"problem {problem.id}: the test generator printed no test list: {error}") from error
    if not tests:
        raise GeneratorError(f"problem {problem.id}: the test generator produced no tests")
    cache.put(key, {"tests": rows})
    return tests


@dataclass(frozen=True)
class TestPlan:
    """Which tests a problem is judged on: its fixed tests (when `fixed`), then generated ones."""

    num_cases: int = 8
    seed: int = 42
    size: float = 1.0  # the generator's scale (1.0: the size timings are taken at)
    fixed: bool = True

    __test__ = False  # not a pytest test class

    def __post_init__(self) -> None:
        if self.num_cases < 0 or self.size <= 0 or not (self.fixed or self.num_cases):
            raise UsageError("a test plan needs num_cases >= 0, size > 0, and some tests", "fix the test plan")

    def tests(self, problem: Problem) -> list[TestCase]:
        return problem_tests(problem, self)


# Feedback tests: their failures and outputs may be shown to a model (the fixed tests are
# examples anyway). Scoring tests: another seed, never shown, decide every reported figure.
FEEDBACK_PLAN = TestPlan()
SCORING_PLAN = TestPlan(num_cases=8, seed=1_000_003, fixed=False)


GENERATED = "generated with their own seed (hidden)"
HELD_OUT = "half of the fixed tests held out (hidden): the generator gave nothing new"
SEEN = "on seen tests: the generator gave nothing new and there were too few fixed tests to hold out"
SHARED = "your own tests, shown and scored alike"


@dataclass(frozen=True)
class ProblemTests:
    """One problem's tests for a run: what prompts may show, what scores, and how they were kept apart."""

    feedback: list[TestCase]
    scoring: list[TestCase]
    kept_apart: str  # GENERATED, HELD_OUT, SEEN or SHARED

    __test__ = False  # not a pytest test class

    @property
    def hidden(self) -> bool:
        """Whether no scoring test was shown in a prompt."""
        return self.kept_apart in (GENERATED, HELD_OUT)


class TestSource(Protocol):
    """Where a problem's tests come from: a TestPlan (generated and fixed), or given lists (FixedTests)."""

    def tests(self, problem: Problem) -> list[TestCase]: ...


@dataclass(frozen=True)
class FixedTests:
    """Per-problem test lists in the shape of a TestPlan (`tests(problem)`), e.g. a run's feedback tests."""

    by_problem: tuple[tuple[str, tuple[TestCase, ...]], ...]

    __test__ = False

    @classmethod
    def of(cls, tests: dict[str, list[TestCase]]) -> FixedTests:
        return cls(tuple((pid, tuple(cases)) for pid, cases in tests.items()))

    def tests(self, problem: Problem) -> list[TestCase]:
        return list(dict(self.by_problem)[problem.id])


@dataclass(frozen=True)
class TestSplit:
    """The two test sets of a run: feedback tests a model may see, scoring tests it never sees."""

    feedback: TestPlan = FEEDBACK_PLAN
    scoring: TestPlan = SCORING_PLAN
    hidden: bool = True  # False: your own tests, shown and scored alike (`shared`); nothing is hidden

    __test__ = False  # not a pytest test class

    @classmethod
    def shared(cls) -> TestSplit:
        """A problem's fixed tests only, for feedback and scoring alike: optimizing your own code on your tests."""
        plan = TestPlan(num_cases=0, fixed=True)
        return cls(plan, plan, hidden=False)

    def __post_init__(self) -> None:
        if self.hidden and (self.scoring.fixed or self.scoring.seed == self.feedback.seed):
            raise UsageError(
                "scoring tests must be generated with their own seed and include no fixed tests",
                "pick another scoring seed",
            )

    def scoring_tests(self, problem: Problem, allow_seen: bool = False) -> list[TestCase]:
        """The scoring tests (see `tests_for`; by default refused when nothing can be kept hidden)."""
        return self.tests_for(problem, allow_seen).scoring

    def tests_for(self, problem: Problem, allow_seen: bool = True) -> ProblemTests:
        """A problem's feedback and scoring tests, and how the scoring tests were kept from prompts.

        Normally the scoring tests are generated with their own seed, less any whose input is also a
        feedback test. A generator that gives nothing new (the same input for every seed) leaves
        none: then half of the problem's fixed tests are held out of the feedback tests and score
        instead. Where even that is impossible (fewer than two fixed tests the generator does not
        also give), the scores are taken on the feedback tests and marked "on seen tests" when
        `allow_seen`, else GeneratorError names the problem (one problem, never the whole run).
        """
        feedback = self.feedback.tests(problem)
        if not self.hidden:
            return ProblemTests(feedback, feedback, SHARED)
        shown = {test.input for test in feedback}
        scoring = [test for test in self.scoring.tests(problem) if test.input not in shown]
        if scoring:
            return ProblemTests(feedback, scoring, GENERATED)
        generated = {test.input for test in feedback[len(problem.tests) if self.feedback.fixed else 0 :]}
        unique = list({test.input: test for test in problem.tests if test.input not in generated}.values())
        if len(unique) >= 2:
            held = unique[len(unique) // 2 :]
            held_inputs = {test.input for test in held}
            return ProblemTests([t for t in feedback if t.input not in held_inputs], held, HELD_OUT)
        if not allow_seen:
            raise GeneratorError(
                f"problem {problem.id}: every scoring test is also a feedback test, and it has too few fixed "
                "tests to hold some out (allow scores on seen tests to run it anyway)"
            )
        return ProblemTests(feedback, feedback, SEEN)

    def to_dict(self) -> dict[str, object]:
        return {"feedback": asdict(self.feedback), "scoring": asdict(self.scoring), "hidden": self.hidden}


def problem_tests(problem: Problem, plan: TestPlan = FEEDBACK_PLAN) -> list[TestCase]:
    """The tests of `plan`: the fixed tests (when it includes them), then the generated ones."""
    generated = generate_tests(problem, plan.num_cases, plan.seed, plan.size) if plan.num_cases else []
    return [*(problem.tests if plan.fixed else ()), *generated]


def tests_hash(tests: list[TestCase]) -> str:
    digest = hashlib.sha256()
    for test in tests:
        digest.update(test.input.encode() + b"\0" + test.output.encode() + b"\1")
    return digest.hexdigest()
