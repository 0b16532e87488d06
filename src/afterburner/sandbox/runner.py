"""run(argv, files, limits, stdin) -> RunResult: one isolated, measured execution."""

from __future__ import annotations

import contextlib
import fcntl
import json
import math
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from afterburner.core.errors import SandboxFailure, SandboxUnavailable
from afterburner.core.limits import Limits
from afterburner.core.results import Guarantees, RunResult, Sampling
from afterburner.core.verdicts import Verdict
from afterburner.sandbox import host as host_probe
from afterburner.sandbox import qemu, valgrind
from afterburner.sandbox.cgroups import RunCgroup
from afterburner.sandbox.cores import CoreLease
from afterburner.sandbox.isolation import SANDBOX_UID, Mounts, bwrap_argv
from afterburner.sandbox.monitor_binary import monitor_path
from afterburner.sandbox.seccomp_filter import filter_fd

InstructionMode = Literal["off", "auto", "perf", "valgrind", "qemu"]
FileSource = bytes | str | Path
READY_FD = 4  # in the sandboxed child: bubblewrap's --info-fd, read by the monitor
HELPER_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}


@dataclass(frozen=True)
class SandboxOptions:
    """How to run, as opposed to what to allow (Limits)."""

    sample_hz: int = 10_000
    instructions: InstructionMode = "off"
    allow_degraded: bool = False  # run without a missing primitive, recording which guarantees hold
    pin_core: bool = True
    sample_log: Path | None = None  # write "t_ns bytes" memory samples here
    read_only: Sequence[str] = field(default_factory=tuple)  # extra runtime paths to show
    binds: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (host path, path inside), read-only
    env: Mapping[str, str] = field(default_factory=dict)


def _stage(files: Mapping[str, FileSource], directory: Path) -> None:
    """Put the run's files into a directory the unprivileged sandbox user can read."""
    for name, source in files.items():
        target = directory / name
        if target.resolve().parent != directory.resolve():
            raise SandboxFailure(f"file name {name!r} must be a plain name")
        if isinstance(source, Path):
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)
            mode = 0o755 if os.access(source, os.X_OK) else 0o644
        else:
            target.write_bytes(source.encode() if isinstance(source, str) else source)
            mode = 0o644
        with contextlib.suppress(PermissionError):  # a hard link to a file we do not own
            target.chmod(mode)


@contextlib.contextmanager
def _scratch() -> Iterator[Path]:
    directory = Path(tempfile.mkdtemp(prefix=f"afterburner-run-{os.getpid()}-"))
    try:
        directory.chmod(0o755)
        (directory / "box").mkdir(mode=0o755)
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _high_fd(fd: int) -> int:
    """Move an fd to 10 or above: the monitor places fds 3 and 4 of the child itself."""
    if fd >= 10:
        return fd
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


def _check_host(options: SandboxOptions) -> tuple[host_probe.HostSupport, Guarantees]:
    support = host_probe.probe()
    problems = support.problems()
    if problems and not options.allow_degraded:
        name, why = next(iter(problems.items()))
        raise SandboxUnavailable(f"{name}: {why}", "fix it, or pass --allow-degraded to run with weaker guarantees")
    cgroups = support.cgroups is not None
    guarantees = Guarantees(
        namespaces=support.bwrap is not None,
        seccomp=support.bwrap is not None and not support.seccomp_problem,
        cgroup_memory=cgroups,
        cgroup_pids=cgroups,
        cgroup_cpu=cgroups,
        cpu_pinning=support.cgroups is not None and support.cgroups.has_cpuset and options.pin_core,
        non_root=support.is_root or os.geteuid() != 0,
    )
    return support, guarantees


