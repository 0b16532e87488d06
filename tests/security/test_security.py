"""Golden hostile programs: each must be contained, and leave nothing behind.

A case is a TOML file in cases/: the program, its language, the verdicts allowed, and
what must not happen. Placeholders in the source are filled by fixtures the test sets up
on the host: {secret_path} (a file holding {secret}), {canary_path} (a host path that must
not come into existence), {port} (a loopback TCP server that must see no connection).
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
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
from tests.conftest import leftovers

CASES = sorted(Path(__file__).parent.joinpath("cases").glob("*.toml"))


@dataclass
class HostFixtures:
    secret: str
    secret_path: Path
    canary_path: Path
    port: int
    connections: list[str]
    sleeper: subprocess.Popen[bytes]


@pytest.fixture
def host_fixtures(tmp_path: Path) -> Iterator[HostFixtures]:
    secret = secrets.token_hex(16)
    secret_path = tmp_path / "secret.txt"
    secret_path.write_text(secret)
    secret_path.chmod(0o644)  # even world-readable, it must stay invisible
    tmp_path.chmod(0o755)
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
    sleeper = subprocess.Popen(["sleep", "300"])  # a host process hostile code must not reach
    yield HostFixtures(secret, secret_path, tmp_path / "canary", server.getsockname()[1], connections, sleeper)
    stop.set()
    thread.join()
    server.close()
    sleeper.kill()
    sleeper.wait()


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


@pytest.mark.security
@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_hostile_program_is_contained(case_file: Path, host_fixtures: HostFixtures) -> None:
    case: dict[str, Any] = tomllib.loads(case_file.read_text())
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
    assert host_fixtures.connections == [], "the program reached a host socket"
    assert host_fixtures.sleeper.poll() is None, "the program killed a host process"
    assert len(result.stdout) <= limits.output, "output beyond the limit was kept"
    if "stdout_contains" in case:
        assert case["stdout_contains"] in stdout, (stdout[:500], result.stderr_text[:500])
    if "stdout_lacks" in case:
        assert _fill(case["stdout_lacks"], host_fixtures) not in stdout
    if "max_cpu_time" in case:
        assert result.cpu_time <= case["max_cpu_time"]
    # Nothing survives: no process of the sandbox uid, no cgroup, no scratch directory.
    deadline = time.monotonic() + 2
    while leftovers() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert leftovers() == []
    assert os.path.exists(host_fixtures.secret_path)
