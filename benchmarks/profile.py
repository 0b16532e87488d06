"""Profiling venus-mini: cold time with 1 and 2 workers, cached time, and rank stability.

`rank_spearman_within_problem` is the mean within-problem Spearman of per-solution CPU times of
two independent cold profiling runs (sandboxed, pinned, interleaved, default estimator);
`rank_spearman_within_problem_wall_naive` does the same for the naive method: a bare subprocess
stopwatch with the same repeats, interleaving and core pinning (benchmarks/measurement.py has the
full comparison). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time

from afterburner.datasets.model import Dataset
from afterburner.datasets.profile import ProfileRun, profile_dataset
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import TestPlan
from afterburner.judge.measurement import Measurement
from afterburner.judge.stats import DEFAULT_ESTIMATOR
from measurement import naive_figures, naive_pass, within_problem_spearman  # benchmarks/measurement.py

METRIC = "cpu_time"  # this benchmark times the profile itself (counts: benchmarks/counts.py)


def cold_profile(dataset: Dataset, workers: int, repeat: int, languages: list[str] | None) -> tuple[ProfileRun, float]:
    """Profile with an empty cache (compilation and test generation included); the cache stays for later runs."""
    os.environ["AFTERBURNER_CACHE"] = tempfile.mkdtemp(prefix="afterburner-bench-cache-")
    started = time.monotonic()
    run = profile_dataset(dataset, workers, Measurement.of(repeat, metric=METRIC), languages)
    return run, time.monotonic() - started


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
    cached = profile_dataset(dataset, 2, Measurement.of(args.repeat, metric=METRIC), languages)
    cached_seconds = time.monotonic() - started

    cpu_first = {(p.problem_id, p.language, p.code_hash): p.cpu_time or 0.0 for p in first.profiles if p.passed}
    cpu_second = {(p.problem_id, p.language, p.code_hash): p.cpu_time or 0.0 for p in second.profiles if p.passed}
    plan = TestPlan()
    naive_a = naive_figures(naive_pass(dataset, languages, plan, args.repeat), DEFAULT_ESTIMATOR)
    naive_b = naive_figures(naive_pass(dataset, languages, plan, args.repeat), DEFAULT_ESTIMATOR)
    figures = {
        "problems": len(dataset.problems),
        "solutions": len(first.profiles),
        "repeat": args.repeat,
        "profile_seconds_1": seconds_1,
        "profile_seconds_2": seconds_2,
        "cached_profile_seconds": cached_seconds,
        "cached_measured": cached.measured,
        "estimator": DEFAULT_ESTIMATOR,
        "rank_spearman_within_problem": within_problem_spearman(cpu_first, cpu_second)[0],
        "rank_spearman_within_problem_wall_naive": within_problem_spearman(naive_a, naive_b)[0],
        "issues": [str(i) for i in first.issues + second.issues][:20],
    }
    text = json.dumps(figures, indent=2)
    print(text if args.json else f"profile benchmark\n{text}")


if __name__ == "__main__":
    main()
