"""Request bodies of the service, as pydantic models (they also make the OpenAPI docs at /docs)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from afterburner.judge.measurement import Counter
from afterburner.judge.stats import Estimator
from afterburner.service.jobs import JUDGE_DEFAULT as DEFAULT
from afterburner.service.jobs import Policy

# How a request is measured: one `judge.measurement.Measurement`, checked with its bounds when the
# job is submitted (`service.execution.measurement`); the descriptions say what a field left out means.
METRIC = (
    "What ranks: instructions (the exact count), cpu_time or wall_time (the clock). "
    f"Left out: {DEFAULT.metric} (cpu_time with counter off)."
)
COUNTER = (
    "How instructions are counted: auto (hardware counters where there is a PMU, else QEMU, else valgrind), "
    "qemu, valgrind, perf, or off (no count)."
)
OPTIONS = (
    "sample_hz (memory samples per second, 10 .. 50000). The older instructions (off|auto|perf|valgrind) "
    "is still accepted and read as counter."
)


class ExecuteRequest(BaseModel):
    """Monolith's /execute and /submit body, either backend's (unknown fields are accepted, logged and ignored)."""

    model_config = ConfigDict(extra="allow")

    code: str = Field(description="The program's source.")
    language: str = Field("python", description="python, cpp, java, javascript, go or rust (aliases accepted).")
    stdin: str | None = Field("", description="Standard input.")
    timeout: float = Field(10.0, gt=0, description="CPU time limit, seconds (wall: 2 x timeout + 1).")
    run_profiling: bool = Field(False, description="Return the memory samples as output_dict.log [[t_ns, kB]].")
    run_memory_profile: bool | None = Field(
        None,
        description="The asynchronous backend's run_profiling: with this field /execute answers {task_id, "
        "status: processing} at once; poll GET /results/{task_id}.",
    )
    memory_limit_mb: int | None = Field(None, gt=0, description="Memory limit, MB (default 1024).")
    libraries: list[str] = Field(
        default_factory=list,
        description="Nothing is installed: only what the language's declared runtime set holds (else 422).",
    )


class RunCodeRequest(BaseModel):
    """SandboxFusion's /run_code body (unknown fields are accepted, logged and ignored)."""

    model_config = ConfigDict(extra="allow")

    code: str
    language: str = "python"
    stdin: str | None = ""
    compile_timeout: float = Field(10.0, gt=0, description="Wall-clock limit of the compile step, seconds.")
    run_timeout: float = Field(10.0, gt=0, description="Wall-clock limit of the run, seconds.")
    memory_limit_MB: int = Field(-1, description="-1: the default (1024 MB).")
    files: dict[str, str | None] = Field(
        default_factory=dict, description="path -> base64, written into the working directory before the run."
    )
    fetch_files: list[str] = Field(
        default_factory=list, description="Paths in the working directory returned base64 in `files` after the run."
    )


class TestModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    input: str
    output: str = ""

    __test__ = False  # not a pytest test class


class RunRequest(BaseModel):
    """One run of a program: compile (cached), run once, every figure."""

    model_config = ConfigDict(extra="forbid")

    code: str
    language: str = "python"
    stdin: str = ""
    limits: dict[str, float] | None = Field(None, description="cpu_time, wall_time (s), memory, output (bytes), ...")
    compile_timeout: float | None = Field(None, gt=0)
    profile: bool = Field(False, description="Also return the memory samples [[t_ns, kB]].")
    files: dict[str, str | None] = Field(
        default_factory=dict, description="path -> base64, written into the working directory before the run."
    )
    fetch_files: list[str] = Field(default_factory=list, description="Paths returned base64 in `files` after the run.")
    options: dict[str, Any] | None = Field(None, description=OPTIONS)
    metric: str | None = Field(
        None, description="Checked as in a judge request; a run ranks nothing, but instructions alone counts it."
    )
    counter: Counter | None = Field(
        None, description=COUNTER + " Left out: off, a run is timed only (auto with metric instructions)."
    )


class JudgeRequest(BaseModel):
    """Judge code on tests (given here), or on a served dataset problem's hidden scoring tests."""

    model_config = ConfigDict(extra="forbid")

    code: str
    language: str = "python"
    tests: list[TestModel] | None = None
    checker: dict[str, Any] | None = Field(
        None, description="{kind: tokens|exact|float|evaluator, tolerance?, source?}; evaluators run sandboxed."
    )
    dataset: str | None = Field(None, description="A dataset the service serves, e.g. venus-mini.")
    problem_id: str | None = None
    repeat: int | None = Field(
        None,
        description="Native passes: the first decides correctness, all give the reported times. "
        f"Left out: {DEFAULT.repeat}. The judge allows at most {Policy().max_repeat} (its policy's max_repeat).",
    )
    estimator: Estimator | None = Field(
        None,
        description="How the passes become one figure: min, median, hodges_lehmann or mean. "
        f"Left out: {DEFAULT.estimator}.",
    )
    metric: str | None = Field(None, description=METRIC)
    counter: Counter | None = Field(
        None, description=COUNTER + f" Left out: {DEFAULT.counter} (off when metric names a clock)."
    )
    limits: dict[str, float] | None = None
    options: dict[str, Any] | None = Field(None, description=OPTIONS)
    stop_on_failure: bool = True


class BatchJudgeRequest(BaseModel):
    """A judge batch (`judge.wire.batch_to_dict`): programs measured together, interleaved."""

    model_config = ConfigDict(extra="forbid")

    batch: dict[str, Any]


class JobRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["run", "judge"]
    request: dict[str, Any] = Field(description="A RunRequest or a JudgeRequest body.")
    idempotency_key: str | None = Field(None, max_length=200)


class BatchSubmitRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    jobs: list[JobRequest] = Field(min_length=1, max_length=1000)
