"""Where judge batches run: in this process, on a Ray cluster, or on a remote judge service.

A `JudgeBatch` holds everything `judge_batch` needs as plain data. An executor turns a batch
into results; callers (data profile, eval, optimize, the training reward) pass one down, and
`None` means this process. Every executor keeps the batch together: its programs are measured
on one machine, interleaved, so they are compared under the same conditions.

Executors that live elsewhere (`afterburner.judge.ray_executor`, the service client) are
imported lazily by whoever builds them; this module imports nothing heavy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from afterburner.core.limits import Limits
from afterburner.core.measured import Measured
from afterburner.core.verdicts import Verdict
from afterburner.judge.compiler import CompileResult
from afterburner.judge.judge import JudgeItem, JudgeResult, TestOutcome, judge_batch
from afterburner.judge.measurement import Measurement
from afterburner.sandbox.runner import SandboxOptions

EXECUTOR_HELP = (
    "Where judge batches run: local (default) or ray[:ADDRESS] (one actor per core of a Ray cluster; "
    "ADDRESS: auto, HOST:PORT or ray://HOST:PORT; none starts a Ray on this machine)."
)
JUDGE_HELP = "URL of an Afterburner judge service (afterburner serve) to judge on; token: $AFTERBURNER_JUDGE_TOKEN."


@dataclass(frozen=True)
class JudgeBatch:
    """Programs judged together (passes interleaved): the limits of every run, how they are measured
    and ranked (`measurement`), and how the sandbox samples memory (`options`)."""

    items: tuple[JudgeItem, ...]
    limits: Limits = field(default_factory=Limits)
    measurement: Measurement = field(default_factory=Measurement)
    stop_on_failure: bool = True
    options: SandboxOptions = field(default_factory=SandboxOptions)


@runtime_checkable
class JudgeExecutor(Protocol):
    """Runs judge batches somewhere; results are the same kind of `JudgeResult` wherever they ran."""

    @property
    def name(self) -> str:
        """Where batches run, for reports: 'local', 'ray:ADDRESS', 'remote:URL'."""
        ...

    @property
    def capacity(self) -> int:
        """How many batches it runs at once (callers size their worker threads by it)."""
        ...

    def run(self, batch: JudgeBatch) -> list[JudgeResult]:
        """Judge a batch; one result per item, in order. An executor that cannot run it returns IE results."""
        ...

    def close(self) -> None: ...


def run_locally(batch: JudgeBatch, on_test: Callable[[TestOutcome], None] | None = None) -> list[JudgeResult]:
    """Judge a batch in this process (the sandbox must be available here)."""
    return judge_batch(
        list(batch.items), batch.limits, batch.measurement, batch.stop_on_failure, on_test, batch.options
    )


@dataclass
class LocalExecutor:
    """This process: judge runs lease this machine's measure cores."""

    workers: int = 1

    @property
    def name(self) -> str:
        return "local"

    @property
    def capacity(self) -> int:
        return self.workers

    def run(self, batch: JudgeBatch) -> list[JudgeResult]:
        return run_locally(batch)

    def close(self) -> None:
        pass


def judge_on(
    executor: JudgeExecutor | None,
    batch: JudgeBatch,
    on_test: Callable[[TestOutcome], None] | None = None,
) -> list[JudgeResult]:
    """Judge a batch on `executor` (None: here). `on_test` sees each test of the deciding pass;
    an executor elsewhere reports them when its results arrive."""
    if executor is None or isinstance(executor, LocalExecutor):
        return run_locally(batch, on_test)
    results = executor.run(batch)
    if len(results) != len(batch.items):
        raise RuntimeError(f"executor {executor.name} returned {len(results)} results for {len(batch.items)} programs")
    if on_test:
        for result in results:
            for outcome in result.tests:
                on_test(outcome)
    return results


def worker_count(executor: JudgeExecutor | None, requested: int) -> int:
    """Threads a caller should use: what it asked for, or enough to keep a larger executor busy."""
    return max(requested, executor.capacity if executor is not None else 1)


def unjudged(batch: JudgeBatch, message: str) -> list[JudgeResult]:
    """IE for every program of a batch: our side failed, the programs are not blamed."""
    failed = CompileResult(False, None, message)
    return [JudgeResult(failed, Measured(Verdict.IE, detail=message)) for _ in batch.items]
