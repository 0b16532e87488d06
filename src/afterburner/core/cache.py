"""One content-hash cache on disk for every cache of Afterburner (builds, profiles, tests, ...).

An entry lives at `cache_dir() / NAMESPACE / [SCOPE] / [KEY[:2]] / KEY.json` (a JSON object), or
is a directory `.../KEY/` holding `status.json` and files (compiled programs). The scope says
whose entry it is besides its key, by one rule for every cache:

- `Scope.CONTENT`: the key alone (generated tests); no scope part in the path;
- `Scope.TOOLCHAIN`: a toolchain identity the caller passes (a compiler's version);
- `Scope.MACHINE`: where it was measured: "local" is this machine (`machine_fingerprint()`), any
  other name an executor's ('ray:ADDRESS', 'remote:URL'), whose figures are kept apart.

Writes are atomic (a temp file or directory beside the entry, fsynced, then renamed into place),
so a run killed mid-write leaves no entry. Reads are tolerant: an entry that is missing, empty,
truncated or not a JSON object is a miss, never an exception; the next put replaces it.
"""

from __future__ import annotations

import contextlib
import enum
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from afterburner.core.machine import machine_fingerprint
from afterburner.core.paths import cache_dir

LOCAL = "local"  # the MACHINE scope of this machine
STATUS = "status.json"  # a directory entry's JSON object: without a readable one, the entry is a miss
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")

Entry = dict[str, Any]


class Scope(enum.Enum):
    """Whose entry it is, besides its key."""

    CONTENT = "content"
    TOOLCHAIN = "toolchain"
    MACHINE = "machine"


@dataclass(frozen=True)
class Built:
    """A directory entry: its status object, its directory, and whether it was there already."""

    status: Entry
    path: Path
    cached: bool


@dataclass(frozen=True)
class ContentCache:
    """The entries of one namespace ("profiles") in one scope."""

    namespace: str
    scope: Scope = Scope.CONTENT
    identity: str = ""  # TOOLCHAIN: the toolchain's identity; MACHINE: "local" or an executor's name
    shard: bool = False  # entries under KEY[:2]/, for namespaces with very many

    def __post_init__(self) -> None:
        if not _KEY.fullmatch(self.namespace):
            raise ValueError(f"bad cache namespace {self.namespace!r}")
        if self.scope is Scope.CONTENT and self.identity:
            raise ValueError("a CONTENT-scoped cache depends on the key alone: no identity")

    @property
    def directory(self) -> Path:
        """The namespace's directory for this scope (created)."""
        directory = cache_dir() / self.namespace
        if self.scope is Scope.MACHINE and self.identity in ("", LOCAL):
            directory /= f"machine-{machine_fingerprint()}"
        elif self.scope is not Scope.CONTENT:
            directory /= f"{self.scope.value}-{hashlib.sha256(self.identity.encode()).hexdigest()[:16]}"
        directory.mkdir(parents=True, exist_ok=True)
        return directory

    def _base(self, key: str) -> Path:
        """The entry's path without suffix (its parent created)."""
        if not _KEY.fullmatch(key):
            raise ValueError(f"bad cache key {key!r}")
        parent = self.directory / key[:2] if self.shard else self.directory
        parent.mkdir(exist_ok=True)
        return parent / key

    def path(self, key: str) -> Path:
        """Where the JSON entry of `key` is (or would be)."""
        return self._base(key).with_name(f"{key}.json")

    def get(self, key: str) -> Entry | None:
        """The JSON object stored under `key`; None when absent or damaged."""
        return _read_object(self.path(key))

    def put(self, key: str, value: Entry) -> None:
        """Store `value` under `key`, atomically: a reader sees the old entry or the whole new one."""
        _write_atomic(self.path(key), json.dumps(value).encode())

    @contextlib.contextmanager
    def lock(self, key: str) -> Iterator[None]:
        """Hold `key` exclusively (across processes), e.g. to build it once."""
        base = self._base(key)
        with open(base.with_name(f"{key}.lock"), "w") as lock:
            # The lock file stays: unlinking it would let a third worker lock a new inode while a
            # second still holds the old one.
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def build_once(
        self,
        key: str,
        build: Callable[[Path], Entry],
        usable: Callable[[Entry, Path], bool] = lambda status, path: True,
    ) -> Built:
        """The directory entry of `key`, built by `build` unless a usable one is there.

        Concurrent builders of one key (threads or processes) build it once. `build` fills an
        empty temp directory and returns the status object; the directory becomes the entry by one
        rename, so a half-built entry (killed, or `build` raised) is never seen. An entry without a
        readable status, or one `usable` rejects, is removed and built again.
        """
        base = self._base(key)
        with self.lock(key):
            status = _read_object(base / STATUS)
            if status is not None and usable(status, base):
                return Built(status, base, cached=True)
            for stale in [base, *base.parent.glob(f".{key}.*.tmp")]:  # damaged, or a killed build's
                _remove(stale)
            scratch = Path(tempfile.mkdtemp(prefix=f".{key}.", suffix=".tmp", dir=base.parent))
            try:
                scratch.chmod(0o755)
                status = build(scratch)
                _write_atomic(scratch / STATUS, json.dumps(status).encode())
                os.rename(scratch, base)
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
            _sync_directory(base.parent)
        return Built(status, base, cached=False)


def _read_object(path: Path) -> Entry | None:
    try:
        value = json.loads(path.read_bytes())
    except (OSError, ValueError):  # absent, unreadable, empty, truncated, not UTF-8, not JSON
        return None
    return value if isinstance(value, dict) else None


def _write_atomic(path: Path, data: bytes) -> None:
    """Write a temp file beside `path`, fsync it, rename it over `path`; never a partial `path`."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(partial, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    _sync_directory(path.parent)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _sync_directory(directory: Path) -> None:
    """Make a rename in `directory` durable (best effort)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
