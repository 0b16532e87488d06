"""The one-time llama-cpp-python wheel build, with pip replaced by a recorder."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from afterburner.models import build_llamacpp


class FakePip:
    def __init__(self) -> None:
        self.calls: list[tuple[list[str], str]] = []

    def __call__(self, command: list[str], env: dict[str, str] | None = None, **kwargs: Any) -> Any:
        self.calls.append((command, (env or {}).get("CMAKE_ARGS", "")))
        if "wheel" in command:
            target = Path(command[command.index("-w") + 1])
            (target / f"llama_cpp_python-{build_llamacpp.LLAMA_CPP_VERSION}-py3-none-linux_x86_64.whl").touch()
        return subprocess.CompletedProcess(command, 0)


@pytest.fixture
def pip(monkeypatch: pytest.MonkeyPatch) -> FakePip:
    fake = FakePip()
    monkeypatch.setattr(build_llamacpp.subprocess, "run", fake)
    monkeypatch.delenv("CMAKE_ARGS", raising=False)
    return fake


def test_builds_once_then_only_installs_when_missing(pip: FakePip, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_llamacpp, "installed_version", lambda: None)
    wheel = build_llamacpp.ensure_llamacpp()
    build, install = pip.calls
    assert f"llama-cpp-python=={build_llamacpp.LLAMA_CPP_VERSION}" in build[0] and "--no-deps" in build[0]
    assert build[1] == "-DGGML_NATIVE=OFF"  # a portable wheel
    assert install[0][-1] == str(wheel)
    # Second run, now installed: neither a build nor an install.
    monkeypatch.setattr(build_llamacpp, "installed_version", lambda: build_llamacpp.LLAMA_CPP_VERSION)
    assert build_llamacpp.ensure_llamacpp() == wheel
    assert len(pip.calls) == 2


def test_server_extra_is_installed_from_the_cached_wheel(pip: FakePip, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_llamacpp, "installed_version", lambda: build_llamacpp.LLAMA_CPP_VERSION)
    monkeypatch.setattr(build_llamacpp, "_server_deps_present", lambda: False)
    wheel = build_llamacpp.ensure_llamacpp(server=True)
    assert pip.calls[-1][0][-1] == f"{wheel}[server]"
