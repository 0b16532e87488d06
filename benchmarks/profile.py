"""Profiling venus-mini: cold time with 1 and 2 workers, cached time, and rank stability.

`rank_spearman` correlates per-solution CPU times of two independent cold profiling runs
(sandboxed, pinned, median of repeats); `rank_spearman_wall_naive` does the same for the
naive method: one bare, unpinned wall-clock run per solution, twice. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from afterburner.core.limits import Limits
from afterburner.datasets.model import Dataset
from afterburner.datasets.profile import ProfileRun, profile_dataset
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import problem_tests
from afterburner.judge.compiler import compile_source
from afterburner.languages import get_language


def ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties sharing their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            result[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return result


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    ra, rb = ranks(a), ranks(b)
    mean_a, mean_b = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - mean_a) * (y - mean_b) for x, y in zip(ra, rb, strict=True))
    var_a = sum((x - mean_a) ** 2 for x in ra)
    var_b = sum((y - mean_b) ** 2 for y in rb)
    return cov / (var_a * var_b) ** 0.5 if var_a and var_b else 0.0


def within_problem(first: dict[tuple[str, str], float], second: dict[tuple[str, str], float]) -> float:
    """Mean Spearman over problems (3+ shared solutions): the ordering that beats-X% depends on."""
    by_problem: dict[str, list[tuple[str, str]]] = {}
    for key in first:
        if key in second:
            by_problem.setdefault(key[0], []).append(key)
    scores = [
        spearman([first[k] for k in keys], [second[k] for k in keys]) for keys in by_problem.values() if len(keys) >= 3
    ]
    return sum(scores) / len(scores) if scores else 0.0


def cold_profile(dataset: Dataset, workers: int, repeat: int, languages: list[str] | None) -> tuple[ProfileRun, float]:
    """Profile with an empty cache (compilation and test generation included)."""
    cache = tempfile.mkdtemp(prefix="afterburner-bench-cache-")
    os.environ["AFTERBURNER_CACHE"] = cache
    started = time.monotonic()
    run = profile_dataset(dataset, workers=workers, repeat=repeat, languages=languages)
    return run, time.monotonic() - started


def naive_wall(dataset: Dataset, languages: list[str] | None) -> dict[tuple[str, str], float]:
    """One bare, unpinned run per solution over its tests: total wall-clock seconds."""
    timings: dict[tuple[str, str], float] = {}
    for problem in dataset.problems:
        tests = problem_tests(problem)
        for solution in problem.solutions:
            if languages and solution.language not in languages:
                continue
            language = get_language(solution.language)
            compiled = compile_source(language, problem.program_source(solution.language, solution.code))
            if compiled.program is None:
                continue
            with tempfile.TemporaryDirectory() as box:
                for name, source in compiled.program.files.items():
                    target = Path(box) / name
                    if isinstance(source, Path):
                        shutil.copy2(source, target)
                    else:
                        target.write_bytes(source if isinstance(source, bytes) else source.encode())
                argv = [part.replace("/box", box) for part in compiled.program.argv(Limits())]
                started = time.perf_counter()
                for test in tests:
                    subprocess.run(argv, input=test.input.encode(), capture_output=True, cwd=box, timeout=60)
                timings[(problem.id, solution.code_hash)] = time.perf_counter() - started
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--problems", type=int, default=0, help="profile only the first N problems (0: all)")
    parser.add_argument("--languages", default="", help="comma-separated languages to keep (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="measured passes per solution")
    args = parser.parse_args()

    dataset = load_dataset("venus-mini")
    if args.problems:
        dataset = Dataset(dataset.name, dataset.problems[: args.problems])
    languages = [lang for lang in args.languages.split(",") if lang] or None

    first, seconds_1 = cold_profile(dataset, 1, args.repeat, languages)
    second, seconds_2 = cold_profile(dataset, 2, args.repeat, languages)
    started = time.monotonic()
    cached = profile_dataset(dataset, workers=2, repeat=args.repeat, languages=languages)
    cached_seconds = time.monotonic() - started

    cpu_first = {(p.problem_id, p.code_hash): p.cpu_time or 0.0 for p in first.profiles if p.passed}
    cpu_second = {(p.problem_id, p.code_hash): p.cpu_time or 0.0 for p in second.profiles if p.passed}
    shared = sorted(k for k in cpu_first if k in cpu_second)
    naive_a, naive_b = naive_wall(dataset, languages), naive_wall(dataset, languages)
    naive_shared = sorted(k for k in shared if k in naive_a and k in naive_b)
    figures = {
        "problems": len(dataset.problems),
        "solutions": len(first.profiles),
        "repeat": args.repeat,
        "profile_seconds_1": seconds_1,
        "profile_seconds_2": seconds_2,
        "cached_profile_seconds": cached_seconds,
        "cached_measured": cached.measured,
        "rank_spearman": spearman([cpu_first[k] for k in shared], [cpu_second[k] for k in shared]),
        "rank_spearman_wall_naive": spearman([naive_a[k] for k in naive_shared], [naive_b[k] for k in naive_shared]),
        "rank_spearman_within_problem": within_problem(cpu_first, cpu_second),
        "rank_spearman_within_problem_wall_naive": within_problem(naive_a, naive_b),
        "issues": [str(i) for i in first.issues + second.issues][:20],
    }
    text = json.dumps(figures, indent=2)
    print(text if args.json else f"profile benchmark\n{text}")


if __name__ == "__main__":
    main()
