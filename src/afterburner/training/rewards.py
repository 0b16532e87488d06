"""GRPO execution rewards, judged for real in the sandbox on each problem's hidden scoring tests.

Both rewards are picklable callables with TRL's contract
`reward(prompts, completions, **columns) -> list[float | None]`: one reward per completion, None
when our side could not judge it (TRL turns None into NaN and leaves it out). The columns are
those of the GRPO rows of `afterburner data export grpo` (`RewardRow`), each a list parallel to
the completions; unknown ones (trainer_state, log_extra, ...) are ignored. With `log_metric` the
judge seconds and the share of None rewards of each call are logged, with `log_extra` each
completion's verdict.

The candidate AND the original are judged here, on the same scoring tests with the same settings
(the original once, cached), so they are comparable; the row's `baseline_*` figures were measured
on other tests and serve only as a fallback when a row carries no original code.
The formulas are pure functions (`paper_reward`, `afterburner_reward`) tested against tables.

What decides efficiency is the reward's `Measurement`: the "time" objective is its ranking metric,
by default the exact instruction count (one counting pass per passing program: the same on every
run and beside any load, so rollouts judged at the same time on a busy machine compare fairly);
`Measurement(metric="cpu_time", counter="off")` ranks by the clock as before. The memory and
integral objectives are measured as always (peak memory, memory-time integral).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any, ClassVar

from afterburner.core.errors import AfterburnerError
from afterburner.core.measured import Measured
from afterburner.core.metrics import TIE_TOLERANCE, info
from afterburner.datasets.judging import SOLUTION_LIMITS
from afterburner.datasets.testgen import TestSplit
from afterburner.evaluation.metrics import percentile
from afterburner.judge.executor import JudgeExecutor
from afterburner.judge.measurement import Measurement
from afterburner.languages import get_language
from afterburner.optimize.extract import extract_code, has_paper_format
from afterburner.optimize.selection import OBJECTIVES, NoisePolicy, objective_metrics
from afterburner.training.reward_judge import (
    JudgeSettings,
    NotScored,
    ProblemContext,
    RewardJudge,
    RewardStats,
    figure_of,
    reference_values,
)
from afterburner.training.rows import lower_beyond_noise

FAILURE_REWARD = -1.0
# The paper's caps, in each metric's SI unit, from the solution limits (it clipped at 90 on milliseconds).
PAPER_CAPS: Mapping[str, float] = MappingProxyType(
    {
        "cpu_time": SOLUTION_LIMITS.cpu_time,
        "wall_time": SOLUTION_LIMITS.effective_wall_time,
        "peak_memory": float(SOLUTION_LIMITS.memory),
        "memory_integral": SOLUTION_LIMITS.cpu_time * SOLUTION_LIMITS.memory,
        "instructions": math.inf,
    }
)
REQUIRED_COLUMNS = ("problem_id", "language", "objective", "dataset")


# --- the formulas -----------------------------------------------------------------------------


def paper_correctness(original_passed: bool, new_passed: bool) -> float:
    """The paper's c: fail/fail -0.5, pass/pass +0.5, fail -> pass +1.0, pass -> fail -1.0."""
    if new_passed:
        return 0.5 if original_passed else 1.0
    return -1.0 if original_passed else -0.5


def paper_efficiency(baseline: float, value: float, cap: float) -> float:
    """The paper's e = tanh(clip((b - v) / (b + 1e-9), -1, 1)), b and v clipped to [0, cap] first."""
    b = min(max(baseline, 0.0), cap)
    v = min(max(value, 0.0), cap)
    return math.tanh(min(max((b - v) / (b + 1e-9), -1.0), 1.0))


def paper_reward(
    original_passed: bool,
    new_passed: bool,
    baseline: float | None = None,
    value: float | None = None,
    cap: float = PAPER_CAPS["cpu_time"],
    formatted: bool = False,
) -> float:
    """R = 0.5 * (c + 0.5 * e) + 0.2 * f; e counts only when both pass (else 0), f = 1 for the paper's format."""
    c = paper_correctness(original_passed, new_passed)
    e = 0.0
    if original_passed and new_passed and baseline is not None and value is not None:
        e = paper_efficiency(baseline, value, cap)
    return 0.5 * (c + 0.5 * e) + 0.2 * (1.0 if formatted else 0.0)


