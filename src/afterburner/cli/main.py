"""The `afterburner` command."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from afterburner.cli import report
from afterburner.cli.data_training import app as data_app  # data commands, with export and split
from afterburner.cli.evaluate import evaluate
from afterburner.cli.inputs import read_program, read_tests, read_text_file
from afterburner.cli.models import app as models_app
from afterburner.cli.optimize import optimize
from afterburner.cli.options import instruction_mode, measurement
from afterburner.cli.serve import serve
from afterburner.cli.train import app as train_app
from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.core.limits import Limits, MiB
from afterburner.core.verdicts import Verdict
from afterburner.judge.baseline import startup_baseline
from afterburner.judge.checkers import checker_from_spec
from afterburner.judge.judge import judge as judge_tests
from afterburner.judge.run_once import CompileFailed, run_once
from afterburner.judge.stats import DEFAULT_ESTIMATOR
from afterburner.languages.registry import all_languages
from afterburner.sandbox.runner import SandboxOptions

app = typer.Typer(
    help="Afterburner: run, judge and measure programs in an isolated sandbox.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
app.add_typer(data_app, name="data")
app.add_typer(models_app, name="models")
app.add_typer(train_app, name="train")
app.command("eval")(evaluate)
app.command("optimize")(optimize)
app.command("serve")(serve)

Lang = Annotated[
    str | None,
    typer.Option("--lang", "-l", help=f"{', '.join(all_languages())} (default: from the extension)."),
]
TimeLimit = Annotated[float, typer.Option("--time-limit", "-t", help="CPU time limit per run, seconds.")]
MemoryLimit = Annotated[int, typer.Option("--memory-limit", "-m", help="Memory limit per run, MB.")]
Json = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")]
Instructions = Annotated[
    str,
    typer.Option(
        "--instructions",
        help="Count instructions: off, auto (hardware counters if present), perf (require them), "
        "qemu (exact, QEMU user mode with our counting plugin) or valgrind (exact, slower).",
    ),
]
Degraded = Annotated[
    bool,
    typer.Option(
        "--allow-degraded", help="Run even if an isolation primitive is missing; the result lists what did not hold."
    ),
]
SampleHz = Annotated[int, typer.Option("--sample-hz", help="Memory sampling rate for the memory-time integral.")]


def _limits(time_limit: float, memory_limit: int) -> Limits:
    return Limits(cpu_time=time_limit, memory=memory_limit * MiB)


def _options(instructions: str, allow_degraded: bool, sample_hz: int) -> SandboxOptions:
    if not 10 <= sample_hz <= 50_000:
        raise UsageError("--sample-hz must be between 10 and 50000")
    return SandboxOptions(
        sample_hz=sample_hz, instructions=instruction_mode(instructions), allow_degraded=allow_degraded
    )


@app.command()
def run(
    file: Annotated[Path, typer.Argument(help="Source file to run.")],
    lang: Lang = None,
    stdin: Annotated[Path | None, typer.Option("--stdin", help="File to feed on standard input.")] = None,
    time_limit: TimeLimit = 5.0,
    memory_limit: MemoryLimit = 512,
    repeat: Annotated[int, typer.Option("--repeat", "-n", help="Run N times; report median and MAD.")] = 1,
    instructions: Instructions = "off",
    allow_degraded: Degraded = False,
    sample_hz: SampleHz = 10_000,
    as_json: Json = False,
) -> None:
    """Run a program once (or --repeat N times) and print its measurements."""
    language, source = read_program(file, lang)
    if not 1 <= repeat <= 1000:
        raise UsageError("--repeat must be between 1 and 1000")
    options = _options(instructions, allow_degraded, sample_hz)
    stdin_data = read_text_file(stdin, "stdin file").encode() if stdin else b""
    ran = run_once(language, source, stdin_data, _limits(time_limit, memory_limit), options, repeat)
    if isinstance(ran, CompileFailed):
        _emit_compile_error(ran.message, as_json)
        raise typer.Exit(1)
    if as_json:
        print(json.dumps(ran.to_dict(), indent=2))
    else:
        report.print_run(ran.first, language.display, ran.spread, ran.baseline, ran.corrected)
    raise typer.Exit(0 if ran.passed else 1)


def _emit_compile_error(message: str, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"verdict": Verdict.CE.value, "message": message}, indent=2))
    else:
        console.print(f"[bold red]CE[/] compilation failed\n{message}", markup=True, highlight=False)


@app.command()
def judge(
    file: Annotated[Path, typer.Argument(help="Source file to judge.")],
    tests: Annotated[
        Path, typer.Option("--tests", help="JSON/JSONL list of {input, output}, or a directory of .in/.out files.")
    ],
    lang: Lang = None,
    checker: Annotated[
        str,
        typer.Option(
            "--checker", help="exact, tokens, float[:TOL], or a Python file defining evaluate(expected, actual)."
        ),
    ] = "tokens",
    all_tests: Annotated[
        bool, typer.Option("--all", help="Run every test instead of stopping at the first failure.")
    ] = False,
    time_limit: TimeLimit = 5.0,
    memory_limit: MemoryLimit = 512,
    repeat: Annotated[
        int,
        typer.Option(
            "--repeat",
            "-n",
            help="Measure passing programs N times; summarize by the minimum (see --estimator of data profile).",
        ),
    ] = 1,
    counter: Annotated[
        str,
        typer.Option("--counter", help="Also count instructions exactly: off, auto, qemu, valgrind or perf."),
    ] = "off",
    allow_degraded: Degraded = False,
    as_json: Json = False,
) -> None:
    """Judge a program on tests: a verdict per test, the aggregate verdict and metrics."""
    language, source = read_program(file, lang)
    test_cases = read_tests(tests)
    settings = measurement(repeat, DEFAULT_ESTIMATOR, "instructions" if counter != "off" else "cpu_time", counter)
    options = _options("off", allow_degraded, 10_000)
    result = judge_tests(
        language,
        source,
        test_cases,
        checker_from_spec(checker),
        _limits(time_limit, memory_limit),
        settings,
        stop_on_failure=not all_tests,
        options=options,
    )
    baseline = startup_baseline(language, options=options) if result.compile.ok else None
    corrected = baseline.corrected(result.metrics, len(result.tests)) if baseline else {}
    if as_json:
        payload = {"language": language.name, **result.to_dict(), "corrected": corrected}
        payload["baseline"] = vars(baseline) if baseline else None
        print(json.dumps(payload, indent=2))
    else:
        report.print_judge(result, language.display, corrected)
    raise typer.Exit(0 if result.passed else 1)


@app.command()
def doctor(as_json: Json = False) -> None:
    """Check every language toolchain and every isolation and measurement primitive."""
    from afterburner.judge.doctor import diagnose

    findings = diagnose()
    if as_json:
        print(json.dumps(findings, indent=2))
    else:
        report.print_doctor(findings)
    raise typer.Exit(0 if findings["healthy"] else 1)


def main() -> None:
    """Entry point: library errors become one-line messages (exit 2 for usage, 3 for the host)."""
    try:
        app()
    except AfterburnerError as error:
        print(f"afterburner: error: {error}", file=sys.stderr)
        sys.exit(2 if isinstance(error, UsageError) else 3)


if __name__ == "__main__":
    main()
