"""Golden hostile programs: each must be contained, and leave nothing behind.

A case is a TOML file in cases/: the program, its language, the verdicts allowed, and
what must not happen. Placeholders in the source are filled by fixtures the test sets up
on the host: {secret_path} (a file holding {secret}), {canary_path} (a host path that must
not come into existence), {port} (a loopback TCP server that must see no connection).
The fixtures are within the sandbox uid's reach on the host (the secret is world-readable in a
world-writable directory of the host's temp dir, the host process to kill runs as the sandbox
uid), so that only the sandbox (its own view of the file system, its pid and network namespaces)
keeps them safe: a case that would pass without the sandbox proves nothing.

After the run, nothing may be left (`tests.conftest` says what counts): the check keeps looking
for `settle` seconds (default 0), so that a case that delays its harm (a daemon that wakes up
later) is caught.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from afterburner.core.limits import Limits, MiB
from afterburner.judge.compiler import compile_source
from afterburner.languages import get_language
from afterburner.sandbox.isolation import SANDBOX_UID
from tests import conftest
from tests.conftest import Proc, leftovers, ours, settled_leftovers, snapshot

CASES = sorted(Path(__file__).parent.joinpath("cases").glob("*.toml"))
CASE_KEYS = {
    "language",
    "source",
    "expect",
    "stdin",
    "cpu_time",
    "wall_time",
    "memory_mb",
    "output_limit",
    "stdout_contains",
    "stdout_lacks",
    "max_cpu_time",
    "settle",
}
IS_ROOT = os.geteuid() == 0


@dataclass
class HostFixtures:
    secret: str
    secret_path: Path
    canary_path: Path
    port: int
    connections: list[str]
    sleeper: subprocess.Popen[bytes]


def _as_sandbox_uid() -> dict[str, Any]:
    """Popen arguments to run as the sandbox uid (as root; otherwise the sandbox maps to us)."""
    return {"user": SANDBOX_UID, "group": SANDBOX_UID, "extra_groups": []} if IS_ROOT else {}


@pytest.fixture
def host_fixtures() -> Iterator[HostFixtures]:
    home = Path(tempfile.mkdtemp(prefix="security-host-"))
    home.chmod(0o777)  # the sandbox uid could write the canary here, and replace the secret
    secret = secrets.token_hex(16)
    secret_path = home / "secret.txt"
    secret_path.write_text(secret)
    secret_path.chmod(0o644)  # even world-readable, it must stay invisible
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    connections: list[str] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, peer = server.accept()
                connections.append(str(peer))
                conn.close()
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    # A host process hostile code must not reach: of the sandbox uid, so only the pid namespace
    # keeps it out of a kill(-1) or a kill of every pid.
    sleeper = subprocess.Popen(["sleep", "300"], **_as_sandbox_uid())
    yield HostFixtures(secret, secret_path, home / "canary", server.getsockname()[1], connections, sleeper)
    stop.set()
    thread.join()
    server.close()
    sleeper.kill()
    sleeper.wait()
    shutil.rmtree(home)


def _fill(text: str, fixtures: HostFixtures) -> str:
    values = {
        "{secret_path}": str(fixtures.secret_path),
        "{canary_path}": str(fixtures.canary_path),
        "{secret}": fixtures.secret,
        "{port}": str(fixtures.port),
    }
    for key, value in values.items():
        text = text.replace(key, value)
    return text


def _texts(value: str | list[str]) -> list[str]:
    """A case's stdout_contains or stdout_lacks: one string, or a list of them."""
    return [value] if isinstance(value, str) else value


