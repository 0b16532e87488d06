"""The shapes of training rows, shared by rows from reference solutions and rows from optimize runs.

Rows are TRL's conversational formats: `prompt` is a list of {"role", "content"} messages (the
optimization loop's own prompts, so a model trains on what it will be asked), completions are
one assistant message holding the code in the language's fence. Figures are SI units (seconds,
bytes, byte-seconds); lower is better for every objective.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from afterburner.core.config import require
from afterburner.core.verdicts import Verdict
from afterburner.datasets.model import Problem
from afterburner.judge.stats import DEFAULT_ESTIMATOR, ESTIMATORS
from afterburner.languages import get_language
from afterburner.optimize.feedback import Attempt, performance_text
from afterburner.optimize.prompts import TEMPLATES, PromptContext, build_messages
from afterburner.optimize.selection import OBJECTIVES, NoisePolicy

KINDS = ("sft", "dpo", "grpo")
ORIGINALS = ("all", "slowest")
BASELINE_METRICS = ("cpu_time", "peak_memory", "memory_integral")
T = TypeVar("T")


@dataclass(frozen=True)
class ExportSettings:
    """What rows an export makes and from which measurements; recorded in the manifest."""

    kind: str
    objective: str = "time"
    language: str = "python"
    template: str = "afterburner"
    repeat: int = 5  # measured passes per reference solution
    k: int = 24  # SFT: the k best references per problem
    max_pairs: int = 64  # DPO: pairs per problem, the largest gaps first
    originals: str = "all"  # GRPO: every passed reference, or only the slowest of each problem
    estimator: str = DEFAULT_ESTIMATOR
    workers: int = 1
    noise: NoisePolicy = field(default_factory=NoisePolicy)

    def __post_init__(self) -> None:
        require(
            [
                (self.kind in KINDS, f"kind must be one of {', '.join(KINDS)}"),
                (self.objective in OBJECTIVES, f"objective must be one of {', '.join(OBJECTIVES)}"),
                (self.template in TEMPLATES, f"template must be one of {', '.join(TEMPLATES)}"),
                (1 <= self.repeat <= 50, "repeat must be 1 .. 50"),
                (self.k >= 1, "k must be at least 1"),
                (self.max_pairs >= 1, "max_pairs must be at least 1"),
                (self.originals in ORIGINALS, f"originals must be one of {', '.join(ORIGINALS)}"),
                (self.estimator in ESTIMATORS, f"estimator must be one of {', '.join(ESTIMATORS)}"),
                (self.workers >= 1, "workers must be at least 1"),
            ],
            "export settings",
        )
        object.__setattr__(self, "language", get_language(self.language).name)  # py -> python

    @property
    def metric(self) -> str:
        return OBJECTIVES[self.objective]

    def to_dict(self) -> dict[str, Any]:
        noise = {"min_gain": self.noise.min_gain, "alpha": self.noise.alpha, "min_samples": self.noise.min_samples}
        names = ("repeat", "estimator", "k", "max_pairs", "originals", "template", "workers")
        return {**{name: getattr(self, name) for name in names}, "metric": self.metric, "noise": noise}


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


def measured_attempt(
    code: str, passed: bool, tests: int, metrics: Mapping[str, float | None], verdict: Verdict = Verdict.AC
) -> Attempt:
    """An Attempt standing for an already measured solution (what `performance_text` renders)."""
    return Attempt(code, verdict, passed, tests if passed else 0, tests, metrics=dict(metrics))


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
        **{f"baseline_{m}": _float(attempt.metrics.get(m)) for m in BASELINE_METRICS},
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


def ranked(items: Sequence[T], value: Callable[[T], float], label: Callable[[T], str]) -> list[T]:
    """Lowest figure first; equal figures by label, so the order never depends on input order."""
    return sorted(items, key=lambda item: (value(item), label(item)))


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)
