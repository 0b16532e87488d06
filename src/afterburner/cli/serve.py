"""`afterburner serve`: the judge as an HTTP service (FastAPI on uvicorn)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from afterburner.cli.options import MeasureCoresOption, apply_measure_cores
from afterburner.core.config import default_of, help_of
from afterburner.core.errors import UsageError
from afterburner.service.config import ServiceConfig
from afterburner.service.jobs import Policy

out = Console(stderr=True)
DEFAULT_STATE_DIR = Path(default_of(ServiceConfig, "state_dir"))


def _setting(name: str) -> str:
    return help_of(ServiceConfig, name)


def serve(
    host: Annotated[str, typer.Option("--host", help=_setting("host"))] = default_of(ServiceConfig, "host"),
    port: Annotated[int, typer.Option("--port", help=_setting("port"))] = default_of(ServiceConfig, "port"),
    state_dir: Annotated[Path, typer.Option("--state-dir", help=_setting("state_dir"))] = DEFAULT_STATE_DIR,
    workers: Annotated[int, typer.Option("--workers", help=_setting("workers"))] = default_of(ServiceConfig, "workers"),
    quick_workers: Annotated[int, typer.Option("--quick-workers", help=_setting("quick_workers"))] = default_of(
        ServiceConfig, "quick_workers"
    ),
    mode: Annotated[str, typer.Option("--mode", help=_setting("mode"))] = default_of(ServiceConfig, "mode"),
    executor: Annotated[str, typer.Option("--executor", help=_setting("executor"))] = default_of(
        ServiceConfig, "executor"
    ),
    token_file: Annotated[Path | None, typer.Option("--token-file", help=_setting("token_file"))] = None,
    max_queue: Annotated[int, typer.Option("--max-queue", help=_setting("max_queue"))] = default_of(
        ServiceConfig, "max_queue"
    ),
    result_ttl: Annotated[float, typer.Option("--result-ttl", help=_setting("result_ttl"))] = default_of(
        ServiceConfig, "result_ttl"
    ),
    datasets: Annotated[
        str, typer.Option("--datasets", help="Comma-separated datasets /v1/judge may judge on (hidden scoring tests).")
    ] = ",".join(Policy().datasets),
    measure_cores: MeasureCoresOption = None,
    allow_unauthenticated: Annotated[
        bool,
        typer.Option(
            "--allow-unauthenticated",
            help="Bind a non-loopback address without tokens (anyone reaching it can run code).",
        ),
    ] = False,
) -> None:
    """Serve the judge: Monolith's /execute, /submit, /results, /status; SandboxFusion's /run_code; /v1.

    Accepted jobs live in STATE_DIR/jobs.sqlite3 and survive a restart; OpenAPI docs at /docs.
    """
    apply_measure_cores(measure_cores)
    policy = replace(Policy(), datasets=tuple(d.strip() for d in datasets.split(",") if d.strip()))
    config = ServiceConfig(
        host=host,
        port=port,
        state_dir=str(state_dir),
        mode=mode,
        workers=workers,
        quick_workers=quick_workers,
        executor=executor,
        token_file=str(token_file) if token_file else None,
        max_queue=max_queue,
        result_ttl=result_ttl,
        policy=policy,
        adopt_orphans=True,
    )
    tokens = config.tokens()
    if not config.loopback and not tokens and not allow_unauthenticated:
        raise UsageError(
            f"{host} is not a loopback address and no token is set: anyone who reaches it could run code",
            "pass --token-file (or set AFTERBURNER_SERVICE_TOKENS), or --allow-unauthenticated",
        )
    import uvicorn

    from afterburner.service.app import create_app

    measured = f"{config.worker_count()} worker process(es)" if config.executor == "local" else config.executor
    pool = f"{measured} + {config.quick_worker_count()} quick"
    out.print(
        f"afterburner judge on http://{host}:{port} ({config.mode} mode, {pool}, jobs in {state_dir}/jobs.sqlite3, "
        f"{'token auth' if tokens else 'no auth'}); docs at /docs"
    )
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning", timeout_graceful_shutdown=15)
