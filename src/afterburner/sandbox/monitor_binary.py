"""Locate the C measuring helper, compiling it from the packaged source on first use."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
from importlib import resources
from pathlib import Path

from afterburner.core.errors import SandboxUnavailable
from afterburner.core.paths import cache_dir


def _source() -> bytes:
    return (resources.files("afterburner.sandbox") / "monitor" / "monitor.c").read_bytes()


def monitor_path() -> Path:
    """Path of the compiled helper for the installed source (built once, then cached)."""
    source = _source()
    digest = hashlib.sha256(source).hexdigest()[:16]
    bin_dir = cache_dir() / "bin"
    binary = bin_dir / f"afterburner-monitor-{digest}"
    if binary.exists():
        return binary
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise SandboxUnavailable("the measuring helper needs a C compiler", "apt-get install gcc")
    bin_dir.mkdir(parents=True, exist_ok=True)
    with open(bin_dir / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if binary.exists():
            return binary
        source_file = bin_dir / f"monitor-{digest}.c"
        source_file.write_bytes(source)
        partial = binary.with_suffix(".partial")
        result = subprocess.run(
            [compiler, "-O2", "-Wall", "-o", str(partial), str(source_file)],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise SandboxUnavailable(f"cannot compile the measuring helper: {result.stderr.strip()}")
        os.replace(partial, binary)
    return binary


if __name__ == "__main__":  # `make setup` builds the helper ahead of the first run
    print(monitor_path())
