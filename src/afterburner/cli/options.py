"""Validation of option values shared by several commands."""

from __future__ import annotations

from typing import cast

from afterburner.core.errors import UsageError
from afterburner.sandbox.runner import InstructionMode

INSTRUCTION_MODES = ("off", "auto", "perf", "valgrind")


def instruction_mode(value: str) -> InstructionMode:
    if value not in INSTRUCTION_MODES:
        raise UsageError(f"unknown instruction mode {value!r}", "use off, auto, perf or valgrind")
    return cast(InstructionMode, value)
