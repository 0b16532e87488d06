"""What the format loaders share: test pools split by seed, a Python function runner, value evaluators.

Formats with fixed tests only get a generator that embeds the pool: `generate_test_cases(n, seed)`
returns the first n tests of the half whose index parity equals the seed's. The feedback plan
(seed 42, even) and the scoring plan (seed 1000003, odd) so draw disjoint halves: a pool of two or
more tests always leaves hidden scoring tests. Problem.tests holds only the format's public
examples (shown in prompts, like venus-mini's fixed tests).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from afterburner.core.errors import UsageError
from afterburner.core.testcase import TestCase
from afterburner.datasets.model import PLACEHOLDER, Dataset, Issue, Problem, validate

MAX_POOL = 40  # tests kept per problem (CodeContests carries hundreds of generated ones)

POOL_GENERATOR = """import json

POOL = json.loads({pool!r})


def generate_test_cases(num_cases, seed):
    half = [case for index, case in enumerate(POOL) if index % 2 == seed % 2]
    return half[:num_cases]
"""

TOKENS_EVALUATOR = """def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
"""

# Function style: the runner prints repr(result); values compare as Python literals, floats within atol.
VALUE_EVALUATOR = """import ast
import math

ATOL = {atol!r}


def _value(text):
    try:
        return ast.literal_eval(text.strip())
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return text.strip()


def _same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=ATOL)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a == b


def evaluate(expected_output, program_output):
    return _same(_value(expected_output), _value(program_output))
"""

# The call: CALL is "name" (a function) or "Solution().name" (a LeetCode method). The input is one
# Python literal: a list of positional arguments, or a dict of keyword arguments.
PYTHON_RUNNER = f"""import ast
import sys
from typing import *
import bisect, collections, functools, heapq, itertools, math, re, string
from collections import Counter, defaultdict, deque

{PLACEHOLDER}


def __afterburner_main():
    arguments = ast.literal_eval(sys.stdin.read())
    target = {{call}}
    result = target(**arguments) if isinstance(arguments, dict) else target(*arguments)
    print(repr(result))


__afterburner_main()
"""

# Expected outputs of function-style pools come from the reference, run inside the sandboxed generator.
REFERENCE_GENERATOR = """import json
from typing import *
import bisect, collections, functools, heapq, itertools, math, re, string
from collections import Counter, defaultdict, deque

{reference}

INPUTS = json.loads({inputs!r})


def generate_test_cases(num_cases, seed):
    import ast
    half = [text for index, text in enumerate(INPUTS) if index % 2 == seed % 2][:num_cases]
    cases = []
    for text in half:
        arguments = ast.literal_eval(text)
        target = {call}
        result = target(**arguments) if isinstance(arguments, dict) else target(*arguments)
        cases.append({{"input": text, "output": repr(result)}})
    return cases
"""


def pool_generator(tests: Sequence[TestCase]) -> str:
    rows = [{"input": t.input, "output": t.output} for t in tests[:MAX_POOL]]
    return POOL_GENERATOR.format(pool=json.dumps(rows))


def reference_generator(reference: str, inputs: Sequence[str], call: str) -> str:
    return REFERENCE_GENERATOR.format(reference=reference, inputs=json.dumps(list(inputs[:MAX_POOL])), call=call)


def python_runner(call: str) -> str:
    return PYTHON_RUNNER.replace("{call}", call)


def value_evaluator(atol: float = 0.0) -> str:
    return VALUE_EVALUATOR.format(atol=float(atol))


def literal(arguments: Any) -> str:
    """Arguments as the one-line Python literal a function runner reads."""
    return repr(arguments)


def read_rows(path: Path) -> list[dict[str, Any]]:
    """Rows of a local .jsonl, .json (a list) or .parquet file."""
    if not path.is_file():
        raise UsageError(f"no such dataset file: {path}")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    if path.suffix == ".json":
        data = json.loads(path.read_text())
        return list(data) if isinstance(data, list) else [data]
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return list(pq.read_table(path).to_pylist())
    raise UsageError(f"unknown dataset file type {path.suffix!r}", "use .jsonl, .json or .parquet")


def as_json(value: Any) -> Any:
    """A field that some exports store as a JSON string and others as the value itself."""
    return json.loads(value) if isinstance(value, str) and value.strip()[:1] in ("[", "{") else value


def build_dataset(
    rows: Iterable[Mapping[str, Any]], name: str, convert: Callable[[Mapping[str, Any], str], Problem], key: str
) -> Dataset:
    """Convert each row; a row that cannot be converted becomes an Issue with its id and the reason."""
    problems: list[Problem] = []
    issues: list[Issue] = []
    for index, row in enumerate(rows):
        row_id = str(row.get(key, f"row {index}"))
        try:
            problem = convert(row, name)
        except (KeyError, ValueError, TypeError, SyntaxError, json.JSONDecodeError) as error:
            issues.append(Issue(row_id, f"malformed or unsupported {name} row: {error}"))
            continue
        problems.append(problem)
        issues.extend(validate(problem))
    return Dataset(name, tuple(problems), tuple(issues))


def require_tests(problem_id: str, count: int) -> None:
    if count < 2:
        raise ValueError(f"problem {problem_id} has {count} test(s): at least 2 are needed (feedback and scoring)")