def afterburner_reward(
    new_passed: bool,
    original_passed: bool,
    p_new: float = 0.0,
    p_original: float = 0.0,
    beyond_noise: bool = False,
    failure: float = FAILURE_REWARD,
) -> float:
    """Correctness first, then the percentile gain beyond noise (see `AfterburnerReward`)."""
    if not new_passed:
        return failure
    if not original_passed:
        return 1.0 + p_new  # fixed: the gain counted from percentile 0
    if not beyond_noise:
        return 0.5
    return 0.5 + (p_new - p_original)


def beyond_noise(new: Sequence[float], original: Sequence[float], metric: str, policy: NoisePolicy) -> bool:
    """Whether new and original differ beyond measurement noise, in either direction.

    An exact metric (instruction counts: the same program on the same tests gives the same count)
    has no noise to test: the difference must reach the policy's `min_gain` either way, as the
    loop's keep-best rule asks of one count per program, and no permutation test runs. Otherwise
    the keep-best rule's test (`significantly_lower`: gain and permutation test) decides, both ways.
    """
    return lower_beyond_noise(new, original, metric, policy) or lower_beyond_noise(original, new, metric, policy)


# --- rows and completions ---------------------------------------------------------------------


@dataclass(frozen=True)
class RewardRow:
    """The columns of one GRPO row that the rewards read (SI units: seconds, bytes, byte-seconds)."""

    problem_id: str
    language: str
    objective: str
    dataset: str
    original: str = ""
    original_label: str = ""
    baseline_passed: bool | None = None
    baseline_instructions: float | None = None
    baseline_cpu_time: float | None = None
    baseline_peak_memory: float | None = None
    baseline_memory_integral: float | None = None

    def __post_init__(self) -> None:
        if self.objective not in OBJECTIVES:
            raise ValueError(f"objective {self.objective!r} is not one of {', '.join(OBJECTIVES)}")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> RewardRow:
        """A row from a mapping of column values (extra keys ignored); ValueError when one is missing."""
        missing = [name for name in REQUIRED_COLUMNS if values.get(name) in (None, "")]
        if missing:
            raise ValueError(f"a GRPO row needs the columns {', '.join(missing)}")
        known = {f.name for f in fields(cls)}
        return cls(**{name: value for name, value in values.items() if name in known})

    def baseline(self, metric: str) -> float | None:
        """The row's recorded figure (measured on other tests: a fallback only)."""
        value = getattr(self, f"baseline_{metric}", None)
        return None if value is None else float(value)


def rows_of(columns: Mapping[str, Any], count: int) -> list[RewardRow]:
    """The rows of a batch: TRL passes each dataset column as a list parallel to the completions."""
    names = [f.name for f in fields(RewardRow) if f.name in columns]
    for name in names:
        if not isinstance(columns[name], Sequence) or isinstance(columns[name], str) or len(columns[name]) != count:
            raise ValueError(f"column {name!r} must be a list of {count} values, one per completion")
    return [RewardRow.from_mapping({name: columns[name][i] for name in names}) for i in range(count)]


def _content(message: Mapping[str, Any]) -> str:
    content = message.get("content", "")
    if isinstance(content, str):
        return content
    if isinstance(content, Sequence):  # content parts: [{"type": "text", "text": ...}]
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in content)
    return ""


