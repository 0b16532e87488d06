"""Start `afterburner serve` as a child process on a free loopback port (tests, benchmarks, scripts).

`ServiceProcess` waits until /healthz answers, and stops the service on exit (SIGTERM, then
SIGKILL). `kill()` is the kill -9 of the fault tests; `start()` again reuses the state directory.
`verl_sandbox_client()` loads verl's SandboxFusion reward util, the client the tests and the
benchmark drive a service with.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType, TracebackType

import httpx

from afterburner.core.errors import AfterburnerError


def verl_sandbox_client() -> ModuleType:
    """verl's `verl/utils/reward_score/sandbox_fusion/utils.py` (its `check_correctness`), loaded alone from
    the installed wheel (`pip install --no-deps verl`): the rest of verl needs torch and more."""
    spec = importlib.util.find_spec("verl")
    if spec is None or not spec.submodule_search_locations:
        raise AfterburnerError("verl is not installed", "pip install --no-deps verl==0.9.1 (make venv does)")
    path = Path(spec.submodule_search_locations[0]) / "utils" / "reward_score" / "sandbox_fusion" / "utils.py"
    loaded = importlib.util.spec_from_file_location("verl_sandbox_fusion_utils", path)
    if loaded is None or loaded.loader is None:
        raise AfterburnerError(f"cannot load {path}")
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return module


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
