"""The shapes of training rows, shared by rows from reference solutions and rows from optimize runs.

Rows are TRL's conversational formats: `prompt` is a list of {"role", "content"} messages (the
optimization loop's own prompts, so a model trains on what it will be asked), completions are
one assistant message holding the code in the language's fence. Figures are SI units (seconds,
bytes, byte-seconds) or instructions; lower is better for every objective. The "time" objective
is decided by the export's ranking metric: the exact instruction count by default, a clock with
`--metric cpu_time`.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from afterburner.core.config import require, setting
from afterburner.core.measured import Measured
from afterburner.core.metrics import info
from afterburner.datasets.model import Problem
from afterburner.judge.measurement import Measurement
from afterburner.languages import get_language
from afterburner.optimize.feedback import Attempt, performance_text
from afterburner.optimize.prompts import TEMPLATES, PromptContext, build_messages
from afterburner.optimize.selection import OBJECTIVES, NoisePolicy, objective_metrics, significantly_lower

KINDS = ("sft", "dpo", "grpo")
ORIGINALS = ("all", "slowest")
# The GRPO rows' baseline_* columns: the exact count (None when it was not counted), then the clock and memory.
BASELINE_METRICS = ("instructions", "cpu_time", "peak_memory", "memory_integral")
# How references are measured for an export: 5 native passes (as `data profile`, whose cache it shares).
EXPORT_MEASUREMENT = Measurement(repeat=5)
T = TypeVar("T")


@dataclass(frozen=True)
class ExportSettings:
    """What rows an export makes and from which measurements; recorded in the manifest.

    The one source of `data export`'s defaults and help (`afterburner.cli.data_training`).
    """

    kind: str
    objective: str = setting(
        "time",
        "time, memory or integral: what 'better' means (time: the ranking metric of the measurement, "
        "the exact instruction count by default).",
    )
    language: str = setting("python", "Language of the solutions to use.")
    template: str = setting("afterburner", "Prompt template: afterburner or paper.")
    measurement: Measurement = field(
        default=EXPORT_MEASUREMENT,
        metadata={"help": "How references are measured and which metric ranks them (see `Measurement`)."},
    )
    k: int = setting(24, "SFT: keep the k best references per problem.")
    max_pairs: int = setting(64, "DPO: pairs per problem (the largest gaps are kept).")
    originals: str = setting("all", "GRPO: every passed reference as an original (all), or the slowest.")
    workers: int = setting(1, "Problems measured at once (each run leases a measure core).")
    noise: NoisePolicy = field(default_factory=NoisePolicy)

    def __post_init__(self) -> None:
        require(
            [
                (self.kind in KINDS, f"kind must be one of {', '.join(KINDS)}"),
                (self.objective in OBJECTIVES, f"objective must be one of {', '.join(OBJECTIVES)}"),
                (self.template in TEMPLATES, f"template must be one of {', '.join(TEMPLATES)}"),
                (isinstance(self.measurement, Measurement), "measurement must be a Measurement"),
                (self.k >= 1, "k must be at least 1"),
                (self.max_pairs >= 1, "max_pairs must be at least 1"),
                (self.originals in ORIGINALS, f"originals must be one of {', '.join(ORIGINALS)}"),
                (self.workers >= 1, "workers must be at least 1"),
            ],
            "export settings",
        )
        object.__setattr__(self, "language", get_language(self.language).name)  # py -> python

    @property
    def metric(self) -> str:
        """What decides 'better': the ranking metric for time, peak memory or the integral otherwise."""
        return objective_metrics(self.objective, self.measurement.metric)[0]

    def to_dict(self) -> dict[str, Any]:
        noise = {"min_gain": self.noise.min_gain, "alpha": self.noise.alpha, "min_samples": self.noise.min_samples}
        names = ("k", "max_pairs", "originals", "template", "workers")
        return {
            **{name: getattr(self, name) for name in names},
            "measurement": self.measurement.to_dict(),
            "metric": self.metric,
            "noise": noise,
        }


@dataclass
class Collected:
    """Rows of one kind and objective, and why candidates did not become rows (reason -> count)."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)

    @property
    def problems(self) -> list[str]:
        return sorted({str(row["problem_id"]) for row in self.rows})


@dataclass(frozen=True)
class Pair(Generic[T]):
    """A preference: `chosen` beats `rejected` beyond noise by relative `gap` (1.0: passing over failing)."""

    chosen: T
    rejected: T
    gap: float


