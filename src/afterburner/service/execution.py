"""Running a service job: a typed job (`service.jobs`) in, a typed result (`service.results`) out.

A failure on our side (the sandbox, a generator) comes back as an IE result, never as the
program's verdict. Judging on a dataset problem uses its hidden scoring tests, and its result says
nothing about them: no inputs, outputs, or what the program printed.

A run's working directory is the sandbox's private /tmp. Files a request sends (SandboxFusion's
`files`, paths relative to the working directory) are staged read-only in /box under plain names
and copied to their paths before the program starts, so `open("data.txt")` finds them; files it
asks back (`fetch_files`) are read after the program ends and returned base64. Both go through a
small `sh` wrapper around the program, only when asked for.
"""

from __future__ import annotations

import base64
import binascii
import secrets
import shlex
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from afterburner.core.errors import AfterburnerError, SandboxUnavailable, UsageError
from afterburner.core.limits import Limits
from afterburner.core.results import RunResult
from afterburner.core.verdicts import Verdict
from afterburner.datasets.judging import judge_solution
from afterburner.datasets.testgen import TestSplit
from afterburner.judge.compiler import Program, compile_source
from afterburner.judge.counting import count_run, resolve, startup_count
from afterburner.judge.executor import JudgeBatch, run_locally
from afterburner.judge.judge import JudgeItem
from afterburner.judge.measurement import Measurement
from afterburner.languages.base import Language
from afterburner.sandbox.runner import SandboxOptions, run
from afterburner.service.jobs import BatchJob, Context, Job, JudgeJob, RunJob, parse_job
from afterburner.service.results import (
    CompileRecord,
    RunOutcome,
    batch_outcome,
    failed_on_our_side,
    judge_outcome,
)

LOG_POINTS = 1000  # memory samples kept for run_profiling
QUICK_SAMPLE_HZ = 100  # a quick (correctness-only) run's memory sampling: its peak is exact anyway
STAGED = "afterburner-file-{}"  # a request's file i, staged in /box under a plain name
SHELL = "/bin/sh"


# --- the working directory: files in, files out ----------------------------------------------


@dataclass(frozen=True)
class WorkdirProgram(Program):
    """A program run through `sh -c SCRIPT`: the script prepares the working directory, runs the
    program ("$@") and, when files are fetched, prints them after a random mark on stdout."""

    script: str = ""

    def argv(self, limits: Limits, counted: bool = False) -> list[str]:
        return [SHELL, "-c", self.script, "sh", *super().argv(limits, counted)]


def _workdir_script(paths: list[str], fetch: tuple[str, ...], mark: str) -> str:
    lines = []
    for index, path in enumerate(paths):
        parent = str(Path(path).parent)
        if parent != ".":
            lines.append(f"mkdir -p {shlex.quote(parent)}")
        lines.append(f"cp /box/{STAGED.format(index)} {shlex.quote(path)}")
    if not fetch:
        return "\n".join([*lines, 'exec "$@"'])
    names = " ".join(shlex.quote(name) for name in fetch)
    return "\n".join(
        [
            *lines,
            '"$@"',
            "status=$?",
            f"printf '\\n%s\\n' {mark}",
            f'for f in {names}; do if [ -f "$f" ]; then printf "%s\\n" "$f"; base64 -w 0 "$f"; echo; fi; done',
            'exit "$status"',
        ]
    )


def _prepared(program: Program, job: RunJob) -> tuple[Program, bytes]:
    """The program with its working directory prepared, and the mark its fetched files follow."""
    if not job.files and not job.fetch_files:
        return program, b""
    paths = list(job.files)
    staged = {STAGED.format(i): job.files[path] for i, path in enumerate(paths)}
    mark = f"afterburner-fetched-{secrets.token_hex(12)}"
    script = _workdir_script(paths, job.fetch_files, mark)
    return WorkdirProgram(program.language, {**program.files, **staged}, script), mark.encode()


def _fetched(result: RunResult, mark: bytes) -> tuple[RunResult, dict[str, bytes]]:
    """The program's own stdout, and the files printed after the mark (none when it never got there)."""
    if not mark:
        return result, {}
    head, found, tail = result.stdout.rpartition(b"\n" + mark + b"\n")
    if not found:
        return result, {}
    files: dict[str, bytes] = {}
    lines = tail.split(b"\n")
    for name, content in zip(lines[0::2], lines[1::2], strict=False):
        try:
            files[name.decode()] = base64.b64decode(content, validate=True)
        except (binascii.Error, UnicodeDecodeError):
            continue
    return replace(result, stdout=head), files


# --- compiling --------------------------------------------------------------------------------


