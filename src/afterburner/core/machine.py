"""A fingerprint of the machine, so cached measurements are never reused on another one."""

from __future__ import annotations

import functools
import hashlib
import os
import platform
from pathlib import Path


@functools.cache
def machine_fingerprint() -> str:
    cpu_model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu_model = line.split(":", 1)[1].strip()
            break
    memory = Path("/proc/meminfo").read_text().splitlines()[0]
    parts = [cpu_model, str(os.cpu_count()), memory, platform.release()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
