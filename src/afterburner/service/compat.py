"""The shapes other judges' clients expect: Monolith's `/execute` (both of its backends) and
SandboxFusion's `/run_code`.

Both are views of one `run` job's result (`service.results.RunOutcome`). Units are stated per
field: Monolith's `peak_memory` is in kB, `duration` and `cpu_time` in ms, `integral` in kB*s (a
true time integral, trapezoid over real timestamps, unlike the original's sum of samples);
SandboxFusion's `execution_time` is in seconds. Our own exact figures (SI units: seconds, bytes,
byte-seconds) and our verdict ride along under `afterburner` / extra fields.

Their clients ask whether a program ran and how long it took, never for an instruction count:
their runs are clock-only (`CLOCK_ONLY`, no counting run), and those that do not ask for memory
samples are correctness-only: they go to the quick lane (`service.jobs`), unpinned, never behind
measured work.

SandboxFusion, field by field (its server's `/run_code`, as its `sandbox-fusion` client and verl
read it): `run_timeout` and `compile_timeout` are wall-clock limits; `memory_limit_MB` (-1: 1,024
MB here); `files` land in the working directory and `fetch_files` come back base64; a compile step
has its compiler's return code, stdout and stderr, `TimeLimitExceeded` when it ran out of time;
`Error` is only our side failing (then the answer is `SandboxError`); a program killed by signal N
has return code -N (its server's subprocess convention), a time-out has none; stdout and stderr are
kept up to 1 MiB each, as its server reads them, and a longer stream is cut *and flagged*.
"""

from __future__ import annotations

import re
from typing import Any

from afterburner.core.errors import UsageError
from afterburner.core.limits import MiB
from afterburner.judge.measurement import CLOCK_ONLY
from afterburner.languages.registry import get_language

# SandboxFusion's language names that differ from ours.
SANDBOX_FUSION_LANGUAGES = {"nodejs": "javascript", "python3": "python", "golang": "go"}
DEFAULT_MEMORY_MB = 1024
FUSION_OUTPUT_BYTES = 1 * MiB  # SandboxFusion reads up to 1 MiB of each stream
# The measurement fields of a compatible endpoint's run job: the clock only, no counting run.
CLOCK_ONLY_FIELDS = {"metric": CLOCK_ONLY.metric, "counter": CLOCK_ONLY.counter}
MONOLITH, MONOLITH_ASYNC, SANDBOX_FUSION = "monolith", "monolith_async", "sandbox_fusion"
PENDING = "processing"  # Monolith's status of a job not finished yet


def sandbox_fusion_language(name: str) -> str:
    return SANDBOX_FUSION_LANGUAGES.get(name, name)


def _package(name: str) -> str:
    return re.sub(r"[-_.]+", "_", re.split(r"[=<>!~\[ ;]", name.strip(), maxsplit=1)[0]).lower()


def check_libraries(language: str, libraries: list[str]) -> None:
    """Monolith's `libraries`: this judge installs nothing, but serves what the language's declared
    runtime set (installed here) holds; anything else is refused, naming what cannot be provided."""
    if not libraries:
        return
    declared = get_language(language)
    provided = {_package(p) for p in declared.packages} if declared.runtime_set is not None else set()
    missing = [name for name in libraries if _package(str(name)) not in provided]
    if missing:
        offered = ", ".join(declared.packages) if provided else "none"
        raise UsageError(
            f"this judge installs no libraries: {', '.join(map(str, missing))} cannot be provided "
            f"({declared.name}'s runtime set here: {offered})"
        )


def run_payload_monolith(body: dict[str, Any]) -> dict[str, Any]:
    """Monolith's request as a run job, either backend's shape: the synchronous one's
    {code, language, stdin, timeout, run_profiling[, memory_limit_mb]} or the asynchronous one's
    {code, language, libraries, timeout, run_memory_profile} (its published client's)."""
    timeout = float(body.get("timeout") or 10)
    memory = int(body.get("memory_limit_mb") or DEFAULT_MEMORY_MB)
    profile = bool(body.get("run_profiling") or body.get("run_memory_profile"))
    return {
        "language": body.get("language") or "python",
        "code": body.get("code"),
        "stdin": body.get("stdin") or "",
        "limits": {"cpu_time": timeout, "wall_time": 2 * timeout + 1, "memory": memory * MiB},
        "profile": profile,
        **CLOCK_ONLY_FIELDS,
        "lane": "measured" if profile else "quick",
        "view": MONOLITH_ASYNC if "run_memory_profile" in body else MONOLITH,
    }


def run_payload_sandbox_fusion(body: dict[str, Any]) -> dict[str, Any]:
    """SandboxFusion's /run_code request as a run job (see the module's docstring)."""
    run_timeout = float(body.get("run_timeout") or 10)
    compile_timeout = float(body.get("compile_timeout") or 10)
    memory = int(body.get("memory_limit_MB") or -1)
    return {
        "language": sandbox_fusion_language(str(body.get("language", "python"))),
        "code": body.get("code"),
        "stdin": body.get("stdin") or "",
        "compile_timeout": compile_timeout,
        "compile_wall_time": compile_timeout,
        "limits": {
            "cpu_time": run_timeout,
            "wall_time": run_timeout,
            "memory": (memory if memory > 0 else DEFAULT_MEMORY_MB) * MiB,
        },
        "files": body.get("files") or {},
        "fetch_files": body.get("fetch_files") or [],
        "output_bytes": FUSION_OUTPUT_BYTES,
        **CLOCK_ONLY_FIELDS,
        "lane": "quick",
        "view": SANDBOX_FUSION,
    }


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else seconds * 1000.0


