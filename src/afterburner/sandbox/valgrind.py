"""Deterministic instruction counts with valgrind's callgrind (slow, but identical run to run).

Valgrind writes its log to a socket placed at the top fd under the run's open-files limit:
valgrind keeps its top fds from the program (a write or dup there fails with EBADF), and a
socket, unlike a pipe, cannot be reopened through /proc/self/fd. So every line of that log
comes from valgrind. A program that replaces itself (execve) leaves no summary or a second
header; then there is no count. Valgrind is not a security boundary: a program that patched
valgrind's own memory (through /proc/self/mem) could still change what it logs.
"""

from __future__ import annotations

import re

from afterburner.core.limits import Limits

# Runtime files valgrind needs inside the sandbox (its tools live outside /usr/bin).
PATHS = ("/usr/libexec/valgrind", "/usr/lib/valgrind")
# Callgrind's summary: "==12== Collected : 123456"; each image it starts logs a "Command:" header.
_COLLECTED = re.compile(rb"^==(\d+)== Collected : (\d+)\s*$", re.MULTILINE)
_COMMAND = re.compile(rb"^==(\d+)== Command: ", re.MULTILINE)


def log_fd(limits: Limits) -> int:
    """Where valgrind's log goes in the sandbox: the top fd under the open-files limit."""
    return limits.open_files - 1


def valgrind_prefix(valgrind: str, fd: int) -> list[str]:
    return [
        valgrind,
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        f"--log-fd={fd}",
        "--vgdb=no",
        "--trace-children=no",
    ]


def parse_instructions(log: bytes) -> int | None:
    """Instructions of the top process: the summary of the first pid valgrind logged.

    None when there is no summary, or when that process started a second image (execve): its
    count would cover only the last image.
    """
    first_pid = re.search(rb"^==(\d+)==", log, re.MULTILINE)
    if first_pid is None:
        return None
    pid = first_pid.group(1)
    if sum(1 for found in _COMMAND.findall(log) if found == pid) != 1:
        return None
    counts = [int(count) for found, count in _COLLECTED.findall(log) if found == pid]
    return counts[-1] if counts else None
