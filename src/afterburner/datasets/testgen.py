"""Running a problem's test generator, sandboxed (it is dataset code), with an on-disk cache."""

from __future__ import annotations

import hashlib
import json

from afterburner.core.errors import AfterburnerError
from afterburner.core.limits import Limits, MiB
from afterburner.core.paths import cache_dir
from afterburner.datasets.model import Problem
from afterburner.judge.judge import TestCase
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
    cached = cache_dir() / "tests" / f"{key}.json"
    if use_cache and cached.exists():
        return [TestCase(**row) for row in json.loads(cached.read_text())]
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
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(result.stdout_text)
    return tests


def problem_tests(problem: Problem, num_cases: int = 8, seed: int = 42, size: float = 1.0) -> list[TestCase]:
    """The fixed tests, then the generated ones: the full test set of a problem."""
    return [*problem.tests, *generate_tests(problem, num_cases, seed, size)]


def tests_hash(tests: list[TestCase]) -> str:
    digest = hashlib.sha256()
    for test in tests:
        digest.update(test.input.encode() + b"\0" + test.output.encode() + b"\1")
    return digest.hexdigest()
