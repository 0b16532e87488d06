"""One function of your own module as a one-problem dataset: target, extraction, calls, runner, splice, judging."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from afterburner.core.errors import UsageError
from afterburner.datasets.judging import judge_solution
from afterburner.datasets.model import PLACEHOLDER, Style, validate
from afterburner.datasets.own_function import (
    EVALUATOR,
    Call,
    call_input,
    expected_text,
    extract_function,
    function_problem,
    function_runner,
    missing_expected,
    original_program,
    parse_target,
    read_calls,
    splice_function,
)
from afterburner.judge.checkers import Evaluator
from afterburner.judge.measurement import Measurement

MODULE = '''"""Numbers."""
from __future__ import annotations

import functools

SCALE = 2


def helper(x):
    return x * SCALE


@functools.lru_cache(maxsize=None)
def slow_sum(n, step=1):
    """Sum of helper(i) over range(0, n, step), with a loop."""
    total = 0
    for i in range(0, n, step):
        total += helper(i)
    return total


def pairs(points):
    return sorted({(x, y) for x, y in points})


class Box:
    def size(self):
        return 1


if __name__ == "__main__":
    print("main ran")
    raise SystemExit(3)
'''

FAST_SUM = """import math


def slow_sum(n, step=1):
    count = math.ceil(n / step) if n > 0 else 0
    return SCALE * step * count * (count - 1) // 2
"""


def module_file(tmp_path: Path, text: str = MODULE, name: str = "numbers_mod.py") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


# --- parse_target ---


def test_parse_target(tmp_path: Path) -> None:
    path = module_file(tmp_path)
    assert parse_target(f"{path}::slow_sum") == (path, "slow_sum")


def test_parse_target_errors(tmp_path: Path) -> None:
    path = module_file(tmp_path)
    with pytest.raises(UsageError, match="names no function") as error:
        parse_target(str(path))
    assert "::function" in error.value.hint
    with pytest.raises(UsageError, match="no such file"):
        parse_target(f"{tmp_path / 'absent.py'}::f")
    (tmp_path / "prog.cpp").write_text("int main() {}\n")
    with pytest.raises(UsageError, match=r"is a C\+\+\S* file: only Python functions"):
        parse_target(f"{tmp_path / 'prog.cpp'}::main")
    (tmp_path / "notes.txt").write_text("x\n")
    with pytest.raises(UsageError, match=r"not a Python file \(\.py\)"):
        parse_target(f"{tmp_path / 'notes.txt'}::f")
    with pytest.raises(UsageError, match=r"Box\.size is a method"):
        parse_target(f"{path}::Box.size")
    with pytest.raises(UsageError, match="no function named"):
        parse_target(f"{path}::")


# --- extract_function ---


def test_extract_a_decorated_function() -> None:
    found = extract_function(MODULE, "slow_sum")
    lines = MODULE.splitlines()
    assert lines[found.start_line - 1] == "@functools.lru_cache(maxsize=None)"
    assert lines[found.end_line - 1] == "    return total"
    assert found.source.startswith("@functools.lru_cache(maxsize=None)\ndef slow_sum(n, step=1):\n")
    assert found.source.endswith("    return total\n")
    assert found.parameters == ("n", "step")
    text = "def f(a, /, b, *rest, c, d=1, **more):\n    pass\n"
    assert extract_function(text, "f").parameters == ("a", "b", "rest", "c", "d", "more")


def test_extract_refuses_what_is_not_one_top_level_function() -> None:
    with pytest.raises(UsageError, match="no top-level function 'missing'") as error:
        extract_function(MODULE, "missing")
    assert error.value.hint == "its top-level functions: helper, pairs, slow_sum"
    with pytest.raises(UsageError, match="size is a method of class Box"):
        extract_function(MODULE, "size")
    with pytest.raises(UsageError, match=r"Box\.size is a method"):
        extract_function(MODULE, "Box.size")
    with pytest.raises(UsageError, match="async def"):
        extract_function("async def f():\n    return 1\n", "f")
    with pytest.raises(UsageError, match="generator"):
        extract_function("def f():\n    yield 1\n", "f")
    with pytest.raises(UsageError, match="defined 2 times"):
        extract_function("def f():\n    return 1\n\n\ndef f():\n    return 2\n", "f")
    with pytest.raises(UsageError, match="does not parse"):
        extract_function("def f(:\n", "f")


# --- read_calls ---

PYTEST_FILE = """import pytest
import numbers_mod
from numbers_mod import slow_sum
from numbers_mod import pairs as unique_pairs


