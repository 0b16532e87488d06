"""Compilation, once per distinct source (content-hash cache), sandboxed, outside measured runs."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from afterburner.core.cache import ContentCache, Scope
from afterburner.core.errors import SandboxFailure
from afterburner.core.limits import COMPILE_LIMITS, Limits
from afterburner.core.results import RunResult
from afterburner.core.verdicts import Verdict
from afterburner.languages.base import Language, counting
from afterburner.sandbox.runner import FileSource, SandboxOptions, run

MESSAGE_CHARS = 8000
INFRA_RETRIES = 2  # extra tries of a run whose sandbox failed
INFRA_BACKOFF = 0.2  # seconds before the first retry, doubling


@dataclass(frozen=True)
class Program:
    """A program ready to run: the files to place in /box and the language to run them with."""

    language: Language
    files: dict[str, FileSource] = field(default_factory=dict)

    def argv(self, limits: Limits, counted: bool = False) -> list[str]:
        return self.language.run_argv(limits, counted)

    def run(self, stdin: bytes | str | Path | None, limits: Limits, options: SandboxOptions | None = None) -> RunResult:
        """One sandboxed run: the runtime's own task limit, its argv, and its runtime paths shown.

        An infrastructure error (the sandbox failed, not the program) is retried up to
        `INFRA_RETRIES` times; one that persists comes back as verdict IE, never as the program's.
        """
        limits = self.language.limits_for(limits)
        options = self.language.sandbox_options(options)
        argv = self.argv(limits, counting(options))
        for attempt in range(INFRA_RETRIES + 1):
            if attempt:
                time.sleep(INFRA_BACKOFF * 2 ** (attempt - 1))
            try:
                result = run(argv, self.files, limits, stdin=stdin, options=options)
            except SandboxFailure as error:
                result = RunResult.infrastructure_error(str(error))
            if result.verdict is not Verdict.IE:
                return result
        return replace(result, message=f"{result.message} (infrastructure error, {INFRA_RETRIES + 1} tries)")


@dataclass(frozen=True)
class CompileResult:
    ok: bool
    program: Program | None
    message: str = ""  # the compiler's diagnostics when not ok
    cached: bool = False
    seconds: float = 0.0


def _cache_key(language: Language, source: str) -> str:
    recipe = json.dumps([language.name, language.compile, language.compile_env])  # the toolchain: the scope
    return hashlib.sha256(recipe.encode() + b"\0" + source.encode()).hexdigest()


def _artifacts(build: Path) -> dict[str, FileSource]:
    return {path.name: path for path in sorted((build / "artifacts").iterdir())}


def _usable(status: dict[str, Any], build: Path) -> bool:
    """A build's status names its outcome, and a successful build still has its artifacts."""
    if not isinstance(status.get("ok"), bool) or not isinstance(status.get("message"), str):
        return False
    return not status["ok"] or ((build / "artifacts").is_dir() and any((build / "artifacts").iterdir()))


def compile_source(language: Language, source: str, limits: Limits = COMPILE_LIMITS) -> CompileResult:
    """Compile source (cached by content hash); interpreted languages just carry the source."""
    if not language.compiled:
        return CompileResult(ok=True, program=Program(language, {language.source: source.encode()}))
    seconds = 0.0

    def build(into: Path) -> dict[str, Any]:
        nonlocal seconds
        started = time.monotonic()
        ok, message = _compile_into(language, source, limits, into)
        seconds = time.monotonic() - started
        return {"ok": ok, "message": message}

    # The same source compiled by two workers: once (the cache holds a lock per key meanwhile).
    cache = ContentCache("builds", Scope.TOOLCHAIN, language.toolchain_version)
    built = cache.build_once(_cache_key(language, source), build, _usable)
    ok, message = built.status["ok"], built.status["message"]
    program = Program(language, _artifacts(built.path)) if ok else None
    return CompileResult(ok, program, message, cached=built.cached, seconds=seconds)


def _compile_into(language: Language, source: str, limits: Limits, build: Path) -> tuple[bool, str]:
    out = Path(tempfile.mkdtemp(prefix="afterburner-build-"))
    try:
        result = run(
            list(language.compile),
            {language.source: source.encode()},
            limits,
            options=language.sandbox_options(SandboxOptions(env=language.compile_env, sample_hz=100)),
            output_dir=out,
        )
        if result.verdict is Verdict.IE:
            raise SandboxFailure(f"compiling {language.name} failed inside the sandbox: {result.message}")
        diagnostics = (result.stderr_text + result.stdout_text).strip()[:MESSAGE_CHARS]
        if not result.verdict.passed:
            reason = result.message if result.verdict is not Verdict.RTE else "compilation failed"
            return False, f"{reason}\n{diagnostics}".strip()
        artifacts = build / "artifacts"
        artifacts.mkdir(parents=True, exist_ok=True)
        kept = [path for pattern in language.artifacts for path in out.glob(pattern) if path.is_file()]
        if not kept:
            return False, f"the compiler produced no {', '.join(language.artifacts)}\n{diagnostics}".strip()
        for path in kept:
            target = artifacts / path.name
            shutil.copyfile(path, target)
            target.chmod(0o755)
        return True, diagnostics
    finally:
        shutil.rmtree(out, ignore_errors=True)
