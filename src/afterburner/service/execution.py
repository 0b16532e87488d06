"""What a service job does: run a program, judge it on tests or a dataset problem, or judge a batch.

Jobs are plain JSON (`kind`, `payload`), checked when they are submitted (`check_job`, so a bad
request is a 4xx at once, not a failed job later) and run by a worker process or a Ray actor
(`execute_job`). A failure on our side (the sandbox, a generator) comes back as an IE result,
never as the program's verdict. Judging on a dataset problem uses its hidden scoring tests, and
its result says nothing about them: no inputs, outputs, or what the program printed.
"""

from __future__ import annotations

import base64
import binascii
import functools
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.core.limits import COMPILE_LIMITS, Limits, MiB
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.datasets.judging import judge_solution
from afterburner.datasets.model import Problem
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import TestSplit
from afterburner.judge.compiler import Program, compile_source
from afterburner.judge.executor import JudgeBatch, run_locally
from afterburner.judge.judge import JudgeItem
from afterburner.judge.stats import ESTIMATORS
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
from afterburner.sandbox.runner import SandboxOptions

KINDS = ("run", "judge", "batch")
OUTPUT_CHARS = 65_536  # of stdout and stderr, per run, in a result
LOG_POINTS = 1000  # memory samples kept for run_profiling


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


def check_job(kind: str, payload: dict[str, Any], context: Context) -> None:
    """Raise UsageError (a 4xx) for a job that cannot be run as asked."""
    policy = context.policy
    if kind not in KINDS:
        raise UsageError(f"unknown job kind {kind!r}", f"use {', '.join(KINDS)}")
    if kind == "batch":
        batch = batch_from_dict(payload.get("batch") or {}, context.trusted)
        for item in batch.items:
            if len(item.source.encode()) > policy.max_code_bytes:
                raise UsageError(f"a program of the batch is larger than {policy.max_code_bytes} bytes")
        _limits(payload.get("batch", {}).get("limits"), policy)
        return
    language = get_language(str(payload.get("language", "")))
    _code(payload, policy)
    _limits(payload.get("limits"), policy)
    options_from_dict(payload.get("options"))
    if kind == "run":
        _files(payload.get("files"), language)
        return
    repeat = payload.get("repeat", 1)
    if not isinstance(repeat, int) or not 1 <= repeat <= policy.max_repeat:
        raise UsageError(f"repeat must be 1 .. {policy.max_repeat}")
    if payload.get("estimator", "min") not in ESTIMATORS:
        raise UsageError(f"estimator must be one of {', '.join(ESTIMATORS)}")
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


def run_job(payload: dict[str, Any], context: Context) -> dict[str, Any]:
    """Compile (cached) and run once; with `profile`, the memory samples come back too."""
    language = get_language(str(payload["language"]))
    limits = _limits(payload.get("limits"), context.policy)
    compile_seconds = float(payload.get("compile_timeout") or COMPILE_LIMITS.cpu_time)
    compile_limits = COMPILE_LIMITS.with_(cpu_time=compile_seconds, wall_time=2 * compile_seconds + 1)
    compiled = compile_source(language, _code(payload, context.policy), compile_limits)
    view = (
        _compile_view(compiled.ok, compiled.message, compiled.seconds, compiled.cached) if language.compiled else None
    )
    if compiled.program is None:
        return {"verdict": Verdict.CE.value, "language": language.name, "compile": view, "run": None}
    program = Program(language, {**compiled.program.files, **_files(payload.get("files"), language)})
    options = options_from_dict(payload.get("options"))
    with tempfile.TemporaryDirectory(prefix="afterburner-service-log-") as scratch:
        log = Path(scratch) / "memory.log" if payload.get("profile") else None
        measured = SandboxOptions(sample_hz=options.sample_hz, instructions=options.instructions, sample_log=log)
        result = program.run(str(payload.get("stdin") or ""), limits, measured)
        samples = _memory_log(log) if log else None
    return {
        "verdict": result.verdict.value,
        "language": language.name,
        "compile": view,
        "run": result.to_dict(output_chars=OUTPUT_CHARS),
        "memory_log": samples,
        "infrastructure_error": result.verdict is Verdict.IE,
    }


def _hidden(result: dict[str, Any]) -> dict[str, Any]:
    """A result on hidden tests: verdicts and figures per test, nothing of the tests' contents."""
    for test in result.get("tests", []):
        test["detail"] = ""
        run = test.get("run") or {}
        for name in ("stdout", "stderr", "message"):
            run[name] = ""
    result["hidden_tests"] = True
    return result


def judge_job(payload: dict[str, Any], context: Context) -> dict[str, Any]:
    language = get_language(str(payload["language"]))
    code = _code(payload, context.policy)
    limits = _limits(payload.get("limits"), context.policy)
    options = options_from_dict(payload.get("options"))
    repeat = int(payload.get("repeat", 1))
    estimator = payload.get("estimator", "min")
    if payload.get("dataset") is not None:
        problem = _dataset_problem(payload, context.policy)
        tests = TestSplit().scoring_tests(problem)
        judged = judge_solution(problem, language.name, code, tests, repeat, options, limits, estimator)
        return {"language": language.name, **_hidden(result_to_dict(judged)), "tests_total": len(tests)}
    given = tuple(TestCase(str(t["input"]), str(t.get("output", ""))) for t in payload["tests"])
    checker = checker_from_dict(payload.get("checker") or {}, context.trusted)
    batch = JudgeBatch(
        (JudgeItem(language, code, given, checker),),
        limits,
        options,
        repeat,
        estimator,
        bool(payload.get("stop_on_failure", True)),
    )
    return {"language": language.name, **result_to_dict(run_locally(batch)[0]), "tests_total": len(given)}


def batch_job(payload: dict[str, Any], context: Context) -> dict[str, Any]:
    batch = batch_from_dict(payload["batch"], context.trusted)
    _limits(payload["batch"].get("limits"), context.policy)
    return {"results": [result_to_dict(r) for r in run_locally(batch)]}


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
