"""Exact instruction counts under QEMU user mode with a small counting plugin of ours.

`qemu-x86_64 -plugin count.so,fd=N PROGRAM` runs PROGRAM under QEMU's binary translator; the
plugin (`counter/count.c`) adds each translated block's instruction count as the block runs and
reports one line per process on the channel fd. Measured here: about 3-12x the program's native
CPU time plus a fixed translation cost per process start (docs/architecture.md, "Exact counts").

The plugin is built once per (plugin source, QEMU version) from the plugin API header of the
installed QEMU. Debian ships that header only in QEMU's source package, so the build fetches
the source package with apt (signed indexes, hash-checked files) into a private apt state
directory, without touching the host's apt configuration, and takes `qemu-plugin.h` from it.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from afterburner.core.errors import SandboxUnavailable
from afterburner.core.paths import cache_dir

QEMU = "qemu-x86_64"
PACKAGE = "qemu-user"
PLUGIN_INSIDE = "/usr/lib/afterburner/count.so"  # where the sandbox sees the plugin (same path on every host)
HEADER = "include/qemu/qemu-plugin.h"
# Debian's and Ubuntu's archives carry deb-src indexes; other repositories of the host may not.
_ARCHIVE_HINTS = ("debian.org", "ubuntu.com", "debian-archive-keyring", "ubuntu-archive-keyring")


@dataclass(frozen=True)
class Counter:
    """A usable QEMU counter: the emulator and the plugin built for it."""

    qemu: str  # host path of qemu-x86_64
    plugin: Path  # host path of the built plugin
    version: str  # the QEMU package version the plugin was built against

    def prefix(self, fd: int, percpu: bool) -> list[str]:
        """The argv prefix that runs a program under the counter, reporting on `fd`."""
        arguments = f"{PLUGIN_INSIDE},fd={fd}" + (",percpu=1" if percpu else "")
        return [self.qemu, "-plugin", arguments]

    @property
    def identity(self) -> str:
        """What a count depends on besides the program, its inputs and its toolchain."""
        return f"qemu {self.version} plugin {self.plugin.name}"


def _source() -> bytes:
    return (resources.files("afterburner.sandbox") / "counter" / "count.c").read_bytes()


def qemu_version() -> str:
    """The installed qemu-user package's version ('' when it is not installed)."""
    done = subprocess.run(["dpkg-query", "-W", "-f=${Version}", PACKAGE], capture_output=True, text=True, check=False)
    return done.stdout.strip() if done.returncode == 0 else ""


def _source_version() -> str:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${source:Version}", PACKAGE], capture_output=True, text=True, check=False
    )
    return done.stdout.strip()


def _deb_src_sources() -> tuple[str, list[str]]:
    """The host's archive sources as deb-src: deb822 stanzas, and one-line entries of sources.list."""
    stanzas: list[str] = []
    for path in sorted(Path("/etc/apt/sources.list.d").glob("*.sources")):
        for block in path.read_text().split("\n\n"):
            if re.search(r"^Types:.*\bdeb\b", block, re.MULTILINE) and any(h in block for h in _ARCHIVE_HINTS):
                stanzas.append(re.sub(r"^Types:.*$", "Types: deb-src", block.strip(), flags=re.MULTILINE))
    lines: list[str] = []
    listed = Path("/etc/apt/sources.list")
    if listed.exists():
        for line in listed.read_text().splitlines():
            parts = line.split()
            if parts[:1] == ["deb"] and any(h in line for h in _ARCHIVE_HINTS):
                lines.append(" ".join(["deb-src", *parts[1:]]))
    return "\n\n".join(stanzas) + "\n", lines


def _apt(state: Path, *arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    options = [
        "-q",
        "-o",
        "Dir::Etc::SourceList=" + str(state / "sources.list"),
        "-o",
        "Dir::Etc::SourceParts=" + str(state / "parts"),
        "-o",
        "Dir::State::Lists=" + str(state / "lists"),
        "-o",
        "APT::Sandbox::User=root",
    ]
    return subprocess.run(["apt-get", *options, *arguments], capture_output=True, text=True, cwd=cwd, check=False)


def fetch_header(target: Path) -> None:
    """Put the installed QEMU's `qemu-plugin.h` at `target`, from Debian's source package."""
    version = _source_version()
    if not version or shutil.which("apt-get") is None:
        raise SandboxUnavailable("the instruction counter needs QEMU's plugin header", f"apt-get install {PACKAGE}")
    with tempfile.TemporaryDirectory(prefix="afterburner-qemu-src-") as scratch:
        state = Path(scratch)
        (state / "parts").mkdir()
        (state / "lists" / "partial").mkdir(parents=True)
        stanzas, lines = _deb_src_sources()
        (state / "parts" / "archive.sources").write_text(stanzas)
        (state / "sources.list").write_text("\n".join(lines) + "\n")
        _apt(state, "update")  # an unreachable extra repository fails alone; the archive's indexes stay
        download = state / "download"
        download.mkdir()
        done = _apt(state, "source", "--download-only", f"qemu={version}", cwd=download)
        archives = sorted(download.glob("qemu_*.orig.tar.*"))
        if done.returncode != 0 or not archives:
            raise SandboxUnavailable(
                f"cannot download QEMU's source package {version} for its plugin header: {done.stderr.strip()[-300:]}",
                "check that the Debian archive is reachable, or count with --instructions valgrind",
            )
        with tarfile.open(archives[0]) as archive:
            member = next((m for m in archive.getmembers() if m.name.endswith("/" + HEADER)), None)
            extracted = archive.extractfile(member) if member is not None else None
            if extracted is None:
                raise SandboxUnavailable(f"QEMU's source package {version} holds no {HEADER}")
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".partial")
            partial.write_bytes(extracted.read())
            os.replace(partial, target)