def _output_dict(result: dict[str, Any]) -> dict[str, Any]:
    run = result.get("run") or {}
    integral = run.get("memory_integral")
    return {
        "stdout": run.get("stdout", ""),
        "stderr": run.get("stderr", ""),
        "peak_memory": None if not run else run.get("peak_memory", 0) / 1024,  # kB
        "integral": None if integral is None else integral / 1024,  # kB*s
        "duration": _ms(run.get("wall_time")),  # ms, wall clock
        "cpu_time": _ms(run.get("cpu_time")),  # ms, every task of the run
        "exit_code": run.get("exit_code"),
        "verdict": result.get("verdict", "IE"),
        "log": result.get("memory_log") or [],  # [[t_ns, kB], ...] with run_profiling
        "afterburner": run or None,  # our figures in SI units, and which guarantees held
    }


def _error(result: dict[str, Any]) -> str | None:
    verdict = result.get("verdict", "IE")
    run = result.get("run") or {}
    if verdict == "OK":
        return None
    if verdict == "TLE":
        return str(run.get("message") or "time limit exceeded")
    if verdict == "CE":
        return f"compilation failed: {(result.get('compile') or {}).get('message', '')}"
    return f"{verdict}: {run.get('message') or result.get('error') or ''}".strip(": ")


def monolith_view(task_id: str, result: dict[str, Any]) -> dict[str, Any]:
    """The synchronous backend's answer: {task_id, status: success|timeout|error, error, output_dict}."""
    verdict = result.get("verdict", "IE")
    status = "success" if verdict == "OK" else "timeout" if verdict == "TLE" else "error"
    return {"task_id": task_id, "status": status, "error": _error(result), "output_dict": _output_dict(result)}


def monolith_async_view(
    task_id: str, result: dict[str, Any], started: float | None, finished: float | None
) -> dict[str, Any]:
    """The asynchronous backend's finished task: status `done` (the program ran, whatever its exit),
    `timeout`, or `error` (our side failed), with `output_dict` as the synchronous backend has it."""
    verdict = result.get("verdict", "IE")
    status = "timeout" if verdict == "TLE" else "error" if verdict == "IE" else "done"
    took = None if started is None or finished is None else finished - started
    return {
        "task_id": task_id,
        "status": status,
        "error": _error(result),
        "process_time": took,
        "output_dict": _output_dict(result),
    }


def _return_code(run: dict[str, Any]) -> int | None:
    """SandboxFusion's return code: the exit code, or -N for a program killed by signal N."""
    if run.get("signal") is not None:
        return -int(run["signal"])
    code = run.get("exit_code")
    return None if code is None else int(code)


def _fusion_run(run: dict[str, Any], verdict: str) -> dict[str, Any]:
    stderr = run.get("stderr", "")
    if verdict in ("MLE", "OLE") and run.get("message"):  # the program was killed: say why
        stderr = f"{stderr}\n{run['message']}".lstrip("\n")
    return {
        "status": "TimeLimitExceeded" if verdict == "TLE" else "Finished",
        "execution_time": run.get("wall_time"),
        "return_code": None if verdict == "TLE" else _return_code(run),
        "stdout": run.get("stdout", ""),
        "stderr": stderr,
        # Ours, beside SandboxFusion's fields: seconds, bytes, byte-seconds, our verdict, truncation.
        "cpu_time": run.get("cpu_time"),
        "peak_memory": run.get("peak_memory"),
        "memory_integral": run.get("memory_integral"),
        "verdict": verdict,
        "stdout_truncated": bool(run.get("stdout_truncated")),
        "stderr_truncated": bool(run.get("stderr_truncated")),
    }


def _fusion_compile(compiled: dict[str, Any]) -> dict[str, Any]:
    ok = bool(compiled.get("ok"))
    return {
        "status": compiled.get("status", "Finished"),
        "execution_time": compiled.get("seconds"),
        "return_code": compiled.get("return_code", 0 if ok else 1),
        "stdout": compiled.get("stdout", ""),
        "stderr": compiled.get("stderr", "" if ok else compiled.get("message", "")),
    }


def _truncation(run: dict[str, Any]) -> str:
    cut = [name for name in ("stdout", "stderr") if run.get(f"{name}_truncated")]
    if not cut:
        return ""
    limit = run.get("output_limit", FUSION_OUTPUT_BYTES)
    return f"{' and '.join(cut)} cut to the first {limit} bytes"


def sandbox_fusion_view(result: dict[str, Any]) -> dict[str, Any]:
    """SandboxFusion's response: status Success|Failed|SandboxError, compile_result, run_result, files."""
    verdict = result.get("verdict", "IE")
    compiled = result.get("compile")
    base = {
        "compile_result": None if compiled is None else _fusion_compile(compiled),
        "run_result": None,
        "executor_pod_name": None,
        "files": result.get("files") or {},
    }
    run = result.get("run")
    if verdict == "IE" or result.get("infrastructure_error"):
        message = result.get("error") or (run or {}).get("message", "") or (compiled or {}).get("stderr", "")
        failed = None if not run else {**_fusion_run(run, verdict), "status": "Error", "stderr": message}
        return {**base, "run_result": failed, "status": "SandboxError", "message": f"infrastructure error: {message}"}
    if verdict == "CE" or run is None:
        return {**base, "status": "Failed", "message": "compilation failed"}
    answer = _fusion_run(run, verdict)
    ok = verdict == "OK"
    message = "; ".join(m for m in ("" if ok else verdict, _truncation(run)) if m)
    return {**base, "run_result": answer, "status": "Success" if ok else "Failed", "message": message}
