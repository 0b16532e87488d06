"""One function of your own Python module, and calls of it, as a one-problem dataset.

`afterburner optimize path/module.py::function --tests calls.json` (or `--tests test_module.py`)
optimizes that function alone. The pieces, in the order a caller uses them:

- `parse_target("path/module.py::function")` -> (path, name); `extract_function(source, name)`
  finds the top-level `def` (decorators included) and its lines.
- `read_calls(tests, name)` reads the calls: a JSON list (or JSONL) of `{"args", "kwargs",
  "expected"}`, or a pytest file, from which every `assert function(...) == LITERAL` (either order,
  also `is None/True/False` and `self.assertEqual`) gives a call with its expected value and every
  other call with literal arguments a call without one; calls whose arguments are not literals
  (or that sit in `pytest.raises`) are skipped and counted.
- `function_problem(path, source, name, calls, expected_outputs)` builds the problem.

**Expected values of calls that have none.** They are what the original function returns, run in
the sandbox; this module only builds text, and `optimize.function_target` runs the original
first: `missing_expected(calls)` gives the indices of the calls without an expected value,
`original_program(source, name)` the program to run (exactly what is judged for the original) and
`call_input(call)` each one's standard input; the standard output of each run goes to
`function_problem` as `expected_outputs[index]` (its last non-empty line is the result). A call's
own expected value always wins over a recorded one.

**The runner.** The module's source with the function's lines replaced by the one `PLACEHOLDER`
line (a candidate is pasted there, where the function was, so the code around it sees it as it saw
the original) and without its top-level `if __name__ == "__main__":` blocks (the sandbox runs the
program as `__main__`: they are left out, an `else:` branch with them), followed by a harness that
reads one call (JSON) from standard input, calls the function with standard output sent to
standard error (what it prints is not compared), and writes `json.dumps(result, sort_keys=True)`
as the last line. Results are made plain JSON first: tuples and lists become lists, sets sorted
lists, dict keys strings (as `json` writes them), anything else is an error of the run. Arguments
travel as JSON that keeps Python's types: `{"__tuple__": [...]}`, `{"__set__": [...]}` and
`{"__dict__": [[key, value], ...]}` (a dict with keys that are not strings) stand for those values,
in a calls file too. The evaluator compares the last lines as JSON: floats within a relative 1e-9,
ints exactly, booleans only with booleans. The module runs alone in the sandbox: it may import the
standard library and the language's runtime set, nothing of its own project (refused up front).

`splice_function(source, name, new_code)` writes a rewrite back: `new_code` (helpers and imports
it adds included) takes the function's lines, as it took the placeholder's when it was judged.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from inspect import Parameter, Signature
from pathlib import Path
from typing import Any

from afterburner.core.errors import UsageError
from afterburner.core.testcase import TestCase
from afterburner.datasets.model import PLACEHOLDER, Dataset, Problem, Solution, Style
from afterburner.datasets.own import NO_GENERATOR, ORIGINAL_LABEL
from afterburner.languages import all_languages, get_language
from afterburner.languages.runtime import missing_modules

SEPARATOR = "::"
CONTEXT_CHARS = 8000  # of the module shown around the function in the problem's description
MARKER = "# >>> the function to rewrite is here <<<"
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # Python's line breaks only (not \f, \v, \x1c...)

# Shared by the harness (which runs in the sandbox) and this module (which encodes expected values the same way).
CODEC = '''import json as _afterburner_json


def _afterburner_unpack(obj):
    """{"__tuple__": [...]}, {"__set__": [...]}, {"__dict__": [[key, value], ...]} as those Python values."""
    if len(obj) == 1:
        ((tag, items),) = obj.items()
        if isinstance(items, list):
            if tag == "__tuple__":
                return tuple(items)
            if tag == "__set__":
                return set(items)
            if tag == "__dict__":
                return {key: value for key, value in items}
    return obj


def _afterburner_key(value):
    return _afterburner_json.dumps(value, sort_keys=True)


def _afterburner_name(key):
    """A dict key as the string JSON writes: strings stay, numbers/booleans/None as json writes them."""
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, (bool, int, float)):
        return _afterburner_json.dumps(key)
    return _afterburner_key(_afterburner_plain(key))


def _afterburner_plain(value):
    """A result as plain JSON: tuples and lists as lists, sets as sorted lists, dict keys as strings."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_afterburner_plain(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_afterburner_plain(item) for item in value), key=_afterburner_key)
    if isinstance(value, dict):
        return {_afterburner_name(key): _afterburner_plain(item) for key, item in value.items()}
    raise TypeError(
        f"a {type(value).__name__} cannot be written as JSON: the function must return None, a bool, int, float "
        "or str, or lists, tuples, sets and dicts of them"
    )
