"""Validation of option values shared by several commands."""

from __future__ import annotations

from typing import Annotated, cast

import typer

from afterburner.core.errors import UsageError
from afterburner.evaluation.evaluate import MeasureSettings
from afterburner.evaluation.metrics import TIME_METRICS
from afterburner.judge.executor import JudgeExecutor
from afterburner.judge.stats import ESTIMATORS
from afterburner.sandbox.cores import set_measure_cores
from afterburner.sandbox.runner import InstructionMode

INSTRUCTION_MODES = ("off", "auto", "perf", "valgrind")


def instruction_mode(value: str) -> InstructionMode:
    if value not in INSTRUCTION_MODES:
        raise UsageError(f"unknown instruction mode {value!r}", "use off, auto, perf or valgrind")
    return cast(InstructionMode, value)


def measure_settings(repeat: int, estimator: str, metric: str, instructions: str) -> MeasureSettings:
    """Validated measurement settings; ranking by instructions switches valgrind counting on."""
    if estimator not in ESTIMATORS:
        raise UsageError(f"unknown estimator {estimator!r}", f"use one of {', '.join(ESTIMATORS)}")
    if metric not in TIME_METRICS:
        raise UsageError(f"unknown metric {metric!r}", f"use one of {', '.join(TIME_METRICS)}")
    mode = instruction_mode(instructions)
    if metric == "instructions" and mode == "off":
        mode = "valgrind"
    return MeasureSettings(repeat, estimator, mode, metric)


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
MetricOption = Annotated[
    str,
    typer.Option(
        "--metric",
        help="What Beyond-T ranks by: cpu_time, wall_time, or instructions (valgrind: deterministic, 20-100x slower).",
    ),
]
InstructionsOption = Annotated[
    str, typer.Option("--instructions", help="Also count instructions: off, auto, perf or valgrind (slow).")
]
MeasureCoresOption = Annotated[
    str | None,
    typer.Option(
        "--measure-cores",
        help="Cores that measured runs lease, e.g. 1 or 2-7 (default: all but the lowest quarter, which host "
        "the model and the measuring helper; env AFTERBURNER_MEASURE_CORES).",
    ),
]
ExecutorOption = Annotated[
    str | None,
    typer.Option(
        "--executor",
        help="Where judge batches run: local (default) or ray[:ADDRESS] (one actor per core of a Ray cluster; "
        "ADDRESS: auto, HOST:PORT or ray://HOST:PORT; none starts a Ray on this machine).",
    ),
]
JudgeOption = Annotated[
    str | None,
    typer.Option(
        "--judge",
        help="URL of an Afterburner judge service (afterburner serve) to judge on; token: $AFTERBURNER_JUDGE_TOKEN.",
    ),
]


def judge_executor(executor: str | None, judge: str | None) -> JudgeExecutor | None:
    """--executor / --judge: where judging runs (None: this process)."""
    if judge and executor not in (None, "local"):
        raise UsageError("--executor and --judge exclude each other", "judge on a service, or on Ray, not both")
    if judge:
        from afterburner.service.client import RemoteExecutor

        return RemoteExecutor(judge)
    from afterburner.judge.ray_executor import parse_executor

    return parse_executor(executor)
