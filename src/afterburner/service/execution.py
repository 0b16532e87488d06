"""What a service job does: run a program, judge it on tests or a dataset problem, or judge a batch.

Jobs are plain JSON (`kind`, `payload`), checked when they are submitted (`check_job`, so a bad
request is a 4xx at once, not a failed job later) and run by a worker process or a Ray actor
(`execute_job`). A failure on our side (the sandbox, a generator) comes back as an IE result,
never as the program's verdict. Judging on a dataset problem uses its hidden scoring tests, and
its result says nothing about them: no inputs, outputs, or what the program printed.

How a job is measured is one `Measurement` (repeat, estimator, metric, counter), read from the
request by `measurement` with the library's bounds and this judge's largest repeat. A judge job
left to the defaults is measured as the library measures (counts decide); a run is one execution
by the clock unless it asks for a counter, so Monolith's and SandboxFusion's clients never wait
for a count they did not ask for.
"""

from __future__ import annotations

import base64
import binascii
import functools
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from afterburner.core.errors import AfterburnerError, SandboxUnavailable, UsageError
from afterburner.core.limits import COMPILE_LIMITS, Limits, MiB
from afterburner.core.metrics import Metric
from afterburner.core.results import RunResult
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.datasets.judging import judge_solution
from afterburner.datasets.model import Problem
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import TestSplit
from afterburner.judge.compiler import Program, compile_source
from afterburner.judge.counting import count_run, resolve, startup_count
from afterburner.judge.executor import JudgeBatch, run_locally
from afterburner.judge.judge import JudgeItem
from afterburner.judge.measurement import CLOCK_ONLY, Measurement
from afterburner.judge.wire import (
    batch_from_dict,
    checker_from_dict,
    limits_from_dict,
    options_from_dict,
    result_to_dict,
    source_digest,
)
from afterburner.languages.base import Language
from afterburner.languages.registry import get_language

KINDS = ("run", "judge", "batch")
OUTPUT_CHARS = 65_536  # of stdout and stderr, per run, in a result
LOG_POINTS = 1000  # memory samples kept for run_profiling
SETTINGS = ("repeat", "estimator", "metric", "counter")  # a request's measurement fields
LEGACY_COUNTERS = ("off", "auto", "perf", "valgrind")  # options.instructions, read as `counter`
# What a request that says nothing is measured with: a judge job as the library measures (counts
# decide); a run once, by the clock (its clients asked for its output and times, not a count).
JUDGE_DEFAULT = Measurement()
RUN_DEFAULT = replace(CLOCK_ONLY, repeat=1)


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


# --- checking requests ------------------------------------------------------------------------


def _limits(data: Any, policy: Policy) -> Limits:
    limits = limits_from_dict(data if isinstance(data, dict) else None)
    if limits.cpu_time > policy.max_cpu_seconds or limits.effective_wall_time > 2 * policy.max_cpu_seconds + 1:
        raise UsageError(f"this judge allows at most {policy.max_cpu_seconds:g} s of CPU time per run")
    if limits.memory > policy.max_memory_bytes:
        raise UsageError(f"this judge allows at most {policy.max_memory_bytes // MiB} MB of memory per run")
    return limits


def _code(payload: dict[str, Any], policy: Policy) -> str:
    code = payload.get("code")
    if not isinstance(code, str):
        raise UsageError("code must be a string")
    if len(code.encode()) > policy.max_code_bytes:
        raise UsageError(f"code is larger than {policy.max_code_bytes} bytes")
    return code


def _files(data: Any, language: Language) -> dict[str, bytes]:
    """SandboxFusion-style files: name -> base64 content, placed read-only beside the program in /box."""
    if not data:
        return {}
    if not isinstance(data, dict):
        raise UsageError("files must map names to base64 contents")
    files: dict[str, bytes] = {}
    for name, content in data.items():
        if not isinstance(name, str) or not name or "/" in name or name in (".", "..") or name == language.source:
            raise UsageError(f"file name {name!r} must be a plain name other than {language.source}")
        try:
            files[name] = base64.b64decode(content or "", validate=True)
        except (binascii.Error, TypeError) as error:
            raise UsageError(f"file {name!r} is not base64") from error
    return files


def _dataset_problem(payload: dict[str, Any], policy: Policy) -> Problem:
    dataset = str(payload.get("dataset"))
    if dataset not in policy.datasets:
        raise UsageError(f"this judge serves datasets {', '.join(policy.datasets)}, not {dataset!r}")
    return _problem(dataset, str(payload.get("problem_id")))


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


