"""Function-style benchmarks: HumanEval+/MBPP+ (EvalPerf), LeetCodeDataset, Mercury and EffiBench.

A candidate is a Python function (or `class Solution`) pasted into a runner that reads one
Python literal from standard input (a list of positional or a dict of keyword arguments), calls
the entry point and prints `repr` of the result; values compare as literals (floats within the
row's atol). Where a format gives inputs but no outputs, the expected outputs come from its
reference solution, run inside the sandboxed test generator.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from afterburner.core.testcase import TestCase
from afterburner.datasets.formats.common import (
    MAX_POOL,
    Loaded,
    as_json,
    error_text,
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
    str_results: bool = False,
    prelude: str = "",
    **extra: Any,
) -> Problem:
    return Problem(
        id=pid,
        title=str(extra.pop("title", pid)),
        description=description,
        difficulty=str(extra.pop("difficulty", "")),
        style=Style.FUNCTION,
        generator=generator,
        evaluator=value_evaluator(atol, str_results),
        solutions=tuple(solutions),
        starters={"python": starter} if starter else {},
        runners={"python": python_runner(call, prelude)},
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


# LeetCodeDataset's v0.2/v0.3 exports record what its own harness printed for each input: where the
# reference failed or ran out of time, that failure is the "output" ('Error: list index out of range',
# 'Execution timed out'). Such a case is not a test: it is dropped and counted.
FAILURE_PREFIX = "Error: "
TIMED_OUT = "Execution timed out"
# LeetCode's own examples (the v0.1.0 export) write values as JSON: true, false, null.
JSON_NAMES = {"true": True, "false": False, "null": None}
LITERAL_NODES = (ast.Constant, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.UnaryOp, ast.expr_context, ast.unaryop)
NODE_TYPES = re.compile(r"\b(TreeNode|ListNode|Node)\b")
LEETCODE_NEEDS = ("task_id", "completion", "entry_point", "input_output")


def recorded_failure(output: str) -> bool:
    """Whether a LeetCodeDataset output is its harness's failure message rather than a result."""
    text = output.strip()
    return text.startswith(FAILURE_PREFIX) or text == TIMED_OUT


def _clip(text: str, size: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 3] + "..."


class _JsonNames(ast.NodeTransformer):
    def visit_Name(self, node: ast.Name) -> ast.AST:
        return ast.copy_location(ast.Constant(JSON_NAMES[node.id]), node) if node.id in JSON_NAMES else node


def _keyword_literal(text: str, json_names: bool = False) -> str:
    """LeetCode's 'nums = [2,7], target = 9' as the dict literal {'nums': [2, 7], 'target': 9}.

    A ValueError says what is wrong with any other text: not `name = value, ...`, or a value that is
    an expression (`[1] * 100000` is not evaluated here) rather than a literal.
    """
    source = f"f({text})"
    try:
        call = ast.parse(source, mode="eval").body
    except SyntaxError as error:
        raise ValueError(f"input is not `name = value, ...`: SyntaxError: {error.msg}") from None
    if not isinstance(call, ast.Call) or call.args or not call.keywords or any(k.arg is None for k in call.keywords):
        raise ValueError(f"input is not `name = value, ...`: {_clip(text)}")
    names = [str(k.arg) for k in call.keywords]
    if len(set(names)) < len(names):
        raise ValueError(f"input names an argument twice: {_clip(text)}")
    arguments: dict[str, Any] = {}
    for keyword in call.keywords:
        node = _JsonNames().visit(keyword.value) if json_names else keyword.value
        try:
            arguments[str(keyword.arg)] = ast.literal_eval(node)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            shown = _clip(ast.get_source_segment(source, keyword.value) or "")
            why = _not_literal(node)
            raise ValueError(f"the value of {keyword.arg} is not a Python literal ({why}): {shown}") from None
    return literal(arguments)


def _not_literal(node: ast.AST) -> str:
    """Why literal_eval refuses a value: the name it uses (LeetCode's null) or the expression it is."""
    for part in ast.walk(node):
        if isinstance(part, ast.Name):
            return f"it names {part.id}"
        if not isinstance(part, LITERAL_NODES):
            return f"it is an expression: {type(part).__name__}"
    return "it is too large or malformed"


def _json_output(text: str) -> str:
    """An output of LeetCode's examples (JSON: true, null, "abc") as the Python literal it stands for."""
    try:
        ast.literal_eval(text.strip())
        return text
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        pass
    try:
        return repr(json.loads(text))
    except ValueError:
        return text


