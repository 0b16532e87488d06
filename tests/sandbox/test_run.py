"""The sandbox end to end: verdicts, limits, measurement, isolation options, clean-up."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from afterburner.core.errors import SandboxUnavailable
from afterburner.core.limits import Limits, MiB
from afterburner.core.verdicts import Verdict
from afterburner.languages.snippet import run_python
from afterburner.sandbox import host
from afterburner.sandbox.cores import all_cores, format_cpulist
from afterburner.sandbox.runner import SandboxOptions

pytestmark = pytest.mark.usefixtures("no_leftovers")


def hold(megabytes: int, seconds: float) -> str:
    """A program that touches `megabytes` above its start-up footprint and holds them."""
    return (
        "import time\n"
        f"block = bytearray({megabytes} * 1024 * 1024)\n"
        "for i in range(0, len(block), 4096): block[i] = 1\n"
        f"time.sleep({seconds})\n"
    )


def test_stdin_to_stdout_and_exit_codes() -> None:
    ok = run_python("import sys; print(sys.stdin.read().upper())", stdin="hello")
    assert ok.verdict is Verdict.OK and ok.stdout == b"HELLO\n" and ok.exit_code == 0
    failed = run_python("import sys; sys.exit(3)")
    assert failed.verdict is Verdict.RTE and failed.exit_code == 3
    crashed = run_python("import os; os.abort()")
    assert crashed.verdict is Verdict.RTE and crashed.signal == 6


def test_files_are_read_only_and_work_dir_is_writable() -> None:
    program = (
        "import os\nprint(open('/box/data.txt').read())\n"
        "open('scratch', 'w').write('x'); print(os.getcwd(), os.getuid())\n"
        "try:\n    open('/box/new', 'w')\nexcept OSError:\n    print('read-only')\n"
    )
    result = run_python(program, files={"data.txt": b"payload"})
    assert result.verdict is Verdict.OK, result.stderr_text
    assert result.stdout_text.split() == ["payload", "/tmp", "65534", "read-only"]


def test_cpu_time_limit() -> None:
    result = run_python("while True: pass", limits=Limits(cpu_time=0.5))
    assert result.verdict is Verdict.TLE
    assert 0.45 <= result.cpu_time < 1.0


def test_wall_time_limit_on_a_sleeper() -> None:
    result = run_python("import time; time.sleep(30)", limits=Limits(cpu_time=1, wall_time=1))
    assert result.verdict is Verdict.TLE and "wall" in result.message
    assert result.cpu_time < 0.5 and 1.0 <= result.wall_time < 2.0


def test_memory_limit() -> None:
    result = run_python(hold(200, 0), limits=Limits(memory=64 * MiB))
    assert result.verdict is Verdict.MLE
    assert result.peak_memory >= 60 * MiB


def test_output_limit_cuts_and_reports() -> None:
    result = run_python("while True: print('x' * 1000)", limits=Limits(output=100_000))
    assert result.verdict is Verdict.OLE
    assert result.output_truncated and len(result.stdout) <= 100_000


def test_non_utf8_output_is_kept_as_bytes() -> None:
    result = run_python("import sys; sys.stdout.buffer.write(b'\\xff\\xfeok')")
    assert result.stdout == b"\xff\xfeok"
    assert result.to_dict()["stdout"].endswith("ok")


def test_peak_memory_is_exact_above_start_up() -> None:
    base = run_python(hold(0, 0)).peak_memory
    for megabytes in (16, 64):
        peak = run_python(hold(megabytes, 0)).peak_memory
        assert abs((peak - base) / MiB - megabytes) < 2, (megabytes, peak, base)


def test_memory_integral_is_a_true_time_integral() -> None:
    slow, fast = (run_python(hold(64, 0.5), options=SandboxOptions(sample_hz=hz)) for hz in (2000, 10_000))
    for result in (slow, fast):
        assert result.memory_integral is not None and result.sampling.samples > 100
        expected = 64 * MiB * 0.5  # held block x holding time, plus start-up
        assert expected * 0.9 < result.memory_integral < expected * 1.6
    assert fast.sampling.samples > 2.5 * slow.sampling.samples
    assert abs(fast.memory_integral - slow.memory_integral) / fast.memory_integral < 0.05  # type: ignore[operator]


def test_concurrent_runs_get_their_own_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every core may be leased here (by default one is kept for the model and the monitor).
    monkeypatch.setenv("AFTERBURNER_MEASURE_CORES", format_cpulist(all_cores()))
    seen: list[str] = []
    program = (
        "import time; time.sleep(0.5)\n"
        "print(open('/proc/self/status').read().split('Cpus_allowed_list:')[1].split()[0])"
    )

    def one() -> None:
        seen.append(run_python(program).stdout_text.strip())

    threads = [threading.Thread(target=one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 2 and all(seen) and seen[0] != seen[1], seen


def test_deterministic_instruction_counts_with_valgrind() -> None:
    options = SandboxOptions(instructions="valgrind")
    program = "print(sum(i * i for i in range(20000)))"
    first, second = (run_python(program, limits=Limits(cpu_time=30), options=options) for _ in range(2))
    assert first.verdict is Verdict.OK, first.stderr_text
    assert first.instruction_source == "valgrind" and first.instructions
    assert first.instructions == second.instructions
    assert first.stdout == b"199980000\n" or first.stdout.strip().isdigit()


def test_hardware_counters_are_reported_or_refused_clearly() -> None:
    auto = run_python("pass", options=SandboxOptions(instructions="auto"))
    if auto.instruction_source == "perf":
        assert auto.instructions and auto.instructions > 0
    else:
        assert auto.instructions is None
        with pytest.raises(SandboxUnavailable):
            run_python("pass", options=SandboxOptions(instructions="perf"))


def test_missing_primitive_fails_clearly_or_degrades_visibly(monkeypatch: pytest.MonkeyPatch) -> None:
    support = dataclasses.replace(host.probe(), bwrap=None, bwrap_problem="bubblewrap is not installed")
    monkeypatch.setattr(host, "probe", lambda: support)
    with pytest.raises(SandboxUnavailable, match="bubblewrap"):
        run_python("print(1)")
    degraded = run_python("print(1)", options=SandboxOptions(allow_degraded=True))
    assert degraded.verdict is Verdict.OK and degraded.stdout == b"1\n"
    assert "namespaces" in degraded.guarantees.missing() and "seccomp" in degraded.guarantees.missing()
