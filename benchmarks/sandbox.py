"""Sandbox overhead, throughput and measurement quality, measured side by side in one run.

Prints one JSON object (see --help). Ratios are taken between interleaved runs, because
this machine is shared and noisy: absolute figures drift, paired ratios much less.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from afterburner.core.limits import Limits, MiB
from afterburner.judge.compiler import compile_source
from afterburner.languages import get_language
from afterburner.sandbox.runner import SandboxOptions, run

PYTHON = "/usr/bin/python3"
CPU_BOUND = "s = 0\nfor i in range(1_500_000):\n    s += i * i\nprint(s)\n"


def hold(megabytes: int, seconds: float = 0.0) -> str:
    return (
        "import time\n"
        f"block = bytearray({megabytes} * 1024 * 1024)\n"
        "for i in range(0, len(block), 4096): block[i] = 1\n"
        f"time.sleep({seconds})\n"
    )


def timed(action: Callable[[], object]) -> float:
    """Wall seconds of one call."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def overhead(argv: list[str], files: dict[str, Any], bare_argv: list[str], rounds: int) -> dict[str, float]:
    """Interleave sandboxed and bare runs, alternating which goes first each round (so neither always
    runs on a warmer cache); compare medians of end-to-end and measured wall time."""
    sandboxed, measured, bare = [], [], []

    def sandboxed_run() -> None:
        started = time.perf_counter()
        result = run(argv, files)
        sandboxed.append(time.perf_counter() - started)
        measured.append(result.wall_time)

    def bare_run() -> None:
        bare.append(timed(lambda: subprocess.run(bare_argv, check=True, capture_output=True)))

    for round_index in range(rounds):
        for action in (sandboxed_run, bare_run) if round_index % 2 == 0 else (bare_run, sandboxed_run):
            action()
    bare_median = statistics.median(bare)
    return {
        "ratio": statistics.median(sandboxed) / bare_median,
        "ms": (statistics.median(sandboxed) - bare_median) * 1000,
        "ratio_measured": statistics.median(measured) / bare_median,
        "ms_measured": (statistics.median(measured) - bare_median) * 1000,
    }


def throughput(workers: int, runs: int) -> float:
    with ThreadPoolExecutor(workers) as pool:
        started = time.perf_counter()
        list(pool.map(lambda _: run([PYTHON, "-c", "pass"]), range(runs)))
        return runs / (time.perf_counter() - started)


def peak_error(sizes: tuple[int, ...] = (16, 64, 256)) -> tuple[float, dict[int, float]]:
    limits = Limits(memory=1024 * MiB)
    errors: dict[int, float] = {}
    for size in sizes:
        base = statistics.median(run([PYTHON, "-c", hold(0)], limits=limits).peak_memory for _ in range(3))
        peak = statistics.median(run([PYTHON, "-c", hold(size)], limits=limits).peak_memory for _ in range(3))
        errors[size] = abs((peak - base) / MiB - size)
    return max(errors.values()), errors


def sampler() -> dict[str, float]:
    result = run([PYTHON, "-c", hold(32, 1.0)])
    return {
        "rate_hz": result.sampling.achieved_hz,
        "cpu_share": result.monitor_cpu_time / result.wall_time,
        "max_gap_ms": result.sampling.max_gap * 1000,
    }


def integral_deviation(pairs: int) -> float:
    deviations = []
    for _ in range(pairs):
        slow, fast = (
            run([PYTHON, "-c", hold(64, 0.5)], options=SandboxOptions(sample_hz=hz)).memory_integral or 0.0
            for hz in (2000, 10_000)
        )
        deviations.append(abs(fast - slow) / fast)
    return statistics.median(deviations)


def variation(repeats: int) -> dict[str, float]:
    results = [run([PYTHON, "-c", CPU_BOUND]) for _ in range(repeats)]

    def cv(values: list[float]) -> float:
        return statistics.stdev(values) / statistics.mean(values)

    counted = [
        run(
            [PYTHON, "-c", "print(sum(i * i for i in range(20000)))"],
            limits=Limits(cpu_time=60),
            options=SandboxOptions(instructions="valgrind"),
        ).instructions
        or 0
        for _ in range(3)
    ]
    return {
        "cpu_time_cv": cv([r.cpu_time for r in results]),
        "wall_time_cv": cv([r.wall_time for r in results]),
        "instructions_cv": cv([float(c) for c in counted]),
        "cpu_time_median_s": statistics.median(r.cpu_time for r in results),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--rounds", type=int, default=30, help="interleaved rounds for overhead ratios")
    args = parser.parse_args()

    cpp = get_language("cpp")
    hello = compile_source(cpp, '#include <cstdio>\nint main() { std::puts("hello"); }\n')
    assert hello.program is not None, hello.message
    binary = Path(str(hello.program.files["main"]))
    run([PYTHON, "-c", "pass"])  # warm caches: helper binary, seccomp filter, page cache

    python_overhead = overhead([PYTHON, "-c", "pass"], {}, [PYTHON, "-c", "pass"], args.rounds)
    cpp_overhead = overhead(["/box/main"], {"main": binary}, [str(binary)], args.rounds)
    max_error, errors = peak_error()
    sampling = sampler()
    figures: dict[str, Any] = {
        "overhead_ratio_python": python_overhead["ratio"],
        "overhead_ms_python": python_overhead["ms"],
        "overhead_ratio_python_measured": python_overhead["ratio_measured"],
        "overhead_ratio_cpp": cpp_overhead["ratio"],
        "overhead_ms_cpp": cpp_overhead["ms"],
        "overhead_ms_cpp_measured": cpp_overhead["ms_measured"],
        "throughput_1": throughput(1, 40),
        "throughput_2": throughput(2, 40),
        "peak_error_mb_max": max_error,
        "peak_error_mb": errors,
        "sampler_rate_hz": sampling["rate_hz"],
        "sampler_cpu_share": sampling["cpu_share"],
        "sampler_max_gap_ms": sampling["max_gap_ms"],
        "integral_rate_deviation": integral_deviation(3),
        **variation(20),
    }
    text = json.dumps(figures, indent=2)
    print(text if args.json else f"sandbox benchmark\n{text}")
    sys.exit(0)


if __name__ == "__main__":
    main()