def cap_pairs(pairs: list[Pair[T]], max_pairs: int, label: Callable[[T], str]) -> tuple[list[Pair[T]], int]:
    """The `max_pairs` pairs with the largest gaps (ties by labels: deterministic), and how many were cut."""
    ordered = sorted(pairs, key=lambda p: (-p.gap, label(p.chosen), label(p.rejected)))
    return ordered[:max_pairs], max(0, len(ordered) - max_pairs)


def chat(
    problem: Problem, settings: ExportSettings, code: str | None = None, attempt: Attempt | None = None
) -> list[dict[str, str]]:
    """The loop's prompt as messages: from scratch, or (with `code`) asking to improve `code`,
    whose measured performance is `attempt`'s. Execution feedback is left out (it holds per-run nonces)."""
    context = PromptContext(problem, settings.language, settings.objective)
    if code is not None:
        performance = performance_text(attempt) if attempt is not None else ""
        failed = attempt is not None and not attempt.passed
        context = PromptContext(problem, settings.language, settings.objective, code, performance, "", failed)
    return [message.as_dict() for message in build_messages(context, settings.template)]


def fenced(code: str, language: str) -> str:
    """The assistant's answer: the code in one fenced block, as the loop's extractor expects it."""
    return f"```{get_language(language).fence[0]}\n{code.rstrip()}\n```"


def answer(code: str, language: str) -> list[dict[str, str]]:
    return [{"role": "assistant", "content": fenced(code, language)}]


def measured_attempt(code: str, measured: Measured, tests: int) -> Attempt:
    """An Attempt standing for an already measured solution (what `performance_text` renders)."""
    return Attempt(code, measured, tests if measured.passed else 0, tests)


def grpo_row(problem: Problem, settings: ExportSettings, spec: str, label: str, attempt: Attempt) -> dict[str, Any]:
    """A prompt-only row in the loop's refinement form, with what the reward compares against."""
    assert attempt.code is not None
    return {
        "prompt": chat(problem, settings, attempt.code, attempt),
        "problem_id": problem.id,
        "language": settings.language,
        "objective": settings.objective,
        "dataset": spec,
        "original": attempt.code,
        "original_label": label,
        "baseline_passed": attempt.passed,
        **{f"baseline_{m}": attempt.measured.figure(m) for m in BASELINE_METRICS},
    }


def sft_row(
    problem: Problem,
    settings: ExportSettings,
    prompt: list[dict[str, str]],
    code: str,
    label: str,
    value: float,
    rank: int,
) -> dict[str, Any]:
    return {
        "prompt": prompt,
        "completion": answer(code, settings.language),
        "problem_id": problem.id,
        "language": settings.language,
        "objective": settings.objective,
        "label": label,
        "value": float(value),
        "rank": rank,
    }


@dataclass(frozen=True)
class Side:
    """One side of a DPO pair: its code, label and figure (None: it failed)."""

    code: str
    label: str
    value: float | None


def dpo_row(problem: Problem, settings: ExportSettings, chosen: Side, rejected: Side) -> dict[str, Any]:
    return {
        "prompt": chat(problem, settings),
        "chosen": answer(chosen.code, settings.language),
        "rejected": answer(rejected.code, settings.language),
        "problem_id": problem.id,
        "language": settings.language,
        "objective": settings.objective,
        "chosen_label": chosen.label,
        "rejected_label": rejected.label,
        "chosen_value": _float(chosen.value),
        "rejected_value": _float(rejected.value),
    }


def relative_gain(lower: Sequence[float], higher: Sequence[float]) -> float:
    """(median(higher) - median(lower)) / median(higher); 0 when `higher`'s median is not positive."""
    top = statistics.median(higher)
    return (top - statistics.median(lower)) / top if top > 0 else 0.0


def lower_beyond_noise(candidate: Sequence[float], other: Sequence[float], metric: str, policy: NoisePolicy) -> bool:
    """Whether `candidate` is lower than `other` beyond measurement noise.

    An exact metric (instruction counts: one value per program, the same on every run) has no
    noise to test: the gain alone decides (at least `policy.min_gain`), never a permutation test.
    A clock's passes go through the loop's keep-best test (`significantly_lower`).
    """
    if not candidate or not other:
        return False
    if info(metric).exact:
        return relative_gain(candidate, other) >= policy.min_gain
    return significantly_lower(candidate, other, policy)


def ranked(items: Sequence[T], value: Callable[[T], float], label: Callable[[T], str]) -> list[T]:
    """Lowest figure first; equal figures by label, so the order never depends on input order."""
    return sorted(items, key=lambda item: (value(item), label(item)))


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)
