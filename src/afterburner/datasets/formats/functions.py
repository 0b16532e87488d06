"""Function-style benchmarks: HumanEval+/MBPP+ (EvalPerf), LeetCodeDataset, Mercury and EffiBench.

A candidate is a Python function (or `class Solution`) pasted into a runner that reads one
Python literal from standard input (a list of positional or a dict of keyword arguments), calls
the entry point and prints `repr` of the result; values compare as literals (floats within the
row's atol). Where a format gives inputs but no outputs, the expected outputs come from its
reference solution, run inside the sandboxed test generator.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping, Sequence
from typing import Any

from afterburner.core.testcase import TestCase
from afterburner.datasets.formats.common import (
    MAX_POOL,
    as_json,
    literal,
    pool_generator,
    python_runner,
    reference_generator,
    require_tests,
    value_evaluator,
)
from afterburner.datasets.model import Problem, Solution, Style


def _function_problem(
    pid: str,
    description: str,
    call: str,
    generator: str,
    solutions: Sequence[Solution],
    starter: str,
    origin: str,
    atol: float = 0.0,
    **extra: Any,
) -> Problem:
    return Problem(
        id=pid,
        title=str(extra.pop("title", pid)),
        description=description,
        difficulty=str(extra.pop("difficulty", "")),
        style=Style.FUNCTION,
        generator=generator,
        evaluator=value_evaluator(atol),
        solutions=tuple(solutions),
        starters={"python": starter} if starter else {},
        runners={"python": python_runner(call)},
        origin=origin,
        **extra,
    )


def evalplus_problem(row: Mapping[str, Any], name: str) -> Problem:
    """HumanEval+/MBPP+ (and EvalPerf's `pe_input`): inputs only; outputs from `prompt + canonical_solution`."""
    pid = str(row["task_id"])
    entry = str(row["entry_point"])
    # EvalPerf's performance-exercising inputs when present, else HumanEval+/MBPP+'s base and plus inputs.
    inputs = as_json(row.get("pe_input") or "[]") or [
        *as_json(row.get("base_input") or "[]"),
        *as_json(row.get("plus_input") or "[]"),
    ]
    require_tests(pid, len(inputs))
    reference = f"{row['prompt']}{row['canonical_solution']}"
    references = [Solution("python", reference, "canonical", name)]
    references += [
        Solution("python", str(code), str(index), name) for index, code in enumerate(row.get("solutions") or [])
    ]
    texts = [literal(list(arguments)) for arguments in inputs]
    return _function_problem(
        pid,
        str(row["prompt"]),
        entry,
        reference_generator(reference, texts, entry),
        references,
        str(row["prompt"]),
        name,
        float(row.get("atol") or 0.0),
    )


def _keyword_literal(text: str) -> str:
    """LeetCode's 'nums = [2,7], target = 9' as the dict literal {'nums': [2, 7], 'target': 9}."""
    call = ast.parse(f"f({text})", mode="eval").body
    assert isinstance(call, ast.Call)
    return literal({keyword.arg: ast.literal_eval(keyword.value) for keyword in call.keywords})


def leetcode_problem(row: Mapping[str, Any], name: str) -> Problem:
    """LeetCodeDataset: `input_output` [{input: 'a = 1, b = 2', output: '3'}], `completion` the reference."""
    pid = str(row["task_id"])
    method = str(row["entry_point"]).rsplit(".", 1)[-1]
    cases = [TestCase(_keyword_literal(str(c["input"])), str(c["output"])) for c in as_json(row["input_output"])]
    require_tests(pid, len(cases))
    helpers = str(row.get("prompt", ""))
    reference = f"{helpers}\n{row['completion']}" if helpers else str(row["completion"])
    return _function_problem(
        pid,
        str(row["problem_description"]),
        f"Solution().{method}",
        pool_generator(cases[:MAX_POOL]),
        [Solution("python", reference, "completion", name)],
        str(row.get("starter_code", "")),
        name,
        title=row.get("task_id", pid),
        difficulty=row.get("difficulty", ""),
        tags=tuple(row.get("tags") or ()),
    )


def _cases(value: Any) -> list[TestCase]:
    """[{input, expected_output | output}] with inputs as argument lists/dicts (or their literal text)."""
    cases = []
    for case in as_json(value):
        arguments = case["input"]
        text = arguments if isinstance(arguments, str) else literal(arguments)
        expected = case.get("expected_output", case.get("output"))
        cases.append(TestCase(text, expected if isinstance(expected, str) else repr(expected)))
    return cases


def _method(code: str) -> str:
    """The first public method of `class Solution` in a reference."""
    match = re.search(r"class\s+Solution\b.*?def\s+([A-Za-z]\w*)\s*\(", code, re.DOTALL)
    if not match:
        raise ValueError("no `class Solution` method in the reference solution")
    return match.group(1)


def mercury_problem(row: Mapping[str, Any], name: str) -> Problem:
    """Mercury: human solutions with runtimes (a distribution), `test_cases` with expected outputs."""
    pid = str(row["slug_name"])
    codes = [str(s["solution"]) for s in row.get("solutions") or [] if s.get("solution")]
    if not codes:
        raise ValueError("no solutions")
    cases = _cases(row["test_cases"])
    require_tests(pid, len(cases))
    content = row.get("pretty_content")
    description = "\n".join(map(str, content)) if isinstance(content, list) else str(content or "")
    method = str(row.get("entry_point") or _method(codes[0]))
    return _function_problem(
        pid,
        description,
        f"Solution().{method}",
        pool_generator(cases[:MAX_POOL]),
        [Solution("python", code, str(index), name) for index, code in enumerate(codes)],
        str(row.get("prompt", "")),
        name,
        difficulty=row.get("difficulty", ""),
    )


def effibench_problem(row: Mapping[str, Any], name: str) -> Problem:
    """EffiBench: `canonical_solution` (class Solution), `test_case`/`small_test_cases` [{input, output}]."""
    pid = str(row.get("problem_idx", row.get("task_name")))
    reference = str(row["canonical_solution"])
    cases = _cases(row.get("test_case") or row.get("small_test_cases"))
    require_tests(pid, len(cases))
    method = str(row.get("entry_point") or _method(reference))
    return _function_problem(
        pid,
        str(row.get("markdown_description") or row["description"]),
        f"Solution().{method}",
        pool_generator(cases[:MAX_POOL]),
        [Solution("python", reference, "canonical", name)],
        str(row.get("starter_code", "")),
        name,
        title=row.get("task_name", pid),
    )
