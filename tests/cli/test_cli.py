"""The command line end to end: JSON output, exit codes, one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "count-primes"


def afterburner(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "afterburner.cli.main", *args], capture_output=True, text=True, timeout=300
    )


def test_run_prints_measurements_as_json(tmp_path: Path) -> None:
    stdin = tmp_path / "n.txt"
    stdin.write_text("1000\n")
    done = afterburner("run", str(EXAMPLE / "fast.py"), "--stdin", str(stdin), "--repeat", "3", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["result"]["verdict"] == "OK" and report["result"]["stdout"] == "168\n"
    assert report["spread"]["cpu_time"]["n"] == 3
    assert report["baseline"]["language"] == "python"
    assert report["corrected"]["cpu_time"] <= report["median"]["cpu_time"]


def test_judge_accepts_every_example() -> None:
    for program in sorted(EXAMPLE.glob("*")):
        if program.suffix in (".py", ".cpp", ".java", ".js", ".go", ".rs"):
            done = afterburner("judge", str(program), "--tests", str(EXAMPLE / "tests.json"), "--json")
            assert done.returncode == 0, (program, done.stdout[-2000:], done.stderr)
            assert json.loads(done.stdout)["verdict"] == "AC"


def test_judge_reports_wrong_answer(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.py"
    wrong.write_text("print(42)\n")
    done = afterburner("judge", str(wrong), "--tests", str(EXAMPLE / "tests.json"))
    assert done.returncode == 1
    assert "WA" in done.stdout and "expected" in done.stdout


def test_doctor_json_lists_languages_and_primitives() -> None:
    done = afterburner("doctor", "--json")
    report = json.loads(done.stdout)
    assert {row["name"] for row in report["languages"]} == {"python", "cpp", "java", "javascript", "go", "rust"}
    assert all(row["self_test"] for row in report["languages"]), report["languages"]
    assert any(row["name"].startswith("bubblewrap") and row["ok"] for row in report["primitives"])
    assert done.returncode == 0


def _bad_inputs(tmp_path: Path) -> list[list[str]]:
    garbage = tmp_path / "garbage.py"
    garbage.write_bytes(bytes(range(256)))
    empty = tmp_path / "empty.py"
    empty.write_text("  \n")
    fine = str(EXAMPLE / "fast.py")
    bad_tests = tmp_path / "tests.json"
    bad_tests.write_text("{not json")
    return [
        ["run", str(tmp_path / "missing.py")],
        ["run", fine, "--lang", "cobol"],
        ["run", str(garbage)],
        ["run", str(empty)],
        ["run", fine, "--time-limit", "-1"],
        ["run", fine, "--memory-limit", "999999999"],
        ["run", fine, "--repeat", "0"],
        ["run", str(tmp_path / "x.unknown")],
        ["judge", fine, "--tests", str(bad_tests)],
        ["judge", fine, "--tests", str(tmp_path / "none.json")],
        ["judge", fine, "--tests", str(EXAMPLE / "tests.json"), "--checker", "bogus"],
    ]


def test_bad_input_gets_one_line_and_exit_code_2(tmp_path: Path) -> None:
    (tmp_path / "x.unknown").write_text("print(1)")
    for args in _bad_inputs(tmp_path):
        done = afterburner(*args)
        assert done.returncode == 2, (args, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("afterburner: error:"), (args, done.stderr)
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["run", "judge", "doctor"])
def test_help_explains(command: str) -> None:
    done = afterburner(command, "--help")
    assert done.returncode == 0 and "Usage" in done.stdout


def test_where_judging_runs_is_local_ray_or_a_service_never_two() -> None:
    from afterburner.cli.options import judge_executor
    from afterburner.core.errors import UsageError
    from afterburner.judge.ray_executor import RayExecutor
    from afterburner.service.client import RemoteExecutor

    assert judge_executor(None, None) is None and judge_executor("local", None) is None
    assert isinstance(judge_executor("ray:auto", None), RayExecutor)  # connects only when first used
    remote = judge_executor(None, "http://127.0.0.1:9")
    assert isinstance(remote, RemoteExecutor) and remote.name == "remote:http://127.0.0.1:9"
    with pytest.raises(UsageError, match="exclude each other"):
        judge_executor("ray", "http://127.0.0.1:9")
    with pytest.raises(UsageError, match="unknown executor"):
        judge_executor("spark", None)
