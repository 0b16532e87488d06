"""Shared fixtures: an isolated cache per test session, and a check that runs leave nothing behind.

What a run left behind (`leftovers`) is judged against a `Snapshot` taken before it, on a machine
that other sessions share: their shells, test runs and sandboxes come and go meanwhile.

A process is new when its (pid, start time) pair is not in the snapshot (a reused pid is a new
process). A new process is ours, whatever its uid, when

1. its ancestry reaches this test process (a child, a grandchild, a zombie never reaped), or
2. it is in one of this process's per-run cgroups (`run-<our pid>-*`, any controller), or
3. its environment holds this session's token (`SESSION_VARIABLE`, inherited from us; it stays
   when the process detaches or is orphaned, wherever it is re-parented), or
4. it was adopted and looks like a piece of a sandbox: its parent is pid 1 or an ancestor of this
   test process (the only places the kernel re-parents an orphan of ours: the nearest subreaper
   above the process that died, else init), and it has the sandbox uid (real, effective, saved or
   filesystem), or is bubblewrap or the monitor helper (by command line, or by name once a
   zombie), or lives in a nested pid namespace. Its new descendants that look so count too.
   Unless another session claims it: it is in another pid's `run-<pid>-*` cgroup, its command
   line names another pid's run scratch, or its session leader is alive and is not this process,
   one of its ancestors, one of ours or itself (another shell's session: a concurrent
   `afterburner` probing the host leaves such a bubblewrap zombie to init).

Never counted: processes of the snapshot, kernel threads, and new processes that fit none of
these (another user's editor, another session's pytest with its monitors and sandboxes: they hang
below that pytest, which is neither us nor init nor our ancestor).

Besides processes: this process's per-run cgroups in every mounted hierarchy (v1 and v2), and
watched paths (a case's canary) that exist. In the temp dir, a new entry counts when this process
created it (an audit hook sees every mkdir and creating open: run scratch, compile scratch
`afterburner-build-*`, anything else), or when it is named `afterburner-run-<our pid>-*`. A new
entry that another process made counts only when it belongs to the sandbox uid (what an escaped
program would leave) and has stayed `PERSIST` seconds unnamed by any live process's command line
(a concurrent session's run owns its compile scratch, `--bind DIR /out`, while it runs). Never
counted: another session's compile scratch (the name carries no pid: that session's own check
answers for it), another pid's run scratch, the core leases' lock directory.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from afterburner.sandbox.isolation import SANDBOX_UID

PERSIST = 1.0  # seconds a temp entry of the sandbox uid that we did not create must stay to count
POLL = 0.05
SANDBOX_PROGRAMS = ("bwrap", "afterburner-mon")  # a zombie keeps only its name: 15 characters
RUN_CGROUP = re.compile(r"^run-(\d+)-")
RUN_SCRATCH = re.compile(r"afterburner-run-(\d+)-")
KERNEL_THREADS = 2  # kthreadd, the parent of every kernel thread
SESSION_VARIABLE = "AFTERBURNER_TEST_SESSION"
SESSION = f"{os.getpid()}-{secrets.token_hex(8)}"
os.environ[SESSION_VARIABLE] = SESSION  # every process started from this session inherits it

_created: set[str] = set()  # names of the temp dir's entries this process created


def _note_creation(event: str, args: tuple[Any, ...]) -> None:
    """An audit hook: note the temp dir entries this process creates, however (mkdir, open)."""
    if event not in ("os.mkdir", "open"):
        return
    try:
        path, _mode, last = args[:3]
        mkdir = event == "os.mkdir" and last in (None, -1)  # not relative to a dir_fd
        creating_open = event == "open" and isinstance(last, int) and last & os.O_CREAT
        if (mkdir or creating_open) and isinstance(path, str | bytes | os.PathLike):
            full = os.path.abspath(os.fsdecode(path))
            if os.path.dirname(full) == tempfile.tempdir:  # not gettempdir(): its first call creates files
                _created.add(os.path.basename(full))
    except Exception:  # never in the way of the operation audited
        pass


tempfile.gettempdir()  # sets tempfile.tempdir, before the hook is there to see its probe files
sys.addaudithook(_note_creation)


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Compiled programs are cached across tests of one session, never across sessions.
    os.environ["AFTERBURNER_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield


@pytest.fixture(scope="session", autouse=True)
def _host_probed(_cache_dir: None) -> None:
    """Probe the host once, before any test takes its snapshot.

    The probe runs bubblewrap directly, and bubblewrap leaves the init of its pid namespace to
    the host's init as a zombie, which init reaps within a few seconds: left in the first run, it
    would count as that run's leftover (rule 4), though no run made it.
    """
    from afterburner.sandbox.host import probe

    with contextlib.suppress(Exception):  # a host without a sandbox: the tests that need one say so
        probe()


@dataclass(frozen=True)
class Proc:
    """One process as /proc shows it; the details past `session` are read for new processes only."""

    pid: int
    ppid: int
    start: int  # clock ticks after boot: with the pid, it names one process for good
    name: str = ""
    session: int = 0  # the pid of its session leader
    uids: frozenset[int] = frozenset()
    command: tuple[str, ...] = ()
    cgroups: tuple[str, ...] = ()
    pid_ns_depth: int = 1
    token: str = ""  # SESSION_VARIABLE in its environment


@dataclass(frozen=True)
class Snapshot:
    """What existed before a case: only what is new since then can be its leftover."""

    processes: frozenset[tuple[int, int]]  # (pid, start time)
    cgroups: frozenset[str]
    temp: frozenset[tuple[str, int]]  # (name, inode) of the temp dir's entries


def _text(path: str) -> str:
    try:
        with open(path, "rb") as f:
            return f.read().decode(errors="replace")
    except OSError:  # the process ended meanwhile, or does not show this file
        return ""


def _proc(pid: int, details: bool) -> Proc | None:
    stat = _text(f"/proc/{pid}/stat")
    name, _, rest = stat.partition("(")[2].rpartition(")")  # the name may hold spaces and ')'
    fields = rest.split()
    try:
        ppid, session, start = int(fields[1]), int(fields[3]), int(fields[19])
    except (IndexError, ValueError):
        return None
    if not details:
        return Proc(pid, ppid, start, name, session)
    status = dict(line.split(":", 1) for line in _text(f"/proc/{pid}/status").splitlines() if ":" in line)
    environment = dict(v.split("=", 1) for v in _text(f"/proc/{pid}/environ").split("\0") if "=" in v)
    return Proc(
        pid,
        ppid,
        start,
        name,
        session,
        uids=frozenset(int(uid) for uid in status.get("Uid", "").split()),
        command=tuple(arg for arg in _text(f"/proc/{pid}/cmdline").split("\0") if arg),
        cgroups=tuple(line.split(":", 2)[-1] for line in _text(f"/proc/{pid}/cgroup").splitlines()),
        pid_ns_depth=max(1, len(status.get("NSpid", "").split())),
        token=environment.get(SESSION_VARIABLE, ""),
    )


def _process_table(known: frozenset[tuple[int, int]] | None) -> dict[int, Proc]:
    """Every process; with its details unless it is `known` (None: all are)."""
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            pid = int(entry)
            proc = _proc(pid, details=False)
            if proc is not None and known is not None and (pid, proc.start) not in known:
                proc = _proc(pid, details=True)
            if proc is not None:
                table[pid] = proc
    return table


def _claimed_elsewhere(proc: Proc, me: int) -> bool:
    """Another run's cgroup or scratch: that run's owner answers for it."""
    parts = [part for path in proc.cgroups for part in path.split("/")]
    runs = [int(m[1]) for part in parts if (m := RUN_CGROUP.match(part))]
    runs += [int(m[1]) for arg in proc.command for m in RUN_SCRATCH.finditer(arg)]
    return any(pid != me for pid in runs)


def _in_our_run(proc: Proc, me: int) -> bool:
    return any(f"/run-{me}-" in f"{path}/" for path in proc.cgroups)


def _looks_sandboxed(proc: Proc, own_ns_depth: int) -> bool:
    program = os.path.basename(proc.command[0]) if proc.command else proc.name
    return SANDBOX_UID in proc.uids or program.startswith(SANDBOX_PROGRAMS) or proc.pid_ns_depth > own_ns_depth


def ours(table: Mapping[int, Proc], before: frozenset[tuple[int, int]], me: int, token: str) -> dict[int, str]:
    """The new processes of `table` that this test process answers for, each with the rule that
    says so (see the module docstring). Only new processes need their details in `table`."""
    ancestors: set[int] = set()
    parent = table[me].ppid if me in table else 0
    while parent > 0 and parent not in ancestors:
        ancestors.add(parent)
        parent = table[parent].ppid if parent in table else 0
    adopters = ancestors | {1}
    own_ns_depth = table[me].pid_ns_depth if me in table else 1
    new = {
        pid
        for pid, proc in table.items()
        if (pid, proc.start) not in before and pid not in (me, KERNEL_THREADS) and proc.ppid != KERNEL_THREADS
    }

    def descends_from_us(pid: int) -> bool:
        seen = set()
        while pid in table and pid not in seen:
            seen.add(pid)
            pid = table[pid].ppid
            if pid == me:
                return True
        return False

    def adopted(pid: int) -> bool:
        """It looks sandboxed, and so does each new ancestor up to one that hangs below an adopter."""
        seen = set()
        while pid in new and pid not in seen and _looks_sandboxed(table[pid], own_ns_depth):
            seen.add(pid)
            if table[pid].ppid in adopters:
                return True
            pid = table[pid].ppid
        return False

    def foreign_session(proc: Proc) -> bool:
        """Its session leader lives, and is another shell or run: neither ours nor adopted."""
        leader = proc.session
        if leader not in table or leader in (proc.pid, me, *ancestors):
            return False
        return not descends_from_us(leader) and not adopted(leader)

    found = {}
    for pid in sorted(new):
        proc = table[pid]
        if descends_from_us(pid):
            found[pid] = "descends from the test process"
        elif _in_our_run(proc, me):
            found[pid] = "in a run cgroup of the test process"
        elif token and proc.token == token:
            found[pid] = "started from this test session"
        elif adopted(pid) and not _claimed_elsewhere(proc, me) and not foreign_session(proc):
            found[pid] = f"adopted by {proc.ppid}, looks sandboxed"
    return found


def _cgroup_mounts() -> list[Path]:
    mounts = []
    for line in _text("/proc/self/mountinfo").splitlines():
        left, _, right = line.partition(" - ")
        if right.split()[:1] in (["cgroup"], ["cgroup2"]):
            mounts.append(Path(left.split()[4]))
    return mounts


def _run_cgroups() -> set[str]:
    """This process's per-run cgroups, wherever they are, in every hierarchy."""
    prefix = f"run-{os.getpid()}-"
    found = set()
    for mount in _cgroup_mounts():
        for root, dirs, _files in os.walk(mount):
            for name in [d for d in dirs if d.startswith(prefix)]:
                found.add(os.path.join(root, name))
                dirs.remove(name)
    return found