@pytest.mark.security
@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_hostile_program_is_contained(case_file: Path, host_fixtures: HostFixtures) -> None:
    case: dict[str, Any] = tomllib.loads(case_file.read_text())
    assert set(case) <= CASE_KEYS, f"unknown keys (a check that never runs): {set(case) - CASE_KEYS}"
    before = snapshot()  # after the fixtures, before the compilation
    language = get_language(case["language"])
    compiled = compile_source(language, _fill(case["source"], host_fixtures))
    assert compiled.program is not None, compiled.message
    limits = language.limits_for(
        Limits(
            cpu_time=case.get("cpu_time", 2.0),
            wall_time=case.get("wall_time", 4.0),
            memory=case.get("memory_mb", 256) * MiB,
            output=case.get("output_limit", 1 * MiB),
        )
    )
    started = time.monotonic()
    result = compiled.program.run(case.get("stdin", ""), limits)
    elapsed = time.monotonic() - started
    stdout = result.stdout_text

    assert result.verdict.value in case["expect"], (
        result.verdict,
        result.message,
        stdout[:500],
        result.stderr_text[:500],
    )
    assert elapsed < limits.effective_wall_time + 5, "the run outlived its wall limit"
    assert host_fixtures.secret not in stdout + result.stderr_text, "the host secret leaked"
    assert not host_fixtures.canary_path.exists(), "the program wrote to the host"
    assert len(result.stdout) + len(result.stderr) <= limits.output, "output beyond the limit was kept"
    for text in _texts(case.get("stdout_contains", [])):
        assert _fill(text, host_fixtures) in stdout, (text, stdout[:500], result.stderr_text[:500])
    for text in _texts(case.get("stdout_lacks", [])):
        assert _fill(text, host_fixtures) not in stdout, (text, stdout[:500])
    if "max_cpu_time" in case:
        assert result.cpu_time <= case["max_cpu_time"]
    # Nothing survives (no process, cgroup, scratch or temp file; no canary), even later on.
    assert settled_leftovers(before, case.get("settle", 0.0), watch=[host_fixtures.canary_path]) == []
    assert host_fixtures.connections == [], "the program reached a host socket"
    assert host_fixtures.sleeper.poll() is None, "the program killed a host process"
    assert host_fixtures.secret_path.read_text() == host_fixtures.secret, "the program changed a host file"


# The check itself must be able to fail: real leftovers, made on purpose, are reported.

DETACH = """
import os, sys
executable, argv0, uid, keep_environment = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
pid_pipe, pid_out = os.pipe()
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:  # the grandchild: orphaned at once, adopted by init or a subreaper
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        if uid >= 0:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
        os.write(pid_out, str(os.getpid()).encode())
        os.execve(executable, [argv0, "60"], dict(os.environ) if keep_environment else {})
    os._exit(0)
os.close(pid_out)
os.wait()
print(os.read(pid_pipe, 32).decode())
"""