def _batch(payload: Mapping[str, Any], context: Context) -> JudgeBatch:
    """A batch job's batch, checked like a judge job: its size, its limits, its measurement.

    A batch from an older client carries `repeat`, `estimator` and `options.instructions` instead
    of `measurement`: it is measured as it was then, ranked by CPU time.
    """
    data = payload.get("batch")
    if not isinstance(data, Mapping):
        raise UsageError("a batch job needs its batch")
    policy = context.policy
    settings = data.get("measurement")
    if settings is None and ({"repeat", "estimator"} & set(data) or "instructions" in (data.get("options") or {})):
        chosen = measurement(data, policy, CLOCK_ONLY)
    elif settings is None or (isinstance(settings, Mapping) and not set(settings) - set(SETTINGS)):
        chosen = measurement(settings or {}, policy, JUDGE_DEFAULT)
    else:
        raise UsageError(f"a batch's measurement holds {', '.join(SETTINGS)}")
    current = {key: value for key, value in data.items() if key not in ("repeat", "estimator")}  # now in measurement
    batch = batch_from_dict({**current, "measurement": chosen.to_dict()}, context.trusted)
    for item in batch.items:
        if len(item.source.encode()) > policy.max_code_bytes:
            raise UsageError(f"a program of the batch is larger than {policy.max_code_bytes} bytes")
    _limits(data.get("limits"), policy)
    return batch


def check_job(kind: str, payload: dict[str, Any], context: Context) -> None:
    """Raise UsageError (a 4xx) for a job that cannot be run as asked."""
    policy = context.policy
    if kind not in KINDS:
        raise UsageError(f"unknown job kind {kind!r}", f"use {', '.join(KINDS)}")
    if kind == "batch":
        _batch(payload, context)
        return
    language = get_language(str(payload.get("language", "")))
    _code(payload, policy)
    _limits(payload.get("limits"), policy)
    options_from_dict(payload.get("options"))
    if kind == "run":
        measurement(payload, policy, RUN_DEFAULT)
        _files(payload.get("files"), language)
        return
    measurement(payload, policy, JUDGE_DEFAULT)
    if payload.get("dataset") is not None:
        problem = _dataset_problem(payload, policy)
        if language.name not in problem.languages:
            raise UsageError(f"problem {problem.id} has no {language.name} runner")
        return
    tests = payload.get("tests")
    if not isinstance(tests, list) or not tests or len(tests) > policy.max_tests:
        raise UsageError(f"judging needs tests (1 .. {policy.max_tests}) or a dataset and problem_id")
    checker_from_dict(payload.get("checker") or {}, context.trusted)


# --- running ----------------------------------------------------------------------------------


def _compile_view(ok: bool, message: str, seconds: float, cached: bool) -> dict[str, Any]:
    return {"ok": ok, "message": message, "seconds": seconds, "cached": cached}


