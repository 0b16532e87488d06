"""Remove what runs of dead processes left behind: their cgroups and scratch directories.

A run cleans up after itself. A judge worker killed in the middle of a run (kill -9 of a
service worker, a Ray actor that dies) cannot: the run's measuring helper dies with it
(PR_SET_PDEATHSIG) and the program with the helper, but the run's empty cgroup and its scratch
directory stay. Both names carry the PID of the process that made them; `sweep_stale` removes
those whose process is gone. Workers call it when they start.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from afterburner.core.errors import AfterburnerError
from afterburner.sandbox.cgroups import CgroupHost

_RUN = re.compile(r"^run-(\d+)-")
_SCRATCH = re.compile(r"^afterburner-run-(\d+)-")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class Swept:
    cgroups: int = 0
    scratch: int = 0


def _remove_cgroup(directory: Path) -> bool:
    procs = directory / "cgroup.procs"
    for _ in range(500):
        try:
            pids = [int(p) for p in procs.read_text().split()]
        except OSError:
            pids = []
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        try:
            directory.rmdir()
            return True
        except FileNotFoundError:
            return False
        except OSError:
            time.sleep(0.002)
    return False


def _stale(entries: list[Path], pattern: re.Pattern[str]) -> list[Path]:
    found = []
    for entry in entries:
        match = pattern.match(entry.name)
        if match and int(match.group(1)) != os.getpid() and not _alive(int(match.group(1))):
            found.append(entry)
    return found


def sweep_stale() -> Swept:
    """Remove run cgroups and scratch directories whose creating process no longer exists."""
    cgroups = 0
    try:
        bases = list(CgroupHost.detect().bases.values())
    except (AfterburnerError, OSError):
        bases = []
    for base in bases:
        with contextlib.suppress(OSError):
            cgroups += sum(_remove_cgroup(d) for d in _stale([p for p in base.iterdir() if p.is_dir()], _RUN))
    scratch = 0
    root = Path(tempfile.gettempdir())
    with contextlib.suppress(OSError):
        for directory in _stale([p for p in root.iterdir() if p.is_dir()], _SCRATCH):
            shutil.rmtree(directory, ignore_errors=True)
            scratch += 1
    return Swept(cgroups, scratch)