def _gone(pid: int, start: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        proc = conftest._proc(pid, details=False)
        if proc is None or proc.start != start:
            return True
        time.sleep(0.02)
    return False


@pytest.mark.parametrize(
    ("uid", "argv0", "keep_environment", "rule"),
    [
        (-1, "sleep", True, "started from this test session"),
        pytest.param(
            SANDBOX_UID, "sleep", False, "looks sandboxed", marks=pytest.mark.skipif(not IS_ROOT, reason="needs root")
        ),
        (-1, "bwrap", False, "looks sandboxed"),
    ],
    ids=["our-environment", "sandbox-uid", "bwrap-command"],
)
def test_a_detached_process_is_a_leftover(uid: int, argv0: str, keep_environment: bool, rule: str) -> None:
    before = snapshot()
    sleep = shutil.which("sleep")
    assert sleep is not None
    done = subprocess.run(
        [sys.executable, "-c", DETACH, sleep, argv0, str(uid), "1" if keep_environment else "0"],
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    )
    pid = int(done.stdout)
    daemon = conftest._proc(pid, details=False)
    assert daemon is not None
    try:
        assert daemon.ppid != os.getpid()  # detached: our ancestry does not lead to it
        found = leftovers(before)
        assert any(line.startswith(f"process {pid} (") and rule in line for line in found), found
    finally:
        os.kill(pid, signal.SIGKILL)
    assert _gone(pid, daemon.start), "its adopter did not reap it"
    assert settled_leftovers(before) == []


def test_scratch_directories_temp_files_and_cgroups_are_leftovers() -> None:
    before = snapshot()
    temp = Path(tempfile.gettempdir())
    token = secrets.token_hex(4)
    made_here = [
        Path(tempfile.mkdtemp(prefix="afterburner-build-")),  # compile scratch
        temp / f"afterburner-run-{os.getpid()}-{token}",  # run scratch
        temp / f"stray-{token}",  # anything else this process creates
    ]
    made_here[1].mkdir()
    made_here[2].write_text("")
    # Made by other processes: anyone's compile scratch does not count; the sandbox uid's does,
    # once it has stayed.
    anyones, sandbox_uids = temp / f"afterburner-build-{token}", temp / f"sandbox-uid-{token}"
    subprocess.run(["mkdir", str(anyones)], check=True)
    subprocess.run(["mkdir", str(sandbox_uids)], check=True, **_as_sandbox_uid())
    cgroups = [mount / f"run-{os.getpid()}-0-{token}" for mount in conftest._cgroup_mounts()] if IS_ROOT else []
    made: list[Path] = []
    try:
        for cgroup in cgroups:  # at the top of every hierarchy, used by the sandbox or not
            cgroup.mkdir()
            made.append(cgroup)
        found = leftovers(before)
        for path in made_here:
            assert f"temp {path}" in found, found
        for cgroup in cgroups:
            assert f"cgroup {cgroup}" in found, found
        started = time.monotonic()
        settled = settled_leftovers(before)
        assert time.monotonic() - started >= conftest.PERSIST  # it waited to see the entry stay
        assert not any(str(anyones) in line for line in settled), settled
        assert any(line.startswith(f"temp {sandbox_uids} ") for line in settled) == IS_ROOT, settled
    finally:
        made_here[2].unlink()
        for path in [*made_here[:2], anyones, sandbox_uids, *made]:
            path.rmdir()
    assert settled_leftovers(before) == []


def test_the_check_waits_for_what_appears_late(tmp_path: Path) -> None:
    before = snapshot()
    canary = tmp_path / "canary"
    timer = threading.Timer(0.3, canary.touch)
    timer.start()
    try:
        assert leftovers(before, watch=[canary]) == []
        assert settled_leftovers(before, 0.6, watch=[canary]) == [f"canary {canary} exists"]
    finally:
        timer.join()


def test_the_rule_for_new_processes() -> None:
    """Which new processes are ours, on a machine shared with another session (pids are made up)."""
    me, token = 100, "100-ours"
    table = {
        1: Proc(1, 0, 1),
        50: Proc(50, 1, 2, "bash", 50),  # our shell, a subreaper
        me: Proc(me, 50, 3, "python", 50),
        60: Proc(60, 1, 4, "bash", 60),  # another session: its shell and pytest
        61: Proc(61, 60, 5, "python", 60),
        200: Proc(200, me, 10, "sh", 50),
        201: Proc(201, 1, 11, "sleep", 201, uids=frozenset({SANDBOX_UID})),  # a setsid daemon of the sandbox uid
        202: Proc(202, 50, 12, "sleep", 201, uids=frozenset({0}), pid_ns_depth=2),  # adopted by our subreaper
        203: Proc(203, 1, 13, "bwrap", 60, pid_ns_depth=2),  # the other shell's zombie
        204: Proc(204, 1, 14, "bwrap", 50, pid_ns_depth=2),  # our shell's zombie
        205: Proc(205, 61, 15, "bwrap", 205, uids=frozenset({SANDBOX_UID})),  # the other pytest's live run
        206: Proc(206, 1, 16, "line_io_tools", 206, uids=frozenset({0})),  # unmarked, anyone's
        207: Proc(207, 1, 17, "python3", 207, uids=frozenset({SANDBOX_UID}), cgroups=("/afterburner/run-61-0-ab",)),
        208: Proc(208, 201, 18, "python3", 201, uids=frozenset({SANDBOX_UID})),  # the daemon's child
        209: Proc(209, 1, 19, "sleep", 209, uids=frozenset({0}), token=token),
        210: Proc(210, 1, 20, "sleep", 210, uids=frozenset({0}), cgroups=("/afterburner/run-100-3-cd",)),
        211: Proc(211, 2, 21, "kworker/0:1"),
        212: Proc(212, 1, 22, "bwrap", 212, command=("bwrap", "--ro-bind", "/tmp/afterburner-run-61-x/box", "/box")),
        300: Proc(300, me, 23, "sleep", 50),  # pid 300 was another process before: reused
    }
    before = frozenset({(1, 1), (50, 2), (me, 3), (60, 4), (61, 5), (300, 9)})
    found = ours(table, before, me, token)
    assert set(found) == {200, 201, 202, 204, 208, 209, 210, 300}, found
    assert "adopted by 50" in found[202]
