"""Start `afterburner serve` as a child process on a free loopback port (tests, benchmarks, scripts).

`ServiceProcess` waits until /healthz answers, and stops the service on exit (SIGTERM, then
SIGKILL). `kill()` is the kill -9 of the fault tests; `start()` again reuses the state directory.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import httpx

from afterburner.core.errors import AfterburnerError


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServiceProcess:
    """`afterburner serve --state-dir DIR ...` on 127.0.0.1, as a child process."""

    def __init__(self, state_dir: Path, *args: str, env: dict[str, str] | None = None, startup: float = 60.0) -> None:
        self.state_dir = state_dir
        self.args = args
        self.env = {**os.environ, **(env or {})}
        self.startup = startup
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log = state_dir / "service.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServiceProcess:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        argv = [sys.executable, "-m", "afterburner.cli.main", "serve", "--host", "127.0.0.1"]
        argv += ["--port", str(self.port), "--state-dir", str(self.state_dir), *self.args]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=self.env)
        deadline = time.monotonic() + self.startup
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AfterburnerError(f"the service exited at start: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1.0).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        self.stop()
        raise AfterburnerError(f"the service did not answer within {self.startup:g} s: {self.log.read_text()[-2000:]}")

    def kill(self) -> None:
        """SIGKILL, as a crash would: no clean-up of ours runs."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self, grace: float = 30.0) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(grace)
        except subprocess.TimeoutExpired:
            self.kill()

    def __enter__(self) -> ServiceProcess:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()