def run(
    argv: Sequence[str],
    files: Mapping[str, FileSource] | None = None,
    limits: Limits | None = None,
    stdin: bytes | str | Path | None = None,
    options: SandboxOptions | None = None,
    output_dir: Path | None = None,
) -> RunResult:
    """Run argv isolated; its files appear read-only in /box, its working directory is a tmpfs.

    `output_dir`, when given, is the only host directory the program may write (at /out):
    compilers use it. Candidate failures come back as verdicts; SandboxUnavailable and
    SandboxFailure mean the host or the sandbox failed.
    """
    limits = limits or Limits()
    options = options or SandboxOptions()
    if not argv:
        raise SandboxFailure("empty command")
    support, guarantees = _check_host(options)
    with _scratch() as scratch, contextlib.ExitStack() as stack:
        box = scratch / "box"
        _stage(files or {}, box)
        stdin_path = scratch / "stdin"
        if isinstance(stdin, Path):
            stdin_path = stdin
        else:
            stdin_path.write_bytes(stdin.encode() if isinstance(stdin, str) else (stdin or b""))
        lease = stack.enter_context(CoreLease.acquire()) if guarantees.cpu_pinning else None
        group = (
            stack.enter_context(support.cgroups.create_run(limits, lease.core if lease else None))
            if support.cgroups
            else None
        )
        if output_dir is not None and support.is_root:
            os.chown(output_dir, SANDBOX_UID, SANDBOX_UID)
        command = list(argv)
        binds: list[tuple[str, str]] = list(options.binds)
        if options.instructions == "valgrind":
            if support.valgrind is None:
                raise SandboxUnavailable("deterministic instruction counts need valgrind", "apt-get install valgrind")
            command = valgrind.valgrind_prefix(support.valgrind, valgrind.log_fd(limits)) + command
        elif options.instructions == "qemu":
            counter = qemu.counter()
            command = counter.prefix(valgrind.log_fd(limits), percpu=True) + command
            # A copy in the run's scratch: the cache may be private to us, the sandbox user must read it.
            plugin = scratch / "count.so"
            shutil.copyfile(counter.plugin, plugin)
            plugin.chmod(0o644)
            binds.append((str(plugin), qemu.PLUGIN_INSIDE))
        pass_fds: list[int] = []
        if support.bwrap:
            seccomp_fd = _high_fd(filter_fd()) if guarantees.seccomp else None
            if seccomp_fd is not None:
                stack.callback(os.close, seccomp_fd)
                pass_fds = [seccomp_fd]
            shown = (*options.read_only, *(valgrind.PATHS if options.instructions == "valgrind" else ()))
            mounts = Mounts(box=box, output_dir=output_dir, read_only=shown, binds=binds)
            command = bwrap_argv(support.bwrap, command, mounts, limits, options.env, seccomp_fd, READY_FD)
        monitor = _monitor_argv(scratch, stdin_path, limits, options, group, lease, support, pass_fds)
        report = _spawn(monitor + command, pass_fds, limits)
        started = support.bwrap is None or report["ready"]
        # Read the cgroup's figures before the stack removes it (kills leftovers, rmdir).
        return _result(report, scratch, limits, options, group, guarantees, started)


