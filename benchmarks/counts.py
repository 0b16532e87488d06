"""Exact instruction counts on every venus-mini reference: repeatable, affordable, and ranking like time.

For each reference solution (all six languages) on the same tests:
- two independent counts under QEMU (no cache): within-problem Spearman between them and the
  same-solution relative difference (goal: >= 0.999 and <= 0.1%);
- cost: the counting pass's wall time over the solution's native CPU time on the same tests (goal:
  <= 12x; median and p90 per language), for QEMU (Python in its zygote, the others one counted run
  per test) and, on a subset, for valgrind (callgrind, the fallback);
- accuracy: each problem's count order against a long quiet time measurement (>= 30 passes,
  interleaved round-robin over the problem's solutions, minimum per solution): within-problem
  Spearman (goal >= 0.9) and the pairs the two orders disagree on by more than the time's tie
  tolerance, with their figures, so they can be explained.
Counting runs on every core; timed passes run one at a time on a measure core. Prints one JSON
object; `--out` also writes it (benchmarks/results/counts.json).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import stats

from afterburner.core.machine import machine_fingerprint
from afterburner.core.metrics import TIE_TOLERANCE
from afterburner.core.testcase import TestCase
from afterburner.datasets.judging import SOLUTION_LIMITS
from afterburner.datasets.model import Problem, Solution
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import TestPlan
from afterburner.judge.compiler import Program, compile_source
from afterburner.judge.counting import count_run, count_with_zygote, resolve
from afterburner.languages import get_language
from afterburner.sandbox import cores, qemu
from afterburner.sandbox.runner import SandboxOptions


@dataclass
class Subject:
    """One reference solution on its problem's tests."""

    problem: str
    language: str
    label: str
    program: Program
    tests: list[TestCase]
    counts: list[float] = field(default_factory=list)  # one total per counting pass
    count_seconds: list[float] = field(default_factory=list)
    valgrind_seconds: float | None = None
    valgrind_count: float | None = None
    native_cpu: list[float] = field(default_factory=list)  # one total per timed pass
    failure: str = ""


def subjects(problems: Sequence[Problem], languages: Sequence[str] | None, plan: TestPlan) -> list[Subject]:
    found = []
    for problem in problems:
        tests = plan.tests(problem)
        for solution in problem.solutions:
            if languages and solution.language not in languages:
                continue
            subject = _subject(problem, solution, tests)
            if subject is not None:
                found.append(subject)
    return found


def _subject(problem: Problem, solution: Solution, tests: list[TestCase]) -> Subject | None:
    language = get_language(solution.language)
    try:
        source = problem.program_source(solution.language, solution.code).text
    except Exception:  # no runner for this language
        return None
    compiled = compile_source(language, source)
    if compiled.program is None:
        return None
    return Subject(problem.id, solution.language, solution.label, compiled.program, tests)


def count_once(subject: Subject, backend: str) -> tuple[float | None, float, str]:
    """(total count, wall seconds, failure) of one counting pass, without any cache."""
    started = time.monotonic()
    program = subject.program
    if backend == "qemu" and program.language.zygote:
        zygote = count_with_zygote(program, subject.tests, SOLUTION_LIMITS, SandboxOptions())
        seconds = time.monotonic() - started
        if isinstance(zygote, str):
            return None, seconds, zygote
        return float(sum(zygote.counts)), seconds, ""
    total = 0
    for test in subject.tests:
        counted = count_run(program, test.input, SOLUTION_LIMITS, backend)
        if isinstance(counted, str):
            return None, time.monotonic() - started, counted
        total += counted
    return float(total), time.monotonic() - started, ""


def timed_pass(subject: Subject) -> float | None:
    """Native CPU time over the tests (one pass); None when a run fails."""
    total = 0.0
    for test in subject.tests:
        result = subject.program.run(test.input, SOLUTION_LIMITS, SandboxOptions())
        if not result.verdict.passed:
            subject.failure = subject.failure or f"native {result.verdict.value}: {result.message}"
            return None
        total += result.cpu_time
    return total


