"""Resource limits of one sandboxed run, validated on construction."""

from __future__ import annotations

from dataclasses import dataclass, replace

from afterburner.core.errors import UsageError

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Limits of one run. Times in seconds, sizes in bytes."""

    cpu_time: float = 5.0
    wall_time: float = 0.0  # 0 = derived: 2 x cpu_time + 1 s
    memory: int = 512 * MiB
    processes: int = 64  # tasks (processes and threads) in the run's cgroup
    output: int = 16 * MiB  # stdout + stderr together
    file_size: int = 16 * MiB  # largest file the program may write
    work_dir: int = 64 * MiB  # size cap of the private writable tmpfs
    open_files: int = 256

    def __post_init__(self) -> None:
        checks = [
            (0 < self.cpu_time <= 3600, "CPU time limit must be in (0, 3600] seconds"),
            (0 <= self.wall_time <= 7200, "wall time limit must be in [0, 7200] seconds"),
            (4 * MiB <= self.memory <= 64 * 1024 * MiB, "memory limit must be 4 MB .. 64 GB"),
            (1 <= self.processes <= 4096, "process limit must be 1 .. 4096"),
            (0 < self.output <= 4096 * MiB, "output limit must be 1 byte .. 4 GB"),
            (0 < self.file_size <= 4096 * MiB, "file size limit must be 1 byte .. 4 GB"),
            (MiB <= self.work_dir <= 16 * 1024 * MiB, "work directory size must be 1 MB .. 16 GB"),
            (16 <= self.open_files <= 65536, "open files limit must be 16 .. 65536"),
        ]
        for ok, message in checks:
            if not ok:
                raise UsageError(message, "pass a value in range")

    @property
    def effective_wall_time(self) -> float:
        return self.wall_time or 2 * self.cpu_time + 1.0

    def with_(self, **changes: float | int) -> Limits:
        return replace(self, **changes)  # type: ignore[arg-type]


# Compilers need more room than solutions, and their own limits.
COMPILE_LIMITS = Limits(
    cpu_time=60.0,
    wall_time=90.0,
    memory=2048 * MiB,
    processes=256,
    output=1 * MiB,
    file_size=256 * MiB,
    work_dir=1024 * MiB,
    open_files=1024,
)