def completion_text(completion: Any) -> str:
    """A completion's text: a string as is, or the assistant messages of a conversational one."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, Mapping):
        return _content(completion)
    if isinstance(completion, Sequence):
        messages = [m for m in completion if isinstance(m, Mapping)]
        assistant = [m for m in messages if m.get("role", "assistant") == "assistant"]
        return "\n".join(_content(m) for m in assistant or messages)
    return ""


@dataclass(frozen=True)
class Scored:
    """One completion's reward (None: not scored, with the reason) and how it was decided."""

    reward: float | None
    verdict: str = ""  # the candidate's verdict ("AC" also when not scored); "none" when no code was found
    reason: str = ""  # why it is not scored ("" when it is)
    detail: str = ""  # the judge's note on the first failing test, or the compiler's message


# --- the rewards ------------------------------------------------------------------------------


class SandboxReward:
    """What both rewards share: rows, extraction, judging, stats, logging, pickling.

    Settings: `measurement` (None: `Measurement()`: 3 native passes per judged program, the min
    estimator, and the exact instruction count ranking "time" rows; `Measurement(metric="cpu_time",
    counter="off")` ranks them by CPU time, with no counting pass), `split` (whose scoring tests
    judge), `disk_cache` (judgements under cache_dir()/rewards), `workers` (None: one per measure
    core, or as many as `executor` runs at once), `executor` (where programs are judged: None for
    this machine, a Ray cluster or a remote judge). A pickled copy carries only the settings and
    the executor: its caches, counters, lock and threads start fresh.

    A passing program whose metric was not measured (the counter refused it, or gave no count)
    is not scored: its reward is None with the reason (`Scored.reason`, the stats' `reasons`), as
    for any unmeasured figure, so it is never rewarded as efficient nor punished as slow.
    """

    kind: ClassVar[str] = ""

    def __init__(
        self,
        measurement: Measurement | None = None,
        split: TestSplit | None = None,
        disk_cache: bool = True,
        workers: int | None = None,
        executor: JudgeExecutor | None = None,
    ) -> None:
        if measurement is not None and not isinstance(measurement, Measurement):
            raise TypeError(f"measurement must be a Measurement, got {type(measurement).__name__}")
        settings = JudgeSettings(measurement or Measurement(), split or TestSplit(), disk_cache)
        self.judge = RewardJudge(settings, workers, executor)

    @property
    def settings(self) -> JudgeSettings:
        return self.judge.settings

    @property
    def measurement(self) -> Measurement:
        return self.judge.settings.measurement

    @property
    def stats(self) -> RewardStats:
        """A consistent copy of the counters."""
        return self.judge.snapshot()

    def stats_dict(self) -> dict[str, Any]:
        return self.stats.to_dict()

    def close(self) -> None:
        """Stop the judging threads (a later call starts them again)."""
        self.judge.close()

    def metric_of(self, row: RewardRow) -> str:
        """What decides this row: "time" is the measurement's ranking metric (instructions by
        default), memory and integral their own metrics."""
        return objective_metrics(row.objective, self.measurement.metric)[0]

    def __call__(
        self, prompts: Sequence[Any] | None = None, completions: Sequence[Any] | None = None, **columns: Any
    ) -> list[float | None]:
        """One reward per completion (None: not scored), judged concurrently over the measure cores."""
        if completions is None:
            raise TypeError("the reward needs completions=")
        rows = rows_of(columns, len(completions))
        before = self.judge.snapshot()
        scored = self.score_batch(rows, completions)
        self._log(columns, scored, before)
        return [s.reward for s in scored]

    def score_batch(self, rows: Sequence[RewardRow], completions: Sequence[Any]) -> list[Scored]:
        """One call: every completion scored, concurrently over the measure cores."""
        self.judge.count(calls=1)
        return self.judge.map(lambda pair: self.score(*pair), list(zip(rows, completions, strict=True)))

    def _log(self, columns: Mapping[str, Any], scored: Sequence[Scored], before: RewardStats) -> None:
        log_metric: Callable[[str, float], None] | None = columns.get("log_metric")
        log_extra: Callable[[str, list[Any]], None] | None = columns.get("log_extra")
        if callable(log_metric) and scored:
            after = self.judge.snapshot()
            log_metric(f"{self.kind}/judge_seconds", after.judge_seconds - before.judge_seconds)
            log_metric(f"{self.kind}/none_share", sum(s.reward is None for s in scored) / len(scored))
        if callable(log_extra):
            log_extra(f"{self.kind}_verdict", [s.verdict if s.reward is not None else s.reason[:80] for s in scored])

    def score(self, row: RewardRow, completion: Any) -> Scored:
        """The reward of one completion of `row` (None with the reason when our side failed)."""
        self.judge.count(completions=1)
        text = completion_text(completion)
        traced = False
        verdict = ""
        try:
            fence = get_language(row.language).fence
            code = extract_code(text, fence)
            if code is None:
                self.judge.count(degenerate=1)
                traced = True  # accounted as degenerate
                return self._degenerate(row, text)
            context = self.judge.context(row.dataset, row.problem_id)
            candidate = self.judge.judge(context, row.language, code, "candidate")
            traced, verdict = True, candidate.verdict.value
            if candidate.infrastructure_error:
                raise NotScored(f"the sandbox failed on the candidate: {candidate.detail[:200]}")
            return Scored(self._reward(row, text, context, candidate), verdict, detail=candidate.detail)
        except (NotScored, AfterburnerError) as error:
            if not traced:
                self.judge.count(unjudged=1)
            self.judge.note_none(str(error))
            return Scored(None, verdict, reason=str(error))

    def _original(
        self, row: RewardRow, context: ProblemContext, metric: str | None
    ) -> tuple[bool, float | None, list[float]]:
        """(passed, figure, per-pass samples) of the original on the same tests; the row's baseline without code.

        With `metric` None only whether it passed is asked (no figure: never NotScored for a missing one).
        """
        if not row.original.strip():
            if row.baseline_passed is None:
                raise NotScored("the row carries neither original code nor baseline_passed")
            if not row.baseline_passed or metric is None:
                return bool(row.baseline_passed), None, []
            baseline = row.baseline(metric)
            if baseline is None:
                raise NotScored(f"the row carries no original code and no baseline_{metric}")
            return True, baseline, []
        judgement = self.judge.judge(context, row.language, row.original, "original")
        if judgement.infrastructure_error:
            raise NotScored(f"the sandbox failed on the original: {judgement.detail[:200]}")
        if not judgement.passed or metric is None:
            return judgement.passed, None, []
        return True, figure_of(judgement, metric), judgement.passes(metric)

    def _degenerate(self, row: RewardRow, text: str) -> Scored:
        raise NotImplementedError

    def _reward(self, row: RewardRow, text: str, context: ProblemContext, candidate: Measured) -> float:
        raise NotImplementedError


