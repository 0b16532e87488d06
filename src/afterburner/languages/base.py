"""A language as data: how to compile it, how to run it, how to test that it works."""

from __future__ import annotations

import functools
import glob
import os
import subprocess
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from afterburner.core.limits import Limits
from afterburner.languages import runtime as runtime_sets
from afterburner.sandbox.runner import SandboxOptions

ZYGOTE_FILE = "afterburner-zygote"
RUNTIME_INSIDE = "/usr/lib/afterburner/runtime"  # where the sandbox sees a language's runtime set
SELF_TEST_INPUT = "20 22\n"
SELF_TEST_OUTPUT = "42"


def counting(options: SandboxOptions) -> bool:
    """Whether a run counts instructions under an emulator (QEMU or valgrind)."""
    return options.instructions in ("qemu", "valgrind")


@dataclass(frozen=True)
class Language:
    """One language's declaration (see languages/definitions/*.toml)."""

    name: str
    display: str
    extensions: tuple[str, ...]
    source: str  # file name the source gets inside the sandbox
    run: tuple[str, ...]  # argv; "{heap_mb}" is replaced from the memory limit
    version: tuple[str, ...]
    apt: tuple[str, ...]
    fence: tuple[str, ...]  # names used after ``` in a Markdown code fence
    memory_errors: tuple[str, ...]  # stderr markers of a runtime that hit its memory ceiling
    empty: str  # the smallest valid program: measures start-up cost
    self_test: str  # reads two integers, prints their sum
    compile: tuple[str, ...] = ()
    artifacts: tuple[str, ...] = ()  # glob patterns of compiler output to keep
    compile_env: dict[str, str] = field(default_factory=dict)
    processes: int = 0  # minimum task limit the runtime needs (JVM, Node and Go use threads)
    runtime: tuple[str, ...] = ()  # host paths (globs) the sandbox shows besides binaries and libraries
    # The runtime set (languages/runtime.py): pinned packages that dataset code may import, installed by
    # `make setup` into the cache, shown read-only and named in `packages_env`; never the host's site-packages.
    packages: tuple[str, ...] = ()
    packages_env: str = ""
    # Counting runs only: flags after the runtime's binary and environment that make background threads
    # deterministic (a JIT compiling in the foreground), so counts repeat run to run.
    count_flags: tuple[str, ...] = ()
    count_env: dict[str, str] = field(default_factory=dict)
    identity: tuple[str, ...] = ()  # host files (globs) besides the runtime binary that a count depends on
    # A counting zygote (languages/zygotes/NAME): starts the runtime once and runs the program once per test
    # in a fork, so a count pass does not pay the runtime's start-up (translated by the counter) per test.
    zygote: str = ""

    @classmethod
    def from_toml(cls, data: dict[str, Any]) -> Language:
        tuples = (
            *("extensions", "run", "version", "apt", "fence", "memory_errors", "compile", "artifacts", "runtime"),
            *("count_flags", "identity", "packages"),
        )
        values = {key: tuple(value) if key in tuples else value for key, value in data.items()}
        return cls(**values)  # type: ignore[arg-type]

    @property
    def compiled(self) -> bool:
        return bool(self.compile)

    def run_argv(self, limits: Limits, counted: bool = False) -> list[str]:
        heap_mb = max(16, int(limits.memory * 0.8) // (1024 * 1024))
        argv = [part.replace("{heap_mb}", str(heap_mb)) for part in self.run]
        return [argv[0], *self.count_flags, *argv[1:]] if counted else argv

    def sandbox_options(self, options: SandboxOptions | None = None) -> SandboxOptions:
        """`options` with this runtime's directories and its installed runtime set added to what the
        sandbox shows (and, when counting, the runtime's counting environment)."""
        options = options or SandboxOptions()
        env = {**self.count_env, **options.env} if counting(options) else dict(options.env)
        binds = tuple(options.binds)
        packages = self.runtime_set
        if packages is not None:  # at one fixed path inside: the host's layout stays out of sight (and of counts)
            inside = f"{RUNTIME_INSIDE}/{self.name}"
            binds = ((str(packages), inside), *binds)
            if self.packages_env:
                env = {self.packages_env: inside, **env}
        return replace(options, read_only=(*self.runtime, *options.read_only), env=env, binds=binds)

    @property
    def runtime_set(self) -> Path | None:
        """The folder of this language's installed runtime set, or None (none declared, or not installed)."""
        return runtime_sets.installed(self.name, self.packages)

    def zygote_argv(self, limits: Limits, tests: int) -> list[str]:
        """The argv that runs the program's `tests` tests in the zygote (the program's path follows it)."""
        argv = self.run_argv(limits, counted=True)
        program = f"/box/{self.source}"
        at = argv.index(program)
        return [*argv[:at], f"/box/{ZYGOTE_FILE}", program, str(tests), *argv[at + 1 :]]

    def zygote_source(self) -> bytes:
        return (resources.files("afterburner.languages") / "zygotes" / self.zygote).read_bytes()

    def identity_files(self) -> list[str]:
        """Host files a count depends on besides the runtime binary (a JVM's library)."""
        return sorted(path for pattern in self.identity for path in glob.glob(pattern) if os.path.isfile(path))

    def limits_for(self, limits: Limits) -> Limits:
        """Raise the task limit to what the runtime itself needs."""
        return limits.with_(processes=max(limits.processes, self.processes))

    @property
    def tools(self) -> tuple[str, ...]:
        commands = (self.compile, self.version) if self.compiled else (self.run, self.version)
        return tuple(dict.fromkeys(argv[0] for argv in commands))

    @property
    def installed(self) -> bool:
        return all(os.access(tool, os.X_OK) for tool in self.tools)

    @functools.cached_property
    def toolchain_version(self) -> str:
        """First line of the toolchain's version output, or '' when it is not installed."""
        if not self.installed:
            return ""
        done = subprocess.run(list(self.version), capture_output=True, text=True, timeout=60)
        lines = (done.stdout or done.stderr).strip().splitlines()
        return lines[0] if lines else ""
