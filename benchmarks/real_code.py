"""The main job on real code nobody on the team wrote: whole-program answers against edits.

Problems come from a released benchmark file (default: LeetCodeDataset v0.3.1's test split in
`../shared/data/`; never committed: the script says `skipped` when the file is absent). The
longest Python reference solutions are taken (real programs are long), and each problem starts
from its reference: real, correct code. Those files hold fixed tests only, so the loop's tests
are split (`TestSplit.tests_for`): half are feedback tests, the other half are held out and decide
the final re-measure, so a wrong best is one that fails on tests the loop never saw.

Arms (`--arms`, the ablation's arms): `afterburner` (whole-program answers, the default) and
`afterburner-edit` (search/replace edits against the code shown). Per arm: problems improved
beyond noise, wrong bests (must be 0), failed drafts by cause, repairs, tokens per second of
generation, and minutes per problem. Prints one JSON object; `--save` also writes it
(benchmarks/results/real_code.json).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ablation import arm_config, arm_figures, emit, stamp  # the ablation's arms and per-arm figures
from afterburner.datasets.model import Dataset, Problem
from afterburner.datasets.registry import load_dataset
from afterburner.evaluation.report import EvaluationReport
from afterburner.judge.measurement import Measurement
from afterburner.models.base import GenerationConfig, ModelSpec
from afterburner.models.embedded import DEFAULT_MODEL
from afterburner.models.factory import create_backend
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.session import run_session

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_DATA = SHARED / "leetcodedataset-v0.3.1-test.jsonl.gz"


def solution_lines(problem: Problem) -> int:
    """Lines of the longest Python reference's own code: from its `class Solution` on (the imports and
    helpers every LeetCodeDataset row shares run in the problem's runner, not in the solution)."""
    longest_code = 0
    for solution in problem.solutions_in("python"):
        code = solution.code
        start = code.rfind("class Solution")
        longest_code = max(longest_code, len(code[max(0, start) :].strip().splitlines()))
    return longest_code


def longest(dataset: Dataset, count: int, min_lines: int, max_lines: int) -> list[Problem]:
    """The `count` problems whose Python reference is longest within `min_lines` .. `max_lines` lines."""
    lines = solution_lines

    ranked = sorted((p for p in dataset.problems if min_lines <= lines(p) <= max_lines), key=lines, reverse=True)
    return ranked[:count]


def wrong_bests(report: EvaluationReport) -> list[str]:
    """Problems whose final best fails the scoring tests although the start passed them."""
    by_problem: dict[str, dict[int, bool]] = {}
    for execution in report.executions:
        by_problem.setdefault(execution.problem_id, {})[execution.iteration] = execution.passed
    wrong = []
    for problem_id, passed in by_problem.items():
        last = max(passed)
        if passed.get(0) and last > 0 and not passed[last]:
            wrong.append(problem_id)
    return wrong


def generation_speed(timings: dict[str, float]) -> float | None:
    seconds = timings.get("generation_seconds") or 0.0
    return timings.get("completion_tokens", 0.0) / seconds if seconds > 0 else None


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a LeetCodeDataset .jsonl(.gz) file")
    parser.add_argument("--format", default="leetcode", help="the file's loader (leetcode, evalplus, ...)")
    parser.add_argument("--count", type=int, default=3, help="problems: the longest Python references")
    parser.add_argument("--min-lines", type=int, default=25, help="shortest reference (its own code), in lines")
    parser.add_argument("--max-lines", type=int, default=60, help="longest reference (its own code), in lines")
    parser.add_argument("--arms", default="afterburner,afterburner-edit", help="ablation arms to run")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="embedded model name or .gguf path")
    parser.add_argument("--iterations", type=int, default=2)
    parser.add_argument("--samples", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--metric", default="instructions", help="what ranks: instructions (default) or cpu_time")
    parser.add_argument("--speculate", type=int, default=0, help="prompt-lookup draft tokens (0: off)")
    parser.add_argument("--prompt-cache-mb", type=int, default=0, help="llama.cpp prompt cache (0: off)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=None, help="keep every arm's run here (ARM/)")
    parser.add_argument("--save", type=Path, default=None, help="also write the JSON object to this file")
    return parser.parse_args()


def run_arms(args: argparse.Namespace, chosen: Dataset) -> tuple[str, dict[str, Any]]:
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="afterburner-real-code-"))
    base = LoopConfig(
        iterations=args.iterations,
        samples=args.samples,
        measurement=Measurement.of(args.repeat, metric=args.metric),
        generation=GenerationConfig(max_tokens=1024, temperature=0.7, seed=args.seed),
    )
    spec = ModelSpec(
        kind="llamacpp",
        model=args.model,
        placement="gate",
        speculate=args.speculate,
        prompt_cache_mb=args.prompt_cache_mb,
    )
    arms: dict[str, Any] = {}
    with create_backend(spec) as backend:
        for arm in args.arms.split(","):
            started = time.monotonic()
            result = run_session(
                chosen,
                chosen.problems,
                backend,
                arm_config(arm, base),
                out_dir / arm,
                1,  # one problem at a time: judging never overlaps generation on a small host
                on_event=lambda line, arm=arm: print(f"[{arm}] {line}", file=sys.stderr, flush=True),
                start_from="slowest",
            )
            seconds = time.monotonic() - started
            figures = arm_figures(result, seconds, args.bootstrap, args.iterations)
            summary = json.loads(result.paths["summary"].read_text())
            figures["wrong_bests"] = wrong_bests(result.report)
            figures["tokens_per_second"] = generation_speed(result.timings)
            figures["minutes_per_problem"] = seconds / 60 / max(1, len(chosen.problems))
            figures["scoring_tests_per_problem"] = summary["measurement"].get("scoring_tests_per_problem")
            arms[arm] = figures
            print(f"arm {arm} done in {seconds:.0f} s", file=sys.stderr)
        return backend.name, arms


def main() -> None:
    args = parse()
    if not args.data.exists():
        print(json.dumps({"benchmark": "real_code", "skipped": f"no data file {args.data.name}"}))
        return
    dataset = load_dataset(f"{args.format}:{args.data}")
    chosen = Dataset(dataset.name, tuple(longest(dataset, args.count, args.min_lines, args.max_lines)))
    started = time.monotonic()
    model, arms = run_arms(args, chosen)
    figures = {
        **stamp("real_code"),
        "settings": {
            "data": args.data.name,
            "problems": [p.id for p in chosen.problems],
            "reference_lines": {p.id: solution_lines(p) for p in chosen.problems},
            "model": model,
            "start_from": "each problem's Python reference (real, correct code)",
            "iterations": args.iterations,
            "samples": args.samples,
            "repeat": args.repeat,
            "metric": args.metric,
            "speculate": args.speculate,
            "prompt_cache_mb": args.prompt_cache_mb,
            "placement": "gate",
            "seed": args.seed,
        },
        "measured": "per arm: each problem's start and best re-measured after selection on its held-out tests "
        "(never shown to the loop); improved = lower beyond noise on those passes; wrong best = a best that "
        "fails those tests although the start passed them",
        "arms": arms,
        "seconds": time.monotonic() - started,
    }
    emit(figures, args.save)


if __name__ == "__main__":
    main()
