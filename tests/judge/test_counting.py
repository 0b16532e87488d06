"""Exact instruction counts in the judge: deterministic, cached per toolchain, net of start-up."""

from __future__ import annotations

import pytest

from afterburner.core.limits import Limits
from afterburner.core.metrics import TIE_TOLERANCE
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.judge import counting
from afterburner.judge.compiler import compile_source
from afterburner.judge.judge import JudgeItem, judge, judge_batch
from afterburner.judge.measurement import Measurement
from afterburner.languages import all_languages, get_language
from afterburner.sandbox import runner
from afterburner.sandbox.runner import SandboxOptions

PYTHON = get_language("python")
SUM_TESTS = [TestCase("20 22\n", "42\n"), TestCase("1 2\n", "3\n")]
# Prints sum(i * i for i < n) % 7 for its input n, after `{n}` iterations of busy work.
LOOP = "n = int(input())\nw = 0\nfor i in range({n}):\n    w += i * i\nprint(sum(i * i for i in range(n)) % 7)\n"
LOOP_TESTS = [TestCase("5\n", f"{sum(i * i for i in range(5)) % 7}\n")]
EXACT = ("python", "cpp", "rust")  # single-threaded runtimes: counts repeat to the instruction


def test_a_program_counted_in_two_sandboxes_gets_the_same_count() -> None:
    program = compile_source(PYTHON, LOOP.format(n=20_000)).program
    assert program is not None
    counts = [program.run("5\n", Limits(cpu_time=60), SandboxOptions(instructions="qemu")) for _ in range(2)]
    assert all(c.verdict is Verdict.OK for c in counts), counts[0].stderr_text
    assert counts[0].instructions is not None and counts[0].instructions > 1_000_000
    assert counts[0].instructions == counts[1].instructions


@pytest.mark.parametrize("name", sorted(all_languages()))
def test_every_language_is_counted_and_repeats(name: str) -> None:
    """All six languages run under the counter; exact runtimes repeat exactly, JIT runtimes within tolerance."""
    language = get_language(name)
    program = compile_source(language, language.self_test).program
    assert program is not None
    options = SandboxOptions(instructions="qemu")
    limits = counting.count_limits(Limits(), "qemu")
    first, second = (program.run("20 22\n", limits, options) for _ in range(2))
    assert first.verdict is Verdict.OK and first.stdout_text.strip() == "42", first.stderr_text[-500:]
    assert first.instructions is not None and second.instructions is not None, first.uncounted
    if name in EXACT:
        assert first.instructions == second.instructions
    else:  # threads of the runtime: ~0.1%, and Go's timer thread ~10,000 instructions on a tiny program
        jitter = max(TIE_TOLERANCE["instructions"] * first.instructions, 20_000)
        assert abs(first.instructions - second.instructions) <= jitter


def test_the_default_measurement_counts_and_ranks_the_cheaper_program_lower() -> None:
    slow, fast = LOOP.format(n=60_000), "n = int(input())\nprint(sum(i * i for i in range(5)) % 7)\n"
    results = judge_batch([JudgeItem(PYTHON, slow, LOOP_TESTS), JudgeItem(PYTHON, fast, LOOP_TESTS)])
    for result in results:
        assert result.verdict is Verdict.AC, result.first_failure
        assert result.measured.unmeasured == {}
        assert result.metrics["cpu_time"] is not None  # time is still measured and reported
        assert result.measured.samples["instructions"] == [result.metrics["instructions"]]  # one exact value
    slow_count, fast_count = (r.metrics["instructions"] for r in results)
    assert slow_count is not None and fast_count is not None and slow_count > fast_count


def test_an_import_costs_in_the_zygote_what_it_costs_natively() -> None:
    """The zygote's own imports (re, via traceback) are not the program's: importing one is counted."""
    plain = LOOP.format(n=10)
    results = judge_batch([JudgeItem(PYTHON, plain, LOOP_TESTS), JudgeItem(PYTHON, "import re\n" + plain, LOOP_TESTS)])
    without, with_re = (r.metrics["instructions"] for r in results)
    assert without is not None and with_re is not None
    assert with_re - without > 1_000_000  # compiling re's module code: millions of instructions, not 0


def test_counts_come_net_of_the_languages_empty_program() -> None:
    result = judge(PYTHON, LOOP.format(n=1000), LOOP_TESTS * 2)
    gross, net = result.metrics["instructions"], result.measured.net["instructions"]
    empty = counting.startup_count(PYTHON, counting.resolve("auto"))
    assert gross is not None and net is not None and empty is not None
    assert net == gross - 2 * empty
    assert 0 < net < gross


def test_a_count_is_taken_once_per_toolchain_then_reused(monkeypatch: pytest.MonkeyPatch) -> None:
    source = LOOP.format(n=3000)
    first = judge(PYTHON, source, LOOP_TESTS)
    counted_runs: list[str] = []
    real_run = runner.run

    def watched(*args: object, **kwargs: object) -> object:
        options = kwargs.get("options")
        if isinstance(options, SandboxOptions) and options.instructions == "qemu":
            counted_runs.append("qemu")
        return real_run(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("afterburner.judge.compiler.run", watched)
    second = judge(PYTHON, source, LOOP_TESTS)
    assert counted_runs == []  # from the per-toolchain cache, nothing counted again
    assert second.metrics["instructions"] == first.metrics["instructions"]


def test_a_program_the_counter_refuses_passes_but_gets_no_count_with_the_reason() -> None:
    """Its native passes decide the verdict; the count is None with why, never 0, never a time."""
    replaces_itself = "import os\nprint(42)\nimport sys; sys.stdout.flush()\nos.execv('/usr/bin/true', ['true'])\n"
    result = judge(PYTHON, replaces_itself, [TestCase("", "42\n")])
    assert result.verdict is Verdict.AC
    assert result.metrics["instructions"] is None
    assert "another program" in result.measured.unmeasured["instructions"]
    assert result.metrics["cpu_time"] is not None


def test_clock_only_settings_count_nothing() -> None:
    result = judge(PYTHON, LOOP.format(n=10), LOOP_TESTS, measurement=Measurement(1, metric="cpu_time", counter="off"))
    assert result.verdict is Verdict.AC and result.metrics["instructions"] is None
    assert result.measured.unmeasured == {}


def test_the_toolchain_identity_names_language_runtime_and_counter() -> None:
    identity = counting.toolchain_identity(PYTHON, "qemu")
    assert "python" in identity and "qemu" in identity and "libc.so.6" in identity
    assert identity != counting.toolchain_identity(get_language("cpp"), "qemu")
    assert counting.resolve("auto") in counting.BACKENDS
