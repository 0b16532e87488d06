"""What a service job is: a request body read once into a typed job, validated on construction.

`RunJob` (compile and run once), `JudgeJob` (judge on tests or a served dataset problem) and
`BatchJob` (a judge batch, its programs measured together) are built by `parse_job(kind, payload,
context)` when a request arrives (a bad request is a 4xx at once, not a failed job later) and again
from the stored payload by the worker that runs it (`service.execution`). The payload stays plain
JSON in the job table, so an accepted job survives a restart; the typed job is what runs.

How a job is measured is one `Measurement` (repeat, estimator, metric, counter), read from the
request by `measurement` with the library's bounds and this judge's largest repeat. A judge job
left to the defaults is measured as the library measures (counts decide); a run is one execution
by the clock unless it asks for a counter, so Monolith's and SandboxFusion's clients never wait
for a count they did not ask for.

A job's lane says which workers take it: `measured` jobs lease a measure core each run, as
`data profile` does; `quick` jobs (correctness only: SandboxFusion's `/run_code`, Monolith's
`/execute` without profiling) run unpinned on their own workers, so they never queue behind
measured work.
"""

from __future__ import annotations

import base64
import binascii
import functools
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.core.limits import COMPILE_LIMITS, Limits, MiB
from afterburner.core.metrics import Metric
from afterburner.core.testcase import TestCase
from afterburner.datasets.model import Problem
from afterburner.datasets.registry import load_dataset
from afterburner.judge.checkers import Checker
from afterburner.judge.executor import JudgeBatch
from afterburner.judge.measurement import CLOCK_ONLY, Measurement
from afterburner.judge.wire import (
    batch_from_dict,
    checker_from_dict,
    limits_from_dict,
    options_from_dict,
    source_digest,
)
from afterburner.languages.base import Language
from afterburner.languages.registry import get_language
from afterburner.sandbox.runner import SandboxOptions

KINDS = ("run", "judge", "batch")
LANES = ("measured", "quick")
Lane = Literal["measured", "quick"]
OUTPUT_BYTES = 65_536  # of each of stdout and stderr kept in a run's result (SandboxFusion's runs keep more)
SETTINGS = ("repeat", "estimator", "metric", "counter")  # a request's measurement fields
LEGACY_COUNTERS = ("off", "auto", "perf", "valgrind")  # options.instructions, read as `counter`
# What a request that says nothing is measured with: a judge job as the library measures (counts
# decide); a run once, by the clock (its clients asked for its output and times, not a count).
JUDGE_DEFAULT = Measurement()
RUN_DEFAULT = replace(CLOCK_ONLY, repeat=1)
MAX_FILES = 256


@dataclass(frozen=True)
class Policy:
    """What the service accepts: datasets it judges on, the largest code and the widest limits."""

    datasets: tuple[str, ...] = ("venus-mini",)
    max_code_bytes: int = 1 * MiB
    max_cpu_seconds: float = 60.0
    max_memory_bytes: int = 4096 * MiB
    max_tests: int = 1000
    max_repeat: int = 20


@dataclass(frozen=True)
class Context:
    """A worker's view: the policy, and which evaluator sources it trusts (its bundled datasets')."""

    policy: Policy = field(default_factory=Policy)

    def trusted(self, digest: str) -> bool:
        return digest in _bundled_evaluators(self.policy.datasets)


@functools.cache
def _bundled_evaluators(datasets: tuple[str, ...]) -> frozenset[str]:
    """Digests of evaluators that ship with Afterburner: those run in-process, every other sandboxed."""
    digests: set[str] = set()
    for name in datasets:
        try:
            loaded = load_dataset(name)
        except AfterburnerError:
            continue
        digests.update(source_digest(p.evaluator) for p in loaded.problems if p.bundled and p.evaluator)
    return frozenset(digests)


@functools.cache
def _problem(dataset: str, problem_id: str) -> Problem:
    try:
        return load_dataset(dataset).get(problem_id)
    except KeyError as error:
        raise UsageError(f"dataset {dataset!r} has no problem {problem_id!r}") from error


# --- the parts of a request -------------------------------------------------------------------


def _limits(data: Any, policy: Policy) -> Limits:
    limits = limits_from_dict(data if isinstance(data, dict) else None)
    if limits.cpu_time > policy.max_cpu_seconds or limits.effective_wall_time > 2 * policy.max_cpu_seconds + 1:
        raise UsageError(f"this judge allows at most {policy.max_cpu_seconds:g} s of CPU time per run")
    if limits.memory > policy.max_memory_bytes:
        raise UsageError(f"this judge allows at most {policy.max_memory_bytes // MiB} MB of memory per run")
    return limits


def _code(payload: Mapping[str, Any], policy: Policy) -> str:
    code = payload.get("code")
    if not isinstance(code, str):
        raise UsageError("code must be a string")
    if len(code.encode()) > policy.max_code_bytes:
        raise UsageError(f"code is larger than {policy.max_code_bytes} bytes")
    return code