def _build(plugin: Path, version: str) -> None:
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise SandboxUnavailable("the instruction counter needs a C compiler", "apt-get install gcc")
    include = cache_dir() / "qemu-include" / re.sub(r"[^A-Za-z0-9.+-]", "_", version)
    if not (include / "qemu-plugin.h").exists():
        fetch_header(include / "qemu-plugin.h")
    source = plugin.with_suffix(".c")
    source.write_bytes(_source())
    partial = plugin.with_suffix(".partial")
    done = subprocess.run(
        [compiler, "-O2", "-Wall", "-shared", "-fPIC", "-I", str(include), "-o", str(partial), str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SandboxUnavailable(f"cannot build the instruction counter plugin: {done.stderr.strip()[-500:]}")
    os.replace(partial, plugin)


@functools.cache
def counter() -> Counter:
    """The QEMU counter of this host, building its plugin on first use; SandboxUnavailable if it cannot."""
    qemu = shutil.which(QEMU)
    version = qemu_version()
    if qemu is None or not version:
        raise SandboxUnavailable("exact instruction counts need QEMU user mode", f"apt-get install {PACKAGE}")
    digest = hashlib.sha256(_source() + version.encode()).hexdigest()[:16]
    directory = cache_dir() / "bin"
    plugin = directory / f"afterburner-count-{digest}.so"
    if not plugin.exists():
        directory.mkdir(parents=True, exist_ok=True)
        with open(directory / ".count-build.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not plugin.exists():
                _build(plugin, version)
    return Counter(qemu, plugin, version)


def availability() -> str:
    """'' when the counter works here, else why not (for doctor and clear errors)."""
    try:
        counter()
    except SandboxUnavailable as error:
        return str(error)
    return ""


if __name__ == "__main__":  # `make setup` builds the plugin ahead of the first count
    print(counter().plugin)


@dataclass(frozen=True)
class CountReport:
    """What the plugin's channel said: the total over the process tree, or why there is none.

    `children` holds, per child of the top process in the order they were started, the total of
    that child's own subtree (a counting zygote runs one test per child).
    """

    instructions: int | None
    reason: str = ""  # why instructions is None
    children: tuple[int, ...] = ()


def parse_report(log: bytes) -> CountReport:
    """Add up the exit lines of the process tree; any tamper line, or a process without one, gives none."""
    lines = log.decode("ascii", errors="replace").splitlines()
    if not lines or not lines[0].startswith("start "):
        return CountReport(None, "the counter did not start")
    top = lines[0].split()[1]
    expected = {top}
    parent_of: dict[str, str] = {}
    exits: dict[str, int] = {}
    for line in lines[1:]:
        kind, *fields = line.split()
        if kind == "tamper":
            reason = fields[1] if len(fields) > 1 else "?"
            what = {
                "exec": "the program started another program (execve), which would run uncounted",
                "channel": "the program touched the counter's report channel",
                "descriptor-passing": "the program passed file descriptors (sendmsg or pidfd_getfd)",
                "proc-mem": "the program opened a /proc mem file",
            }.get(reason, f"the counter reported tampering ({reason})")
            return CountReport(None, what)
        if kind == "clone" and len(fields) == 2:
            expected.add(fields[1])
            parent_of[fields[1]] = fields[0]
        elif kind == "exit" and len(fields) == 2 and fields[1].isdigit() and fields[0] not in exits:
            exits[fields[0]] = int(fields[1])
        else:
            return CountReport(None, "the counter's report is malformed")
    if set(exits) != expected:
        return CountReport(None, "a process of the program ended without its count (killed by a signal)")
    return CountReport(sum(exits.values()), children=_subtrees(top, parent_of, exits))


def _subtrees(top: str, parent_of: dict[str, str], exits: dict[str, int]) -> tuple[int, ...]:
    """Per direct child of `top` (in start order), the instructions of its whole subtree."""
    firsts = [pid for pid, parent in parent_of.items() if parent == top]  # dicts keep the clone order

    def root(pid: str) -> str:
        while parent_of.get(pid, top) != top:
            pid = parent_of[pid]
        return pid

    totals = dict.fromkeys(firsts, 0)
    for pid, count in exits.items():
        if pid != top:
            totals[root(pid)] += count
    return tuple(totals[pid] for pid in firsts)
