"""What the format loaders share: test pools split by seed, a Python function runner, value evaluators.

Formats with fixed tests only get a generator that embeds the pool: `generate_test_cases(n, seed)`
returns the first n tests of the half whose index parity equals the seed's. The feedback plan
(seed 42, even) and the scoring plan (seed 1000003, odd) so draw disjoint halves: a pool of two or
more tests always leaves hidden scoring tests. Problem.tests holds only the format's public
examples (shown in prompts, like venus-mini's fixed tests).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from afterburner.core.errors import UsageError
from afterburner.core.testcase import TestCase
from afterburner.datasets.model import PLACEHOLDER, Dataset, Issue, Problem, Solution, validate
from afterburner.languages import get_language
from afterburner.languages.runtime import declared_modules, missing_modules

MAX_POOL = 40  # tests kept per problem (CodeContests carries hundreds of generated ones)
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")  # `<ast.Name object at 0x7f...>` in an exception's text

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
# LeetCodeDataset records `str(result)`: a string result appears unquoted ('abc', '12'), so a string
# the program returned also matches an expected text equal to it.
STR_RESULTS = {str_results!r}


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
    actual = _value(program_output)
    if STR_RESULTS and isinstance(actual, str) and actual == expected_output.strip():
        return True
    return _same(_value(expected_output), actual)
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


def python_runner(call: str, prelude: str = "") -> str:
    """The runner of a function-style problem; `prelude` (a dataset's fixed environment: its imports and
    helper classes) runs before the solution, so the solution shown to a model is the solution alone."""
    runner = PYTHON_RUNNER.replace("{call}", call)
    if not prelude.strip():
        return runner
    return runner.replace(PLACEHOLDER, f"{prelude.strip()}\n\n{PLACEHOLDER}", 1)


def value_evaluator(atol: float = 0.0, str_results: bool = False) -> str:
    return VALUE_EVALUATOR.format(atol=float(atol), str_results=str_results)


def literal(arguments: Any) -> str:
    """Arguments as the one-line Python literal a function runner reads."""
    return repr(arguments)


def data_suffix(path: Path) -> str:
    """The format's suffix under an optional gzip layer: '.jsonl' for rows.jsonl and rows.jsonl.gz."""
    if path.suffix == ".gz":
        return Path(path.stem).suffix
    return path.suffix


def read_text(path: Path) -> str:
    """A UTF-8 text file, gunzipped when its name ends in .gz."""
    try:
        data = path.read_bytes()
        return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as error:  # gzip.BadGzipFile is an OSError
        raise UsageError(f"cannot read {path}: {error}") from error


def jsonl_rows(path: Path) -> list[Any]:
    """The rows of a .jsonl (or .jsonl.gz) file; a line that is not JSON is named with its number."""
    rows = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise UsageError(f"{path}:{number}: not a JSON row ({error})") from error
    return rows


def read_rows(path: Path) -> list[dict[str, Any]]:
    """Rows of a local .jsonl, .json (a list) or .parquet file; .jsonl and .json may be gzipped (.gz)."""
    if not path.is_file():
        raise UsageError(f"no such dataset file: {path}")
    suffix = data_suffix(path)
    if suffix == ".jsonl":
        return jsonl_rows(path)
    if suffix == ".json":
        try:
            data = json.loads(read_text(path))
        except json.JSONDecodeError as error:
            raise UsageError(f"{path}: not JSON ({error})") from error
        return list(data) if isinstance(data, list) else [data]
    if suffix == ".parquet" and path.suffix != ".gz":
        import pyarrow.parquet as pq

        return list(pq.read_table(path).to_pylist())
    raise UsageError(
        f"unknown dataset file type {''.join(path.suffixes[-2:])!r}", "use .jsonl, .json (either maybe .gz) or .parquet"
    )


def as_json(value: Any) -> Any:
    """A field that some exports store as a JSON string and others as the value itself."""
    return json.loads(value) if isinstance(value, str) and value.strip()[:1] in ("[", "{") else value


@dataclass(frozen=True)
class Loaded:
    """A converted row and what was left out of it (test cases dropped, say): each note becomes an Issue."""

    problem: Problem
    notes: tuple[str, ...] = ()


Convert = Callable[[Mapping[str, Any], str], Problem | Loaded]


def error_text(error: BaseException) -> str:
    """An exception as one readable line: a missing field by name, no object addresses."""
    if isinstance(error, KeyError):
        return f"missing field {error.args[0]!r}" if error.args else "missing field"
    text = ADDRESS.sub("", str(error)).strip() or type(error).__name__
    return text if isinstance(error, ValueError) else f"{type(error).__name__}: {text}"


def runtime_issues(problem: Problem) -> tuple[Problem | None, list[Issue]]:
    """Drop the Python solutions that import a module outside the standard library and the runtime set
    (read from the program as judged: the solution in its runner).

    Such a solution could only fail in the sandbox: its problem gets an issue that names the module
    instead. A problem left without solutions is dropped.
    """
    language = get_language("python")
    issues: list[Issue] = []
    kept: list[Solution] = []
    for solution in problem.solutions:
        python = solution.language == language.name
        missing = missing_modules(_as_judged(problem, solution), language.name, language.packages) if python else []
        if not missing:
            kept.append(solution)
            continue
        declared = set(missing) & declared_modules(language.packages)
        if declared:
            reason = (
                f"reference {solution.label} imports {', '.join(sorted(declared))} from the python runtime set "
                f"({', '.join(language.packages)}), which is not installed here: run `make setup`"
            )
        else:
            reason = (
                f"reference {solution.label} imports {', '.join(missing)}, which is not in the python runtime set "
                f"({', '.join(language.packages) or 'empty'}): declare it in languages/definitions/python.toml"
            )
        issues.append(Issue(problem.id, reason))
    if len(kept) == len(problem.solutions):
        return problem, issues
    return (replace(problem, solutions=tuple(kept)) if kept else None), issues


def _as_judged(problem: Problem, solution: Solution) -> str:
    """The program as it runs: the solution in its runner (a dataset's environment imports there too)."""
    try:
        return problem.program_source(solution.language, solution.code).text
    except (KeyError, StopIteration):  # no runner, or one without its placeholder: the code alone
        return solution.code


def build_dataset(rows: Iterable[Mapping[str, Any]], name: str, convert: Convert, key: str) -> Dataset:
    """Convert each row; a row that cannot be converted becomes an Issue with its id and the reason."""
    problems: list[Problem] = []
    issues: list[Issue] = []
    for index, row in enumerate(rows):
        row_id = str(row.get(key, f"row {index}"))
        try:
            converted = convert(row, name)
        except (KeyError, ValueError, TypeError, SyntaxError, json.JSONDecodeError) as error:
            issues.append(Issue(row_id, f"malformed or unsupported {name} row: {error_text(error)}"))
            continue
        loaded = converted if isinstance(converted, Loaded) else Loaded(converted)
        issues += [Issue(loaded.problem.id, note) for note in loaded.notes]
        problem, missing = runtime_issues(loaded.problem)
        issues += missing
        if problem is not None:
            problems.append(problem)
            issues.extend(validate(problem))
    return Dataset(name, tuple(problems), tuple(issues))


def require_tests(problem_id: str, count: int) -> None:
    if count < 2:
        raise ValueError(f"problem {problem_id} has {count} test(s): at least 2 are needed (feedback and scoring)")
