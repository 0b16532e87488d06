"""Per-run cgroups on cgroup v1 or v2, detected at run time.

A run gets fresh cgroups for memory (limit, exact peak, OOM count), pids (task limit),
CPU accounting and cpuset pinning. Python creates and removes them; the C monitor makes
the child join them before it execs, so every task of the run is inside from the start.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import secrets
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from afterburner.core.errors import SandboxFailure, SandboxUnavailable
from afterburner.core.limits import Limits

REQUIRED_V1 = ("memory", "cpuacct", "pids")
GROUP_NAME = "afterburner"
_counter = itertools.count()


def _mount_points() -> tuple[dict[str, Path], Path | None]:
    """Mount point of each v1 controller, and of the v2 hierarchy if any."""
    v1: dict[str, Path] = {}
    v2: Path | None = None
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        left, _, right = line.partition(" - ")
        mount_point = Path(left.split()[4])
        fstype, _source, options = [*right.split(), "", ""][:3]
        if fstype == "cgroup2":
            v2 = mount_point
        elif fstype == "cgroup":
            for option in options.split(","):
                v1.setdefault(option, mount_point)
    return v1, v2


def _own_paths() -> dict[str, str]:
    """This process's cgroup path per v1 controller ('' key for v2)."""
    paths: dict[str, str] = {}
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _hid, controllers, path = line.split(":", 2)
        for controller in controllers.split(",") if controllers else [""]:
            paths[controller] = path
    return paths


def _write(path: Path, value: str) -> None:
    path.write_text(value)


@dataclass
class CgroupHost:
    """Where this process may create per-run cgroups, and which controllers it has."""

    version: int
    bases: dict[str, Path]  # controller -> directory that holds our run cgroups (v2: key "")
    has_cpuset: bool

    @classmethod
    def detect(cls) -> CgroupHost:
        v1_mounts, v2_mount = _mount_points()
        own = _own_paths()
        try:
            if all(c in v1_mounts for c in REQUIRED_V1):
                return cls._prepare_v1(v1_mounts, own)
            if v2_mount and {"memory", "pids", "cpu"} <= set((v2_mount / "cgroup.controllers").read_text().split()):
                return cls._prepare_v2(v2_mount, own.get("", "/"))
        except OSError as error:
            raise SandboxUnavailable(
                f"cannot create cgroups: {error}",
                "run as root, or in a cgroup delegated to you (systemd-run --user -p Delegate=yes)",
            ) from error
        raise SandboxUnavailable(
            "no usable cgroup hierarchy (need memory, pids and cpu accounting controllers)",
            "mount cgroups v1 or v2 with those controllers, or pass --allow-degraded",
        )

    @classmethod
    def _prepare_v1(cls, mounts: dict[str, Path], own: dict[str, str]) -> CgroupHost:
        controllers = [*REQUIRED_V1, *(["cpuset"] if "cpuset" in mounts else [])]
        bases: dict[str, Path] = {}
        for controller in controllers:
            parent = mounts[controller] / own.get(controller, "/").lstrip("/")
            base = parent / GROUP_NAME
            base.mkdir(exist_ok=True)
            if controller == "cpuset":  # a v1 cpuset child starts empty: copy the parent's sets
                for name in ("cpuset.cpus", "cpuset.mems"):
                    if not (base / name).read_text().strip():
                        _write(base / name, (parent / name).read_text().strip())
            bases[controller] = base
        return cls(version=1, bases=bases, has_cpuset="cpuset" in bases)

    @classmethod
    def _prepare_v2(cls, mount: Path, own_path: str) -> CgroupHost:
        parent = mount / own_path.lstrip("/")
        available = set((parent / "cgroup.controllers").read_text().split())
        wanted = [c for c in ("memory", "pids", "cpu", "cpuset") if c in available]
        enable = " ".join(f"+{c}" for c in wanted)
        base = parent / GROUP_NAME
        base.mkdir(exist_ok=True)
        # Fails with EBUSY when our own cgroup holds processes and is not the root
        # (the v2 no-internal-process rule): then a delegated cgroup is needed.
        _write(parent / "cgroup.subtree_control", enable)
        _write(base / "cgroup.subtree_control", enable)
        return cls(version=2, bases={"": base}, has_cpuset="cpuset" in wanted)

    def create_run(self, limits: Limits, cpu: int | None) -> RunCgroup:
        name = f"run-{os.getpid()}-{next(_counter)}-{secrets.token_hex(3)}"
        dirs = {controller: base / name for controller, base in self.bases.items()}
        group = RunCgroup(version=self.version, dirs=dirs)
        try:
            for directory in dirs.values():
                directory.mkdir()
                group.created.append(directory)
            group.configure(limits, cpu if self.has_cpuset else None)
        except OSError as error:
            group.close()
            raise SandboxFailure(f"cannot set up the run's cgroup: {error}") from error
        return group


