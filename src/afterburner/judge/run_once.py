"""`afterburner run`'s work: compile a program, run it N times, and summarise its figures.

The figures are the per-metric median, MAD and range over the runs, the language's start-up
baseline (its empty program, measured the same way without counting), and the medians less it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from afterburner.core.limits import Limits
from afterburner.core.results import RunResult
from afterburner.judge.baseline import Baseline, startup_baseline
from afterburner.judge.compiler import compile_source
from afterburner.judge.judge import run_samples, spreads
from afterburner.judge.stats import Spread
from afterburner.languages.base import Language
from afterburner.sandbox.runner import SandboxOptions


@dataclass(frozen=True)
class RunOnce:
    """A program's runs (the first is shown in full), their spread, and the start-up baseline."""

    language: Language
    results: tuple[RunResult, ...]
    spread: dict[str, Spread]
    baseline: Baseline

    @property
    def first(self) -> RunResult:
        return self.results[0]

    @property
    def passed(self) -> bool:
        return all(result.verdict.passed for result in self.results)

    @property
    def medians(self) -> dict[str, float | None]:
        return {name: spread.median for name, spread in self.spread.items()}

    @property
    def corrected(self) -> dict[str, float | None]:
        return self.baseline.corrected(self.medians)

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language.name,
            "result": self.first.to_dict(),
            "repeat": len(self.results),
            "median": self.medians,
            "spread": {name: vars(spread) for name, spread in self.spread.items()},
            "baseline": vars(self.baseline),
            "corrected": self.corrected,
        }


@dataclass(frozen=True)
class CompileFailed:
    message: str


def run_once(
    language: Language, source: str, stdin: bytes, limits: Limits, options: SandboxOptions, repeat: int = 1
) -> RunOnce | CompileFailed:
    """Compile `source` and run it `repeat` times on `stdin` (limits adjusted for the language)."""
    compiled = compile_source(language, source)
    if compiled.program is None:
        return CompileFailed(compiled.message)
    limits = language.limits_for(limits)
    results = tuple(compiled.program.run(stdin, limits, options) for _ in range(repeat))
    baseline = startup_baseline(language, options=replace(options, instructions="off"))
    return RunOnce(language, results, spreads(run_samples(results)), baseline)