def _temp_entries() -> dict[str, tuple[int, int]]:
    """name -> (inode, owner) of the temp dir's entries."""
    entries = {}
    with os.scandir(tempfile.gettempdir()) as scan:
        for entry in scan:
            with contextlib.suppress(FileNotFoundError):
                stat = entry.stat(follow_symlinks=False)
                entries[entry.name] = (stat.st_ino, stat.st_uid)
    return entries


def snapshot() -> Snapshot:
    """Everything that exists now; take it before the case (and after its fixtures)."""
    processes = frozenset((proc.pid, proc.start) for proc in _process_table(None).values())
    temp = frozenset((name, inode) for name, (inode, _uid) in _temp_entries().items())
    return Snapshot(processes, frozenset(_run_cgroups()), temp)


def _scan(before: Snapshot, watch: Iterable[Path]) -> tuple[set[str], set[str]]:
    """(leftovers, new temp entries that may still be a concurrent session's)."""
    me = os.getpid()
    table = _process_table(before.processes)
    found = {
        f"process {pid} ({why}): {' '.join(table[pid].command)[:300] or f'[{table[pid].name}]'}"
        for pid, why in ours(table, before.processes, me, SESSION).items()
    }
    found |= {f"cgroup {path}" for path in _run_cgroups() - before.cgroups}
    temp_dir = tempfile.gettempdir()
    unattributed: dict[str, str] = {}  # what to report -> the path
    for name, (inode, uid) in _temp_entries().items():
        if (name, inode) in before.temp or name.startswith("afterburner-cores-"):  # the lease locks stay
            continue
        path = os.path.join(temp_dir, name)
        run_scratch = RUN_SCRATCH.match(name)
        if name in _created or (run_scratch is not None and int(run_scratch[1]) == me):
            found.add(f"temp {path}")
        elif run_scratch is None and uid == SANDBOX_UID:
            unattributed[f"temp {path} (inode {inode}, of the sandbox uid)"] = path
    if unattributed:
        commands = "\0".join(
            " ".join(proc.command or _text(f"/proc/{pid}/cmdline").split("\0")) for pid, proc in table.items()
        )
        unattributed = {entry: path for entry, path in unattributed.items() if path not in commands}
    found |= {f"canary {path} exists" for path in watch if path.exists()}
    return found, set(unattributed)


