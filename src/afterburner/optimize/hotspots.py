"""Line-level hotspots of a Python solution: a sampling profiler run inside the sandbox."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

from afterburner.core.limits import Limits
from afterburner.languages.snippet import run_python

# The marker carries a fresh nonce per run, so a program that prints a marker of its own
# cannot pass off lines of its choosing (it could only by reading this wrapper's memory, and
# hotspots feed prompts, never scores).
MARKER = "__AFTERBURNER_HOTSPOTS_{nonce}__"
# Samples the line being executed in /box/main.py every 0.5 ms of CPU time (SIGPROF).
WRAPPER = """
import collections, json, signal, sys
counts = collections.Counter()
def sample(signum, frame):
    while frame is not None:
        if frame.f_code.co_filename == "/box/main.py":
            counts[frame.f_lineno] += 1
            return
        frame = frame.f_back
signal.signal(signal.SIGPROF, sample)
signal.setitimer(signal.ITIMER_PROF, 0.0005, 0.0005)
try:
    source = open("/box/main.py").read()
    exec(compile(source, "/box/main.py", "exec"), {"__name__": "__main__"})
finally:
    signal.setitimer(signal.ITIMER_PROF, 0, 0)
    sys.stdout.flush()
    sys.stderr.write("\\n{marker}" + json.dumps(counts) + "\\n")
"""


@dataclass(frozen=True)
class Hotspot:
    line: int
    share: float  # of all samples
    text: str


def python_hotspots(source: str, stdin: str, limits: Limits, top: int = 5) -> list[Hotspot]:
    """The lines where a Python program spends its CPU time on one input (empty if it fails)."""
    marker = MARKER.format(nonce=secrets.token_hex(16))
    wrapper = WRAPPER.replace("{marker}", marker)
    result = run_python(wrapper, (), {"main.py": source}, limits, stdin)
    text = result.stderr_text
    if text.count(marker) != 1:
        return []
    try:
        counts = {int(k): int(v) for k, v in json.loads(text.split(marker, 1)[1].strip() or "{}").items()}
    except (ValueError, AttributeError):
        return []
    total = sum(counts.values())
    lines = source.splitlines()
    ranked = sorted(counts.items(), key=lambda item: -item[1])[:top]
    return [
        Hotspot(line, count / total, lines[line - 1].strip() if 0 < line <= len(lines) else "")
        for line, count in ranked
        if total
    ]
