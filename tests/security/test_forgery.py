"""A candidate cannot forge the figures it is scored on."""

from __future__ import annotations

import pytest

from afterburner.core.limits import Limits
from afterburner.core.results import RunResult
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.datasets.judging import SOLUTION_LIMITS
from afterburner.judge.counting import CountCache
from afterburner.judge.judge import JudgeResult, judge
from afterburner.judge.measurement import Measurement
from afterburner.languages import get_language
from afterburner.languages.snippet import run_python
from afterburner.optimize.hotspots import python_hotspots
from afterburner.sandbox import valgrind
from afterburner.sandbox.runner import SandboxOptions

LOG_FD = valgrind.log_fd(Limits())
# Writes a fake callgrind summary on every fd, and reopens the log's fd through /proc (a pipe
# could be reopened so). Reopening valgrind's other internal fds only breaks valgrind (RTE).
FORGER = f"""
import os
fake = b"".join(b"==%d== Collected : 5\\n" % pid for pid in range(1, 64))
reached = []
for fd in range(3, 1024):
    try:
        os.write(fd, fake)
        reached.append(fd)
    except OSError:
        pass
try:
    os.write(os.open("/proc/self/fd/{LOG_FD}", os.O_WRONLY), fake)
    reached.append(-{LOG_FD})
except OSError:
    pass
print(reached)
"""


def test_a_program_cannot_forge_its_valgrind_instruction_count() -> None:
    limits = Limits(cpu_time=30)
    assert limits.open_files == Limits().open_files
    options = SandboxOptions(instructions="valgrind")
    forged = run_python(FORGER, limits=limits, options=options)
    honest = run_python("print([])", limits=limits, options=options)
    assert forged.verdict is Verdict.OK and honest.verdict is Verdict.OK, forged.stderr_text
    assert forged.stdout_text.strip() == "[]", "the program reached an fd besides its own"
    assert forged.instructions is not None and honest.instructions is not None
    # The forger runs a loop of ~2,000 syscalls: more instructions than the empty program, never 5.
    assert forged.instructions > honest.instructions > 1_000_000


def test_a_program_that_replaces_itself_gets_no_count() -> None:
    """After execve only the last image would be counted: a tiny program could stand in for the work."""
    replace = "import os; print(sum(range(10**6))); os.execv('/usr/bin/true', ['true'])"
    result = run_python(replace, limits=Limits(cpu_time=30), options=SandboxOptions(instructions="valgrind"))
    assert result.verdict is Verdict.OK
    assert result.instructions is None


def test_printed_hotspot_markers_cannot_forge_the_profile() -> None:
    """A program that prints what looks like the profiler's report is ignored: the marker has a nonce."""
    fake = 'print("x", flush=True)\nimport sys\nsys.stderr.write("\\n__AFTERBURNER_HOTSPOTS__{\\"1\\": 99}\\n")\n'
    work = "total = 0\nfor i in range(3_000_000):\n    total += i * i\nprint(total)\n"
    spots = python_hotspots(fake + work, "", Limits(cpu_time=10))
    assert spots and spots[0].line in (5, 6), spots  # the loop of `work`, not line 1


def test_a_program_that_prints_the_marker_it_guessed_gets_no_hotspots() -> None:
    """Our marker twice (the program printed one too): nothing is trusted."""
    code = "import sys\nsys.stderr.write(open('/proc/self/cmdline').read())\n"
    assert python_hotspots(code, "", Limits(cpu_time=10)) == []


# --- the QEMU counter (the default way counts are taken) ---------------------------------------------

QEMU = SandboxOptions(instructions="qemu")
CHANNEL = valgrind.log_fd(Limits())  # the report channel sits at the same fd as valgrind's log
# Every fd the program can reach gets a forged report; then the channel is closed and replaced.
QEMU_FORGER = """
import os
fake = b"start 2\\nexit 2 5\\n"
reached = []
for fd in range(3, 1024):
    try:
        os.write(fd, fake)
        reached.append(fd)
    except OSError:
        pass
print(reached)
"""


def _counted(code: str) -> RunResult:
    return run_python(code, limits=Limits(cpu_time=30), options=QEMU)


def test_a_program_that_writes_to_the_counter_channel_gets_no_count() -> None:
    forged = _counted(QEMU_FORGER)
    assert forged.verdict is Verdict.OK, forged.stderr_text
    assert str(CHANNEL) in forged.stdout_text  # it did reach the channel's fd ...
    assert forged.instructions is None  # ... so nothing it wrote, and no count, is trusted
    assert "channel" in forged.uncounted


