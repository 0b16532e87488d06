"""Does the feedback matter? Four arms of the loop, same model, problems, seeds and budget.

Every arm starts each problem from the same working but slow code (the slowest passing
reference: the paper's protocol) and runs the same number of iterations and samples:

- `resample`: no feedback; every iteration rewrites the starting code afresh (a control).
- `paper`: the paper's prompt: the best code so far with its aggregate figures only.
- `afterburner`: all our feedback (failing test, errors, percentiles, hotspots, I/O contract)
  and the repair turn for a failed rewrite.
- `afterburner-no-hotspots`: the same without the hotspot lines.

Feature arms (not run by default; pass them in `--arms`) take one feature out of `afterburner`
to measure what it adds: `afterburner-no-repair` (no repair turn), `afterburner-no-contract` (no
restated I/O contract), `afterburner-no-precheck` (no static pre-check of Python before a run);
`afterburner-edit` answers with search/replace edits instead of whole programs.

Each arm is one optimize session, so its final figures are re-measured after selection on the
hidden scoring tests together with the references (Beyond-T/M/I), and its speed-ups are start
CPU time / best-so-far CPU time of the same re-measure. Intervals: bootstrap over problems.
The arms run one after another; the machine is shared, so each arm's figures are relative to
its own re-measured references and start. Prints one JSON object; `--out` keeps every run.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import numpy as np
from scipy import stats  # type: ignore[import-untyped]

from afterburner.core.machine import machine_fingerprint
from afterburner.datasets.model import Dataset
from afterburner.datasets.registry import load_dataset
from afterburner.evaluation.changes import geometric_mean
from afterburner.evaluation.metrics import Execution, bootstrap, score
from afterburner.evaluation.report import intervals_json, scores_json
from afterburner.judge.measurement import Measurement
from afterburner.models.base import GenerationConfig, ModelSpec
from afterburner.models.embedded import DEFAULT_MODEL
from afterburner.models.factory import create_backend
from afterburner.optimize.feedback import FeedbackOptions
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.session import SessionResult, run_session
from afterburner.sandbox.cores import all_cores, core_plan, pin_to_host_cores

ARMS = ("resample", "paper", "afterburner", "afterburner-no-hotspots")
FEATURE_ARMS = ("afterburner-no-repair", "afterburner-no-contract", "afterburner-no-precheck", "afterburner-edit")
ALL_ARMS = ARMS + FEATURE_ARMS
CHECKPOINTS = (0, 2, 4)


def checkpoints(iterations: int) -> list[int]:
    """Iterations 0, 2 and 4 where the run has them, and always its last one."""
    return sorted({i for i in CHECKPOINTS if i <= iterations} | {iterations})


def arm_config(arm: str, base: LoopConfig) -> LoopConfig:
    """The loop settings of an arm: only the prompt, the feedback and the repair turn differ."""
    if arm == "resample":
        return replace(base, template="resample", repair=0)
    if arm == "paper":
        return replace(base, template="paper", repair=0)
    if arm == "afterburner":
        return base
    if arm == "afterburner-no-hotspots":
        return replace(base, feedback=replace(base.feedback, hotspots=False))
    if arm == "afterburner-no-repair":
        return replace(base, repair=0)
    if arm == "afterburner-no-contract":
        return replace(base, feedback=replace(base.feedback, contract=False))
    if arm == "afterburner-no-precheck":
        return replace(base, precheck=False)
    if arm == "afterburner-edit":
        return replace(base, answer="edit")
    raise ValueError(f"unknown arm {arm!r}; choose from {', '.join(ALL_ARMS)}")


def _speedups_at(executions: Sequence[Execution], iteration: int) -> list[float]:
    """Per problem: re-measured CPU time of iteration 0's best / that of iteration `iteration`'s best."""
    by_problem: dict[str, dict[int, Execution]] = {}
    for execution in executions:
        by_problem.setdefault(execution.problem_id, {})[execution.iteration] = execution
    ratios = []
    for iterations in by_problem.values():
        start, best = iterations.get(0), iterations.get(iteration)
        start_cpu = start.value("cpu_time") if start else None
        best_cpu = best.value("cpu_time") if best else None
        if start and best and start.passed and best.passed and start_cpu and best_cpu:
            ratios.append(start_cpu / best_cpu)
    return ratios


def _geometric(values: Sequence[float], rounds: int, level: float = 0.95) -> dict[str, Any]:
    """Geometric mean of speed-ups with a percentile bootstrap interval over problems (None below 2)."""
    interval = None
    if len(values) >= 2:
        logs = np.log(np.asarray(values, dtype=np.float64))
        if np.ptp(logs) > 0:
            drawn = stats.bootstrap(
                (logs,), np.mean, n_resamples=rounds, method="percentile", rng=np.random.default_rng(0)
            )
            low, high = drawn.confidence_interval
            interval = {"low": float(np.exp(low)), "high": float(np.exp(high)), "level": level, "method": "percentile"}
        else:
            interval = {"low": values[0], "high": values[0], "level": level, "method": "percentile"}
    return {
        "problems": len(values),
        "geometric_mean": geometric_mean(values),
        "interval": interval,
        "at_least_5pct_faster": sum(v >= 1.05 for v in values),
    }


def checkpoint_figures(result: SessionResult, iteration: int, rounds: int) -> dict[str, Any] | None:
    report = result.report
    executions = [e for e in report.executions if e.iteration == iteration]
    if not executions:
        return None
    return {
        "scores": scores_json(score(executions, report.references)),
        "intervals": intervals_json(bootstrap(executions, report.references, rounds=rounds)),
        "speedup": _geometric(_speedups_at(report.executions, iteration), rounds),
    }


def arm_figures(result: SessionResult, seconds: float, rounds: int, iterations: int) -> dict[str, Any]:
    summary = json.loads(result.paths["summary"].read_text())
    speedups = result.report.speedups
    return {
        "seconds": seconds,
        "checkpoints": {str(i): checkpoint_figures(result, i, rounds) for i in checkpoints(iterations)},
        "final": {
            "speedups_improved_beyond_noise": None if speedups is None else speedups.improved,
            "of": None if speedups is None else speedups.of,
        },
        "rewrites": summary["rewrites"],
        "timings": result.timings,
        "per_problem": [
            {
                "problem_id": c.problem_id,
                "start": c.start_label,
                "speedup": c.speedup,
                "improved": c.improved,
                "start_cpu_time": c.start.get("cpu_time"),
                "best_cpu_time": c.best.get("cpu_time"),
            }
            for c in result.report.changes
        ],
    }


def feedback_gain(arms: dict[str, dict[str, Any]], iteration: int) -> float | None:
    def beyond_t(arm: str) -> float | None:
        figures = arms.get(arm, {}).get("checkpoints", {}).get(str(iteration))
        return None if figures is None else figures["scores"]["beyond_t"]

    ours, theirs = beyond_t("afterburner"), beyond_t("paper")
    return None if ours is None or theirs is None else ours - theirs


def stamp(benchmark: str) -> dict[str, Any]:
    """The benchmark's name, the date and the machine, which every result file starts with."""
    return {
        "benchmark": benchmark,
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "machine": {
            "platform": platform.platform(),
            "fingerprint": machine_fingerprint(),
            "cores": core_plan().to_dict(),
        },
    }


