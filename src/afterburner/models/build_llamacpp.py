"""Build llama-cpp-python once into a wheel cache and install it (`python -m afterburner.models.build_llamacpp`).

PyPI ships llama-cpp-python only as an sdist, so every fresh install would compile llama.cpp again
(minutes on two cores). The wheel built here is kept under cache_dir()/wheels and reused.
"""

from __future__ import annotations

import argparse
import fcntl
import importlib.metadata
import os
import subprocess
import sys
from pathlib import Path

from afterburner.core.errors import AfterburnerError
from afterburner.core.paths import cache_dir

LLAMA_CPP_VERSION = "0.3.36"
# Portable code: a wheel tuned to the build machine's CPU could crash with SIGILL on another one.
DEFAULT_CMAKE_ARGS = "-DGGML_NATIVE=OFF"


def wheel_dir() -> Path:
    return cache_dir() / "wheels"


def find_wheel(directory: Path, version: str = LLAMA_CPP_VERSION) -> Path | None:
    """The cached wheel of that version, if one was built before."""
    matches = sorted(directory.glob(f"llama_cpp_python-{version}-*.whl"))
    return matches[-1] if matches else None


def installed_version() -> str | None:
    """Version of llama-cpp-python in this interpreter, read from metadata (nothing is imported)."""
    try:
        return importlib.metadata.version("llama-cpp-python")
    except importlib.metadata.PackageNotFoundError:
        return None


def build_wheel(directory: Path, version: str = LLAMA_CPP_VERSION) -> Path:
    """Compile the sdist into a wheel in `directory` (a few minutes); returns the wheel."""
    directory.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["CMAKE_ARGS"] = f"{DEFAULT_CMAKE_ARGS} {env.get('CMAKE_ARGS', '')}".strip()
    print(f"building llama-cpp-python {version} into {directory} (takes a few minutes)", file=sys.stderr)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", f"llama-cpp-python=={version}", "-w", str(directory)]
    if subprocess.run(command, env=env).returncode != 0:
        raise AfterburnerError("building llama-cpp-python failed", "it needs gcc, g++ and cmake (apt-get install)")
    wheel = find_wheel(directory, version)
    if wheel is None:
        raise AfterburnerError(f"pip built no llama-cpp-python {version} wheel in {directory}")
    return wheel


def install(wheel: Path, server: bool) -> None:
    """Install the wheel with its ordinary dependencies (and the server's, for an OpenAI endpoint)."""
    target = f"{wheel}[server]" if server else str(wheel)
    command = [sys.executable, "-m", "pip", "install", "-q", target]
    if subprocess.run(command).returncode != 0:
        raise AfterburnerError(f"installing {wheel.name} failed")


def ensure_llamacpp(server: bool = False, version: str = LLAMA_CPP_VERSION) -> Path:
    """Build the wheel if absent and install it if this interpreter lacks it; idempotent."""
    directory = wheel_dir()
    directory.mkdir(parents=True, exist_ok=True)
    # Two setups at once would compile twice and race on the wheel file.
    with open(directory / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        wheel = find_wheel(directory, version) or build_wheel(directory, version)
    if installed_version() != version or (server and not _server_deps_present()):
        install(wheel, server)
    return wheel


def _server_deps_present() -> bool:
    needed = ("fastapi", "uvicorn", "sse-starlette", "starlette-context", "pydantic-settings")
    try:
        for name in needed:
            importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--server", action="store_true", help="also install the OpenAI-compatible server extra")
    parser.add_argument("--version", default=LLAMA_CPP_VERSION, help="llama-cpp-python version to build")
    args = parser.parse_args(argv)
    try:
        wheel = ensure_llamacpp(server=args.server, version=args.version)
    except AfterburnerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(wheel)
    return 0


if __name__ == "__main__":
    sys.exit(main())