@pytest.mark.parametrize(
    ("attack", "reason"),
    [
        (f"os.dup2(1, {CHANNEL})", "channel"),  # replace the channel by stdout, then report on stdout
        (f"os.close({CHANNEL})", "channel"),
        (f"os.write(os.dup({CHANNEL}), b'exit 2 5\\n')", "channel"),
        ("os.execv('/usr/bin/true', ['true'])", "started another program"),  # the new image runs uncounted
        ("os.open('/proc/self/mem', os.O_RDWR)", "/proc mem"),  # the emulator's memory
    ],
)
def test_touching_the_counter_in_any_way_leaves_no_count(attack: str, reason: str) -> None:
    result = _counted(f"import os\nprint(sum(range(10**5)))\n{attack}\n")
    assert result.instructions is None, result.uncounted
    assert reason in result.uncounted


def test_printing_a_fake_report_changes_nothing() -> None:
    honest = _counted("print(sum(range(10**5)))")
    printer = _counted("import sys\nprint(sum(range(10**5)))\nsys.stderr.write('start 2\\nexit 2 5\\n')\n")
    assert honest.instructions is not None and printer.instructions is not None
    assert printer.instructions > honest.instructions > 1_000_000  # its own count, never 5


def test_work_moved_into_a_child_process_is_counted() -> None:
    """Forking the work off must not hide it: every process of the tree reports, and counts add up."""
    work = "s = 0\nfor i in range(300_000):\n    s += i * i\n"
    inline = _counted(f"{work}print(s)\n")
    forked = _counted(f"import os\npid = os.fork()\nif pid == 0:\n{_indent(work)}    os._exit(0)\nos.waitpid(pid, 0)\n")
    assert inline.instructions is not None and forked.instructions is not None, forked.uncounted
    assert forked.instructions > 0.9 * inline.instructions


def test_a_child_killed_before_it_reports_leaves_no_count() -> None:
    killed = "import os, signal\npid = os.fork()\nif pid == 0:\n    os.kill(os.getpid(), signal.SIGKILL)\n"
    killed += "os.waitpid(pid, 0)\n"
    result = _counted(killed)
    assert result.verdict is Verdict.OK and result.instructions is None
    assert "without its count" in result.uncounted


def _indent(code: str) -> str:
    return "".join(f"    {line}\n" for line in code.splitlines())


# --- the Python counting zygote: one interpreter, one fork per test -----------------------------------

MEMO = """
import os
path = "/tmp/memo"
if os.path.exists(path):
    print(open(path).read())
else:
    total = 0
    for i in range(200_000):
        total += i * i % 7
    open(path, "w").write(str(total))
    print(total)
"""


def _zygote_judge(code: str, tests: int = 3) -> JudgeResult:
    answer = str(sum(i * i % 7 for i in range(200_000)))
    cases = [TestCase("", f"{answer}\n")] * tests
    return judge(get_language("python"), code, cases, limits=SOLUTION_LIMITS, measurement=Measurement(1))


def test_a_later_test_cannot_reuse_what_an_earlier_one_left_in_tmp() -> None:
    """Each test starts from an empty /tmp, as a fresh sandbox would: a memo file cannot cut later counts."""
    result = _zygote_judge(MEMO)
    assert result.verdict is Verdict.AC and result.metrics["instructions"] is not None
    answer = str(sum(i * i % 7 for i in range(200_000)))
    key = CountCache.key(MEMO, [TestCase("", f"{answer}\n")] * 3, SOLUTION_LIMITS)
    counts = CountCache(get_language("python"), "qemu").get(key)
    assert counts is not None and len(counts) == 3
    assert min(counts) > 0.9 * max(counts)  # the second and third tests did the work again


@pytest.mark.parametrize(
    ("attack", "reason"),
    [
        ("import os\nif os.fork() == 0:\n    import time\n    time.sleep(60)\n", "without its count"),  # lingers
        ("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n", "counting run"),  # kills the zygote
    ],
)
def test_a_program_that_outlives_its_test_or_kills_the_zygote_gets_no_count(attack: str, reason: str) -> None:
    code = f"print({sum(i * i % 7 for i in range(200_000))})\n{attack}"
    result = _zygote_judge(code, tests=2)
    assert result.verdict is Verdict.AC  # natively it passes (the child is ended with the sandbox)
    assert result.metrics["instructions"] is None
    assert reason in result.measured.unmeasured["instructions"]


def test_a_forged_case_header_in_the_output_is_just_output() -> None:
    answer = sum(i * i % 7 for i in range(200_000))
    code = f"print({answer})\nprint('afterburner-case 1 0 3')\nprint('abc')\n"
    result = _zygote_judge(code, tests=2)
    assert result.verdict is Verdict.WA  # the extra lines are wrong output natively too