def relative_path(name: Any, what: str) -> str:
    """A path relative to the working directory (SandboxFusion's `files` and `fetch_files`), normalized."""
    if not isinstance(name, str) or not name or "\0" in name or "\n" in name:
        raise UsageError(f"{what} name {name!r} must be a non-empty path")
    normal = posixpath.normpath(name)
    if posixpath.isabs(normal) or normal == "." or normal.split("/")[0] == "..":
        raise UsageError(f"{what} {name!r} must be a path inside the working directory")
    return normal


def _files(data: Any) -> dict[str, bytes]:
    """SandboxFusion-style files: path -> base64 content (None: skipped, as SandboxFusion does)."""
    if not data:
        return {}
    if not isinstance(data, Mapping):
        raise UsageError("files must map paths to base64 contents")
    if len(data) > MAX_FILES:
        raise UsageError(f"at most {MAX_FILES} files")
    files: dict[str, bytes] = {}
    for name, content in data.items():
        path = relative_path(name, "file")
        if content is None:
            continue
        try:
            files[path] = base64.b64decode(content, validate=True)
        except (binascii.Error, TypeError, ValueError) as error:
            raise UsageError(f"file {name!r} is not base64") from error
    return files


def _fetch(data: Any) -> tuple[str, ...]:
    if not data:
        return ()
    if not isinstance(data, list) or len(data) > MAX_FILES:
        raise UsageError(f"fetch_files must be a list of at most {MAX_FILES} paths")
    return tuple(dict.fromkeys(relative_path(name, "fetched file") for name in data))


def measurement(request: Mapping[str, Any], policy: Policy, default: Measurement) -> Measurement:
    """A request's measurement settings, validated: the library's bounds, and this judge's largest repeat.

    Fields the request leaves out come from `default`, but the other of metric and counter follows
    the one given, as on the command line: a metric alone counts with `auto` when instructions rank
    and not at all when a clock does; `counter: off` alone ranks by CPU time. The older
    `options.instructions` (off|auto|perf|valgrind) is read as `counter`.
    """
    given = {name: request[name] for name in SETTINGS if request.get(name) is not None}
    options = request.get("options") or {}
    legacy = options.get("instructions") if isinstance(options, Mapping) else None
    if legacy is not None:
        if legacy not in LEGACY_COUNTERS:
            raise UsageError(f"options.instructions must be one of {', '.join(LEGACY_COUNTERS)} (or use counter)")
        if given.setdefault("counter", legacy) != legacy:
            raise UsageError(f"options.instructions {legacy!r} and counter {given['counter']!r} disagree")
    if "metric" in given and "counter" not in given:
        given["counter"] = "auto" if given["metric"] == Metric.INSTRUCTIONS else "off"
    if given.get("counter") == "off":
        given.setdefault("metric", CLOCK_ONLY.metric)
    repeat = given.get("repeat")
    if isinstance(repeat, int) and not 1 <= repeat <= policy.max_repeat:
        raise UsageError(f"repeat must be 1 .. {policy.max_repeat} on this judge")
    return Measurement.from_dict({**default.to_dict(), **given})


def _lane(payload: Mapping[str, Any]) -> Lane:
    lane = payload.get("lane", "measured")
    if lane not in LANES:
        raise UsageError(f"lane must be one of {', '.join(LANES)}")
    return "quick" if lane == "quick" else "measured"


# --- the jobs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunJob:
    """Compile (cached) and run once; with `profile` the memory samples too; with a counter, one more
    run counts the program's instructions. `files` are written into the working directory before the
    program starts, and `fetch_files` are read from it after it ends (SandboxFusion's fields)."""

    language: Language
    code: str
    stdin: str
    limits: Limits
    compile_limits: Limits
    measurement: Measurement
    options: SandboxOptions
    profile: bool = False
    files: Mapping[str, bytes] = field(default_factory=dict)
    fetch_files: tuple[str, ...] = ()
    lane: Lane = "measured"
    output_bytes: int = OUTPUT_BYTES

    @classmethod
    def parse(cls, payload: Mapping[str, Any], context: Context) -> RunJob:
        policy = context.policy
        language = get_language(str(payload.get("language", "")))
        code = _code(payload, policy)
        limits = _limits(payload.get("limits"), policy)
        compile_seconds = float(payload.get("compile_timeout") or COMPILE_LIMITS.cpu_time)
        if not 0 < compile_seconds <= COMPILE_LIMITS.wall_time:
            raise UsageError(f"compile_timeout must be in (0, {COMPILE_LIMITS.wall_time:g}] seconds")
        compile_wall = float(payload.get("compile_wall_time") or 2 * compile_seconds + 1)
        compile_limits = COMPILE_LIMITS.with_(cpu_time=compile_seconds, wall_time=min(compile_wall, 7200.0))
        kept = int(payload.get("output_bytes") or OUTPUT_BYTES)
        if not 1024 <= kept <= limits.output:
            raise UsageError(f"output_bytes must be 1024 .. {limits.output}")
        return cls(
            language=language,
            code=code,
            stdin=str(payload.get("stdin") or ""),
            limits=limits,
            compile_limits=compile_limits,
            measurement=measurement(payload, policy, RUN_DEFAULT),
            options=options_from_dict(payload.get("options")),
            profile=bool(payload.get("profile")),
            files=_files(payload.get("files")),
            fetch_files=_fetch(payload.get("fetch_files")),
            lane=_lane(payload),
            output_bytes=kept,
        )