class PaperReward(SandboxReward):
    """The paper's reward: R = 0.5 * (c + 0.5 * e) + 0.2 * f.

    | original | new  | c    | e                                    |
    |----------|------|------|--------------------------------------|
    | fails    | fails| -0.5 | 0                                    |
    | passes   | fails| -1.0 | 0                                    |
    | fails    |passes| +1.0 | 0                                    |
    | passes   |passes| +0.5 | tanh(clip((b - v) / (b + 1e-9), -1, 1)) |

    b and v are the original's and the new code's figure of the row's metric (`metric_of`: the
    instruction count by default, CPU time in seconds with a clock measurement, peak memory in
    bytes, integral in byte-seconds), totals over the scoring tests, both clipped to [0, cap] with
    caps in the same unit (`PAPER_CAPS`, from the solution limits; counts are not capped: their
    limit is the time limit's; the original clipped at 90 on milliseconds, so any program over
    90 ms earned e = 0). f = 1 when the answer is exactly
    `<thinking>..</thinking><solution>..</solution>`. An answer without code is a failing one
    (f = 0). Infrastructure errors, and a passing pair whose metric was not measured, give None.
    """

    kind = "paper"

    def __init__(self, *args: Any, caps: Mapping[str, float] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.caps = dict(caps or PAPER_CAPS)

    def _degenerate(self, row: RewardRow, text: str) -> Scored:
        context = self.judge.context(row.dataset, row.problem_id)
        passed, _, _ = self._original(row, context, None)
        return Scored(paper_reward(passed, False), "none")

    def _reward(self, row: RewardRow, text: str, context: ProblemContext, candidate: Measured) -> float:
        metric = self.metric_of(row)
        passed, baseline, _ = self._original(row, context, metric if candidate.passed else None)
        value = figure_of(candidate, metric) if candidate.passed and passed else None
        cap = self.caps.get(metric, math.inf)
        return paper_reward(passed, candidate.passed, baseline, value, cap, has_paper_format(text))


class AfterburnerReward(SandboxReward):
    """Our default: correctness first, then the percentile gain among the references, beyond noise.

    | original | new                               | reward                 |
    |----------|-----------------------------------|------------------------|
    | any      | fails (WA, TLE, CE, ...), no code | failure (-1.0)         |
    | any      | IE (the sandbox failed)           | None (not scored)      |
    | fails    | passes                            | 1.0 + P(new)           |
    | passes   | passes, inside the noise          | 0.5 (zero gain)        |
    | passes   | passes, beyond the noise          | 0.5 + P(new) - P(orig) |

    P(x) = `percentile(x, references, TIE_TOLERANCE[metric])`: the share of the problem's passed
    reference solutions (in the row's language, measured together on the same scoring tests,
    once per process, under the same measurement) that x beats or ties, on the row's metric
    (`metric_of`: the exact instruction count for "time" rows by default). "Beyond the noise":
    for counts (exact), a relative difference of at least `NoisePolicy.min_gain` either way, no
    permutation test; for a clock, `significantly_lower` of the per-pass samples, either way. The
    range is [-1, 2]: a fix beats every optimization, any passing answer beats any failing one.
    Infrastructure errors (candidate, original or references), a passing candidate or original
    whose metric was not measured (the counter refused it: None with the reason, never an
    efficiency gain) and problems without passing references measuring the metric give None.
    """

    kind = "afterburner"

    def __init__(
        self, *args: Any, failure: float = FAILURE_REWARD, noise: NoisePolicy | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.failure = failure
        self.noise = noise or NoisePolicy()

    def _degenerate(self, row: RewardRow, text: str) -> Scored:
        return Scored(self.failure, "none")

    def _reward(self, row: RewardRow, text: str, context: ProblemContext, candidate: Measured) -> float:
        if not candidate.passed:
            return self.failure
        metric = self.metric_of(row)
        value, samples = figure_of(candidate, metric), candidate.passes(metric)
        passed, original, original_samples = self._original(row, context, metric)
        references = reference_values(self.judge.references(context, row.language), metric)
        if not references:
            raise NotScored(f"problem {context.problem.id} has no passing {row.language} reference measuring {metric}")
        tolerance = TIE_TOLERANCE[metric]
        p_new = percentile(value, references, tolerance)
        if not passed or original is None:
            return afterburner_reward(True, False, p_new, failure=self.failure)
        p_original = percentile(original, references, tolerance)
        if original_samples:
            real = beyond_noise(samples, original_samples, metric, self.noise)
        elif info(metric).exact:  # the row's count: exact, so the same gain rule as measured counts
            real = beyond_noise([value], [original], metric, self.noise)
        else:  # the row's baseline: no passes to test, the tie tolerance decides
            real = abs(value - original) > tolerance * max(value, original)
        return afterburner_reward(True, True, p_new, p_original, real, self.failure)


REWARDS: Mapping[str, type[SandboxReward]] = MappingProxyType({"afterburner": AfterburnerReward, "paper": PaperReward})

__all__ = [
    "FAILURE_REWARD",
    "PAPER_CAPS",
    "REWARDS",
    "AfterburnerReward",
    "PaperReward",
    "RewardRow",
    "SandboxReward",
    "Scored",
    "afterburner_reward",
    "beyond_noise",
    "completion_text",
    "paper_correctness",
    "paper_efficiency",
    "paper_reward",
    "rows_of",
]