def _monitor_argv(
    scratch: Path,
    stdin_path: Path,
    limits: Limits,
    options: SandboxOptions,
    group: RunCgroup | None,
    lease: CoreLease | None,
    support: host_probe.HostSupport,
    pass_fds: Sequence[int],
) -> list[str]:
    args = [
        str(monitor_path()),
        "--hz",
        str(options.sample_hz),
        "--stdin",
        str(stdin_path),
        "--stdout",
        str(scratch / "stdout"),
        "--stderr",
        str(scratch / "stderr"),
        "--cpu-limit-ns",
        str(int(limits.cpu_time * 1e9)),
        "--wall-limit-ns",
        str(int(limits.effective_wall_time * 1e9)),
        "--output-limit",
        str(limits.output),
        # Backstops only; the cgroup and the monitor enforce the real limits.
        "--rlimit-cpu",
        str(math.ceil(limits.cpu_time) + 1),
        "--rlimit-fsize",
        str(limits.file_size),
        "--rlimit-nofile",
        str(limits.open_files),
    ]
    if options.instructions in ("valgrind", "qemu"):
        args += ["--aux", str(scratch / "aux"), "--aux-fd", str(valgrind.log_fd(limits))]
    if options.instructions == "qemu":  # the same addresses every run: counts identical run to run
        args += ["--no-aslr", "1"]
    if options.instructions in ("auto", "perf"):
        args += ["--perf", "1"]
    if support.is_root:
        args += ["--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID)]
    if support.bwrap:  # bubblewrap reports on this fd once the sandbox exists: the program's clock starts
        args += ["--ready-fd", str(READY_FD)]
    if group is not None:
        for path in group.join_files:
            args += ["--join", str(path)]
        args += ["--mem-file", str(group.memory_usage_file), "--cpu-file", str(group.cpu_usage_file)]
        args += ["--cpu-format", f"v{group.version}", "--procs-file", str(group.procs_file)]
        if group.kill_file is not None:
            args += ["--kill-file", str(group.kill_file)]
    if lease is not None and lease.others:
        args += ["--monitor-cpus", ",".join(map(str, lease.others))]
    args += ["--parent", str(os.getpid())]  # the helper's parent: it exits at once if that is gone
    if options.sample_log is not None:
        args += ["--log", str(options.sample_log)]
    for fd in pass_fds:
        args += ["--keep-fd", str(fd)]
    return [*args, "--"]


def _spawn(argv: Sequence[str], pass_fds: Sequence[int], limits: Limits) -> dict[str, Any]:
    try:
        done = subprocess.run(
            argv,
            env=HELPER_ENV,  # bubblewrap's pid 1 is visible inside: it must carry no host secrets
            pass_fds=tuple(pass_fds),
            capture_output=True,
            timeout=limits.effective_wall_time + 30,
            start_new_session=True,
        )
    except subprocess.TimeoutExpired as error:
        raise SandboxFailure("the measuring helper hung past the wall limit") from error
    try:
        report: dict[str, Any] = json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise SandboxFailure(f"the measuring helper failed: {done.stdout!r} {done.stderr!r}") from error
    if not report.get("ok"):
        raise SandboxFailure(f"the measuring helper failed: {report.get('error')}")
    return report


def _read_capture(path: Path, limit: int) -> bytes:
    if not path.exists():
        return b""
    with path.open("rb") as handle:
        return handle.read(limit)


def _classify(report: dict[str, Any], oom: bool, started: bool) -> tuple[Verdict, int | None, int | None, str]:
    exit_code: int | None = report["exit_code"] if report["exited"] else None
    sig: int | None = report["signal"] or None
    if report["exec_errno"]:
        return Verdict.IE, None, None, f"cannot start the sandbox: {os.strerror(report['exec_errno'])}"
    if not started:
        return Verdict.IE, exit_code, sig, "the sandbox failed to set up"
    # bubblewrap reports a program killed by signal N as exit code 128 + N.
    if exit_code is not None and 128 < exit_code <= 128 + 64:
        sig = exit_code - 128
    killed_by = report["killed_by"]
    if killed_by in ("cpu", "wall") or sig == signal.SIGXCPU:
        reason = "CPU" if killed_by == "cpu" or sig == signal.SIGXCPU else "wall"
        return Verdict.TLE, exit_code, sig, f"{reason} time limit exceeded"
    if oom:
        return Verdict.MLE, exit_code, sig, "memory limit exceeded"
    if killed_by == "output" or sig == signal.SIGXFSZ:
        return Verdict.OLE, exit_code, sig, "output or file size limit exceeded"
    if sig is not None:
        return Verdict.RTE, exit_code, sig, f"killed by signal {signal.Signals(sig).name}"
    if exit_code:
        return Verdict.RTE, exit_code, sig, f"exit code {exit_code}"
    return Verdict.OK, exit_code, sig, ""


def _result(
    report: dict[str, Any],
    scratch: Path,
    limits: Limits,
    options: SandboxOptions,
    group: RunCgroup | None,
    guarantees: Guarantees,
    started: bool,
) -> RunResult:
    oom = group.oom_killed() if group else False
    verdict, exit_code, sig, message = _classify(report, oom, started)
    wall = report["wall_ns"] / 1e9
    if group is not None:
        cpu = report["cpu_ns"] / 1e9
        peak = group.peak_memory()
        integral: float | None = report["integral_byte_ns"] / 1e9
        if peak < 0:  # no high-water mark (cgroup v2 before memory.peak): the sampled maximum, said so
            peak = int(report["peak_sampled"])
            guarantees = replace(guarantees, exact_peak=False)
    else:  # degraded: rusage of the direct child and its waited-for descendants
        cpu = report["child_cpu_ns"] / 1e9
        peak = report["child_maxrss_kb"] * 1024
        integral = None
        guarantees = replace(guarantees, exact_peak=False)
    span = report["sample_span_ns"] / 1e9
    samples = report["samples"]
    sampling = Sampling(
        requested_hz=options.sample_hz,
        samples=samples,
        achieved_hz=(samples - 1) / span if span > 0 else 0.0,
        max_gap=report["max_gap_ns"] / 1e9,
    )
    stdout = _read_capture(scratch / "stdout", limits.output)
    stderr = _read_capture(scratch / "stderr", limits.output)
    instructions, source, uncounted = None, None, ""
    children: tuple[int, ...] = ()
    if options.instructions == "valgrind":
        instructions, source = valgrind.parse_instructions(_read_capture(scratch / "aux", 4 << 20)), "valgrind"
    elif options.instructions == "qemu":
        counted = qemu.parse_report(_read_capture(scratch / "aux", 4 << 20))
        instructions, source, uncounted, children = counted.instructions, "qemu", counted.reason, counted.children
    elif report["instructions"] >= 0:
        instructions, source = report["instructions"], "perf"
    elif options.instructions == "perf":
        raise SandboxUnavailable(
            f"hardware instruction counters are unavailable: {os.strerror(report['perf_errno'])}",
            "use --instructions valgrind for deterministic counts",
        )
    return RunResult(
        verdict=verdict,
        exit_code=exit_code,
        signal=sig,
        cpu_time=cpu,
        wall_time=wall,
        peak_memory=peak,
        memory_integral=integral,
        sampling=sampling,
        stdout=stdout,
        stderr=stderr,
        output_truncated=report["stdout_bytes"] + report["stderr_bytes"] > limits.output,
        instructions=instructions if instructions is None or instructions >= 0 else None,
        instruction_source=source if instructions is not None else None,
        uncounted=uncounted,
        child_instructions=children,
        monitor_cpu_time=report["monitor_cpu_ns"] / 1e9,
        setup_time=report["setup_ns"] / 1e9,
        message=message,
        guarantees=guarantees,
    )