@dataclass(frozen=True)
class JudgeJob:
    """Judge `code` on given tests with a checker, or on a served dataset problem's hidden scoring tests."""

    language: Language
    code: str
    limits: Limits
    measurement: Measurement
    options: SandboxOptions
    tests: tuple[TestCase, ...] = ()
    checker: Checker | None = None
    problem: Problem | None = None
    stop_on_failure: bool = True

    @classmethod
    def parse(cls, payload: Mapping[str, Any], context: Context) -> JudgeJob:
        policy = context.policy
        language = get_language(str(payload.get("language", "")))
        common = {
            "language": language,
            "code": _code(payload, policy),
            "limits": _limits(payload.get("limits"), policy),
            "measurement": measurement(payload, policy, JUDGE_DEFAULT),
            "options": options_from_dict(payload.get("options")),
            "stop_on_failure": bool(payload.get("stop_on_failure", True)),
        }
        if payload.get("dataset") is not None:
            dataset = str(payload.get("dataset"))
            if dataset not in policy.datasets:
                raise UsageError(f"this judge serves datasets {', '.join(policy.datasets)}, not {dataset!r}")
            problem = _problem(dataset, str(payload.get("problem_id")))
            if language.name not in problem.languages:
                raise UsageError(f"problem {problem.id} has no {language.name} runner")
            return cls(**common, problem=problem)  # type: ignore[arg-type]
        tests = payload.get("tests")
        if not isinstance(tests, list) or not tests or len(tests) > policy.max_tests:
            raise UsageError(f"judging needs tests (1 .. {policy.max_tests}) or a dataset and problem_id")
        given = tuple(TestCase(str(t["input"]), str(t.get("output", ""))) for t in tests)
        checker = checker_from_dict(payload.get("checker") or {}, context.trusted)
        return cls(**common, tests=given, checker=checker)  # type: ignore[arg-type]


@dataclass(frozen=True)
class BatchJob:
    """A judge batch (`judge.wire`), checked like a judge job: its size, its limits, its measurement."""

    batch: JudgeBatch

    @classmethod
    def parse(cls, payload: Mapping[str, Any], context: Context) -> BatchJob:
        """A batch from an older client carries `repeat`, `estimator` and `options.instructions` instead
        of `measurement`: it is measured as it was then, ranked by CPU time."""
        data = payload.get("batch")
        if not isinstance(data, Mapping):
            raise UsageError("a batch job needs its batch")
        policy = context.policy
        settings = data.get("measurement")
        older = {"repeat", "estimator"} & set(data) or "instructions" in (data.get("options") or {})
        if settings is None and older:
            chosen = measurement(data, policy, CLOCK_ONLY)
        elif settings is None or (isinstance(settings, Mapping) and not set(settings) - set(SETTINGS)):
            chosen = measurement(settings or {}, policy, JUDGE_DEFAULT)
        else:
            raise UsageError(f"a batch's measurement holds {', '.join(SETTINGS)}")
        current = {key: value for key, value in data.items() if key not in ("repeat", "estimator")}
        batch = batch_from_dict({**current, "measurement": chosen.to_dict()}, context.trusted)
        for item in batch.items:
            if len(item.source.encode()) > policy.max_code_bytes:
                raise UsageError(f"a program of the batch is larger than {policy.max_code_bytes} bytes")
        _limits(data.get("limits"), policy)
        return cls(batch)


Job = RunJob | JudgeJob | BatchJob
PARSERS: dict[str, type[RunJob] | type[JudgeJob] | type[BatchJob]] = {
    "run": RunJob,
    "judge": JudgeJob,
    "batch": BatchJob,
}


def parse_job(kind: str, payload: Mapping[str, Any], context: Context) -> Job:
    """The typed job of a request body; UsageError (a 4xx) when it cannot be run as asked.

    A field of the wrong shape (a list where a number belongs) is a UsageError too, with its reason.
    """
    parser = PARSERS.get(kind)
    if parser is None:
        raise UsageError(f"unknown job kind {kind!r}", f"use {', '.join(KINDS)}")
    try:
        return parser.parse(payload, context)
    except UsageError:
        raise
    except (TypeError, ValueError, AttributeError, KeyError) as error:
        raise UsageError(f"malformed {kind} request: {type(error).__name__}: {error}") from error