'''

HARNESS = """

# --- Afterburner's harness: one call read from standard input, its result written as JSON on the last line ---
$codec

def _afterburner_main():
    import sys

    call = _afterburner_json.loads(sys.stdin.read(), object_hook=_afterburner_unpack)
    stdout, sys.stdout = sys.stdout, sys.stderr  # what the function prints is not compared
    try:
        result = $function(*call["args"], **call["kwargs"])
    finally:
        sys.stdout = stdout
    stdout.write("\\n" + _afterburner_json.dumps(_afterburner_plain(result), sort_keys=True) + "\\n")


_afterburner_main()
"""

EVALUATOR = """import json
import math


def _last_line(text):
    lines = [line for line in str(text).splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _same(expected, actual):
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, int) and isinstance(actual, int):
        return expected == actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        if math.isnan(expected) or math.isnan(actual):
            return math.isnan(expected) and math.isnan(actual)
        try:
            return expected == actual or math.isclose(expected, actual, rel_tol=1e-9)
        except OverflowError:
            return False
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(map(_same, expected, actual))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(_same(expected[k], actual[k]) for k in expected)
    return expected == actual


def evaluate(expected_output, program_output):
    try:
        return _same(json.loads(_last_line(expected_output)), json.loads(_last_line(program_output)))
    except ValueError:
        return False
"""

_codec: dict[str, Any] = {}
exec(compile(CODEC, "<afterburner codec>", "exec"), _codec)
_plain: Callable[[Any], Any] = _codec["_afterburner_plain"]
_unpack: Callable[[dict[str, Any]], Any] = _codec["_afterburner_unpack"]


@dataclass(frozen=True)
class FunctionSource:
    """A top-level function of a module: its text (decorators included) and where it is."""

    name: str
    source: str  # lines start_line..end_line of the module, exactly (line breaks included)
    start_line: int  # 1-based, the first decorator's line when it has decorators
    end_line: int  # 1-based, inclusive
    parameters: tuple[str, ...]  # in order; *args and **kwargs by their names


@dataclass(frozen=True)
class Call:
    """One call of the function: arguments and, when known, the value it must return."""

    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    expected: Any = None
    has_expected: bool = False  # False: the original's result is recorded (see the module docstring)


@dataclass(frozen=True)
class SkippedCall:
    """A call of the function in a tests file that cannot be used, and why."""

    line: int
    reason: str


@dataclass(frozen=True)
class FoundCalls:
    """The calls read from a tests file, and the calls of the function in it that were skipped."""

    calls: tuple[Call, ...]
    skipped: tuple[SkippedCall, ...] = ()


def parse_target(text: str) -> tuple[Path, str]:
    """`path/module.py::function` as (path, function name); the file must exist and be Python."""
    if SEPARATOR not in text:
        raise UsageError(f"{text!r} names no function", "write path/module.py::function")
    path_text, _, name = text.partition(SEPARATOR)
    _check_name(name)
    path = Path(path_text)
    if not path.exists():
        raise UsageError(f"no such file: {path}")
    if not path.is_file():
        raise UsageError(f"{path} is not a file", "write path/module.py::function")
    if path.suffix != ".py":
        other = next((lang for lang in all_languages().values() if path.suffix.lstrip(".") in lang.extensions), None)
        kind = f"a {other.display} file" if other else "not a Python file (.py)"
        raise UsageError(
            f"{path} is {kind}: only Python functions can be optimized one at a time",
            f"optimize the whole program instead: afterburner optimize {path} --tests tests.json",
        )
    return path, name


def _check_name(name: str) -> None:
    if not name:
        raise UsageError("no function named after '::'", "write path/module.py::function")
    if "." in name or SEPARATOR in name:
        raise UsageError(
            f"{name} is a method: only top-level functions can be optimized", "name a function defined at module level"
        )
    if not name.isidentifier():
        raise UsageError(f"{name!r} is not a Python function name")


def _lines(text: str) -> list[str]:
    """The lines of source text with their line breaks, split where Python splits them."""
    return LINE.findall(text)


def _parse(source: str, where: str) -> ast.Module:
    try:
        return ast.parse(source)
    except SyntaxError as error:
        raise UsageError(f"{where} does not parse: line {error.lineno}: {error.msg}") from error


def _yields(node: ast.AST) -> bool:
    """Whether a function's own body (not a nested function's) yields."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        if isinstance(child, ast.Yield | ast.YieldFrom) or _yields(child):
            return True
    return False


def _find(tree: ast.Module, name: str, where: str) -> ast.FunctionDef:
    """The one top-level `def name` of a module; a clear UsageError for anything else."""
    _check_name(name)
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    found = [n for n in defs if n.name == name]
    if not found:
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and any(
                isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef) and m.name == name for m in node.body
            ):
                raise UsageError(
                    f"{name} is a method of class {node.name} in {where}: only top-level functions can be optimized"
                )
        names = sorted({n.name for n in defs})
        hint = f"its top-level functions: {', '.join(names)}" if names else "it defines no top-level function"
        raise UsageError(f"no top-level function {name!r} in {where}", hint)
    if len(found) > 1:
        lines = ", ".join(str(n.lineno) for n in found)
        raise UsageError(f"{name} is defined {len(found)} times at the top of {where} (lines {lines})", "keep one")
    node = found[0]
    if isinstance(node, ast.AsyncFunctionDef):
        raise UsageError(f"{name} in {where} is an async def: only plain functions can be optimized")
    if _yields(node):
        raise UsageError(
            f"{name} in {where} is a generator (it yields): only functions that return their result can be optimized"
        )
    return node


def _span(node: ast.FunctionDef) -> tuple[int, int]:
    start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    return start, node.end_lineno or node.lineno


def _parameters(arguments: ast.arguments) -> tuple[str, ...]:
    names = [a.arg for a in (*arguments.posonlyargs, *arguments.args)]
    names += [arguments.vararg.arg] if arguments.vararg else []
    names += [a.arg for a in arguments.kwonlyargs]
    names += [arguments.kwarg.arg] if arguments.kwarg else []
    return tuple(names)


def _signature(arguments: ast.arguments) -> Signature:
    """The function's signature, enough to check calls (defaults stand in as `...`)."""
    positional = [*arguments.posonlyargs, *arguments.args]
    first_default = len(positional) - len(arguments.defaults)
    parameters = [
        Parameter(
            a.arg,
            Parameter.POSITIONAL_ONLY if i < len(arguments.posonlyargs) else Parameter.POSITIONAL_OR_KEYWORD,
            default=... if i >= first_default else Parameter.empty,
        )
        for i, a in enumerate(positional)
    ]
    if arguments.vararg:
        parameters.append(Parameter(arguments.vararg.arg, Parameter.VAR_POSITIONAL))
    for a, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        parameters.append(Parameter(a.arg, Parameter.KEYWORD_ONLY, default=Parameter.empty if default is None else ...))
    if arguments.kwarg:
        parameters.append(Parameter(arguments.kwarg.arg, Parameter.VAR_KEYWORD))
    return Signature(parameters)


def extract_function(source: str, name: str, *, where: str = "the module") -> FunctionSource:
    """The top-level function `name` of a module's source (`where` names the module in errors).

    Refused with a UsageError: a name that is not a top-level function (the message lists those
    that are), a method, an async def, a generator, a name defined twice at the top.
    """
    node = _find(_parse(source, where), name, where)
    start, end = _span(node)
    text = "".join(_lines(source)[start - 1 : end])
    return FunctionSource(name, text, start, end, _parameters(node.args))


# --- reading calls ---


def read_calls(path: Path, function: str) -> FoundCalls:
    """The calls of `function` in a tests file: JSON/JSONL (`.json`, `.jsonl`) or a pytest file (`.py`)."""
    if not path.is_file():
        raise UsageError(f"no such tests file: {path}")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read {path}: {error}") from error
    if path.suffix == ".py":
        found = _pytest_calls(text, path, function)
    elif path.suffix in (".json", ".jsonl"):
        found = FoundCalls(tuple(_json_calls(text, path)))
    else:
        raise UsageError(
            f"cannot tell what {path.name} holds from its extension",
            "pass a pytest file (.py) or a JSON list of calls (.json, .jsonl)",
        )
    if found.calls:
        return found
    if found.skipped:
        reasons = "; ".join(f"line {s.line}: {s.reason}" for s in found.skipped[:3])
        raise UsageError(f"none of the {len(found.skipped)} calls of {function} in {path} can be used", reasons)
    raise UsageError(
        f"{path} has no calls of {function}: tests that do not call it cannot check a rewrite",
        f"write `assert {function}(...) == ...` lines, or a JSON list of calls",
    )


def _json_entries(text: str, path: Path) -> list[Any]:
    """A JSON list (or one object) of calls, else JSONL: one object per line."""
    try:
        data = json.loads(text, object_hook=_unpack)
        return data if isinstance(data, list) else [data]
    except TypeError as error:  # a tagged {"__dict__": ...} with a key that cannot be one
        raise UsageError(f"{path}: {error}") from error
    except json.JSONDecodeError as whole:
        entries = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                entries.append(json.loads(line, object_hook=_unpack))
            except TypeError as error:
                raise UsageError(f"{path}: line {number}: {error}") from error
            except json.JSONDecodeError:
                where = f"line {number}" if path.suffix == ".jsonl" else f"line {whole.lineno}"
                detail = "" if path.suffix == ".jsonl" else f" ({whole.msg})"
                raise UsageError(f"{path}: {where} is not JSON{detail}") from whole
        return entries


def _json_calls(text: str, path: Path) -> list[Call]:
    calls = []
    for index, entry in enumerate(_json_entries(text, path), start=1):
        where = f"{path}: call {index}"
        if not isinstance(entry, dict):
            raise UsageError(f"{where} is not an object", 'write {"args": [...], "kwargs": {...}, "expected": ...}')
        unknown = sorted(set(entry) - {"args", "kwargs", "expected"})
        if unknown:
            raise UsageError(f"{where} has unknown keys {', '.join(unknown)}", "use args, kwargs and expected")
        args, kwargs = entry.get("args", []), entry.get("kwargs", {})
        if not isinstance(args, list | tuple):
            raise UsageError(f"{where}: args is not a list")
        if not isinstance(kwargs, dict) or not all(isinstance(k, str) and k.isidentifier() for k in kwargs):
            raise UsageError(f"{where}: kwargs is not an object of argument names")
        calls.append(Call(tuple(args), dict(kwargs), entry.get("expected"), "expected" in entry))
    return calls


def _names_of(tree: ast.Module, function: str) -> set[str]:
    """The names the tests call the function by: its own, and `from m import function as alias`."""
    names = {function}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names.update(a.asname for a in node.names if a.name == function and a.asname)
    return names


def _is_call_of(node: ast.AST, names: set[str], function: str) -> bool:
    """`function(...)`, `alias(...)` or `module.function(...)`."""
    if not isinstance(node, ast.Call):
        return False
    target = node.func
    if isinstance(target, ast.Name):
        return target.id in names
    return isinstance(target, ast.Attribute) and target.attr == function and isinstance(target.value, ast.Name)


def _is_assert_equal(node: ast.AST) -> bool:
    """`self.assertEqual(a, b, ...)` (unittest)."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("assertEqual", "assertEquals")
        and len(node.args) >= 2
    )


def _expected_nodes(tree: ast.Module, names: set[str], function: str) -> dict[int, ast.expr]:
    """The other side of `assert CALL == X`, `assert X == CALL`, `assert CALL is None|True|False` and
    `self.assertEqual(CALL, X)` (either order), by the id of the call's node."""
    found: dict[int, ast.expr] = {}
    for node in ast.walk(tree):
        pair: tuple[ast.expr, ast.expr] | None = None
        if isinstance(node, ast.Assert) and isinstance(node.test, ast.Compare) and len(node.test.ops) == 1:
            op, left, right = node.test.ops[0], node.test.left, node.test.comparators[0]
            singleton = isinstance(right, ast.Constant) and right.value in (None, True, False)
            if isinstance(op, ast.Eq) or (isinstance(op, ast.Is) and singleton):
                pair = (left, right)
        elif _is_assert_equal(node):
            assert isinstance(node, ast.Call)
            pair = (node.args[0], node.args[1])
        if pair is None:
            continue
        first, second = pair
        if _is_call_of(first, names, function):
            found[id(first)] = second
        elif _is_call_of(second, names, function):
            found[id(second)] = first
    return found


def _raising_calls(tree: ast.Module, names: set[str], function: str) -> set[int]:
    """Calls of the function inside `with pytest.raises(...)` (or `self.assertRaises`): they must raise."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.With | ast.AsyncWith):
            continue
        for item in node.items:
            context = item.context_expr
            if isinstance(context, ast.Call):
                callee = context.func
                name = callee.attr if isinstance(callee, ast.Attribute) else getattr(callee, "id", "")
                if name in ("raises", "assertRaises", "assertRaisesRegex"):
                    for statement in node.body:
                        inside.update(id(n) for n in ast.walk(statement) if _is_call_of(n, names, function))
    return inside


def _clip(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 3] + "..."


def _literal(node: ast.expr, source: str, what: str) -> Any:
    """A node's value when it is a Python literal (ValueError saying which `what` is not)."""
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        raise ValueError(f"{what} is not a literal: {_clip(ast.get_source_segment(source, node) or '')}") from None


def _call_from(node: ast.Call, source: str, expected: ast.expr | None) -> Call:
    """A call with literal arguments (ValueError says why it is not one)."""
    if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
        raise ValueError("it unpacks its arguments (* or **)")
    args = tuple(_literal(a, source, f"argument {i + 1}") for i, a in enumerate(node.args))
    kwargs = {str(k.arg): _literal(k.value, source, f"argument {k.arg}") for k in node.keywords}
    try:
        _tagged([args, kwargs])
    except TypeError as error:
        raise ValueError(f"an argument cannot travel as JSON: {error}") from None
    if expected is not None:
        try:
            value = ast.literal_eval(expected)
            _plain(value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            pass  # not a literal (or not JSON): the original's result is recorded instead
        else:
            return Call(args, kwargs, value, True)
    return Call(args, kwargs)


def _pytest_calls(text: str, path: Path, function: str) -> FoundCalls:
    tree = _parse(text, str(path))
    names = _names_of(tree, function)
    expected = _expected_nodes(tree, names, function)
    raising = _raising_calls(tree, names, function)
    nodes = sorted(
        (n for n in ast.walk(tree) if isinstance(n, ast.Call) and _is_call_of(n, names, function)),
        key=lambda n: (n.lineno, n.col_offset),
    )
    calls: list[Call] = []
    skipped: list[SkippedCall] = []
    for node in nodes:
        if id(node) in raising:
            skipped.append(SkippedCall(node.lineno, "inside pytest.raises: it is expected to raise"))
            continue
        try:
            calls.append(_call_from(node, text, expected.get(id(node))))
        except ValueError as error:
            skipped.append(SkippedCall(node.lineno, str(error)))
    return FoundCalls(tuple(calls), tuple(skipped))


# --- the problem ---


def _tagged(value: Any) -> Any:
    """An argument as JSON that keeps its Python type (tuples, sets, dicts with other keys: tagged)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [_tagged(v) for v in value]
    if isinstance(value, tuple):
        return {"__tuple__": [_tagged(v) for v in value]}
    if isinstance(value, set | frozenset):
        return {"__set__": sorted((_tagged(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))}
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value) and not (len(value) == 1 and _is_tag(next(iter(value)))):
            return {k: _tagged(v) for k, v in value.items()}
        return {"__dict__": [[_tagged(k), _tagged(v)] for k, v in value.items()]}
    raise TypeError(f"a {type(value).__name__} is not a JSON value, tuple, set or dict")


def _is_tag(key: str) -> bool:
    return key in ("__tuple__", "__set__", "__dict__")


def call_input(call: Call) -> str:
    """The standard input of one call: `{"args": [...], "kwargs": {...}}` (types kept, see `_tagged`)."""
    return json.dumps({"args": _tagged(list(call.args)), "kwargs": {k: _tagged(v) for k, v in call.kwargs.items()}})


def expected_text(value: Any) -> str:
    """An expected value as the harness writes a result: plain JSON, keys sorted."""
    return json.dumps(_plain(value), sort_keys=True)


def missing_expected(calls: Sequence[Call]) -> list[int]:
    """Indices of the calls without an expected value: run the original on them (see the module docstring)."""
    return [index for index, call in enumerate(calls) if not call.has_expected]


def _is_main_guard(node: ast.stmt) -> bool:
    """`if __name__ == "__main__":` (either order)."""
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare) or len(node.test.ops) != 1:
        return False
    sides = (node.test.left, node.test.comparators[0])
    named = any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides)
    main = any(isinstance(s, ast.Constant) and s.value == "__main__" for s in sides)
    return isinstance(node.test.ops[0], ast.Eq) and named and main


def _type_checking(node: ast.stmt) -> bool:
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _check_imports(tree: ast.Module, where: str) -> None:
    """The module runs alone in the sandbox: refuse imports of its own project or of packages it lacks."""
    runtime = ast.Module(body=[n for n in tree.body if not _type_checking(n)], type_ignores=[])
    relative = sorted(
        "." * n.level + (n.module or alias.name)
        for n in ast.walk(runtime)
        if isinstance(n, ast.ImportFrom) and n.level
        for alias in ([n.names[0]] if n.module else n.names)
    )
    python = get_language("python")
    missing = relative + missing_modules(ast.unparse(runtime), python.name, python.packages)
    if missing:
        raise UsageError(
            f"{where} imports {', '.join(missing)}, which the sandbox lacks: it runs the module alone, with the "
            f"standard library and the python runtime set ({', '.join(python.packages) or 'empty'})",
            "optimize a function whose module imports only those",
        )


def _module_part(module_source: str, function: str, where: str) -> str:
    """The runner before its harness: the module with the function's lines replaced by the PLACEHOLDER
    line and without its top-level `if __name__ == "__main__":` blocks (imports checked)."""
    tree = _parse(module_source, where)
    start, end = _span(_find(tree, function, where))
    _check_imports(ast.Module(body=[n for n in tree.body if not _is_main_guard(n)], type_ignores=[]), where)
    guards = [n for n in tree.body if _is_main_guard(n)]
    left_out = {line for n in guards for line in range(n.lineno, (n.end_lineno or n.lineno) + 1)}
    kept: list[str] = []
    for number, line in enumerate(_lines(module_source), start=1):
        if number == start:
            kept.append(PLACEHOLDER)
        elif not start <= number <= end and number not in left_out:
            kept.append(line.rstrip("\r\n"))
    return "\n".join(kept).rstrip("\n") + "\n"


def function_runner(module_source: str, function: str, *, where: str = "the module") -> str:
    """The runner: the module with the function's lines replaced by the PLACEHOLDER line, without its
    `if __name__ == "__main__":` blocks, followed by the harness (see the module docstring)."""
    return _with_harness(_module_part(module_source, function, where), function)


def _with_harness(module: str, function: str) -> str:
    return module + HARNESS.replace("$codec", CODEC).replace("$function", function)


def _paste(runner: str, code: str) -> str:
    """The runner with code at the PLACEHOLDER line, as `Problem.program_source` pastes it."""
    lines = runner.splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip() == PLACEHOLDER)
    return "\n".join([*lines[:index], code, *lines[index + 1 :]]) + "\n"


def original_program(module_source: str, function: str, *, where: str = "the module") -> str:
    """The runner with the original function pasted in: what is judged for the original, and what
    the caller runs to record the expected outputs of calls that have none."""
    original = extract_function(module_source, function, where=where).source
    return _paste(function_runner(module_source, function, where=where), original)


def _context(module: str, size: int = CONTEXT_CHARS) -> str:
    """The module around the function (its place marked): about `size` characters of it, half before when it can."""
    lines = [MARKER if line.strip() == PLACEHOLDER else line for line in module.splitlines()]
    at = lines.index(MARKER)
    first, last, used = at, at + 1, len(MARKER)
    while first > 0 and used + len(lines[first - 1]) + 1 <= size // 2:
        first -= 1
        used += len(lines[first]) + 1
    while last < len(lines) and used + len(lines[last]) + 1 <= size:
        used += len(lines[last]) + 1
        last += 1
    while first > 0 and used + len(lines[first - 1]) + 1 <= size:
        first -= 1
        used += len(lines[first]) + 1
    head = [f"# ... ({first} lines left out)"] if first else []
    tail = [f"# ... ({len(lines) - last} lines left out)"] if last < len(lines) else []
    return "\n".join([*head, *lines[first:last], *tail])


def _check_calls(node: ast.FunctionDef, calls: Sequence[Call]) -> None:
    signature = _signature(node.args)
    for index, call in enumerate(calls, start=1):
        try:
            signature.bind(*call.args, **call.kwargs)
        except TypeError as error:
            shown = f"{node.name}({ast.unparse(node.args)})"
            raise UsageError(f"call {index} does not fit {shown}: {error}") from error


def _expected(call: Call, index: int) -> str:
    try:
        return expected_text(call.expected)
    except TypeError as error:
        raise UsageError(f"the expected value of call {index} cannot be compared: {error}") from error


def _recorded(text: str, index: int) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    try:
        json.loads(lines[-1])
    except (IndexError, ValueError):
        raise ValueError(
            f"the recorded output of the call at index {index} does not end with a JSON line: {_clip(text)}"
        ) from None
    return lines[-1].strip()


def function_problem(
    module_path: Path,
    module_source: str,
    function: str,
    calls: Sequence[Call],
    expected_outputs: Mapping[int, str] | None = None,
) -> Dataset:
    """A function-style problem: `function` of the module, judged on `calls`, the original its one reference.

    `expected_outputs[index]`: the recorded output of the original on call `index` (its standard
    output; the last non-empty line counts), needed for each call without an expected value
    (`missing_expected`); a call's own expected value wins. A missing one is a ValueError (the
    caller's to record); calls that do not fit the signature, or a module that imports what the
    sandbox lacks, are UsageErrors.
    """
    where = str(module_path)
    tree = _parse(module_source, where)
    node = _find(tree, function, where)
    if not calls:
        raise UsageError(f"no calls of {function} to judge it on")
    _check_calls(node, calls)
    recorded = expected_outputs or {}
    lacking = [i for i in missing_expected(calls) if i not in recorded]
    if lacking:
        raise ValueError(
            f"the calls at indices {', '.join(map(str, lacking))} have no expected value and no recorded output "
            "of the original"
        )
    tests = tuple(
        TestCase(call_input(call), _expected(call, i + 1) if call.has_expected else _recorded(recorded[i], i))
        for i, call in enumerate(calls)
    )
    original = extract_function(module_source, function, where=where)
    module = _module_part(module_source, function, where)
    name = f"{module_path.stem}.{function}"
    description = (
        f"Make the function `{function}` of `{module_path.name}` faster. Rewrite only this function: keep its name, "
        f"its signature (parameters, their order and defaults) and its behaviour: every call must return the same "
        "value as before (compared as JSON: tuples as lists, sets as sorted lists, floats within a relative 1e-9). "
        "Helpers and imports you need may go before it, in your answer; the rest of the module stays as it is. "
        "The module around it, for context:\n\n"
        f"```python\n{_context(module)}\n```"
    )
    problem = Problem(
        id=name,
        title=f"{module_path.name}::{function}",
        description=description,
        difficulty="",
        style=Style.FUNCTION,
        generator=NO_GENERATOR,
        evaluator=EVALUATOR,
        tests=tests,
        solutions=(Solution("python", original.source, ORIGINAL_LABEL, "your file"),),
        runners={"python": _with_harness(module, function)},
        origin="your own function",
        bundled=True,
    )
    return Dataset(f"own:{name}", (problem,))


# --- writing the best rewrite back ---


def splice_function(module_source: str, function: str, new_code: str) -> str:
    """The module with `function` replaced by `new_code` (its helpers and imports included, in the
    function's place, as it was judged); `new_code` must define `function` at the top (ValueError)."""
    try:
        tree = ast.parse(new_code)
    except SyntaxError as error:
        raise ValueError(f"the new code does not parse: line {error.lineno}: {error.msg}") from error
    if not any(isinstance(n, ast.FunctionDef) and n.name == function for n in tree.body):
        raise ValueError(f"the new code defines no top-level function {function}")
    old = extract_function(module_source, function)
    lines = _lines(module_source)
    ending = re.search(r"(\r\n|\r|\n)\Z", old.source)  # None: the function ends the file, without a line break
    newline = ending.group(1) if ending else ("\r\n" if "\r\n" in module_source else "\n")
    code = new_code.strip("\r\n")
    if newline != "\n":
        code = re.sub(r"\r?\n", newline, code)
    if ending:
        code += newline
    return "".join(lines[: old.start_line - 1]) + code + "".join(lines[old.end_line :])
