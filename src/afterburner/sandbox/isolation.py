"""The bubblewrap command line: namespaces, a read-only view of the runtimes, a private tmpfs.

The sandbox sees only what programs need to start: binaries and shared libraries (`BASE_PATHS`)
plus the directories each language declares (`runtime` in its TOML file). Nothing else of the
host is there: not /usr/local or Python's site-packages (an installed Afterburner keeps its
bundled problems, tests and generators there), not the caches, not the home directory.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from afterburner.core.limits import Limits

SANDBOX_UID = 65534  # "nobody", inside and (when we are root) outside
BOX = "/box"  # the run's input files, read-only
OUT = "/out"  # a compiler's output directory, the only writable host path (compile runs only)
WORK = "/tmp"  # the private writable tmpfs and working directory

# What every program needs: binaries, shared libraries and the loader's configuration.
# Globs are expanded on the host; missing paths are skipped. Language runtimes add their own.
BASE_PATHS = (
    "/usr/bin",
    "/usr/lib/*-linux-gnu*",
    "/usr/lib64",
    "/usr/lib/locale",
    "/etc/alternatives",
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/etc/localtime",
)
# On merged-/usr systems these are symlinks into /usr; elsewhere real directories.
TOP_LEVEL = ("/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32")

BASE_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": WORK,
    "TMPDIR": WORK,
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "PYTHONHASHSEED": "0",
}


@dataclass(frozen=True)
class Mounts:
    """What the sandbox sees besides the runtimes."""

    box: Path  # host directory shown read-only at /box
    output_dir: Path | None = None  # host directory shown writable at /out (compilation only)
    read_only: Sequence[str] = field(default_factory=tuple)  # runtime paths beyond BASE_PATHS (globs allowed)
    binds: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (host file, path inside), read-only


def expand(paths: Sequence[str]) -> list[str]:
    """Host paths matching `paths` (globs expanded, missing ones dropped), in order, once each."""
    found: list[str] = []
    for pattern in paths:
        matches = sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern]
        found += [path for path in matches if os.path.lexists(path) and path not in found]
    return found


def _in_work(path: str) -> bool:
    return path == WORK or path.startswith(WORK + "/")


def _runtime_binds(extra: Sequence[str]) -> list[str]:
    args: list[str] = []
    for top in TOP_LEVEL:
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    for path in expand((*BASE_PATHS, *extra)):
        if not _in_work(path):
            args += ["--ro-bind-try", path, path]
    return args


def _binds_in_work(extra: Sequence[str]) -> list[str]:
    """Runtime paths under the private /tmp (a runtime set in a cache there): bound over it, read-only."""
    args: list[str] = []
    for path in expand(extra):
        if _in_work(path):
            args += ["--ro-bind-try", path, path]
    return args


def bwrap_argv(
    bwrap: str,
    argv: Sequence[str],
    mounts: Mounts,
    limits: Limits,
    env: Mapping[str, str],
    seccomp_fd: int | None,
    info_fd: int | None,
) -> list[str]:
    """The full bubblewrap invocation that runs argv isolated."""
    args = [
        bwrap,
        "--unshare-all",  # user, ipc, pid, net, uts, cgroup namespaces
        "--die-with-parent",
        "--new-session",  # no controlling terminal to inject keystrokes into
        "--uid",
        str(SANDBOX_UID),
        "--gid",
        str(SANDBOX_UID),
        "--hostname",
        "sandbox",
        *_runtime_binds(mounts.read_only),
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--size",
        str(limits.work_dir),
        "--tmpfs",
        WORK,
        *_binds_in_work(mounts.read_only),
        "--ro-bind",
        str(mounts.box),
        BOX,
    ]
    for host_path, inside in mounts.binds:
        args += ["--ro-bind", host_path, inside]
    if mounts.output_dir is not None:
        args += ["--bind", str(mounts.output_dir), OUT]
    # The root is bubblewrap's own tmpfs: read-only, so only the size-capped /tmp is writable.
    args += ["--remount-ro", "/", "--chdir", WORK, "--clearenv"]
    for key, value in {**BASE_ENV, **env}.items():
        args += ["--setenv", key, value]
    if seccomp_fd is not None:
        args += ["--seccomp", str(seccomp_fd)]
    if info_fd is not None:
        args += ["--info-fd", str(info_fd)]
    return [*args, "--", *argv]
