"""The judging behind the GRPO rewards: real sandbox runs on a problem's hidden scoring tests.

`RewardJudge` judges candidates and originals with `judge_solution` (each run leases its own
measurement core) under one `Measurement` (by default: native passes for verdicts and times, and
one counting pass per passing program for its exact instruction count), caches every judgement
(`Measured`) by (program hash, tests hash, settings) in memory and, optionally, on disk
(`core.cache`, namespace "rewards", per machine or executor), and measures a problem's reference
solutions once per process with `profile_batch`, under the same settings. Our side failing (the
sandbox, a test generator, a dataset that does not load) raises `NotScored`: the reward becomes
None, never a number. Datasets, scoring tests and reference profiles are memoized per process.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Hashable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Generic, Literal, TypeVar

from afterburner.core.cache import LOCAL, ContentCache, Scope
from afterburner.core.errors import AfterburnerError
from afterburner.core.measured import Measured
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.datasets.judging import SOLUTION_LIMITS, judge_solution
from afterburner.datasets.model import Dataset, Problem
from afterburner.datasets.profile import SolutionProfile, profile_batch
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import TestSplit, tests_hash
from afterburner.judge.executor import JudgeExecutor, worker_count
from afterburner.judge.judge import JudgeResult
from afterburner.judge.measurement import Measurement
from afterburner.sandbox.cores import core_plan

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
Role = Literal["candidate", "original"]
MAX_REASONS = 50  # distinct reasons for None kept in the stats


class NotScored(Exception):
    """Our side could not judge (sandbox, generator, dataset, missing reference): the reward is None."""


def normalized(code: str) -> str:
    """The code as judged and hashed: trailing whitespace dropped, one final newline."""
    return code.rstrip() + "\n"


class OnceMap(Generic[K, V]):
    """Compute each key's value once; concurrent callers of a key wait for the first one.

    A value `keep` rejects (an infrastructure error) and a raised exception are not remembered,
    so the next caller tries again.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._futures: dict[K, Future[V]] = {}

    def get(self, key: K, compute: Callable[[], V], keep: Callable[[V], bool] = lambda _: True) -> tuple[V, bool]:
        """(value, whether it came from memory); `compute` runs in the calling thread."""
        with self._lock:
            future = self._futures.get(key)
            owner = future is None
            if future is None:
                future = self._futures[key] = Future()
        if not owner:
            return future.result(), True
        try:
            value = compute()
        except BaseException as error:
            self._forget(key)
            future.set_exception(error)
            raise
        if not keep(value):
            self._forget(key)
        future.set_result(value)
        return value, False

    def _forget(self, key: K) -> None:
        with self._lock:
            self._futures.pop(key, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._futures)


@dataclass(frozen=True)
class JudgeSettings:
    """How rewards judge: the measurement (passes, estimator, ranking metric, counter), which tests, disk cache."""

    measurement: Measurement = field(default_factory=Measurement)
    split: TestSplit = field(default_factory=TestSplit)
    disk_cache: bool = True

    def recipe(self) -> str:
        """What besides program and tests decides a judgement (part of every cache key)."""
        return f"{JUDGEMENT_FORMAT}|{self.measurement.recipe()}|{self.measurement.metric}|{SOLUTION_LIMITS}"


JUDGEMENT_FORMAT = "measured-1"  # what a cached judgement holds (`Measured.to_dict`): a new one misses old entries
DETAIL_CHARS = 500  # of a judgement's failure detail, kept in memory and on disk


def judgement_of(result: JudgeResult) -> Measured:
    """What a reward keeps of a judged program: its `Measured`, the failure detail shortened."""
    return replace(result.measured, detail=result.measured.detail[:DETAIL_CHARS])


def figure_of(measured: Measured, metric: str) -> float:
    """The figure of `metric` of a passing program; NotScored (with the reason) when it was not measured."""
    value = measured.figure(metric)
    if value is None:
        reason = measured.unmeasured.get(metric, "not measured")
        raise NotScored(f"{metric} of a passing program is unknown: {reason}")
    return value


@dataclass(frozen=True)
class ProblemContext:
    """A problem with its hidden scoring tests, resolved from a row's dataset spec and id."""

    spec: str
    problem: Problem
    tests: tuple[TestCase, ...]
    tests_digest: str