def by_problem(items: Sequence[Subject]) -> dict[tuple[str, str], list[Subject]]:
    groups: dict[tuple[str, str], list[Subject]] = {}
    for subject in items:
        groups.setdefault((subject.problem, subject.language), []).append(subject)
    return {key: group for key, group in groups.items() if len(group) >= 3}


def spearman(groups: dict[tuple[str, str], list[Subject]], first: Any, second: Any) -> float | None:
    """Mean within-problem Spearman of two figures of the same subjects (groups of 3+ solutions)."""
    scores = []
    for group in groups.values():
        pairs = [(first(s), second(s)) for s in group]
        pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
        if len(pairs) < 3:
            continue
        a, b = zip(*pairs, strict=True)
        if len(set(a)) < 2 or len(set(b)) < 2:  # a constant figure: rho is undefined, the group is left out
            continue
        scores.append(float(stats.spearmanr(a, b).statistic))
    return float(np.mean(scores)) if scores else None


def disagreements(groups: dict[tuple[str, str], list[Subject]]) -> list[dict[str, Any]]:
    """Pairs the count orders one way and quiet time the other, beyond the time's tie tolerance."""
    found = []
    tolerance = TIE_TOLERANCE["cpu_time"]
    for (problem, language), group in groups.items():
        usable = [s for s in group if s.counts and s.native_cpu]
        for i, x in enumerate(usable):
            for y in usable[i + 1 :]:
                cx, cy = x.counts[0], y.counts[0]
                tx, ty = min(x.native_cpu), min(y.native_cpu)
                if cx == cy or abs(tx - ty) <= tolerance * max(tx, ty):
                    continue
                if (cx < cy) != (tx < ty):
                    found.append(
                        {
                            "problem": problem,
                            "language": language,
                            "fewer_instructions": x.label if cx < cy else y.label,
                            "faster": x.label if tx < ty else y.label,
                            "counts": {x.label: cx, y.label: cy},
                            "cpu_seconds": {x.label: tx, y.label: ty},
                            "count_ratio": max(cx, cy) / min(cx, cy),
                            "time_ratio": max(tx, ty) / min(tx, ty),
                        }
                    )
    return sorted(found, key=lambda d: -d["time_ratio"])


def _quantiles(values: Sequence[float]) -> dict[str, float | None]:
    if not values:
        return {"median": None, "p90": None, "n": 0}
    return {"median": statistics.median(values), "p90": float(np.percentile(values, 90)), "n": len(values)}