def _compiler_run(language: Language, code: str, limits: Limits) -> tuple[CompileRecord, Program | None]:
    """The compiler run once more, uncached, for what SandboxFusion reports of a compile step: its
    return code, stdout and stderr, and whether it ran out of time (the build cache keeps a summary)."""
    out = Path(tempfile.mkdtemp(prefix="afterburner-service-build-"))
    try:
        options = language.sandbox_options(SandboxOptions(env=language.compile_env, sample_hz=100, pin_core=False))
        try:
            result = run(
                list(language.compile), {language.source: code.encode()}, limits, options=options, output_dir=out
            )
        except AfterburnerError as error:
            result = RunResult.infrastructure_error(str(error))
        kept = [path for pattern in language.artifacts for path in out.glob(pattern) if path.is_file()]
        program = None
        if result.verdict is Verdict.OK and kept:
            program = Program(language, {path.name: path.read_bytes() for path in kept})
        status = "TimeLimitExceeded" if result.verdict is Verdict.TLE else "Finished"
        if result.verdict is Verdict.IE:
            status = "Error"
        code_ = result.exit_code if result.signal is None else -result.signal
        if result.verdict is Verdict.TLE:
            code_ = None
        elif code_ == 0 and program is None:
            code_ = 1  # it exited 0 but left nothing to run: a failure all the same
        message = f"{result.message or ('ok' if program else 'compilation failed')}\n{result.stderr_text}".strip()
        record = CompileRecord(
            ok=program is not None,
            status=status,  # type: ignore[arg-type]
            return_code=code_,
            stdout=result.stdout_text,
            stderr=result.stderr_text if result.verdict is not Verdict.IE else result.message,
            seconds=result.wall_time,
            message=message,
        )
        return record, program
    finally:
        shutil.rmtree(out, ignore_errors=True)


def compile_job(job: RunJob) -> tuple[CompileRecord | None, Program | None]:
    """Compile (cached by content); a failure is compiled once more for its full record."""
    compiled = compile_source(job.language, job.code, job.compile_limits)
    if not job.language.compiled:
        return None, compiled.program
    if compiled.program is not None:
        record = CompileRecord(
            True, "Finished", 0, "", compiled.message, compiled.seconds, compiled.cached, compiled.message
        )
        return record, compiled.program
    return _compiler_run(job.language, job.code, job.compile_limits)


# --- running ----------------------------------------------------------------------------------


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
    program: Program, job: RunJob, backend: tuple[str, str], native: RunResult
) -> tuple[dict[str, float | None], dict[str, str], dict[str, float | None]]:
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
        counted = count_run(program, job.stdin, job.limits, counter, native) if counter else unavailable
        if isinstance(counted, str):
            unmeasured["instructions"] = counted
        else:
            figures["instructions"] = float(counted)
            empty = startup_count(program.language, counter)
            if empty is not None:
                net["instructions"] = counted - empty
    return figures, unmeasured, net


def run_job(job: RunJob) -> RunOutcome:
    """Compile (cached) and run once; see `RunJob`."""
    record, compiled = compile_job(job)
    head = {"language": job.language.name, "measurement": job.measurement, "compile": record}
    if compiled is None:
        verdict = Verdict.IE if record is not None and record.status == "Error" else Verdict.CE
        return RunOutcome(verdict, **head)  # type: ignore[arg-type]
    program, mark = _prepared(compiled, job)
    backend = _backend(job.measurement)
    options = job.options
    if job.lane == "quick":  # unpinned: never waits for a measure core behind measured work
        options = replace(options, pin_core=False, sample_hz=min(options.sample_hz, QUICK_SAMPLE_HZ))
    with tempfile.TemporaryDirectory(prefix="afterburner-service-log-") as scratch:
        log = Path(scratch) / "memory.log" if job.profile else None
        options = replace(options, sample_log=log)
        if backend[0] == "perf":
            options = replace(options, instructions="perf")  # hardware counters ride along the run
        result = program.run(job.stdin, job.limits, options)
        samples = _memory_log(log) if log else None
    result, files = _fetched(result, mark)
    figures, unmeasured, net = _run_figures(program, job, backend, result)
    return RunOutcome(
        result.verdict,
        **head,  # type: ignore[arg-type]
        run=result,
        output_bytes=job.output_bytes,
        memory_log=samples,
        figures=figures,
        unmeasured=unmeasured,
        net=net,
        files=files,
    )


def judge_job(job: JudgeJob) -> dict[str, Any]:
    if job.problem is not None:
        tests = TestSplit().scoring_tests(job.problem)
        judged = judge_solution(
            job.problem, job.language.name, job.code, tests, job.measurement, job.limits, options=job.options
        )
        return judge_outcome(job.language.name, job.measurement, judged, len(tests), hidden=True)
    assert job.checker is not None
    item = JudgeItem(job.language, job.code, job.tests, job.checker)
    batch = JudgeBatch((item,), job.limits, job.measurement, job.stop_on_failure, job.options)
    return judge_outcome(job.language.name, job.measurement, run_locally(batch)[0], len(job.tests), hidden=False)


def batch_job(job: BatchJob) -> dict[str, Any]:
    return batch_outcome(job.batch.measurement, run_locally(job.batch))


def run_typed(job: Job) -> dict[str, Any]:
    if isinstance(job, RunJob):
        return run_job(job).to_dict()
    if isinstance(job, JudgeJob):
        return judge_job(job)
    return batch_job(job)


def execute_job(kind: str, payload: Mapping[str, Any], context: Context) -> dict[str, Any]:
    """Run one stored job; our failures become an IE result with the reason."""
    try:
        return run_typed(parse_job(kind, payload, context))
    except UsageError as error:  # checked at submission; a dataset that changed since, say
        return failed_on_our_side(f"the job could not be run: {error}", ours=False)
    except (AfterburnerError, OSError) as error:
        return failed_on_our_side(f"infrastructure error: {error}")
    except Exception as error:  # a bug of ours: the job ends IE with its reason; the worker lives on
        return failed_on_our_side(f"internal error: {type(error).__name__}: {error}")
