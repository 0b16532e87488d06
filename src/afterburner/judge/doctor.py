"""`afterburner doctor`: what works on this host, checked by doing it."""

from __future__ import annotations

from typing import Any

from afterburner.core.errors import AfterburnerError
from afterburner.core.limits import Limits
from afterburner.judge.baseline import startup_baseline
from afterburner.judge.compiler import compile_source
from afterburner.languages import Language, all_languages
from afterburner.languages.base import SELF_TEST_INPUT, SELF_TEST_OUTPUT
from afterburner.sandbox import host, qemu
from afterburner.sandbox.monitor_binary import monitor_path
from afterburner.sandbox.runner import SandboxOptions, run


def _self_test(language: Language) -> dict[str, Any]:
    row: dict[str, Any] = {
        "name": language.name,
        "version": language.toolchain_version,
        "self_test": False,
        "problem": "",
    }
    if not language.installed:
        row["problem"] = f"not installed (apt-get install {' '.join(language.apt)})"
        return row
    try:
        compiled = compile_source(language, language.self_test)
        if compiled.program is None:
            row["problem"] = f"self-test does not compile: {compiled.message[:200]}"
            return row
        result = compiled.program.run(SELF_TEST_INPUT, Limits())
        row["self_test"] = result.verdict.passed and result.stdout_text.strip() == SELF_TEST_OUTPUT
        if not row["self_test"]:
            row["problem"] = f"{result.verdict.value}: {result.message} {result.stderr_text[:200]}"
            return row
        baseline = startup_baseline(language)
        row["startup_cpu_time"] = baseline.cpu_time
        row["startup_wall_time"] = baseline.wall_time
        row["startup_peak_memory"] = baseline.peak_memory
    except AfterburnerError as error:
        row["problem"] = str(error)
    return row


def _primitives() -> list[dict[str, Any]]:
    support = host.probe()
    cgroups = support.cgroups
    rows: list[dict[str, Any]] = [
        {
            "name": "bubblewrap namespaces",
            "ok": support.bwrap is not None,
            "detail": support.bwrap or support.bwrap_problem,
        },
        {
            "name": "seccomp filter",
            "ok": not support.seccomp_problem,
            "detail": support.seccomp_problem or "pyseccomp BPF",
        },
        {
            "name": "cgroups (memory, pids, cpu)",
            "ok": cgroups is not None,
            "detail": f"v{cgroups.version}" if cgroups else support.cgroup_problem,
        },
        {
            "name": "cpuset pinning",
            "ok": bool(cgroups and cgroups.has_cpuset),
            "detail": "per-run core",
            "optional": True,
        },
        {"name": "unprivileged uid", "ok": True, "detail": "65534 (nobody)" if support.is_root else "the calling user"},
        {
            "name": "valgrind (exact counts, fallback)",
            "ok": support.valgrind is not None,
            "detail": support.valgrind or "apt-get install valgrind",
            "optional": True,
        },
        _qemu_row(),
    ]
    try:
        rows.append({"name": "measuring helper", "ok": True, "detail": str(monitor_path().name)})
        probe = run(["/bin/true"], options=SandboxOptions(instructions="auto", allow_degraded=True))
        rows.append(
            {
                "name": "hardware instruction counters",
                "ok": probe.instruction_source == "perf",
                "detail": "perf_event_open"
                if probe.instruction_source == "perf"
                else "no PMU here: exact counts come from QEMU",
                "optional": True,
            }
        )
    except AfterburnerError as error:
        rows.append({"name": "measuring helper", "ok": False, "detail": str(error)})
    return rows


def _qemu_row() -> dict[str, Any]:
    """The default counter (where there is no PMU): QEMU user mode with our plugin, checked by counting."""
    problem = qemu.availability()
    if not problem:
        probe = run(["/bin/true"], options=SandboxOptions(instructions="qemu", allow_degraded=True))
        if probe.instructions is None:
            problem = f"QEMU ran but counted nothing: {probe.uncounted or probe.message}"
    detail = problem or f"qemu-user {qemu.qemu_version()}, counting plugin built"
    return {"name": "exact instruction counts (QEMU)", "ok": not problem, "detail": detail, "optional": True}


def diagnose() -> dict[str, Any]:
    primitives = _primitives()
    languages = [_self_test(language) for language in all_languages().values()]
    healthy = all(r["ok"] for r in primitives if not r.get("optional")) and all(r["self_test"] for r in languages)
    return {"healthy": healthy, "languages": languages, "primitives": primitives}