@dataclass
class RewardStats:
    """Counters of a reward instance (benchmarks, tests, the trainer's train.json).

    Every completion lands in exactly one of degenerate (no code: never judged),
    candidates_judged (judge_solution ran for it), candidates_cached (the same program was
    judged before, in memory or on disk) and unjudged (None before judging: the row's dataset,
    problem or tests failed). `accounted` checks that; `judged` counts every judge_solution call
    (candidates and originals), `references_profiled` every profile_batch of a problem.
    """

    calls: int = 0
    completions: int = 0
    judged: int = 0
    cached: int = 0
    none: int = 0
    degenerate: int = 0
    judge_seconds: float = 0.0  # summed over threads: judge_solution and profile_batch
    candidates_judged: int = 0
    candidates_cached: int = 0
    originals_judged: int = 0
    originals_cached: int = 0
    disk_cached: int = 0
    references_profiled: int = 0
    unjudged: int = 0
    reasons: dict[str, int] = field(default_factory=dict)  # why rewards were None

    @property
    def accounted(self) -> bool:
        """Every completion's reward is degenerate, unjudged, or traces to a real sandbox judgement."""
        traced = self.degenerate + self.candidates_judged + self.candidates_cached + self.unjudged
        return self.completions == traced

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "accounted": self.accounted}


def _dataset(spec: str) -> Dataset:
    try:
        return load_dataset(spec)
    except (AfterburnerError, OSError, ValueError) as error:
        raise NotScored(f"dataset {spec!r} does not load: {error}") from error


def _scoring_tests(spec: str, problem: Problem, split: TestSplit) -> tuple[TestCase, ...]:
    try:
        return tuple(split.scoring_tests(problem))
    except AfterburnerError as error:
        raise NotScored(f"problem {problem.id}: no scoring tests: {error}") from error


_DATASETS: OnceMap[str, Dataset] = OnceMap()
_TESTS: OnceMap[tuple[str, str, TestSplit], tuple[TestCase, ...]] = OnceMap()
_REFERENCES: OnceMap[tuple[str, str, str, str, str], tuple[SolutionProfile, ...]] = OnceMap()


def problem_context(spec: str, problem_id: str, split: TestSplit) -> ProblemContext:
    """The problem and its scoring tests, memoized per process; NotScored when they cannot be had."""
    dataset, _ = _DATASETS.get(spec, lambda: _dataset(spec))
    try:
        problem = dataset.get(problem_id)
    except KeyError as error:
        raise NotScored(f"dataset {spec!r} has no problem {problem_id!r}") from error
    tests, _ = _TESTS.get((spec, problem.id, split), lambda: _scoring_tests(spec, problem, split))
    return ProblemContext(spec, problem, tests, tests_hash(list(tests)))


