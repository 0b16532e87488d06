"""The shapes other judges' clients expect: Monolith's `/execute` and SandboxFusion's `/run_code`.

Both are views of one `run` job's result (`execution.run_job`). Units are stated per field:
Monolith's `peak_memory` is in kB, `duration` and `cpu_time` in ms, `integral` in kB*s (a true
time integral, trapezoid over real timestamps, unlike the original's sum of samples);
SandboxFusion's `execution_time` is in seconds. Our own exact figures (SI units: seconds, bytes,
byte-seconds) and our verdict ride along under `afterburner` / extra fields.

Their clients ask whether a program ran and how long it took, never for an instruction count:
their runs are clock-only (`CLOCK_ONLY`, no counting run), so they cost what they did.
"""

from __future__ import annotations

from typing import Any

from afterburner.core.limits import MiB
from afterburner.judge.measurement import CLOCK_ONLY

# SandboxFusion's language names that differ from ours.
SANDBOX_FUSION_LANGUAGES = {"nodejs": "javascript", "python3": "python", "golang": "go"}
DEFAULT_MEMORY_MB = 1024
# The measurement fields of a compatible endpoint's run job: the clock only, no counting run.
CLOCK_ONLY_FIELDS = {"metric": CLOCK_ONLY.metric, "counter": CLOCK_ONLY.counter}


def sandbox_fusion_language(name: str) -> str:
    return SANDBOX_FUSION_LANGUAGES.get(name, name)


def run_payload_monolith(body: dict[str, Any]) -> dict[str, Any]:
    """Monolith's request {code, language, stdin, timeout, run_profiling[, memory_limit_mb]} as a run job."""
    timeout = float(body.get("timeout") or 10)
    memory = int(body.get("memory_limit_mb") or DEFAULT_MEMORY_MB)
    return {
        "language": body.get("language", "python"),
        "code": body.get("code"),
        "stdin": body.get("stdin") or "",
        "limits": {"cpu_time": timeout, "wall_time": 2 * timeout + 1, "memory": memory * MiB},
        "profile": bool(body.get("run_profiling")),
        **CLOCK_ONLY_FIELDS,
        "view": "monolith",
    }


def run_payload_sandbox_fusion(body: dict[str, Any]) -> dict[str, Any]:
    """SandboxFusion's /run_code request as a run job (memory_limit_MB -1: our default)."""
    run_timeout = float(body.get("run_timeout") or 10)
    memory = int(body.get("memory_limit_MB") or -1)
    return {
        "language": sandbox_fusion_language(str(body.get("language", "python"))),
        "code": body.get("code"),
        "stdin": body.get("stdin") or "",
        "compile_timeout": float(body.get("compile_timeout") or 10),
        "limits": {
            "cpu_time": run_timeout,
            "wall_time": 2 * run_timeout + 1,
            "memory": (memory if memory > 0 else DEFAULT_MEMORY_MB) * MiB,
        },
        "files": body.get("files") or {},
        **CLOCK_ONLY_FIELDS,
        "view": "sandbox_fusion",
    }


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else seconds * 1000.0


def monolith_view(task_id: str, result: dict[str, Any]) -> dict[str, Any]:
    """{task_id, status: success|timeout|error, error, output_dict} from a run job's result."""
    verdict = result.get("verdict", "IE")
    run = result.get("run") or {}
    if verdict == "OK":
        status, error = "success", None
    elif verdict == "TLE":
        status, error = "timeout", run.get("message") or "time limit exceeded"
    elif verdict == "CE":
        status, error = "error", f"compilation failed: {(result.get('compile') or {}).get('message', '')}"
    else:
        status = "error"
        error = f"{verdict}: {run.get('message') or result.get('error') or ''}".strip(": ")
    integral = run.get("memory_integral")
    output = {
        "stdout": run.get("stdout", ""),
        "stderr": run.get("stderr", ""),
        "peak_memory": None if not run else run.get("peak_memory", 0) / 1024,  # kB
        "integral": None if integral is None else integral / 1024,  # kB*s
        "duration": _ms(run.get("wall_time")),  # ms, wall clock
        "cpu_time": _ms(run.get("cpu_time")),  # ms, every task of the run
        "exit_code": run.get("exit_code"),
        "verdict": verdict,
        "log": result.get("memory_log") or [],  # [[t_ns, kB], ...] with run_profiling
        "afterburner": run or None,  # our figures in SI units, and which guarantees held
    }
    return {"task_id": task_id, "status": status, "error": error, "output_dict": output}


def _fusion_run(run: dict[str, Any], verdict: str) -> dict[str, Any]:
    if verdict == "TLE":
        status = "TimeLimitExceeded"
    elif verdict in ("OK", "RTE"):
        status = "Finished"
    else:  # MLE, OLE: the run was stopped
        status = "Error"
    code = run.get("exit_code")
    if code is None and run.get("signal") is not None:
        code = 128 + int(run["signal"])
    stderr = run.get("stderr", "")
    if verdict in ("MLE", "OLE") and run.get("message"):
        stderr = f"{stderr}\n{run['message']}".lstrip("\n")
    return {
        "status": status,
        "execution_time": run.get("wall_time"),
        "return_code": code,
        "stdout": run.get("stdout", ""),
        "stderr": stderr,
        # Ours, beside SandboxFusion's fields: seconds, bytes, byte-seconds, and our verdict.
        "cpu_time": run.get("cpu_time"),
        "peak_memory": run.get("peak_memory"),
        "memory_integral": run.get("memory_integral"),
        "verdict": verdict,
    }


def sandbox_fusion_view(result: dict[str, Any]) -> dict[str, Any]:
    """SandboxFusion's response: status Success|Failed|SandboxError, compile_result, run_result."""
    verdict = result.get("verdict", "IE")
    compiled = result.get("compile")
    compile_result = None
    if compiled is not None:
        compile_result = {
            "status": "Finished",
            "execution_time": compiled.get("seconds"),
            "return_code": 0 if compiled.get("ok") else 1,
            "stdout": "",
            "stderr": "" if compiled.get("ok") else compiled.get("message", ""),
        }
    base = {"compile_result": compile_result, "run_result": None, "executor_pod_name": None, "files": {}}
    if verdict == "IE" or result.get("infrastructure_error"):
        message = result.get("error") or (result.get("run") or {}).get("message", "")
        return {**base, "status": "SandboxError", "message": f"infrastructure error: {message}"}
    if verdict == "CE":
        return {**base, "status": "Failed", "message": "compilation failed"}
    run = _fusion_run(result.get("run") or {}, verdict)
    ok = verdict == "OK"
    return {**base, "run_result": run, "status": "Success" if ok else "Failed", "message": "" if ok else verdict}