@dataclass
class RunCgroup:
    """The cgroup(s) of one run. A context manager: leaving it kills every task and removes them."""

    version: int
    dirs: dict[str, Path]
    created: list[Path] = field(default_factory=list)

    def _dir(self, controller: str) -> Path:
        return self.dirs[""] if self.version == 2 else self.dirs[controller]

    def configure(self, limits: Limits, cpu: int | None) -> None:
        if self.version == 1:
            memory = self._dir("memory")
            _write(memory / "memory.limit_in_bytes", str(limits.memory))
            swap_limit = memory / "memory.memsw.limit_in_bytes"
            if swap_limit.exists():
                _write(swap_limit, str(limits.memory))
            _write(self._dir("pids") / "pids.max", str(limits.processes))
        else:
            group = self.dirs[""]
            _write(group / "memory.max", str(limits.memory))
            if (group / "memory.swap.max").exists():
                _write(group / "memory.swap.max", "0")
            _write(group / "pids.max", str(limits.processes))
        if self.version == 1 and "cpuset" in self.dirs:  # v1 cpusets start empty: fill both sets
            cpuset = self.dirs["cpuset"]
            for name in ("cpuset.mems", "cpuset.cpus"):
                _write(cpuset / name, (cpuset.parent / name).read_text().strip())
        if cpu is not None:
            _write(self._dir("cpuset") / "cpuset.cpus", str(cpu))

    @property
    def join_files(self) -> list[Path]:
        return [directory / "cgroup.procs" for directory in self.dirs.values()]

    @property
    def memory_usage_file(self) -> Path:
        name = "memory.usage_in_bytes" if self.version == 1 else "memory.current"
        return self._dir("memory") / name

    @property
    def cpu_usage_file(self) -> Path:
        return self._dir("cpuacct") / "cpuacct.usage" if self.version == 1 else self.dirs[""] / "cpu.stat"

    @property
    def procs_file(self) -> Path:
        return self._dir("memory") / "cgroup.procs"

    @property
    def kill_file(self) -> Path | None:
        path = self.dirs.get("", Path("/nonexistent")) / "cgroup.kill"
        return path if self.version == 2 and path.exists() else None

    def peak_memory(self) -> int:
        name = "memory.max_usage_in_bytes" if self.version == 1 else "memory.peak"
        path = self._dir("memory") / name
        return int(path.read_text()) if path.exists() else -1

    def oom_killed(self) -> bool:
        name = "memory.oom_control" if self.version == 1 else "memory.events"
        for line in (self._dir("memory") / name).read_text().splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill" and int(value) > 0:
                return True
        return False

    def pids(self) -> list[int]:
        try:
            return [int(p) for p in self.procs_file.read_text().split()]
        except FileNotFoundError:
            return []

    def kill_all(self, timeout: float = 5.0) -> None:
        """SIGKILL every task until the cgroup is empty."""
        deadline = time.monotonic() + timeout
        while pids := self.pids():
            for pid in pids:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            if time.monotonic() > deadline:
                raise SandboxFailure(f"processes {pids} survived the run's end")
            time.sleep(0.002)

    def close(self) -> None:
        self.kill_all()
        for directory in reversed(self.created):
            for _attempt in range(500):  # the kernel frees a dead task's cgroup asynchronously
                try:
                    directory.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.002)
            else:
                raise SandboxFailure(f"cannot remove cgroup {directory}")
        self.created.clear()

    def __enter__(self) -> RunCgroup:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
