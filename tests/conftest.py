"""Shared fixtures: an isolated cache per test session, and a check that runs leave nothing behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from afterburner.sandbox.isolation import SANDBOX_UID


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Compiled programs are cached across tests of one session, never across sessions.
    os.environ["AFTERBURNER_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (FileNotFoundError, IndexError, ValueError):
        return 0


def _ours(pid: int) -> bool:
    """Started by this test process, or orphaned to init (where an escaped process would land)."""
    parent = _parent(pid)
    if parent == 1:
        return True
    while parent > 1:
        if parent == os.getpid():
            return True
        parent = _parent(parent)
    return False


def sandbox_processes() -> list[int]:
    """Pids of processes running as the sandbox uid that this test session is answerable for."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == SANDBOX_UID and _ours(int(entry.name)):
                    found.append(int(entry.name))
            except FileNotFoundError:
                pass
    return found


def leftovers() -> list[str]:
    """Anything a finished run left behind: processes, per-run cgroups, scratch directories."""
    from afterburner.sandbox import host

    found = [f"process {pid}" for pid in sandbox_processes()]
    cgroups = host.probe().cgroups
    if cgroups is not None:
        for base in cgroups.bases.values():
            found += [f"cgroup {p}" for p in base.glob(f"run-{os.getpid()}-*")]
    found += [f"scratch {p}" for p in Path(tempfile.gettempdir()).glob(f"afterburner-run-{os.getpid()}-*")]
    return found


@pytest.fixture(autouse=True)
def _all_cores_back() -> Iterator[None]:
    """A local model pins the whole process to the host cores; give later tests every core back."""
    yield
    from afterburner.sandbox.cores import all_cores

    for task in Path("/proc/self/task").iterdir():
        with contextlib.suppress(OSError):  # the thread ended meanwhile
            os.sched_setaffinity(int(task.name), all_cores())


@pytest.fixture
def no_leftovers() -> Iterator[None]:
    yield
    assert leftovers() == []
