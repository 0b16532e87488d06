"""What a service job answers, typed, and serialized here only: a run's outcome, a judge's, a batch's,
and the infrastructure errors of our side (never the program's verdict).

The job table stores these dictionaries; the compatible endpoints (`service.compat`) are views of
them, so every field a client reads comes from one place.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from afterburner.core.results import RunResult
from afterburner.core.verdicts import Verdict
from afterburner.judge.judge import JudgeResult
from afterburner.judge.measurement import Measurement
from afterburner.judge.wire import result_to_dict

ERROR_CHARS = 2000
CommandStatus = Literal["Finished", "TimeLimitExceeded", "Error"]


@dataclass(frozen=True)
class CompileRecord:
    """The compiler's run: how it ended (`Finished`, `TimeLimitExceeded`, `Error` when our side
    failed), its return code, stdout and stderr, as SandboxFusion reports a compile step."""

    ok: bool
    status: CommandStatus
    return_code: int | None
    stdout: str
    stderr: str
    seconds: float
    cached: bool = False
    message: str = ""  # our summary: the reason and the diagnostics

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "status": self.status,
            "return_code": self.return_code,
            "stdout": self.stdout,
            "stderr": self.stderr,
            "seconds": self.seconds,
            "cached": self.cached,
            "message": self.message,
        }


def _stream(data: bytes, limit: int) -> tuple[str, bool]:
    """The first `limit` bytes as text (invalid UTF-8 replaced), and whether anything was cut."""
    return data[:limit].decode("utf-8", errors="replace"), len(data) > limit


@dataclass(frozen=True)
class RunOutcome:
    """One run job's answer: the verdict, the compile step, the run with its figures, fetched files."""

    verdict: Verdict
    language: str
    measurement: Measurement
    compile: CompileRecord | None = None
    run: RunResult | None = None
    output_bytes: int = 65_536  # of each of stdout and stderr kept; a longer stream is cut and flagged
    memory_log: list[list[float]] | None = None
    figures: Mapping[str, float | None] = field(default_factory=dict)
    unmeasured: Mapping[str, str] = field(default_factory=dict)
    net: Mapping[str, float | None] = field(default_factory=dict)
    files: Mapping[str, bytes] = field(default_factory=dict)  # fetched after the run

    def to_dict(self) -> dict[str, Any]:
        run: dict[str, Any] | None = None
        if self.run is not None:
            run = self.run.to_dict()
            for name in ("stdout", "stderr"):
                run[name], run[f"{name}_truncated"] = _stream(getattr(self.run, name), self.output_bytes)
            run["output_limit"] = self.output_bytes
        return {
            "verdict": self.verdict.value,
            "language": self.language,
            "compile": None if self.compile is None else self.compile.to_dict(),
            "measurement": {"metric": self.measurement.metric, "counter": self.measurement.counter},
            "run": run,
            "memory_log": self.memory_log,
            "infrastructure_error": self.verdict is Verdict.IE,
            "figures": dict(self.figures),
            "unmeasured": dict(self.unmeasured),
            "net": dict(self.net),
            "files": {name: base64.b64encode(data).decode() for name, data in self.files.items()},
        }


def judge_outcome(
    language: str, measurement: Measurement, judged: JudgeResult, tests_total: int, hidden: bool
) -> dict[str, Any]:
    """A judge job's answer; on hidden tests nothing of the tests (see `hide`)."""
    result = result_to_dict(judged)
    head = {"language": language, "measurement": measurement.to_dict()}
    return {**head, **(hide(result) if hidden else result), "tests_total": tests_total}


def batch_outcome(measurement: Measurement, judged: list[JudgeResult]) -> dict[str, Any]:
    return {"measurement": measurement.to_dict(), "results": [result_to_dict(r) for r in judged]}


def hide(result: dict[str, Any]) -> dict[str, Any]:
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


def failed_on_our_side(message: str, ours: bool = True) -> dict[str, Any]:
    """An IE result: our side failed (`ours`), or the job could not be run as asked any more."""
    return {"verdict": Verdict.IE.value, "infrastructure_error": ours, "error": message[:ERROR_CHARS]}


def gave_up(attempts: int) -> dict[str, Any]:
    """The result of a job whose workers kept dying: an infrastructure error, not the program's."""
    return failed_on_our_side(f"infrastructure error: the job's worker died {attempts} time(s); not retried again")