def emit(figures: dict[str, Any], save: Path | None) -> None:
    """Print the figures as one JSON object, and write them to `save` too when given."""
    text = json.dumps(figures, indent=2, default=str)
    if save:
        save.parent.mkdir(parents=True, exist_ok=True)
        save.write_text(text + "\n")
    print(text)


def _events(arm: str) -> Callable[[str], None]:
    return lambda line: print(f"[{arm}] {line}", file=sys.stderr, flush=True)


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="embedded model name or .gguf path")
    parser.add_argument("--problems", default="", help="comma-separated venus-mini ids (default: the first --count)")
    parser.add_argument("--count", type=int, default=20, help="first N venus-mini problems when --problems is empty")
    parser.add_argument("--arms", default=",".join(ARMS), help=f"comma-separated arms of {', '.join(ALL_ARMS)}")
    parser.add_argument("--iterations", type=int, default=4)
    parser.add_argument("--samples", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--metric", default="instructions", help="what ranks: instructions (default) or cpu_time")
    parser.add_argument("--max-tokens", type=int, default=768)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--parallel", type=int, default=2, help="problems in flight per arm")
    parser.add_argument(
        "--share-cores",
        action="store_true",
        help="small hosts: the model generates on every core and one problem runs at a time, so judging "
        "(on the measure core) never overlaps generation",
    )
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=None, help="keep every arm's run here (ARM/)")
    parser.add_argument("--save", type=Path, default=None, help="also write the JSON object to this file")
    args = parser.parse_args()
    unknown = [arm for arm in args.arms.split(",") if arm not in ALL_ARMS]
    if unknown:
        parser.error(f"unknown arm(s) {', '.join(unknown)}; choose from {', '.join(ALL_ARMS)}")
    return args


