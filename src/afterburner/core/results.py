"""Typed results of a sandboxed run."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from afterburner.core.verdicts import Verdict


@dataclass(frozen=True)
class Guarantees:
    """Which isolation and measurement guarantees held for a run (all True unless degraded)."""

    namespaces: bool = True  # bubblewrap: user, pid, mount, net, ipc, uts namespaces
    seccomp: bool = True  # syscall filter loaded
    cgroup_memory: bool = True  # memory limit enforced, exact peak and integral measured
    cgroup_pids: bool = True  # process/thread limit enforced
    cgroup_cpu: bool = True  # CPU time from cgroup accounting of every task
    cpu_pinning: bool = True  # run pinned to its own core
    exact_peak: bool = True  # peak memory is the cgroup high-water mark (else: the monitor's sampled maximum)
    non_root: bool = True  # the program runs under an unprivileged uid

    def missing(self) -> list[str]:
        return [f.name for f in fields(self) if not getattr(self, f.name)]

    @property
    def complete(self) -> bool:
        return not self.missing()


@dataclass(frozen=True)
class Sampling:
    """How the memory-time integral was sampled."""

    requested_hz: int
    samples: int
    achieved_hz: float
    max_gap: float  # seconds, largest interval between two samples


@dataclass(frozen=True)
class RunResult:
    """Everything measured about one run. Times in seconds, memory in bytes."""

    verdict: Verdict
    exit_code: int | None
    signal: int | None
    cpu_time: float
    wall_time: float
    peak_memory: int
    memory_integral: float | None  # byte-seconds, trapezoid over real timestamps
    sampling: Sampling
    stdout: bytes = b""
    stderr: bytes = b""
    output_truncated: bool = False
    instructions: int | None = None
    instruction_source: str | None = None  # "perf", "valgrind", "qemu" or None
    uncounted: str = ""  # why a counting run gave no count (the program tampered with the counter, ...)
    child_instructions: tuple[int, ...] = ()  # per child of the top process (a counting zygote: per test)
    monitor_cpu_time: float = 0.0
    setup_time: float = 0.0  # wall time spent creating the sandbox before the program started
    message: str = ""
    guarantees: Guarantees = field(default_factory=Guarantees)

    @classmethod
    def infrastructure_error(cls, message: str) -> RunResult:
        """A run that did not happen because our side failed (IE): no figures, never the program's fault."""
        return cls(Verdict.IE, None, None, 0.0, 0.0, 0, None, Sampling(0, 0, 0.0, 0.0), message=message)

    @property
    def stdout_text(self) -> str:
        return self.stdout.decode("utf-8", errors="replace")

    @property
    def stderr_text(self) -> str:
        return self.stderr.decode("utf-8", errors="replace")

    def to_dict(self, output_chars: int = 4096) -> dict[str, Any]:
        """A JSON-ready view; output is decoded (invalid UTF-8 replaced) and truncated."""
        data: dict[str, Any] = {
            "verdict": self.verdict.value,
            "exit_code": self.exit_code,
            "signal": self.signal,
            "cpu_time": self.cpu_time,
            "wall_time": self.wall_time,
            "peak_memory": self.peak_memory,
            "memory_integral": self.memory_integral,
            "sampling": vars(self.sampling),
            "instructions": self.instructions,
            "instruction_source": self.instruction_source,
            "uncounted": self.uncounted,
            "monitor_cpu_time": self.monitor_cpu_time,
            "setup_time": self.setup_time,
            "output_truncated": self.output_truncated,
            "stdout": self.stdout_text[:output_chars],
            "stderr": self.stderr_text[:output_chars],
            "message": self.message,
            "guarantees_missing": self.guarantees.missing(),
        }
        return data


def run_result_from_dict(data: dict[str, Any]) -> RunResult:
    """The inverse of `RunResult.to_dict` (output as text, already truncated by it)."""
    missing = set(data.get("guarantees_missing", ()))
    guarantees = Guarantees(**{f.name: f.name not in missing for f in fields(Guarantees)})
    return RunResult(
        verdict=Verdict(data["verdict"]),
        exit_code=data.get("exit_code"),
        signal=data.get("signal"),
        cpu_time=float(data.get("cpu_time", 0.0)),
        wall_time=float(data.get("wall_time", 0.0)),
        peak_memory=int(data.get("peak_memory", 0)),
        memory_integral=data.get("memory_integral"),
        sampling=Sampling(
            **data.get("sampling", {"requested_hz": 0, "samples": 0, "achieved_hz": 0.0, "max_gap": 0.0})
        ),
        stdout=str(data.get("stdout", "")).encode(),
        stderr=str(data.get("stderr", "")).encode(),
        output_truncated=bool(data.get("output_truncated", False)),
        instructions=data.get("instructions"),
        instruction_source=data.get("instruction_source"),
        uncounted=str(data.get("uncounted", "")),
        monitor_cpu_time=float(data.get("monitor_cpu_time", 0.0)),
        setup_time=float(data.get("setup_time", 0.0)),
        message=str(data.get("message", "")),
        guarantees=guarantees,
    )