def leftovers(before: Snapshot | None = None, watch: Iterable[Path] = ()) -> list[str]:
    """What is left behind now, compared with `before` (default: when the test session started).

    One look: a temp entry that may be another session's is listed too (`settled_leftovers`
    lists it only if it stays).
    """
    found, unattributed = _scan(before or _SESSION_START, list(watch))
    return sorted(found | unattributed)


def settled_leftovers(before: Snapshot, settle: float = 0.0, watch: Iterable[Path] = ()) -> list[str]:
    """Every leftover seen during `settle` seconds, so that what a case delays is caught too.

    Looks at once, then every `POLL` seconds until `settle` has passed, and while a temp entry that
    may be another session's is pending, until it has stayed `PERSIST` seconds (then it counts).
    """
    watch = list(watch)
    started = time.monotonic()
    found: set[str] = set()
    pending: dict[str, float] = {}  # entry -> first seen
    while True:
        now = time.monotonic()
        seen, unattributed = _scan(before, watch)
        found |= seen
        pending = {entry: pending.get(entry, now) for entry in unattributed}
        found |= {entry for entry, first in pending.items() if now - first >= PERSIST}
        if now - started >= settle and all(now - first >= PERSIST for first in pending.values()):
            return sorted(found)
        time.sleep(POLL)


_SESSION_START = snapshot()


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
    before = snapshot()
    yield
    assert settled_leftovers(before) == []
