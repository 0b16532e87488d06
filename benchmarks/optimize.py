"""The optimization loop on the default embedded model: overhead, speed, and what it achieves.

Runs `optimize` over venus-mini problems and prints one JSON object: the loop's own overhead
(time outside generation and judging), the judge's share, tokens/s of the backends that are
available, and Pass@1 and Beyond-T of the best-so-far solution per iteration.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from afterburner.datasets.model import Dataset
from afterburner.datasets.registry import load_dataset
from afterburner.judge.measurement import Measurement
from afterburner.models.base import GenerationConfig, ModelSpec
from afterburner.models.embedded import DEFAULT_MODEL
from afterburner.models.factory import create_backend
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.session import run_session


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="embedded model name or .gguf path")
    parser.add_argument("--problems", type=int, default=10, help="first N venus-mini problems")
    parser.add_argument("--iterations", type=int, default=4)
    parser.add_argument("--samples", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--metric", default="instructions", help="what ranks: instructions (default) or cpu_time")
    parser.add_argument("--max-tokens", type=int, default=768)
    parser.add_argument("--out", type=Path, default=None, help="keep trajectories and reports here")
    parser.add_argument("--skip-speeds", action="store_true", help="do not run benchmarks/models.py afterwards")
    args = parser.parse_args()

    dataset = load_dataset("venus-mini")
    chosen = Dataset(dataset.name, dataset.problems[: args.problems])
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="afterburner-bench-optimize-"))
    config = LoopConfig(
        iterations=args.iterations,
        samples=args.samples,
        measurement=Measurement.of(args.repeat, metric=args.metric),
        generation=GenerationConfig(max_tokens=args.max_tokens, temperature=0.7, seed=0),
    )
    with create_backend(ModelSpec(kind="llamacpp", model=args.model)) as backend:
        result = run_session(chosen, chosen.problems, backend, config, out_dir, parallel=2)
        name = backend.kind
    timings = result.timings
    iterations = sorted(result.report.iterations.items())
    speeds: dict[str, object] = {}
    if not args.skip_speeds:  # tokens/s of every available backend, measured alone after the loop
        done = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("models.py"))], capture_output=True, text=True
        )
        if done.returncode == 0:
            speeds = {k: v for k, v in json.loads(done.stdout).items() if k.startswith("tokens_per_s_")}
    figures = {
        "model": args.model,
        "problems": len(chosen.problems),
        "iterations": args.iterations,
        "samples": args.samples,
        "loop_overhead_share": timings["loop_overhead_share"],
        "judge_share": timings["judge_share"],
        # Inside the loop, problems in flight share one model: waiting counts as generation time.
        f"tokens_per_s_{name}_in_loop": timings["completion_tokens"] / timings["generation_seconds"]
        if timings["generation_seconds"]
        else 0.0,
        **speeds,
        "pass_at_1_by_iteration": [scores.pass_at_1 for _, scores in iterations],
        "beyond_t_by_iteration": [scores.beyond_t for _, scores in iterations],
        "beyond_m_by_iteration": [scores.beyond_m for _, scores in iterations],
        "beyond_i_by_iteration": [scores.beyond_i for _, scores in iterations],
        "timings": timings,
        "out_dir": str(out_dir),
    }
    text = json.dumps(figures, indent=2)
    print(text if args.json else f"optimize benchmark\n{text}")


if __name__ == "__main__":
    main()
