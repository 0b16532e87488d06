"""Rank stability within a problem: two independent profiling passes of venus-mini, side by side with a stopwatch.

"Beats X%" orders the solutions of one problem, so every figure here is within a problem (solutions
of one problem in one language): Spearman between the passes, how far each reference's percentile
among the others moves, how much one solution's figure moves, and whether pairs that differ by 5%
keep their order. Each pass profiles with empty caches (compilation and test generation included).
The naive method is a bare subprocess stopwatch (wall clock) with the same repeats, interleaving and
core pinning as ours. Instruction counts (valgrind) use a subset: the problems with the lowest total
reference CPU time in pass A, run on every core (counts do not depend on contention). Prints one JSON
object; `--out` also writes it.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import stats

from afterburner.core.limits import Limits
from afterburner.core.machine import machine_fingerprint
from afterburner.datasets.model import Dataset, Problem, Solution
from afterburner.datasets.profile import ProfileRun, SolutionProfile, profile_dataset
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import TestPlan
from afterburner.evaluation.metrics import TIE_TOLERANCE, percentile
from afterburner.judge.compiler import compile_source
from afterburner.judge.measurement import Measurement
from afterburner.judge.stats import ESTIMATORS, Estimator, estimate
from afterburner.languages import get_language
from afterburner.sandbox import cores

Key = tuple[str, str, str]  # problem id, language, code hash
Figures = dict[Key, float]
METRIC_NAMES = {
    "cpu": "cpu_time",
    "wall": "wall_time",
    "peak": "peak_memory",
    "integral": "memory_integral",
    "instructions": "instructions",
}


def groups(first: Figures, second: Figures) -> list[list[Key]]:
    """Solutions present in both passes, grouped by (problem, language): what a percentile compares."""
    by_group: dict[tuple[str, str], list[Key]] = {}
    for key in first:
        if key in second:
            by_group.setdefault(key[:2], []).append(key)
    return [keys for keys in by_group.values() if len(keys) >= 3]


def within_problem_spearman(first: Figures, second: Figures) -> tuple[float | None, int]:
    """Mean Spearman over groups; groups where a pass is constant (rho undefined) are left out and counted."""
    scores, undefined = [], 0
    for keys in groups(first, second):
        a, b = [first[k] for k in keys], [second[k] for k in keys]
        if len(set(a)) < 2 or len(set(b)) < 2:  # a constant pass: rho is undefined unless both agree
            if a == b:
                scores.append(1.0)
            else:
                undefined += 1
            continue
        scores.append(float(stats.spearmanr(a, b).statistic))
    return (float(np.mean(scores)) if scores else None), undefined


def percentile_shifts(first: Figures, second: Figures, tolerance: float) -> list[float]:
    """Per reference: |percentile among the others in pass A - in pass B|, in percentage points."""
    shifts = []
    for keys in groups(first, second):
        for key in keys:
            others = [k for k in keys if k != key]
            in_a = percentile(first[key], [first[k] for k in others], tolerance)
            in_b = percentile(second[key], [second[k] for k in others], tolerance)
            shifts.append(abs(in_a - in_b) * 100)
    return shifts


def relative_differences(first: Figures, second: Figures) -> list[float]:
    return [abs(first[k] - second[k]) / ((first[k] + second[k]) / 2) for k in first if k in second and first[k] > 0]


def pair_agreement(first: Figures, second: Figures, threshold: float = 0.05) -> tuple[float | None, int]:
    """Of the pairs of one group differing by >= threshold in pass A, the share ordered alike in pass B."""
    same, total = 0, 0
    for keys in groups(first, second):
        for i, x in enumerate(keys):
            for y in keys[i + 1 :]:
                low, high = sorted((first[x], first[y]))
                if low <= 0 or (high - low) / high < threshold:
                    continue
                total += 1
                same += (first[x] < first[y]) == (second[x] < second[y])
    return (same / total if total else None), total


def stability(first: Figures, second: Figures, tolerance: float) -> dict[str, Any]:
    rho, undefined = within_problem_spearman(first, second)
    shifts = percentile_shifts(first, second, tolerance)
    diffs = relative_differences(first, second)
    agreement, pairs = pair_agreement(first, second)
    return {
        "within_problem_spearman": rho,
        "groups": len(groups(first, second)),
        "groups_constant": undefined,
        "percentile_shift_median_pp": float(np.median(shifts)) if shifts else None,
        "percentile_shift_p90_pp": float(np.percentile(shifts, 90)) if shifts else None,
        "same_solution_rel_diff_median": float(np.median(diffs)) if diffs else None,
        "pair_order_agreement_5pct": agreement,
        "pairs_5pct": pairs,
    }


def figures_of(run: ProfileRun, metric: str, estimator: Estimator) -> Figures:
    """One figure per passed solution, recomputed from its per-pass samples with the given estimator."""
    out: Figures = {}
    for p in run.profiles:
        values = p.samples.get(metric)
        if p.passed and values:
            out[(p.problem_id, p.language, p.code_hash)] = estimate(values, estimator)
    return out


@contextmanager
def fresh_cache() -> Iterator[None]:
    cache = tempfile.mkdtemp(prefix="afterburner-measure-cache-")
    previous = os.environ.get("AFTERBURNER_CACHE")
    os.environ["AFTERBURNER_CACHE"] = cache
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("AFTERBURNER_CACHE", None)
        else:
            os.environ["AFTERBURNER_CACHE"] = previous
        shutil.rmtree(cache, ignore_errors=True)


def sandbox_pass(dataset: Dataset, languages: list[str] | None, plan: TestPlan, repeat: int, **kw: Any) -> ProfileRun:
    with fresh_cache():
        counter = kw.get("instructions", "off")
        measurement = Measurement.of(repeat, metric="instructions" if counter != "off" else "cpu_time", counter=counter)
        return profile_dataset(
            dataset,
            workers=len(cores.core_plan().measure),
            measurement=measurement,
            languages=languages,
            plan=plan,
            use_cache=False,
        )


@dataclass
class _Bare:
    key: Key
    argv: list[str]
    box: Path
    samples: list[float]


def _stage(problem: Problem, solution: Solution, root: Path) -> _Bare | None:
    language = get_language(solution.language)
    compiled = compile_source(language, problem.program_source(solution.language, solution.code).text)
    if compiled.program is None:
        return None
    box = Path(tempfile.mkdtemp(dir=root))
    for name, source in compiled.program.files.items():
        target = box / name
        if isinstance(source, Path):
            shutil.copy2(source, target)
        else:
            target.write_bytes(source if isinstance(source, bytes) else source.encode())
    argv = [part.replace("/box", str(box)) for part in compiled.program.argv(Limits())]
    return _Bare((problem.id, solution.language, solution.code_hash), argv, box, [])


def naive_pass(dataset: Dataset, languages: list[str] | None, plan: TestPlan, repeat: int) -> dict[Key, list[float]]:
    """Bare subprocesses timed by a stopwatch, pinned to a measurement core, passes interleaved per problem."""
    core = cores.core_plan().measure[-1]
    pin: Callable[[], None] = lambda: os.sched_setaffinity(0, {core})  # noqa: E731
    out: dict[Key, list[float]] = {}
    with fresh_cache(), tempfile.TemporaryDirectory() as root:
        for problem in dataset.problems:
            tests = plan.tests(problem)
            chosen = [s for s in problem.solutions if languages is None or s.language in languages]
            staged = [b for b in (_stage(problem, s, Path(root)) for s in chosen) if b is not None]
            for _ in range(repeat):
                for bare in staged:
                    started = time.perf_counter()
                    for test in tests:
                        subprocess.run(
                            bare.argv, input=test.input.encode(), capture_output=True, cwd=bare.box,
                            timeout=60, preexec_fn=pin,
                        )  # fmt: skip
                    bare.samples.append(time.perf_counter() - started)
            out.update({b.key: b.samples for b in staged})
    return out


def naive_figures(samples: dict[Key, list[float]], estimator: Estimator) -> Figures:
    return {key: estimate(values, estimator) for key, values in samples.items() if values}


def startup_share(run: ProfileRun, plan: TestPlan, dataset: Dataset) -> float | None:
    """Median share of a solution's CPU time that is its language's start-up (empty program x tests)."""
    from afterburner.judge.baseline import startup_baseline

    tests = {p.id: len(plan.tests(p)) for p in dataset.problems}
    shares = []
    baselines: dict[str, float] = {}
    for p in run.profiles:
        if not p.passed or not p.cpu_time:
            continue
        if p.language not in baselines:
            baselines[p.language] = startup_baseline(get_language(p.language)).cpu_time
        shares.append(min(1.0, baselines[p.language] * tests[p.problem_id] / p.cpu_time))
    return statistics.median(shares) if shares else None


def instruction_subset(run: ProfileRun, dataset: Dataset, count: int, solutions: int) -> Dataset:
    """The `count` problems with the lowest total Python reference CPU time, `solutions` references each."""
    totals: dict[str, float] = {}
    for p in run.profiles:
        if p.passed and p.language == "python" and p.cpu_time is not None:
            totals[p.problem_id] = totals.get(p.problem_id, 0.0) + p.cpu_time
    chosen = sorted(totals, key=totals.__getitem__)[:count]
    kept = []
    for problem in dataset.problems:
        if problem.id in chosen:
            python = tuple(s for s in problem.solutions if s.language == "python")[:solutions]
            kept.append(dataclasses.replace(problem, solutions=python))
    return Dataset(dataset.name, tuple(kept))


def instruction_figures(dataset: Dataset, plan: TestPlan) -> tuple[Figures, Figures, float]:
    """Two valgrind passes (repeat 1: counts are deterministic), on every core at once."""
    started = time.monotonic()
    everything = ",".join(map(str, cores.all_cores()))
    cores.set_measure_cores(everything)
    try:
        runs = [sandbox_pass(dataset, ["python"], plan, 1, instructions="valgrind") for _ in range(2)]
    finally:
        cores.set_measure_cores(None)
    first, second = (
        {(p.problem_id, p.language, p.code_hash): p.instructions for p in r.profiles if p.passed and p.instructions}
        for r in runs
    )
    return first, second, time.monotonic() - started  # type: ignore[return-value]


def load_raw(path: Path) -> tuple[ProfileRun, ProfileRun, dict[Key, list[float]], dict[Key, list[float]]]:
    raw = json.loads(path.read_text())
    runs = [ProfileRun([SolutionProfile.from_dict(row) for row in rows]) for rows in raw["sandbox"]]
    naive = [{tuple(k.split("|")): v for k, v in n.items()} for n in raw["naive"]]
    return runs[0], runs[1], naive[0], naive[1]  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--out", type=Path, help="also write the JSON here (e.g. benchmarks/results/measurement.json)")
    parser.add_argument("--raw", type=Path, help="write the per-pass samples of both passes here (JSON)")
    parser.add_argument("--from-raw", type=Path, help="analyse the passes stored by --raw instead of measuring")
    parser.add_argument("--reuse", type=Path, help="take the instruction and contention figures from this result")
    parser.add_argument("--problems", type=int, default=0, help="only the first N problems (0: all 40)")
    parser.add_argument("--languages", default="", help="comma-separated languages (default: all)")
    parser.add_argument("--repeat", type=int, default=5, help="measured passes per solution and pass")
    parser.add_argument("--estimator", default="min", choices=ESTIMATORS, help="the default estimator to report")
    parser.add_argument("--size", type=float, default=1.0, help="size of the generated tests")
    parser.add_argument("--instruction-problems", type=int, default=10, help="problems for valgrind (0: skip)")
    parser.add_argument("--instruction-solutions", type=int, default=3, help="references per problem for valgrind")
    parser.add_argument("--instruction-cases", type=int, default=2, help="generated tests for valgrind")
    args = parser.parse_args()

    dataset = load_dataset("venus-mini")
    if args.problems:
        dataset = Dataset(dataset.name, dataset.problems[: args.problems])
    languages = [lang for lang in args.languages.split(",") if lang] or None
    plan = TestPlan(size=args.size)
    started = time.monotonic()
    if args.from_raw:  # re-analyse stored passes (e.g. with another default estimator)
        pass_a, pass_b, naive_a, naive_b = load_raw(args.from_raw)
    else:
        pass_a = sandbox_pass(dataset, languages, plan, args.repeat)
        naive_a = naive_pass(dataset, languages, plan, args.repeat)
        pass_b = sandbox_pass(dataset, languages, plan, args.repeat)
        naive_b = naive_pass(dataset, languages, plan, args.repeat)
    measure_seconds = time.monotonic() - started
    if args.raw and not args.from_raw:
        raw = {
            "sandbox": [[p.to_dict() for p in run.profiles] for run in (pass_a, pass_b)],
            "naive": [{"|".join(k): v for k, v in n.items()} for n in (naive_a, naive_b)],
        }
        args.raw.write_text(json.dumps(raw))

    result: dict[str, Any] = {
        "benchmark": "measurement",
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {
            "fingerprint": machine_fingerprint(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "core_plan": cores.core_plan().to_dict(),
        },
        "settings": {
            "problems": len(dataset.problems),
            "languages": languages or "all",
            "repeat": args.repeat,
            "default_metric": "cpu_time",
            "default_estimator": args.estimator,
            "tests": {"num_cases": plan.num_cases, "seed": plan.seed, "size": plan.size, "plus": "fixed tests"},
            "naive": "bare subprocess, wall clock, same repeats, interleaving and core as ours",
        },
        "solutions": len(pass_a.profiles),
        "passed": sum(p.passed for p in pass_a.profiles),
        "seconds_two_passes_and_naive": measure_seconds,
    }
    estimator: Estimator = args.estimator
    for short, metric in METRIC_NAMES.items():
        if metric == "instructions":
            continue
        a, b = figures_of(pass_a, metric, estimator), figures_of(pass_b, metric, estimator)
        result[f"within_problem_spearman_{short}"] = within_problem_spearman(a, b)[0]
    cpu_a, cpu_b = figures_of(pass_a, "cpu_time", estimator), figures_of(pass_b, "cpu_time", estimator)
    default = stability(cpu_a, cpu_b, TIE_TOLERANCE["cpu_time"])
    result["within_problem_spearman_default"] = default["within_problem_spearman"]
    result.update({k: v for k, v in default.items() if k != "within_problem_spearman"})
    naive = stability(naive_figures(naive_a, estimator), naive_figures(naive_b, estimator), TIE_TOLERANCE["wall_time"])
    result["naive_within_problem_spearman"] = naive["within_problem_spearman"]
    result["naive"] = naive
    result["by_estimator_cpu"] = {
        name: stability(figures_of(pass_a, "cpu_time", name), figures_of(pass_b, "cpu_time", name), 0.03)
        for name in ESTIMATORS
    }
    result["by_estimator_naive"] = {
        name: stability(naive_figures(naive_a, name), naive_figures(naive_b, name), 0.03) for name in ESTIMATORS
    }
    result["by_language_cpu"] = {
        lang: stability(
            {k: v for k, v in cpu_a.items() if k[1] == lang}, {k: v for k, v in cpu_b.items() if k[1] == lang}, 0.03
        )
        for lang in sorted({k[1] for k in cpu_a})
    }
    result["startup_share_of_cpu_median"] = startup_share(pass_a, plan, dataset)
    result["flaky"] = [f"{p.problem_id} {p.language}/{p.label}" for p in pass_a.profiles + pass_b.profiles if p.flaky]
    previous = json.loads(args.reuse.read_text()) if args.reuse else {}
    if previous:
        for name in ("within_problem_spearman_instructions", "instructions", "contention", "judge_core_contended"):
            if name in previous:
                result[name] = previous[name]
        result["seconds_two_passes_and_naive"] = previous.get("seconds_two_passes_and_naive")
        result["date"] = previous.get("date", result["date"])
    elif args.instruction_problems:
        subset = instruction_subset(pass_a, dataset, args.instruction_problems, args.instruction_solutions)
        counted_plan = TestPlan(num_cases=args.instruction_cases, size=plan.size)
        first, second, seconds = instruction_figures(subset, counted_plan)
        counted = stability(first, second, TIE_TOLERANCE["instructions"])
        result["within_problem_spearman_instructions"] = counted["within_problem_spearman"]
        result["instructions"] = {
            **counted,
            "problems": [p.id for p in subset.problems],
            "tests": f"fixed tests + {counted_plan.num_cases} generated (valgrind costs ~1.5 s per Python run)",
            "solutions": len(first),
            "identical_share": sum(first[k] == second.get(k) for k in first) / len(first) if first else None,
            "seconds_two_passes": seconds,
        }
    text = json.dumps(result, indent=2)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    print(text if args.json else f"measurement benchmark\n{text}")


if __name__ == "__main__":
    main()
