"""`afterburner optimize prog.py --tests tests.json`: your own program on your own tests, no dataset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterburner.cli import optimize as optimize_command
from afterburner.cli.main import app
from afterburner.core.errors import UsageError
from tests.optimize.scripted import ScriptedBackend, fenced

SLOW = "n = int(input())\ntotal = 0\nfor i in range(n + 1):\n    total += i * i\nprint(total)\n"
FAST = "n = int(input())\nprint(n * (n + 1) * (2 * n + 1) // 6)\n"


def write_tests(path: Path) -> None:
    cases = [{"input": f"{n}\n", "output": f"{n * (n + 1) * (2 * n + 1) // 6}\n"} for n in (10, 1_500_000)]
    path.write_text(json.dumps(cases))


def test_own_program_on_own_tests_writes_the_best_version_and_a_diff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program, tests, out = tmp_path / "prog.py", tmp_path / "tests.json", tmp_path / "out"
    program.write_text(SLOW)
    write_tests(tests)
    backend = ScriptedBackend([fenced(FAST)])
    monkeypatch.setattr(optimize_command, "create_backend", lambda spec, progress=None: backend)
    args = ["optimize", str(program), "--tests", str(tests), "-i", "1", "-k", "1", "-n", "3", "--out", str(out)]
    done = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert done.exit_code == 0, done.output
    assert (out / "best.py").read_text() == FAST
    diff = (out / "best.diff").read_text()
    assert "+print(n * (n + 1) * (2 * n + 1) // 6)" in diff and "-    total += i * i" in diff
    assert "from your file prog.py" in done.output and "improved beyond noise" in done.output
    # The model saw the program and its first test as the I/O contract, nothing hidden exists.
    assert "total += i * i" in backend.prompts[0] and "Example input" in backend.prompts[0]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["measurement"]["tests"]["hidden"] is False
    change = json.loads((out / "report.json").read_text())["changes"][0]
    assert change["start"]["instructions"] > 10 * change["best"]["instructions"]  # exact, unlike the time ratio


def test_own_program_needs_the_program_and_no_dataset_options(tmp_path: Path) -> None:
    tests = tmp_path / "tests.json"
    write_tests(tests)
    done = CliRunner().invoke(app, ["optimize", "--tests", str(tests)])
    assert isinstance(done.exception, UsageError) and "needs your program" in str(done.exception)
    program = tmp_path / "prog.py"
    program.write_text(SLOW)
    done = CliRunner().invoke(app, ["optimize", str(program), "--tests", str(tests), "--start-from", "slowest"])
    assert isinstance(done.exception, UsageError) and "leave out --problem and --start-from" in str(done.exception)


MODULE = '''"""Sums."""
import math

SCALE = 1


def sum_squares(n, scale=SCALE):
    total = 0
    for i in range(n + 1):
        total += i * i
    return total * scale


def untouched():
    return math.pi


if __name__ == "__main__":
    print(sum_squares(10))
'''
FAST_FUNCTION = "def sum_squares(n, scale=SCALE):\n    return n * (n + 1) * (2 * n + 1) // 6 * scale\n"
PYTEST_FILE = """from sums import sum_squares


def test_small():
    assert sum_squares(10) == 385
    assert 14 == sum_squares(3)


def test_large():
    sum_squares(1_500_000)  # no expected value: the original's result is recorded
    sum_squares(int("7"))  # not a literal: skipped
"""


def test_a_function_of_a_module_is_optimized_on_its_pytest_calls_and_written_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module, tests, out = tmp_path / "sums.py", tmp_path / "test_sums.py", tmp_path / "out"
    module.write_text(MODULE)
    tests.write_text(PYTEST_FILE)
    backend = ScriptedBackend([fenced(FAST_FUNCTION)])
    monkeypatch.setattr(optimize_command, "create_backend", lambda spec, progress=None: backend)
    args = [f"{module}::sum_squares", "--tests", str(tests), "-i", "1", "-k", "1", "-n", "3", "--out", str(out)]
    done = CliRunner().invoke(app, ["optimize", *args], env={"COLUMNS": "200"})
    assert done.exit_code == 0, done.output
    assert "1 call(s)" in done.output and "from your function sum_squares" in done.output
    # The model is shown the function (and the module around it), asked for the function alone.
    assert "total += i * i" in backend.prompts[0]
    best = (out / "sums.py").read_text()
    assert FAST_FUNCTION in best and "def untouched():" in best and 'if __name__ == "__main__":' in best
    assert "total += i * i" not in best
    diff = (out / "best.diff").read_text()
    assert "-    for i in range(n + 1):" in diff and "+    return n * (n + 1)" in diff
    assert "def untouched" not in "".join(line for line in diff.splitlines() if line[:1] in "+-")
    change = json.loads((out / "report.json").read_text())["changes"][0]
    assert change["improved"] and change["start"]["instructions"] > 10 * change["best"]["instructions"]  # exact
    assert module.read_text() == MODULE  # your file is never touched


def test_function_mode_names_what_is_missing(tmp_path: Path) -> None:
    module, tests = tmp_path / "sums.py", tmp_path / "test_sums.py"
    module.write_text(MODULE)
    tests.write_text(PYTEST_FILE)

    def refused(*args: str) -> str:
        done = CliRunner().invoke(app, ["optimize", *args])
        assert isinstance(done.exception, UsageError), done.output
        return str(done.exception)

    assert "sum_cubes" in refused(f"{module}::sum_cubes", "--tests", str(tests))
    assert "needs calls" in refused(f"{module}::sum_squares")
    tests.write_text("def test_nothing():\n    assert True\n")
    assert "no calls of sum_squares" in refused(f"{module}::sum_squares", "--tests", str(tests))
    calls = tmp_path / "calls.json"
    calls.write_text('[{"args": [3], "expected": 15}]')
    assert "fails its own tests" in refused(f"{module}::sum_squares", "--tests", str(calls))