def main() -> None:
    args = parse()
    dataset = load_dataset("venus-mini")
    ids = [p for p in args.problems.split(",") if p] or [p.id for p in dataset.problems[: args.count]]
    chosen = Dataset(dataset.name, tuple(dataset.get(p) for p in ids))
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="afterburner-ablation-"))
    base = LoopConfig(
        iterations=args.iterations,
        samples=args.samples,
        measurement=Measurement.of(args.repeat, metric=args.metric),
        feedback=FeedbackOptions(),
        generation=GenerationConfig(max_tokens=args.max_tokens, temperature=0.7, seed=args.seed),
    )
    threads = None
    if args.share_cores:
        args.parallel, threads = 1, len(all_cores())
    else:
        pin_to_host_cores()
    arms: dict[str, dict[str, Any]] = {}
    started = time.monotonic()
    with create_backend(ModelSpec(kind="llamacpp", model=args.model, threads=threads)) as backend:
        model = backend.name
        for arm in args.arms.split(","):
            arm_started = time.monotonic()
            say = None if args.json else _events(arm)
            result = run_session(
                chosen,
                chosen.problems,
                backend,
                arm_config(arm, base),
                out_dir / arm,
                args.parallel,
                on_event=say,
                start_from="slowest",
            )
            arms[arm] = arm_figures(result, time.monotonic() - arm_started, args.bootstrap, args.iterations)
            print(f"arm {arm} done in {arms[arm]['seconds']:.0f} s", file=sys.stderr)
    last = args.iterations
    figures = {
        **stamp("ablation"),
        "settings": {
            "model": model,
            "problems": ids,
            "start_from": "slowest passing reference (the loop's reference profile, feedback tests)",
            "iterations": args.iterations,
            "samples": args.samples,
            "repeat": args.repeat,
            "max_tokens": args.max_tokens,
            "temperature": 0.7,
            "seed": args.seed,
            "parallel": args.parallel,
            "share_cores": args.share_cores,
            "model_threads": threads,
            "bootstrap": args.bootstrap,
            "arms": {arm: asdict(arm_config(arm, base)) for arm in arms},
        },
        "measured": "per arm: each problem's best so far after iterations 0, 2 and 4, re-measured after selection on "
        "the hidden scoring tests with the references; speed-up = start CPU time / best CPU time of that re-measure",
        "arms": arms,
        "feedback_gain_beyond_t": feedback_gain(arms, last),
        "feedback_gain_at_iteration": last,
        "seconds": time.monotonic() - started,
    }
    emit(figures, args.save)


if __name__ == "__main__":
    main()