def _leetcode_text(row: Mapping[str, Any]) -> tuple[str, str, str, tuple[str, ...], bool]:
    """(description, starter code, difficulty, tags, examples in JSON) of either export's row.

    v0.2/v0.3 rows carry `problem_description`, `starter_code`, `difficulty` and `tags`; the v0.1.0
    export (and v0.2.0's train split) carries them in `meta` (`question_title` is the statement,
    `lang_code` the starter code) beside `query`, and its tests are LeetCode's examples, written in JSON.
    """
    missing = [field for field in LEETCODE_NEEDS if field not in row]
    if "problem_description" not in row and "meta" not in row and "query" not in row:
        missing.append("problem_description (v0.2/v0.3) or query and meta (v0.1.0)")
    if missing:
        raise ValueError(f"not a LeetCodeDataset row: it lacks {', '.join(missing)}")
    if "problem_description" in row:
        tags = tuple(str(t) for t in row.get("tags") or ())
        starter, difficulty = str(row.get("starter_code", "")), str(row.get("difficulty", ""))
        return str(row["problem_description"]), starter, difficulty, tags, False
    meta = as_json(row.get("meta")) or {}
    if not isinstance(meta, Mapping):
        raise ValueError("field meta is not an object")
    description = str(meta.get("question_title") or row.get("query") or "")
    tags = tuple(str(t) for t in meta.get("tags") or ())
    return description, str(meta.get("lang_code", "")), str(meta.get("difficulty", "")), tags, True


def _signature(code: str, method: str) -> ast.FunctionDef | None:
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return None
    return next((n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == method), None)


def _node_arguments(signature: ast.FunctionDef | None) -> list[str]:
    """Parameters and the result of the method typed with LeetCode's TreeNode/ListNode."""
    if signature is None:
        return []
    typed = [(a.arg, a.annotation) for a in signature.args.args if a.annotation is not None]
    if signature.returns is not None:
        typed.append(("the result", signature.returns))
    return [name for name, annotation in typed if NODE_TYPES.search(ast.unparse(annotation))]


def _positional(text: str, json_names: bool, parameters: int) -> str | None:
    """'[1,2,3,1]' or '"Mr John Smith", 13' as the argument list, when it gives one literal per parameter."""
    try:
        call = ast.parse(f"f({text})", mode="eval").body
        if not isinstance(call, ast.Call) or call.keywords or len(call.args) != parameters:
            return None
        return literal([ast.literal_eval(_JsonNames().visit(a) if json_names else a) for a in call.args])
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _case_input(text: str, json_names: bool, parameters: int) -> str:
    """A case's input as the runner's literal: `name = value, ...`, else exactly one value per parameter.

    The v0.1.0 export writes some examples as bare values ('[1,2,3,1]', '"Mr John Smith", 13').
    """
    try:
        return _keyword_literal(text, json_names)
    except ValueError:
        positional = _positional(text, json_names, parameters) if parameters > 0 else None
        if positional is None:
            raise
        return positional


def leetcode_problem(row: Mapping[str, Any], name: str) -> Loaded:
    """LeetCodeDataset: `input_output` [{input: 'a = 1, b = 2', output: '3'}], `completion` the reference.

    Each case stands alone: one whose recorded output is a failure of the dataset's own harness is
    dropped and counted, one whose input cannot be read is dropped and named (with its index and
    why); the row is refused only when fewer than 2 tests remain.
    """
    description, starter, difficulty, tags, examples = _leetcode_text(row)
    pid = str(row["task_id"])
    method = str(row["entry_point"]).rsplit(".", 1)[-1]
    helpers = str(row.get("prompt", ""))
    completion = str(row["completion"])
    signature = _signature(completion, method)
    nodes = _node_arguments(signature)
    parameters = len(signature.args.args) - 1 if signature is not None else -1  # less self
    if nodes:
        raise ValueError(
            f"{method} takes or returns a LeetCode TreeNode/ListNode ({', '.join(nodes)}): its tests are written "
            "as lists, which the runner does not turn into nodes"
        )
    cases: list[TestCase] = []
    failures: list[int] = []
    unreadable: list[str] = []
    raw = as_json(row["input_output"])
    if not isinstance(raw, list):
        raise ValueError("input_output is not a list of {input, output}")
    for index, case in enumerate(raw):
        try:
            output = str(case["output"])
            if recorded_failure(output):
                failures.append(index)
                continue
            text = _case_input(str(case["input"]), examples, parameters)
        except (KeyError, TypeError) as error:
            unreadable.append(f"case {index}: {error_text(error)}")
            continue
        except ValueError as error:
            unreadable.append(f"case {index}: {error}")
            continue
        cases.append(TestCase(text, _json_output(output) if examples else output))
    notes = []
    if failures:
        shown = ", ".join(map(str, failures[:10])) + (", ..." if len(failures) > 10 else "")
        notes.append(
            f"{len(failures)} of {len(raw)} test cases dropped: their recorded output is a failure of the dataset's "
            f"own run ('{FAILURE_PREFIX}...' or '{TIMED_OUT}'), not a result (cases {shown})"
        )
    notes += [f"test case dropped: {reason}" for reason in unreadable]
    if len(cases) < 2:
        dropped = f" ({'; '.join(notes)})" if notes else ""
        raise ValueError(f"{len(cases)} usable test(s) left, at least 2 are needed{dropped}")
    problem = _function_problem(
        pid,
        description,
        f"Solution().{method}",
        pool_generator(cases[:MAX_POOL]),
        [Solution("python", completion, "completion", name)],
        starter,
        name,
        str_results=not examples,
        prelude=helpers,  # the rows' fixed environment (imports, node helpers): the runner's, not the solution's
        title=pid,
        difficulty=difficulty,
        tags=tags,
    )
    return Loaded(problem, tuple(notes))


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
