"""Validation of option values shared by several commands."""

from __future__ import annotations

from typing import Annotated, cast

import typer

from afterburner.core.config import default_of, help_of
from afterburner.core.errors import UsageError
from afterburner.judge.executor import EXECUTOR_HELP, JUDGE_HELP, JudgeExecutor
from afterburner.judge.measurement import COUNTER_HELP, Measurement
from afterburner.sandbox.cores import MEASURE_CORES_HELP, set_measure_cores
from afterburner.sandbox.runner import InstructionMode

INSTRUCTION_MODES: tuple[str, ...] = ("off", "auto", "perf", "valgrind", "qemu")


def instruction_mode(value: str) -> InstructionMode:
    if value not in INSTRUCTION_MODES:
        raise UsageError(f"unknown instruction mode {value!r}", f"use {', '.join(INSTRUCTION_MODES)}")
    return cast(InstructionMode, value)


def measurement(repeat: int, estimator: str, metric: str, counter: str | None) -> Measurement:
    """Validated measurement settings from the command line (see `Measurement.of` for the counter rule)."""
    return Measurement.of(repeat, estimator, metric, counter)


def apply_measure_cores(spec: str | None) -> None:
    """--measure-cores: which cores measured runs lease (the rest host the model and the monitor)."""
    if spec:
        set_measure_cores(spec)


EstimatorOption = Annotated[
    str,
    typer.Option(
        "--estimator",
        help="How a solution's repeated passes become one figure: min, median, hodges_lehmann or mean.",
    ),
]
MetricOption = Annotated[str, typer.Option("--metric", help=help_of(Measurement, "metric"))]
METRIC_DEFAULT: str = default_of(Measurement, "metric")
CounterOption = Annotated[str | None, typer.Option("--counter", help=COUNTER_HELP)]
MeasureCoresOption = Annotated[str | None, typer.Option("--measure-cores", help=MEASURE_CORES_HELP)]
ExecutorOption = Annotated[str | None, typer.Option("--executor", help=EXECUTOR_HELP)]
JudgeOption = Annotated[str | None, typer.Option("--judge", help=JUDGE_HELP)]


def judge_executor(executor: str | None, judge: str | None) -> JudgeExecutor | None:
    """--executor / --judge: where judging runs (None: this process)."""
    if judge and executor not in (None, "local"):
        raise UsageError("--executor and --judge exclude each other", "judge on a service, or on Ray, not both")
    if judge:
        from afterburner.service.client import RemoteExecutor

        return RemoteExecutor(judge)
    from afterburner.judge.ray_executor import parse_executor

    return parse_executor(executor)
