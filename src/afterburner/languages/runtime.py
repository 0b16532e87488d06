"""Runtime sets: the pinned packages that dataset code may import, shown read-only to the sandbox.

A language declares `packages` (exact `name==version` pins) in its TOML file. `make setup`
installs them once: pip, wheels only, no dependencies (a set lists every package it needs), into
`<runtime root>/<language>/<digest of the pins>`, then made read-only. The sandbox shows that
folder read-only at the same path and names it in the language's `packages_env` (PYTHONPATH),
never the host's site-packages: a program sees the standard library and the declared set, nothing
that happens to be installed here.

The runtime root is `$AFTERBURNER_RUNTIME`, else `<cache>/runtime`; as root it is
`/var/cache/afterburner/runtime`, because sandboxed programs then run as an unprivileged user, who
cannot enter root's home (and so its cache). A set the sandbox user cannot reach is not shown.

A dataset whose code imports a module outside the set gets an Issue when it is loaded
(`missing_modules`), not a reference that fails in the sandbox.
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from afterburner.core.errors import AfterburnerError
from afterburner.core.paths import cache_dir

SYSTEM_ROOT = Path("/var/cache/afterburner/runtime")
MANIFEST = "afterburner-runtime.json"  # in every installed set (a folder without it is not one)
PIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*==[A-Za-z0-9.+!_-]+$")
# Handlers that make an import optional: `try: import x` / `except ImportError: ...` needs no x.
OPTIONAL = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


class RuntimeSetError(AfterburnerError):
    """A runtime set could not be installed."""


def digest(packages: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(sorted(packages)).encode()).hexdigest()[:16]


def runtime_root() -> Path:
    explicit = os.environ.get("AFTERBURNER_RUNTIME")
    if explicit:
        return Path(explicit)
    return SYSTEM_ROOT if os.geteuid() == 0 else cache_dir() / "runtime"


def runtime_dir(language: str, packages: Sequence[str]) -> Path:
    return runtime_root() / language / digest(packages)


def reachable(folder: Path) -> bool:
    """Whether sandboxed programs can read the folder: as root they run as another user, who needs every
    folder above it to be searchable by others (as the caller they can reach what the caller can)."""
    if os.geteuid() != 0:
        return True
    try:
        if not folder.stat().st_mode & stat.S_IROTH:
            return False
        return all(path.stat().st_mode & stat.S_IXOTH for path in (folder, *folder.parents))
    except OSError:
        return False


def installed(language: str, packages: Sequence[str]) -> Path | None:
    """The installed runtime set of these pins, or None (none declared, not installed here, or out of the
    sandbox user's reach)."""
    if not packages:
        return None
    folder = runtime_dir(language, packages)
    return folder if (folder / MANIFEST).is_file() and reachable(folder) else None


def declared_modules(packages: Sequence[str]) -> frozenset[str]:
    """The import names the pins most likely provide (sortedcontainers==2.4.0 -> sortedcontainers)."""
    return frozenset(re.sub(r"[-.]+", "_", p.split("==", 1)[0]).lower() for p in packages)


def installed_modules(language: str, packages: Sequence[str]) -> frozenset[str]:
    """Top-level modules of the installed set (none when it is not installed here)."""
    folder = installed(language, packages)
    if folder is None:
        return frozenset()
    return frozenset(json.loads((folder / MANIFEST).read_text())["modules"])


def _top_level(folder: Path) -> list[str]:
    names = []
    for entry in folder.iterdir():
        if entry.name.endswith((".dist-info", ".data")) or entry.name in ("bin", "__pycache__"):
            continue
        if entry.is_dir() and entry.name.isidentifier():
            names.append(entry.name)
        elif entry.suffix in (".py", ".so") and entry.name.split(".")[0].isidentifier():
            names.append(entry.name.split(".")[0])
    return sorted(set(names))


def _make_read_only(folder: Path) -> None:
    for root, dirs, files in os.walk(folder, topdown=False):
        for name in files:
            os.chmod(os.path.join(root, name), 0o444)
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o555)
    folder.chmod(0o555)


def install(language: str, packages: Sequence[str], python: str = sys.executable) -> Path | None:
    """Install the pinned set once (a no-op when it is there); returns its folder, None if none declared."""
    if not packages:
        return None
    unpinned = [p for p in packages if not PIN.match(p)]
    if unpinned:
        raise RuntimeSetError(f"the {language} runtime set must pin exact versions (name==version): {unpinned}")
    done = installed(language, packages)
    if done is not None:
        return done
    target = runtime_dir(language, packages)
    target.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    argv = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps"]
    argv += ["--only-binary=:all:", "--no-compile", "--target", str(staging), *packages]
    ran = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    if ran.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        last = ((ran.stderr or ran.stdout).strip().splitlines() or [f"pip exited {ran.returncode}"])[-1]
        raise RuntimeSetError(f"cannot install the {language} runtime set {list(packages)}: {last}")
    manifest = {"language": language, "packages": sorted(packages), "modules": _top_level(staging)}
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    _make_read_only(staging)
    try:
        staging.rename(target)
    except OSError:  # another process installed it meanwhile: ours goes
        for root, dirs, _ in os.walk(staging):
            os.chmod(root, 0o755)
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(staging, ignore_errors=True)
    if not reachable(target):
        raise RuntimeSetError(
            f"the sandbox user cannot reach the {language} runtime set in {target}",
            "set AFTERBURNER_RUNTIME to a folder that others may search (every folder above it o+x)",
        )
    return target


def _optional(handlers: list[ast.ExceptHandler]) -> bool:
    for handler in handlers:
        if handler.type is None:
            return True
        types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        if any(isinstance(t, ast.Name) and t.id in OPTIONAL for t in types):
            return True
    return False


def _imports(node: ast.AST, found: set[str]) -> None:
    if isinstance(node, ast.Try) and _optional(node.handlers):
        for child in (*node.handlers, *node.orelse, *node.finalbody):
            _imports(child, found)
        return
    if isinstance(node, ast.Import):
        found.update(alias.name.split(".")[0] for alias in node.names)
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        found.add(node.module.split(".")[0])
    for child in ast.iter_child_nodes(node):
        _imports(child, found)


def imported_modules(code: str) -> set[str]:
    """Top-level names of the modules Python code imports (not those it tries and can do without)."""
    found: set[str] = set()
    with contextlib.suppress(SyntaxError, ValueError, RecursionError, MemoryError):  # reported when it runs
        _imports(ast.parse(code), found)
    return found


def missing_modules(code: str, language: str, packages: Sequence[str]) -> list[str]:
    """Modules Python code imports that neither the standard library nor the installed runtime set provides."""
    available = set(sys.stdlib_module_names) | installed_modules(language, packages)
    return sorted(imported_modules(code) - available)


def main() -> None:
    """Install the runtime set of every language that declares one (`make setup`)."""
    from afterburner.languages.registry import all_languages

    for language in all_languages().values():
        folder = install(language.name, language.packages)
        if folder is not None:
            print(f"{language.name}: {', '.join(language.packages)} in {folder}")
