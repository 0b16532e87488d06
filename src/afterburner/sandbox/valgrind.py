"""Deterministic instruction counts with valgrind's callgrind (slow, but identical run to run)."""

from __future__ import annotations

import re

# Callgrind's summary: "==12== Collected : 123456" on its log (fd 3 of the sandboxed process).
_COLLECTED = re.compile(rb"^==(\d+)== Collected : (\d+)\s*$", re.MULTILINE)


def valgrind_prefix(valgrind: str) -> list[str]:
    return [
        valgrind,
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        "--log-fd=3",
        "--vgdb=no",
        "--trace-children=no",
    ]


def parse_instructions(log: bytes) -> int | None:
    """Instructions of the top process: the summary of the first pid that valgrind logged."""
    first_pid = re.search(rb"^==(\d+)==", log, re.MULTILINE)
    if first_pid is None:
        return None
    for pid, count in _COLLECTED.findall(log):
        if pid == first_pid.group(1):
            return int(count)
    return None
