"""Human-readable tables for the CLI (rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from afterburner.core.results import RunResult
from afterburner.judge.baseline import Baseline
from afterburner.judge.judge import JudgeResult
from afterburner.judge.stats import Spread

out = Console()


def fmt(name: str, value: float | None) -> str:
    if value is None:
        return "-"
    if name in ("peak_memory",):
        return f"{value / 2**20:.2f} MiB"
    if name == "memory_integral":
        return f"{value / 2**20:.4f} MiB*s"
    if name in ("cpu_time", "wall_time"):
        return f"{value * 1000:.2f} ms"
    return f"{value:,.0f}"


def print_run(
    result: RunResult,
    language: str,
    spread: dict[str, Spread],
    baseline: Baseline,
    corrected: dict[str, float | None],
) -> None:
    colour = "green" if result.verdict.passed else "red"
    out.print(
        f"[bold {colour}]{result.verdict.value}[/] {language}  "
        f"exit={result.exit_code} signal={result.signal}  {result.message}"
    )
    if result.stdout:
        out.print("[dim]stdout:[/]", result.stdout_text[:2000], markup=True, highlight=False)
    if result.stderr:
        out.print("[dim]stderr:[/]", result.stderr_text[:2000], markup=True, highlight=False)
    table = Table(title=f"measurements ({spread['cpu_time'].n} run(s))")
    for column in ("metric", "median", "MAD", "start-up baseline", "corrected"):
        table.add_column(column, justify="right")
    for name, s in spread.items():
        base = getattr(baseline, name, None)
        table.add_row(name, fmt(name, s.median), fmt(name, s.mad), fmt(name, base), fmt(name, corrected.get(name)))
    out.print(table)
    sampling = result.sampling
    out.print(
        f"memory sampling: {sampling.samples} samples at {sampling.achieved_hz:,.0f} Hz achieved "
        f"(asked {sampling.requested_hz:,}), largest gap {sampling.max_gap * 1000:.2f} ms"
    )
    if result.instruction_source:
        out.print(f"instructions counted by {result.instruction_source}")
    if missing := result.guarantees.missing():
        out.print(f"[bold yellow]degraded run: these guarantees did not hold: {', '.join(missing)}[/]")


def print_judge(result: JudgeResult, language: str, corrected: dict[str, float | None]) -> None:
    colour = "green" if result.passed else "red"
    out.print(
        f"[bold {colour}]{result.verdict.value}[/] {language}: "
        f"{sum(t.verdict.value == 'AC' for t in result.tests)}/{len(result.tests)} tests run passed"
    )
    if not result.compile.ok:
        out.print(result.compile.message, markup=False, highlight=False)
        return
    table = Table(title="tests")
    for column in ("#", "verdict", "cpu", "wall", "peak memory", "integral"):
        table.add_column(column, justify="right")
    for t in result.tests:
        r = t.run
        table.add_row(
            str(t.index),
            t.verdict.value,
            fmt("cpu_time", r.cpu_time),
            fmt("wall_time", r.wall_time),
            fmt("peak_memory", r.peak_memory),
            fmt("memory_integral", r.memory_integral),
        )
    out.print(table)
    if failure := result.first_failure:
        out.print(f"[bold]first failure (test {failure.index}):[/] {failure.detail}", highlight=False)
    totals = Table(title="totals (median over repeats)")
    for column in ("metric", "raw", "start-up corrected"):
        totals.add_column(column, justify="right")
    for name, value in result.metrics.items():
        totals.add_row(name, fmt(name, value), fmt(name, corrected.get(name)))
    out.print(totals)


def print_doctor(findings: dict[str, Any]) -> None:
    languages = Table(title="languages")
    for column in ("language", "toolchain", "self-test", "start-up cpu", "start-up peak"):
        languages.add_column(column)
    for row in findings["languages"]:
        status = "[green]pass[/]" if row["self_test"] else f"[red]fail[/] {row['problem']}"
        languages.add_row(
            row["name"],
            row["version"] or "-",
            status,
            fmt("cpu_time", row.get("startup_cpu_time")),
            fmt("peak_memory", row.get("startup_peak_memory")),
        )
    out.print(languages)
    primitives = Table(title="isolation and measurement")
    for column in ("primitive", "status", "detail"):
        primitives.add_column(column)
    for row in findings["primitives"]:
        status = "[green]ok[/]" if row["ok"] else ("[yellow]absent[/]" if row.get("optional") else "[red]missing[/]")
        primitives.add_row(row["name"], status, row["detail"])
    out.print(primitives)