def _memory_log(path: Path) -> list[list[float]]:
    """The run's memory samples as [t_ns, kB], thinned to at most LOG_POINTS."""
    try:
        rows = [line.split() for line in path.read_text().splitlines() if line.strip()]
    except OSError:
        return []
    step = max(1, len(rows) // LOG_POINTS)
    return [[float(r[0]), float(r[1]) / 1024] for r in rows[::step] if len(r) >= 2]


def _backend(settings: Measurement) -> tuple[str, str]:
    """The counter a run counts with ("" when it does not count), and why none works here."""
    if not settings.counts:
        return "", ""
    try:
        return resolve(settings.counter), ""
    except SandboxUnavailable as error:
        return "", str(error)


def _run_figures(
    program: Program, stdin: str, limits: Limits, backend: tuple[str, str], native: RunResult
) -> dict[str, Any]:
    """A run's figures as a judge result has them (`figures`, `unmeasured`, `net`), the count included
    when the run counts and passed."""
    figures: dict[str, float | None] = {
        name: getattr(native, name) for name in ("cpu_time", "wall_time", "peak_memory", "memory_integral")
    }
    figures["instructions"] = None
    unmeasured: dict[str, str] = {}
    net: dict[str, float | None] = {}
    counter, unavailable = backend
    if (counter or unavailable) and native.verdict is Verdict.OK:
        counted = count_run(program, stdin, limits, counter, native) if counter else unavailable
        if isinstance(counted, str):
            unmeasured["instructions"] = counted
        else:
            figures["instructions"] = float(counted)
            empty = startup_count(program.language, counter)
            if empty is not None:
                net["instructions"] = counted - empty
    return {"figures": figures, "unmeasured": unmeasured, "net": net}


def run_job(payload: dict[str, Any], context: Context) -> dict[str, Any]:
    """Compile (cached) and run once; with `profile`, the memory samples come back too; with a
    counter, one more run counts the program's instructions."""
    language = get_language(str(payload["language"]))
    limits = _limits(payload.get("limits"), context.policy)
    settings = measurement(payload, context.policy, RUN_DEFAULT)
    compile_seconds = float(payload.get("compile_timeout") or COMPILE_LIMITS.cpu_time)
    compile_limits = COMPILE_LIMITS.with_(cpu_time=compile_seconds, wall_time=2 * compile_seconds + 1)
    compiled = compile_source(language, _code(payload, context.policy), compile_limits)
    view = (
        _compile_view(compiled.ok, compiled.message, compiled.seconds, compiled.cached) if language.compiled else None
    )
    head = {
        "language": language.name,
        "compile": view,
        "measurement": {"metric": settings.metric, "counter": settings.counter},
    }
    if compiled.program is None:
        return {"verdict": Verdict.CE.value, **head, "run": None, "figures": {}, "unmeasured": {}, "net": {}}
    program = Program(language, {**compiled.program.files, **_files(payload.get("files"), language)})
    backend = _backend(settings)
    stdin = str(payload.get("stdin") or "")
    with tempfile.TemporaryDirectory(prefix="afterburner-service-log-") as scratch:
        log = Path(scratch) / "memory.log" if payload.get("profile") else None
        options = replace(options_from_dict(payload.get("options")), sample_log=log)
        if backend[0] == "perf":
            options = replace(options, instructions="perf")  # hardware counters ride along the run
        result = program.run(stdin, limits, options)
        samples = _memory_log(log) if log else None
    return {
        "verdict": result.verdict.value,
        **head,
        "run": result.to_dict(output_chars=OUTPUT_CHARS),
        "memory_log": samples,
        "infrastructure_error": result.verdict is Verdict.IE,
        **_run_figures(program, stdin, limits, backend, result),
    }


def _hidden(result: dict[str, Any]) -> dict[str, Any]:
    """A result on hidden tests: verdicts and figures per test, nothing of the tests' contents.

    The first failure's detail goes (it may quote what the program printed), and a reason for a
    metric left unmeasured keeps only its headline ("the counting pass gave WA")."""
    for test in result.get("tests", []):
        test["detail"] = ""
        run = test.get("run") or {}
        for name in ("stdout", "stderr", "message"):
            run[name] = ""
    result["detail"] = ""
    result["unmeasured"] = {name: reason.split(":", 1)[0] for name, reason in result.get("unmeasured", {}).items()}
    result["hidden_tests"] = True
    return result


def judge_job(payload: dict[str, Any], context: Context) -> dict[str, Any]:
    language = get_language(str(payload["language"]))
    code = _code(payload, context.policy)
    limits = _limits(payload.get("limits"), context.policy)
    settings = measurement(payload, context.policy, JUDGE_DEFAULT)
    options = options_from_dict(payload.get("options"))
    head = {"language": language.name, "measurement": settings.to_dict()}
    if payload.get("dataset") is not None:
        problem = _dataset_problem(payload, context.policy)
        tests = TestSplit().scoring_tests(problem)
        judged = judge_solution(problem, language.name, code, tests, settings, limits, options=options)
        return {**head, **_hidden(result_to_dict(judged)), "tests_total": len(tests)}
    given = tuple(TestCase(str(t["input"]), str(t.get("output", ""))) for t in payload["tests"])
    checker = checker_from_dict(payload.get("checker") or {}, context.trusted)
    item = JudgeItem(language, code, given, checker)
    batch = JudgeBatch((item,), limits, settings, bool(payload.get("stop_on_failure", True)), options)
    return {**head, **result_to_dict(run_locally(batch)[0]), "tests_total": len(given)}


def batch_job(payload: dict[str, Any], context: Context) -> dict[str, Any]:
    batch = _batch(payload, context)
    return {"measurement": batch.measurement.to_dict(), "results": [result_to_dict(r) for r in run_locally(batch)]}


def failed_on_our_side(message: str) -> dict[str, Any]:
    return {"verdict": Verdict.IE.value, "infrastructure_error": True, "error": message[:2000]}


def execute_job(kind: str, payload: dict[str, Any], context: Context) -> dict[str, Any]:
    """Run one job; our failures become an IE result with the reason."""
    try:
        if kind == "run":
            return run_job(payload, context)
        if kind == "judge":
            return judge_job(payload, context)
        if kind == "batch":
            return batch_job(payload, context)
        return failed_on_our_side(f"unknown job kind {kind!r}")
    except UsageError as error:  # checked at submission; a dataset that changed since, say
        return {**failed_on_our_side(f"the job could not be run: {error}"), "infrastructure_error": False}
    except (AfterburnerError, OSError) as error:
        return failed_on_our_side(f"infrastructure error: {error}")
    except Exception as error:  # a bug of ours: the job ends IE with its reason; the worker lives on
        return failed_on_our_side(f"internal error: {type(error).__name__}: {error}")
