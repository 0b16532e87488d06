"""Run a piece of Python (a driver, a profiler wrapper, a dataset's generator) in the sandbox."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from afterburner.core.limits import Limits
from afterburner.core.results import RunResult
from afterburner.languages.registry import get_language
from afterburner.sandbox.runner import FileSource, SandboxOptions, run


def python_argv(code: str, args: Sequence[str] = ()) -> list[str]:
    """The registry's Python interpreter running `code` (no user site, no bytecode files)."""
    return [get_language("python").run[0], "-s", "-B", "-c", code, *args]


def run_python(
    code: str,
    args: Sequence[str] = (),
    files: Mapping[str, FileSource] | None = None,
    limits: Limits | None = None,
    stdin: bytes | str | Path | None = None,
    options: SandboxOptions | None = None,
) -> RunResult:
    """One sandboxed run of `python3 -c code args...`; `files` appear read-only in /box."""
    options = get_language("python").sandbox_options(options)
    return run(python_argv(code, args), files, limits, stdin=stdin, options=options)
