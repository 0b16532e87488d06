"""Exact instruction counts: which counter, under which limits, cached per toolchain.

A count depends on the program, its inputs and the toolchain that runs it (interpreter or
compiled binary, the C library, the counter), not on load: it is cached under that key
(`counts` namespace, TOOLCHAIN scope), so reference counts are taken once per toolchain and a
machine with the same toolchain reuses them without running anything.

Counters, by what they cost here (benchmarks/results/counters.json):
- perf: hardware counters, about 1x, only where the host has a PMU (bare metal, many dedicated
  cloud instances; not this project's VMs). They ride along the native passes.
- qemu: QEMU user mode with our counting plugin (`sandbox/qemu.py`).
- valgrind: callgrind, the slowest; the fallback where QEMU is missing.
The counts of different counters differ slightly (each counts the dynamic loader and the C
library's start-up its own way, and QEMU's CPU model lacks AVX, so the C library takes its SSE
paths): a cache key names the counter, and figures of different counters are never compared.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace

from afterburner.core.cache import ContentCache, Scope
from afterburner.core.errors import AfterburnerError, SandboxFailure, SandboxUnavailable
from afterburner.core.limits import Limits, MiB
from afterburner.core.results import RunResult
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.judge.compiler import Program, compile_source
from afterburner.languages.base import ZYGOTE_FILE, Language
from afterburner.languages.registry import get_language
from afterburner.sandbox import host, qemu
from afterburner.sandbox.runner import FileSource, SandboxOptions, run

# A program under a counter runs slower than natively; its limits are scaled so a limit means what
# it means natively: CPU and wall time by the factor, plus a fixed allowance for the emulator's
# start-up (translating an interpreter's start-up code: about 0.6 s for Python, 2 s for the JVM).
SLOWDOWN = {"qemu": 40.0, "valgrind": 100.0}
STARTUP_ALLOWANCE = 10.0  # seconds
EXTRA_MEMORY = 512 * MiB  # the emulator's own code cache and tables
EXTRA_TASKS = 16
BACKENDS = ("perf", "qemu", "valgrind")


@functools.cache
def _pmu_works() -> bool:
    """Whether hardware instruction counters work here (a tiny run with perf counting)."""
    try:
        result = run(["/bin/true"], options=SandboxOptions(instructions="perf"))
    except AfterburnerError:
        return False
    return result.instructions is not None


def resolve(counter: str) -> str:
    """The concrete backend for a counter setting: 'auto' picks perf, else qemu, else valgrind.

    SandboxUnavailable (with what to install) when no counter works here.
    """
    if counter == "off":
        raise ValueError("counting is off")
    if counter != "auto":
        return counter
    if _pmu_works():
        return "perf"
    if not qemu.availability():
        return "qemu"
    if host.probe().valgrind is not None:
        return "valgrind"
    raise SandboxUnavailable(
        "no instruction counter works on this host (no PMU, no QEMU user mode, no valgrind)",
        f"apt-get install {qemu.PACKAGE}, or rank by time with --metric cpu_time",
    )


def count_limits(limits: Limits, backend: str) -> Limits:
    """Limits of a counting pass (within Limits' bounds)."""
    factor = SLOWDOWN.get(backend, 1.0)
    if factor == 1.0:
        return limits
    return limits.with_(
        cpu_time=min(3600.0, limits.cpu_time * factor + STARTUP_ALLOWANCE),
        wall_time=min(7200.0, limits.effective_wall_time * factor + 2 * STARTUP_ALLOWANCE),
        memory=min(64 * 1024 * MiB, limits.memory + EXTRA_MEMORY),
        processes=min(4096, limits.processes + EXTRA_TASKS),
    )


def _file_digest(path: str) -> str:
    real = os.path.realpath(path)
    digest = hashlib.sha256()
    with open(real, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return f"{os.path.basename(real)}:{digest.hexdigest()[:16]}"


@functools.cache
def _host_runtime() -> str:
    """The C library every program runs on (its instructions are counted too)."""
    for candidate in ("/lib/x86_64-linux-gnu/libc.so.6", "/lib64/libc.so.6", "/usr/lib/libc.so.6"):
        if os.path.exists(candidate):
            return _file_digest(candidate)
    return "libc:unknown"


def toolchain_identity(language: Language, backend: str) -> str:
    """What a count depends on besides the program and its inputs: toolchain and counter, named."""
    return _identity(language.name, backend)


@functools.cache
def _identity(name: str, backend: str) -> str:
    language = get_language(name)
    parts = [language.name, language.toolchain_version, _host_runtime(), backend]
    run_binary = language.run[0]
    if not run_binary.startswith("/box/") and os.path.exists(run_binary):
        parts.append(_file_digest(run_binary))  # the interpreter or runtime itself
    parts += [_file_digest(path) for path in language.identity_files()]
    if backend == "qemu":
        parts.append(qemu.counter().identity)
    elif backend == "valgrind":
        parts.append(f"valgrind:{host.probe().valgrind}")
    parts.append(json.dumps([language.count_flags, sorted(language.count_env.items())]))
    return " | ".join(parts)


@dataclass(frozen=True)
class CountCache:
    """Per-test counts of programs on test lists, kept per toolchain and counter."""

    language: Language
    backend: str

    @functools.cached_property
    def _cache(self) -> ContentCache:
        return ContentCache("counts", Scope.TOOLCHAIN, toolchain_identity(self.language, self.backend), shard=True)

    @staticmethod
    def key(source: str, tests: Sequence[TestCase], limits: Limits) -> str:
        digest = hashlib.sha256(source.encode())
        for test in tests:
            digest.update(b"\0" + hashlib.sha256(test.input.encode()).digest())
        digest.update(repr(limits).encode())
        return digest.hexdigest()

    def get(self, key: str) -> list[int] | None:
        stored = self._cache.get(key)
        counts = stored.get("counts") if stored else None
        if not isinstance(counts, list) or not all(isinstance(c, int) and c >= 0 for c in counts):
            return None
        return counts

    def put(self, key: str, counts: list[int]) -> None:
        self._cache.put(key, {"counts": counts})


def count_run(program: Program, stdin: str, limits: Limits, backend: str, native: RunResult | None = None) -> int | str:
    """One run's instruction count, or why there is none: perf counted the native run itself (pass
    it as `native`); QEMU and valgrind count one more run, under limits scaled by `count_limits`."""
    counted = native
    if backend != "perf" or counted is None:
        options = SandboxOptions(instructions=backend, sample_hz=100)  # type: ignore[arg-type]
        counted = program.run(stdin, count_limits(limits, backend) if backend != "perf" else limits, options)
        if counted.verdict is not Verdict.OK:
            return f"the counting run gave {counted.verdict.value}: {counted.message}"[:500]
    if counted.instructions is None:
        return counted.uncounted or "the counter gave no count"
    return counted.instructions


def startup_count(language: Language, backend: str) -> int | None:
    """Instructions of the language's empty program on empty input (cached per toolchain); None
    when it cannot be counted. A program's count net of start-up subtracts it once per test."""
    return _startup_count(language.name, backend)


@functools.cache
def _startup_count(name: str, backend: str) -> int | None:
    language = get_language(name)
    compiled = compile_source(language, language.empty)
    if compiled.program is None:
        return None
    cache = CountCache(language, backend)
    empty = (TestCase("", ""),)
    key = cache.key(language.empty, empty, Limits())
    stored = cache.get(key)
    if stored is not None and len(stored) == 1:
        return stored[0]
    if language.zygote and backend == "qemu":  # counted as programs of the language are: in the zygote
        zygote = count_with_zygote(compiled.program, empty, Limits(), SandboxOptions())
        if isinstance(zygote, str) or zygote.statuses != [0]:
            return None
        cache.put(key, zygote.counts)
        return zygote.counts[0]
    counted = count_run(compiled.program, "", Limits(), backend)
    if isinstance(counted, str):
        return None
    cache.put(key, [counted])
    return counted


@dataclass(frozen=True)
class ZygoteCounts:
    """One zygote run: per test, the program's exit status, its output and its instruction count."""

    statuses: list[int]
    outputs: list[str]
    counts: list[int]


def zygote_limits(limits: Limits, tests: int) -> Limits:
    """One run for all tests: the tests' CPU time and output together, scaled for the counter."""
    together = limits.with_(
        cpu_time=min(3600.0, limits.cpu_time * tests),
        wall_time=min(7200.0, limits.effective_wall_time * tests),
        output=min(4096 * MiB, limits.output * tests + 4096 * tests),
    )
    return count_limits(together, "qemu")


def _cases(stdout: bytes, tests: int) -> tuple[list[int], list[str]] | str:
    """The zygote's framed output: per test "afterburner-case I STATUS BYTES" and the bytes."""
    statuses, outputs, at = [], [], 0
    for index in range(tests):
        end = stdout.find(b"\n", at)
        header = stdout[at:end].split() if end >= 0 else []
        if len(header) != 4 or header[0] != b"afterburner-case" or header[1] != str(index).encode():
            return f"the counting zygote's report broke off at test {index}"
        size = int(header[3])
        statuses.append(int(header[2]))
        outputs.append(stdout[end + 1 : end + 1 + size].decode("utf-8", errors="replace"))
        at = end + 1 + size
    return statuses, outputs


def count_with_zygote(
    program: Program, tests: Sequence[TestCase], limits: Limits, base: SandboxOptions
) -> ZygoteCounts | str:
    """Every test of `program` in one counting run of its language's zygote, or why that failed."""
    language = program.language
    files: dict[str, FileSource] = {**program.files, ZYGOTE_FILE: language.zygote_source()}
    files |= {f"afterburner-in-{index}": test.input for index, test in enumerate(tests)}
    run_limits = language.limits_for(zygote_limits(limits, len(tests)))
    options = language.sandbox_options(replace(base, instructions="qemu", sample_hz=100, sample_log=None))
    try:
        result = run(language.zygote_argv(run_limits, len(tests)), files, run_limits, stdin=b"", options=options)
    except SandboxFailure as error:
        return f"the counting run failed on our side: {error}"
    if result.verdict is not Verdict.OK:
        return f"the counting run gave {result.verdict.value}: {result.message} {result.stderr_text[-300:]}".strip()
    if result.instructions is None:
        return result.uncounted or "the counter gave no count"
    cases = _cases(result.stdout, len(tests))
    if isinstance(cases, str):
        return cases
    if len(result.child_instructions) != len(tests):
        return f"the counter saw {len(result.child_instructions)} test processes for {len(tests)} tests"
    return ZygoteCounts(cases[0], cases[1], list(result.child_instructions))
