"""A judged attempt, and the feedback about it that goes back to the model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from afterburner.core.limits import Limits
from afterburner.datasets.model import PLACEHOLDER, Problem, Style
from afterburner.datasets.profile import SOLUTION_LIMITS, judge_solution
from afterburner.evaluation.evaluate import key
from afterburner.evaluation.metrics import METRICS, TIE_TOLERANCE, References, percentile
from afterburner.judge.judge import TestCase
from afterburner.optimize.hotspots import Hotspot, python_hotspots
from afterburner.optimize.selection import OBJECTIVES, Standing

LABELS = {"cpu_time": "CPU time", "peak_memory": "peak memory", "memory_integral": "memory-time integral"}


@dataclass(frozen=True)
class FeedbackOptions:
    """Each element can be switched off (the paper's feedback is the aggregate numbers only)."""

    failing_test: bool = True
    errors: bool = True
    metrics: bool = True
    percentiles: bool = True
    hotspots: bool = True


@dataclass(frozen=True)
class Attempt:
    """One candidate, judged."""

    code: str | None
    verdict: str
    passed: bool
    tests_passed: int = 0
    tests_total: int = 0
    metrics: dict[str, float | None] = field(default_factory=dict)
    samples: dict[str, list[float]] = field(default_factory=dict)
    percentiles: dict[str, float] = field(default_factory=dict)
    failure: str = ""
    hotspots: tuple[Hotspot, ...] = ()

    def standing(self, objective: str) -> Standing:
        return Standing(self.passed, self.tests_passed, self.samples.get(OBJECTIVES[objective], []))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("code")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], code: str | None) -> Attempt:
        hotspots = tuple(Hotspot(**h) for h in data.get("hotspots", ()))
        return cls(code=code, **{**data, "hotspots": hotspots})


def _hotspots(problem: Problem, code: str, tests: Sequence[TestCase]) -> tuple[Hotspot, ...]:
    source = problem.program_source("python", code)
    spots = python_hotspots(source, tests[-1].input, Limits(cpu_time=10))
    if problem.style is Style.FUNCTION:  # report lines of the submitted code, not of the runner
        offset = next(i for i, line in enumerate(problem.runners["python"].splitlines()) if line.strip() == PLACEHOLDER)
        spots = [
            Hotspot(s.line - offset, s.share, s.text) for s in spots if 0 < s.line - offset <= len(code.splitlines())
        ]
    return tuple(spots)


def judge_attempt(
    problem: Problem,
    language: str,
    code: str | None,
    tests: Sequence[TestCase],
    references: References,
    repeat: int = 3,
    options: FeedbackOptions | None = None,
    limits: Limits = SOLUTION_LIMITS,
) -> Attempt:
    """Judge a candidate (None: the answer held no code) and gather what feedback needs."""
    options = options or FeedbackOptions()
    if code is None:
        return Attempt(None, "CE", False, 0, len(tests), failure="no code block found in the answer")
    result = judge_solution(problem, language, code, tests, repeat, limits=limits)
    passed_count = sum(t.verdict.value == "AC" for t in result.tests)
    failure = ""
    if not result.passed:
        first = result.first_failure
        failure = first.detail if first else result.compile.message
    ranks = {}
    if result.passed:
        for metric in METRICS:
            value = result.metrics.get(metric)
            if value is not None:
                ranks[metric] = percentile(
                    value, references.values(key(problem.id, language), metric), TIE_TOLERANCE.get(metric, 0.0)
                )
    spots = _hotspots(problem, code, tests) if result.passed and language == "python" and options.hotspots else ()
    return Attempt(
        code=code,
        verdict=result.verdict.value,
        passed=result.passed,
        tests_passed=passed_count,
        tests_total=len(tests),
        metrics=dict(result.metrics) if result.passed else {},
        samples=dict(result.samples) if result.passed else {},
        percentiles=ranks,
        failure=failure[:1500],
        hotspots=spots,
    )


def _value(metric: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    if metric == "cpu_time":
        return f"{value * 1000:.1f} ms"
    if metric == "peak_memory":
        return f"{value / 2**20:.2f} MB"
    return f"{value / 2**20:.4f} MB*s"


def performance_text(attempt: Attempt) -> str:
    """The paper's feedback: passed or not, and the aggregate time, memory and integral."""
    lines = [f"- passed all tests: {'yes' if attempt.passed else 'no'} ({attempt.tests_passed}/{attempt.tests_total})"]
    if attempt.passed:
        lines += [f"- {LABELS[m]}: {_value(m, attempt.metrics.get(m))}" for m in METRICS]
    return "\n".join(lines)


def feedback_text(attempt: Attempt, options: FeedbackOptions) -> str:
    """Richer feedback: the first failing test, errors, percentiles against references, hotspots."""
    parts: list[str] = []
    if not attempt.passed:
        is_error = attempt.verdict in ("CE", "RTE", "MLE", "TLE", "OLE")
        if attempt.failure and ((is_error and options.errors) or (not is_error and options.failing_test)):
            parts.append(f"Verdict {attempt.verdict}. {attempt.failure.strip()}")
        elif attempt.verdict:
            parts.append(f"Verdict {attempt.verdict}.")
        return "\n".join(parts)
    if options.percentiles and attempt.percentiles:
        ranks = ", ".join(f"{LABELS[m]} beats {attempt.percentiles[m] * 100:.0f}%" for m in attempt.percentiles)
        parts.append(f"Compared with reference solutions of this problem: {ranks}.")
    if options.hotspots and attempt.hotspots:
        spots = "\n".join(f"  line {h.line} ({h.share * 100:.0f}% of CPU samples): {h.text}" for h in attempt.hotspots)
        parts.append(f"Where the time goes (largest test):\n{spots}")
    return "\n".join(parts)
