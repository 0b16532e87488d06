"""The service's settings: validated on construction, the CLI's defaults and help."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path

from afterburner.core.config import require, setting
from afterburner.core.errors import UsageError
from afterburner.core.limits import MiB
from afterburner.sandbox.cores import all_cores, core_plan
from afterburner.service.jobs import Policy

MODES = ("measurement", "throughput")
TOKEN_ENV = "AFTERBURNER_SERVICE_TOKENS"


@dataclass(frozen=True)
class ServiceConfig:
    """How `afterburner serve` runs."""

    host: str = setting("127.0.0.1", "Address to bind (loopback by default; expose it behind a proxy with TLS).")
    port: int = setting(8000, "Port to bind (0: any free port).")
    state_dir: str = setting("afterburner-service", "Directory of the job table (jobs.sqlite3) and the lock.")
    mode: str = setting(
        "measurement",
        "measurement: one job per measure core, the monitor and the service off those cores (figures to trust); "
        "throughput: every core runs jobs (more jobs per second, noisier figures).",
    )
    workers: int = setting(0, "Worker processes (0: one per measure core, or per core in throughput mode).")
    quick_workers: int = setting(
        0,
        "Worker processes of the quick lane: correctness-only runs (/run_code, /execute without profiling), "
        "unpinned, never behind measured jobs (0: one per core, at least 2).",
    )
    executor: str = setting("local", "Where jobs run: local worker processes, or ray[:ADDRESS] (one actor per core).")
    token_file: str | None = setting(None, f"File of bearer tokens, one per line (also ${TOKEN_ENV}, comma-separated).")
    max_queue: int = setting(10_000, "Queued jobs at most; beyond it submissions get 429 with Retry-After.")
    max_request_bytes: int = setting(16 * MiB, "Largest request body.")
    result_ttl: float = setting(86_400.0, "Seconds a finished job's result (and its idempotency key) is kept.")
    lease_seconds: float = setting(30.0, "A worker's lease on a job; renewed every third of it while the job runs.")
    max_attempts: int = setting(3, "Claims of a job before it ends IE (its workers kept dying).")
    sync_wait: float = setting(900.0, "Seconds a synchronous request (/execute, /run_code, /v1/run) waits at most.")
    durable: bool = setting(True, "fsync every commit (synchronous=FULL): accepted jobs survive a power loss too.")
    adopt_orphans: bool = setting(
        False, "Be a child subreaper and reap what killed workers leave (on for `afterburner serve`)."
    )
    policy: Policy = field(default_factory=Policy)

    def __post_init__(self) -> None:
        require(
            [
                (self.mode in MODES, f"mode must be one of {', '.join(MODES)}"),
                (0 <= self.port <= 65535, "port must be 0 .. 65535"),
                (0 <= self.workers <= 512, "workers must be 0 .. 512"),
                (0 <= self.quick_workers <= 512, "quick_workers must be 0 .. 512"),
                (1 <= self.max_queue <= 10_000_000, "max_queue must be 1 .. 10000000"),
                (1024 <= self.max_request_bytes <= 1024 * MiB, "max_request_bytes must be 1 KB .. 1 GB"),
                (self.result_ttl > 0, "result_ttl must be positive"),
                (1 <= self.lease_seconds <= 3600, "lease_seconds must be 1 .. 3600"),
                (1 <= self.max_attempts <= 20, "max_attempts must be 1 .. 20"),
                (self.sync_wait > 0, "sync_wait must be positive"),
                (
                    self.executor == "local" or self.executor.startswith("ray"),
                    "executor must be local or ray[:ADDRESS]",
                ),
            ],
            "service settings",
        )

    @property
    def loopback(self) -> bool:
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return self.host == "localhost"

    @property
    def state_path(self) -> Path:
        return Path(self.state_dir)

    def worker_count(self) -> int:
        if self.workers:
            return self.workers
        return len(all_cores()) if self.mode == "throughput" else len(core_plan().measure)

    def quick_worker_count(self) -> int:
        return self.quick_workers or max(2, len(all_cores()))

    def cores(self) -> dict[str, object]:
        """Where the workers' runs go: the measure cores, or every core in throughput mode."""
        if self.mode == "throughput":
            return {"measure_cores": list(all_cores()), "host_cores": list(all_cores()), "partitioned": False}
        return core_plan().to_dict()

    def worker_env(self) -> dict[str, str]:
        """Throughput mode measures on every core (runs may share a core with the service)."""
        env = dict(os.environ)
        if self.mode == "throughput":
            from afterburner.sandbox.cores import ENV_VAR, format_cpulist

            env[ENV_VAR] = format_cpulist(all_cores())
        return env

    def tokens(self) -> tuple[str, ...]:
        """Accepted bearer tokens (none: no authentication)."""
        found = [t.strip() for t in os.environ.get(TOKEN_ENV, "").split(",") if t.strip()]
        if self.token_file is not None:
            try:
                lines = Path(self.token_file).read_text().splitlines()
                found += [line.strip() for line in lines if line.strip()]
            except OSError as error:
                raise UsageError(f"cannot read the token file {self.token_file}: {error}") from error
        return tuple(found)
