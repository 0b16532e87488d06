"""How much a local model generating beside a timed pass distorts it: quiet, partition and gate.

A fixed program (a CPU-bound Python loop, about 0.3 s) is timed `--passes` times in each condition:
- quiet: nothing else runs;
- partition: the embedded model generates continuously, its threads pinned to the host cores
  (one thread on a 2-core machine), the timed program on a measure core;
- gate: the model uses every core, and pauses at a token boundary while a pass is timed.
Per condition: median CPU time and wall time, relative MAD and range of the CPU times, the
model's tokens per second over the window of the passes (each pass followed by `--gap` seconds
without timing, as the loop's judging leaves generation room) and alone (generating only, same
placement), and for the gate how many tokens were generated while a pass was timed (must be 0). Each condition
runs in its own process (a placement pins threads for the life of a process). Prints one JSON
object; `--out` also writes it (benchmarks/results/contention.json).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from afterburner.core.limits import Limits
from afterburner.core.machine import machine_fingerprint
from afterburner.core.testcase import TestCase
from afterburner.judge.compiler import compile_source
from afterburner.judge.judge import JudgeItem, run_pass
from afterburner.languages import get_language
from afterburner.models.base import GenerationConfig, ModelSpec
from afterburner.models.embedded import DEFAULT_MODEL
from afterburner.models.factory import create_backend
from afterburner.sandbox.cores import core_plan, pin_to_host_cores
from afterburner.sandbox.gate import GATE
from afterburner.sandbox.runner import SandboxOptions

PROGRAM = "s = 0\nfor i in range(2_500_000):\n    s += i * i % 7\nprint(s)\n"
PROMPT = "Write a Python function that returns the n-th Fibonacci number, with a docstring and tests."
CONDITIONS = ("quiet", "partition", "gate")


def _spread(values: list[float]) -> dict[str, float]:
    median = statistics.median(values)
    mad = statistics.median(abs(v - median) for v in values)
    return {
        "median": median,
        "relative_mad": mad / median if median else 0.0,
        "relative_range": (max(values) - min(values)) / median if median else 0.0,
        "min": min(values),
        "max": max(values),
    }


class Generator:
    """Generates continuously on a thread; counts tokens and the time spent."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend
        self.tokens = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        config = GenerationConfig(max_tokens=16, temperature=0.7, seed=1)  # short: tokens are counted often
        while not self.stop.is_set():
            generation = self.backend.generate([{"role": "user", "content": PROMPT}], config)
            self.tokens += generation.completions[0].completion_tokens

    def __enter__(self) -> Generator:
        self.thread.start()
        time.sleep(3.0)  # past loading and the first prompt
        self.tokens = 0
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=300)


def timed_passes(passes: int, gap: float = 0.0) -> tuple[list[float], list[float], float]:
    """CPU and wall time of `passes` runs of PROGRAM (judge passes: the gate is taken), each followed by
    `gap` seconds without timing, and the span of it all."""
    python = get_language("python")
    program = compile_source(python, PROGRAM).program
    assert program is not None
    item = JudgeItem(python, PROGRAM, [TestCase("", "")])
    cpu, wall = [], []
    started = time.monotonic()
    for _ in range(passes):
        outcome = run_pass(program, item, Limits(cpu_time=30), SandboxOptions())[0]
        cpu.append(outcome.run.cpu_time)
        wall.append(outcome.run.wall_time)
        time.sleep(gap)
    return cpu, wall, time.monotonic() - started


def tokens_alone(backend: Any, seconds: float) -> float:
    with Generator(backend) as generator:
        time.sleep(seconds)
        return generator.tokens / seconds


def condition(name: str, passes: int, model: str, gap: float) -> dict[str, Any]:
    """One condition, measured in this process."""
    if name == "quiet":
        cpu, wall, _ = timed_passes(passes, gap)
        return {"condition": name, "cpu_time": _spread(cpu), "wall_time": _spread(wall)}
    placement = "gate" if name == "gate" else "partition"
    if placement == "partition":
        pin_to_host_cores()
    log = GATE.record() if placement == "gate" else None
    with create_backend(ModelSpec(kind="llamacpp", model=model, placement=placement)) as backend:  # type: ignore[arg-type]
        with Generator(backend) as generator:
            cpu, wall, span = timed_passes(passes, gap)
            during = generator.tokens / span
        alone = tokens_alone(backend, 20.0)
        threads = backend.placement().get("threads")
    result: dict[str, Any] = {
        "condition": name,
        "cpu_time": _spread(cpu),
        "wall_time": _spread(wall),
        "model_threads": threads,
        "tokens_per_second_over_the_passes": during,
        "tokens_per_second_alone": alone,
    }
    if log is not None:
        result["tokens_during_timed_passes"] = log.overlaps()
        result["timed_passes_logged"] = len(log.timed)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passes", type=int, default=15)
    parser.add_argument("--gap", type=float, default=1.0, help="seconds without timing after each pass")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--only", choices=CONDITIONS, help="run one condition in this process (internal)")
    parser.add_argument("--out", type=Path, help="also write the JSON here (benchmarks/results/contention.json)")
    args = parser.parse_args()
    if args.only:
        print(json.dumps(condition(args.only, args.passes, args.model, args.gap)))
        return
    results = []
    for name in CONDITIONS:
        argv = [sys.executable, __file__, "--only", name, "--passes", str(args.passes), "--model", args.model]
        argv += ["--gap", str(args.gap)]
        done = subprocess.run(argv, capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    quiet = results[0]["cpu_time"]["median"]
    for row in results:
        row["median_vs_quiet"] = row["cpu_time"]["median"] / quiet
    report = {
        "benchmark": "contention",
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {"fingerprint": machine_fingerprint(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "settings": {
            "program": "Python loop, 2.5M iterations (~0.3 s)",
            "passes": args.passes,
            "model": args.model,
            "core_plan": core_plan().to_dict(),
            "gap_seconds": args.gap,
            "generation": "max_tokens 16, temperature 0.7, the same prompt again and again",
        },
        "conditions": results,
    }
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