class RewardJudge:
    """Judges for a reward: cached, concurrent over the measure cores, picklable (state: settings)."""

    def __init__(
        self, settings: JudgeSettings, workers: int | None = None, executor: JudgeExecutor | None = None
    ) -> None:
        self.settings = settings
        self.workers = workers
        self.executor = executor  # None: this machine; a Ray cluster or a remote judge otherwise
        self._setup()

    def _setup(self) -> None:
        self._lock = threading.Lock()
        self._judgements: OnceMap[str, Measured] = OnceMap()
        self._pool: ThreadPoolExecutor | None = None
        self.stats = RewardStats()

    def __getstate__(self) -> dict[str, Any]:
        return {"settings": self.settings, "workers": self.workers, "executor": self.executor}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.settings = state["settings"]
        self.workers = state["workers"]
        self.executor = state.get("executor")
        self._setup()

    def count(self, **deltas: float) -> None:
        """Add to counters of `stats`, under the lock."""
        with self._lock:
            for name, delta in deltas.items():
                setattr(self.stats, name, getattr(self.stats, name) + delta)

    def note_none(self, reason: str) -> None:
        with self._lock:
            self.stats.none += 1
            key = reason[:120]
            if key in self.stats.reasons or len(self.stats.reasons) < MAX_REASONS:
                self.stats.reasons[key] = self.stats.reasons.get(key, 0) + 1

    def snapshot(self) -> RewardStats:
        with self._lock:
            copied = RewardStats(**{f.name: getattr(self.stats, f.name) for f in fields(RewardStats)})
            copied.reasons = dict(self.stats.reasons)
            return copied

    def map(self, function: Callable[[V], Any], items: Iterable[V]) -> list[Any]:
        """`function` over items on the pool: one thread per measure core (each run leases its own core)."""
        with self._lock:
            if self._pool is None:
                count = self.workers or worker_count(self.executor, max(1, len(core_plan().measure)))
                self._pool = ThreadPoolExecutor(count, thread_name_prefix="afterburner-reward")
            pool = self._pool
        return list(pool.map(function, items))

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)

    def context(self, spec: str, problem_id: str) -> ProblemContext:
        return problem_context(spec, problem_id, self.settings.split)

    def _key(self, context: ProblemContext, language: str, code: str) -> str:
        try:
            program = context.problem.program_source(language, code).text
        except KeyError as error:
            raise NotScored(f"problem {context.problem.id} cannot be judged in {language}: {error}") from error
        recipe = [language, program, context.problem.evaluator, context.tests_digest, self.settings.recipe()]
        return hashlib.sha256("\0".join(recipe).encode()).hexdigest()

    def judge(self, context: ProblemContext, language: str, code: str, role: Role) -> Measured:
        """The judgement of code on the scoring tests: from memory, disk, or a real sandbox run."""
        code = normalized(code)
        key = self._key(context, language, code)
        source: list[str] = []

        def compute() -> Measured:
            stored = self._load(key)
            if stored is not None:
                source.append("disk")
                return stored
            source.append("sandbox")
            return self._run(context, language, code, key)

        judgement, in_memory = self._judgements.get(key, compute, keep=lambda j: not j.infrastructure_error)
        fresh = not in_memory and source == ["sandbox"]
        disk = 0 if in_memory or fresh else 1
        if role == "candidate":
            self.count(candidates_judged=fresh, candidates_cached=not fresh, disk_cached=disk)
        else:
            self.count(originals_judged=fresh, originals_cached=not fresh, disk_cached=disk)
        self.count(cached=not fresh)
        return judgement

    def _run(self, context: ProblemContext, language: str, code: str, key: str) -> Measured:
        started = time.monotonic()
        try:
            result = judge_solution(
                context.problem, language, code, list(context.tests), self.settings.measurement, executor=self.executor
            )
            judgement = judgement_of(result)
        except (AfterburnerError, OSError) as error:
            judgement = Measured(Verdict.IE, detail=f"the sandbox failed: {error}")
        self.count(judged=1, judge_seconds=time.monotonic() - started)
        if not judgement.infrastructure_error:
            self._store(key, judgement)
        return judgement

    def _where(self) -> str:
        """Where judging runs ("local" or the executor's name): figures measured elsewhere are kept apart."""
        return self.executor.name if self.executor is not None else LOCAL

    def _disk(self) -> ContentCache | None:
        """The judgements on disk, apart per machine or executor; None without a disk cache."""
        return ContentCache("rewards", Scope.MACHINE, self._where(), shard=True) if self.settings.disk_cache else None

    def _load(self, key: str) -> Measured | None:
        disk = self._disk()
        stored = disk.get(key) if disk is not None else None
        try:
            return None if stored is None else Measured.from_dict(stored)
        except (KeyError, TypeError, ValueError):  # not a judgement: judge again
            return None

    def _store(self, key: str, judgement: Measured) -> None:
        if (disk := self._disk()) is not None:
            disk.put(key, judgement.to_dict())

    def references(self, context: ProblemContext, language: str) -> tuple[SolutionProfile, ...]:
        """The problem's references in `language` on the scoring tests: measured together, once per process."""
        solutions = context.problem.solutions_in(language)
        if not solutions:
            raise NotScored(f"problem {context.problem.id} has no {language} reference solutions")
        key = (context.spec, context.problem.id, language, context.tests_digest, self.settings.recipe() + self._where())

        def compute() -> tuple[SolutionProfile, ...]:
            started = time.monotonic()
            try:
                profiles = profile_batch(
                    context.problem, solutions, list(context.tests), self.settings.measurement, executor=self.executor
                )
            except (AfterburnerError, OSError) as error:
                raise NotScored(f"problem {context.problem.id}: its references cannot be measured: {error}") from error
            finally:
                self.count(references_profiled=1, judge_seconds=time.monotonic() - started)
            return tuple(profiles)

        profiles, _ = _REFERENCES.get(key, compute, keep=lambda ps: all(p.verdict is not Verdict.IE for p in ps))
        if any(p.verdict is Verdict.IE for p in profiles):
            raise NotScored(f"problem {context.problem.id}: a reference could not be judged (IE)")
        return profiles


def reference_values(profiles: Iterable[SolutionProfile], metric: str) -> list[float]:
    """The figures of `metric` of the passed references (those that measured it)."""
    values = [p.figure(metric) for p in profiles if p.passed]
    return [v for v in values if v is not None]