def cost_by_language(items: Sequence[Subject]) -> dict[str, Any]:
    """Counting wall time / native CPU time, per language (QEMU), and for the valgrind subset."""
    out: dict[str, Any] = {}
    for language in sorted({s.language for s in items}):
        ratios = [
            s.count_seconds[0] / min(s.native_cpu)
            for s in items
            if s.language == language and s.count_seconds and s.native_cpu and min(s.native_cpu) > 0
        ]
        seconds = [s.count_seconds[0] for s in items if s.language == language and s.count_seconds]
        native = [min(s.native_cpu) for s in items if s.language == language and s.native_cpu]
        out[language] = {
            **_quantiles(ratios),
            "count_seconds_median": statistics.median(seconds) if seconds else None,
            "native_cpu_seconds_median": statistics.median(native) if native else None,
        }
    valgrind = [s.valgrind_seconds / min(s.native_cpu) for s in items if s.valgrind_seconds and s.native_cpu]
    out["valgrind_subset"] = _quantiles(valgrind)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, help="also write the JSON here (benchmarks/results/counts.json)")
    parser.add_argument("--problems", type=int, default=0, help="only the first N problems (0: all)")
    parser.add_argument("--languages", default="", help="comma-separated languages (default: all six)")
    parser.add_argument("--cases", type=int, default=8, help="generated tests per problem (no fixed tests)")
    parser.add_argument("--passes", type=int, default=30, help="timed passes per solution (quiet time)")
    parser.add_argument("--valgrind", type=int, default=12, help="solutions also counted by valgrind (0: none)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="counting runs at once")
    args = parser.parse_args()
    dataset = load_dataset("venus-mini")
    problems = list(dataset.problems[: args.problems] if args.problems else dataset.problems)
    languages = [lang for lang in args.languages.split(",") if lang] or None
    plan = TestPlan(num_cases=args.cases, fixed=False)
    started = time.monotonic()
    items = subjects(problems, languages, plan)
    backend = resolve("qemu")

    def count_all(subject: Subject) -> None:
        value, seconds, failure = count_once(subject, backend)
        subject.count_seconds.append(seconds)
        if value is None:
            subject.failure = subject.failure or failure
        else:
            subject.counts.append(value)

    # Timed passes first (nothing else runs), then the counts (load-independent) on every core.
    for _ in range(args.passes):
        for subject in items:
            if not subject.failure:
                cpu = timed_pass(subject)
                if cpu is not None:
                    subject.native_cpu.append(cpu)
    timed_seconds = time.monotonic() - started
    everything = ",".join(map(str, cores.all_cores()))
    cores.set_measure_cores(everything)  # counts do not depend on what runs beside them
    with ThreadPoolExecutor(args.workers) as pool:
        for _ in range(2):
            list(pool.map(count_all, items))
    for subject in [s for s in items if s.counts][: args.valgrind]:
        value, seconds, _ = count_once(subject, "valgrind")
        subject.valgrind_seconds, subject.valgrind_count = seconds, value
    cores.set_measure_cores(None)
    groups = by_problem(items)
    both = [s for s in items if len(s.counts) == 2]
    rel = [abs(s.counts[0] - s.counts[1]) / s.counts[0] for s in both if s.counts[0]]
    per_language_rel = {
        lang: _quantiles([abs(s.counts[0] - s.counts[1]) / s.counts[0] for s in both if s.language == lang])
        for lang in sorted({s.language for s in both})
    }
    disagreeing = disagreements(groups)
    result: dict[str, Any] = {
        "benchmark": "counts",
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {"fingerprint": machine_fingerprint(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "settings": {
            "dataset": "venus-mini",
            "problems": len(problems),
            "languages": languages or "all",
            "tests": f"{args.cases} generated per problem (seed {plan.seed}, size {plan.size}), no fixed tests",
            "timed_passes": args.passes,
            "time_figure": "minimum CPU time over the passes, interleaved round-robin over every solution",
            "counter": f"qemu-user {qemu.qemu_version()}; Python in its zygote",
            "limits": str(SOLUTION_LIMITS),
        },
        "solutions": len(items),
        "counted_twice": len(both),
        "not_counted": [f"{s.problem} {s.language}/{s.label}: {s.failure}" for s in items if len(s.counts) < 2],
        "count_spearman_two_passes": spearman(
            groups, lambda s: s.counts[0] if s.counts else None, lambda s: s.counts[-1] if len(s.counts) > 1 else None
        ),
        "same_solution_rel_diff": {"median": statistics.median(rel) if rel else None, "max": max(rel, default=None)},
        "identical_share": sum(s.counts[0] == s.counts[1] for s in both) / len(both) if both else None,
        "same_solution_rel_diff_by_language": per_language_rel,
        "cost_count_over_native_cpu": cost_by_language(items),
        "count_vs_quiet_time_spearman": spearman(
            groups, lambda s: s.counts[0] if s.counts else None, lambda s: min(s.native_cpu) if s.native_cpu else None
        ),
        "count_vs_quiet_time_spearman_by_language": {
            lang: spearman(
                {k: g for k, g in groups.items() if k[1] == lang},
                lambda s: s.counts[0] if s.counts else None,
                lambda s: min(s.native_cpu) if s.native_cpu else None,
            )
            for lang in sorted({k[1] for k in groups})
        },
        "disagreeing_pairs": len(disagreeing),
        "pairs_compared": sum(len(g) * (len(g) - 1) // 2 for g in groups.values()),
        "disagreements": disagreeing,
        "seconds": {"timed": timed_seconds, "total": time.monotonic() - started},
    }
    text = json.dumps(result, indent=2)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
