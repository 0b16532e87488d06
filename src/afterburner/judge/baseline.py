"""Per-language start-up cost (an empty program), so solutions compare on their own cost."""

from __future__ import annotations

import contextlib
import hashlib
import statistics
from dataclasses import asdict, dataclass

from afterburner.core.cache import LOCAL, ContentCache, Scope
from afterburner.core.errors import SandboxFailure
from afterburner.core.limits import Limits
from afterburner.judge.compiler import compile_source
from afterburner.languages.base import Language
from afterburner.sandbox.runner import SandboxOptions

CORRECTED = ("cpu_time", "wall_time", "peak_memory", "memory_integral")


@dataclass(frozen=True)
class Baseline:
    """Median metrics of the language's empty program over `runs` runs."""

    language: str
    cpu_time: float
    wall_time: float
    peak_memory: float
    memory_integral: float
    runs: int

    def corrected(self, metrics: dict[str, float | None], processes: int = 1) -> dict[str, float | None]:
        """Metrics minus start-up cost; `processes` is how many runs the totals cover.

        Time and the integral add up over runs, so each run's start-up is subtracted;
        peak memory is a maximum, so one start-up's footprint is subtracted. Never below 0.
        """
        out: dict[str, float | None] = {}
        for name in CORRECTED:
            value = metrics.get(name)
            base = getattr(self, name) * (1 if name == "peak_memory" else processes)
            out[name] = None if value is None else max(0.0, value - base)
        return out


def startup_baseline(
    language: Language, runs: int = 7, refresh: bool = False, options: SandboxOptions | None = None
) -> Baseline:
    """Measure (or load from cache) the start-up baseline of a language on this machine."""
    tag = hashlib.sha256(f"{language.toolchain_version}|{language.run}".encode()).hexdigest()[:12]
    cache, key = ContentCache("baselines", Scope.MACHINE, LOCAL), f"{language.name}-{tag}"
    stored = None if refresh else cache.get(key)
    if stored is not None:
        with contextlib.suppress(TypeError, ValueError):  # not a baseline: measure again
            return Baseline(**stored)
    compiled = compile_source(language, language.empty)
    if compiled.program is None:
        raise SandboxFailure(f"the empty {language.name} program does not compile: {compiled.message}")
    samples = []
    for _ in range(runs):
        result = compiled.program.run(None, Limits(), options)
        if not result.verdict.passed:
            raise SandboxFailure(f"the empty {language.name} program failed: {result.message}")
        samples.append(result)
    baseline = Baseline(
        language=language.name,
        cpu_time=statistics.median(r.cpu_time for r in samples),
        wall_time=statistics.median(r.wall_time for r in samples),
        peak_memory=statistics.median(r.peak_memory for r in samples),
        memory_integral=statistics.median(r.memory_integral or 0.0 for r in samples),
        runs=runs,
    )
    cache.put(key, asdict(baseline))
    return baseline