def test_sums():
    assert slow_sum(10) == 90
    assert 20 == slow_sum(5, step=1)
    assert numbers_mod.slow_sum(3) == (6)
    slow_sum(100)
    n = 7
    assert slow_sum(n) == 42
    assert slow_sum(4) == pytest.approx(12)
    with pytest.raises(TypeError):
        slow_sum("a")
    assert slow_sum(*[1]) == 0


def test_pairs():
    assert unique_pairs([(1, 2), (1, 2)]) == [(1, 2)]
"""


def test_pytest_file_calls(tmp_path: Path) -> None:
    tests = tmp_path / "test_numbers.py"
    tests.write_text(PYTEST_FILE)
    found = read_calls(tests, "slow_sum")
    assert found.calls == (
        Call((10,), {}, 90, True),
        Call((5,), {"step": 1}, 20, True),
        Call((3,), {}, 6, True),
        Call((100,), {}),  # a bare call: its result is recorded from the original
        Call((4,), {}),  # pytest.approx(...) is not a literal: recorded too
    )
    assert [(s.line, s.reason) for s in found.skipped] == [
        (13, "argument 1 is not a literal: n"),
        (16, "inside pytest.raises: it is expected to raise"),
        (17, "it unpacks its arguments (* or **)"),
    ]
    assert missing_expected(found.calls) == [3, 4]
    # an alias of the function, arguments keeping their tuples
    assert read_calls(tests, "pairs").calls == (Call(([(1, 2), (1, 2)],), {}, [(1, 2)], True),)


def test_pytest_file_other_assertions(tmp_path: Path) -> None:
    tests = tmp_path / "test_other.py"
    tests.write_text(
        "import unittest\nfrom m import f\n\n\nclass T(unittest.TestCase):\n"
        "    def test(self):\n        self.assertEqual(f(1), 'a')\n        self.assertEqual([2], f(2))\n\n\n"
        "def test_none():\n    assert f(3) is None\n    assert f(4) is not None\n"
    )
    assert read_calls(tests, "f").calls == (
        Call((1,), {}, "a", True),
        Call((2,), {}, [2], True),
        Call((3,), {}, None, True),
        Call((4,), {}),
    )


def test_tests_that_do_not_call_it_are_refused(tmp_path: Path) -> None:
    tests = tmp_path / "test_none.py"
    tests.write_text("def test_other():\n    assert 1 + 1 == 2\n")
    with pytest.raises(UsageError, match=r"test_none.py has no calls of slow_sum: tests that do not call it"):
        read_calls(tests, "slow_sum")
    tests.write_text("def test_x(n):\n    assert slow_sum(n) == 1\n")
    with pytest.raises(UsageError, match="none of the 1 calls of slow_sum") as error:
        read_calls(tests, "slow_sum")
    assert "line 2: argument 1 is not a literal: n" in error.value.hint
    with pytest.raises(UsageError, match="no such tests file"):
        read_calls(tmp_path / "absent.py", "slow_sum")
    (tmp_path / "calls.csv").write_text("1,2\n")
    with pytest.raises(UsageError, match=r"cannot tell what calls\.csv holds"):
        read_calls(tmp_path / "calls.csv", "slow_sum")


def test_json_calls(tmp_path: Path) -> None:
    calls = tmp_path / "calls.json"
    calls.write_text(
        json.dumps(
            [
                {"args": [10], "expected": 90},
                {"args": [5], "kwargs": {"step": 2}},
                {"args": [{"__tuple__": [1, 2]}], "expected": None},
            ]
        )
    )
    assert read_calls(calls, "slow_sum").calls == (
        Call((10,), {}, 90, True),
        Call((5,), {"step": 2}),
        Call(((1, 2),), {}, None, True),  # `expected: null` is an expected None; a tagged tuple is a tuple
    )
    lines = tmp_path / "calls.jsonl"
    lines.write_text('{"args": [1]}\n\n{"kwargs": {"n": 2}, "expected": 2}\n')
    assert read_calls(lines, "slow_sum").calls == (Call((1,), {}), Call((), {"n": 2}, 2, True))
    lines.write_text('{"args": [1]}\n{"args": [2]\n')
    with pytest.raises(UsageError, match="line 2 is not JSON"):
        read_calls(lines, "slow_sum")
    calls.write_text('[{"args": [1], "result": 2}]')
    with pytest.raises(UsageError, match="call 1 has unknown keys result"):
        read_calls(calls, "slow_sum")
    calls.write_text("[]")
    with pytest.raises(UsageError, match="has no calls of slow_sum"):
        read_calls(calls, "slow_sum")


# --- the problem, its runner and evaluator ---


def test_function_problem(tmp_path: Path) -> None:
    path = module_file(tmp_path)
    calls = [Call((10,), {}, 90, True), Call((7,), {"step": 2})]
    with pytest.raises(ValueError, match="the calls at indices 1 have no expected value"):
        function_problem(path, MODULE, "slow_sum", calls)
    problem = function_problem(path, MODULE, "slow_sum", calls, {1: "noise printed at import\n24\n"}).problems[0]
    assert problem.style is Style.FUNCTION and problem.bundled and problem.languages == ["python"]
    assert validate(problem) == []
    assert [(s.label, s.code) for s in problem.solutions] == [("original", extract_function(MODULE, "slow_sum").source)]
    assert [(t.input, t.output) for t in problem.tests] == [
        ('{"args": [10], "kwargs": {}}', "90"),
        ('{"args": [7], "kwargs": {"step": 2}}', "24"),
    ]
    runner = problem.runners["python"]
    assert runner == function_runner(MODULE, "slow_sum")
    assert runner.count(PLACEHOLDER) == 1 and "def slow_sum" not in runner and "main ran" not in runner
    assert "def helper(x):" in runner and "class Box:" in runner
    assert "`slow_sum`" in problem.description and "# >>> the function to rewrite is here <<<" in problem.description
    assert problem.program_source("python", extract_function(MODULE, "slow_sum").source).text == original_program(
        MODULE, "slow_sum"
    )


def test_function_problem_refusals(tmp_path: Path) -> None:
    path = module_file(tmp_path)
    with pytest.raises(UsageError, match=r"call 1 does not fit slow_sum\(n, step=1\)"):
        function_problem(path, MODULE, "slow_sum", [Call((1,), {"steps": 2}, 0, True)])
    local = "from . import sibling\nimport numbers_helpers\n\n\ndef f(x):\n    return x\n"
    with pytest.raises(UsageError, match=r"imports \.sibling, numbers_helpers, which the sandbox lacks"):
        function_problem(path, local, "f", [Call((1,), {}, 1, True)])
    typed = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import numbers_helpers\n\n\ndef f(x):\n    return x\n"
    )
    assert function_problem(path, typed, "f", [Call((1,), {}, 1, True)]).problems
    with pytest.raises(UsageError, match="expected value of call 1 cannot be compared: a bytes"):
        function_problem(path, MODULE, "slow_sum", [Call((1,), {}, b"0", True)])


def test_a_long_module_is_clipped_around_the_function(tmp_path: Path) -> None:
    padding = "".join(f"V{i} = {i}\n" for i in range(3000))
    text = padding + "\n\ndef f(x):\n    return x\n\n\n" + padding
    problem = function_problem(module_file(tmp_path, text), text, "f", [Call((1,), {}, 1, True)]).problems[0]
    assert 8000 < len(problem.description) < 9000
    assert "V2999 = 2999\n\n\n# >>> the function to rewrite is here <<<\n\n\nV0 = 0" in problem.description
    assert "lines left out)\nV" in problem.description and "\n# ... (" in problem.description


def test_harness_keeps_argument_types(tmp_path: Path) -> None:
    """The original program as judged, run directly: tuples arrive as tuples, a set result comes back sorted."""
    program = original_program(MODULE, "pairs")
    call = Call(([(3, 4), (1, 2), (3, 4)],), {})
    done = subprocess.run(
        [sys.executable, "-c", program], input=call_input(call), capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[[1, 2], [3, 4]]" == expected_text([(1, 2), (3, 4)])
    assert "main ran" not in done.stdout + done.stderr


def test_evaluator() -> None:
    evaluate = Evaluator(EVALUATOR)
    assert evaluate("0.3", "printed first\n0.30000000000000004\n")
    assert not evaluate("0.3", "0.3001")
    assert evaluate('{"a": [1, 2.0]}', '{"a": [1, 2]}')
    assert not evaluate("1", "true") and not evaluate("true", "1")
    assert not evaluate("12345678901234567890", "12345678901234567891")
    assert not evaluate("[1, 2]", "[1, 2, 3]") and not evaluate("1", "") and not evaluate("1", "not json")
    assert evaluate(expected_text((1, {2, 1})), "[1, [1, 2]]")
    assert expected_text({1: "a", None: "b"}) == '{"1": "a", "null": "b"}'


# --- splice ---


def test_splice_round_trip_and_rewrite(tmp_path: Path) -> None:
    original = extract_function(MODULE, "slow_sum").source
    assert splice_function(MODULE, "slow_sum", original) == MODULE
    for text in (MODULE.replace("\n", "\r\n"), "x = 1\n\n\ndef f():\n    return x"):
        name = "slow_sum" if "slow_sum" in text else "f"
        assert splice_function(text, name, extract_function(text, name).source) == text
    spliced = splice_function(MODULE, "slow_sum", "\n" + FAST_SUM + "\n\n")
    assert spliced.count("import math\n") == 1 and "@functools.lru_cache" not in spliced
    assert spliced.index("def helper") < spliced.index("import math") < spliced.index("def pairs")
    namespace: dict[str, object] = {"__name__": "spliced"}
    exec(compile(spliced, "spliced", "exec"), namespace)
    slow_sum = namespace["slow_sum"]
    assert callable(slow_sum) and slow_sum(10) == 90 and slow_sum(7, step=2) == 24
    with pytest.raises(ValueError, match="defines no top-level function slow_sum"):
        splice_function(MODULE, "slow_sum", "def fast_sum(n):\n    return n\n")
    with pytest.raises(ValueError, match="does not parse"):
        splice_function(MODULE, "slow_sum", "def slow_sum(:\n")


# --- judged for real ---


def test_the_original_passes_and_a_wrong_rewrite_fails(tmp_path: Path) -> None:
    path = module_file(tmp_path)
    calls = [Call((10,), {}, 90, True), Call((7,), {"step": 2}, 24, True), Call((0,), {}, 0, True)]
    problem = function_problem(path, MODULE, "slow_sum", calls).problems[0]
    measurement = Measurement(1, metric="cpu_time", counter="off")
    original = problem.solutions[0].code
    assert judge_solution(problem, "python", original, problem.tests, measurement).passed
    assert judge_solution(problem, "python", FAST_SUM, problem.tests, measurement).passed
    wrong = judge_solution(problem, "python", FAST_SUM.replace("// 2", "// 3"), problem.tests, measurement)
    assert not wrong.passed and wrong.verdict.name == "WA"
