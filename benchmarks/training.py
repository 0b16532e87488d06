"""Training on CPU at small scale: is the pipeline sound, what does a step cost, does the loop change?

On the venus-mini train split (a subset of its problems, so it fits about half an hour on two
cores): exports SFT, DPO and GRPO rows, runs a short LoRA training of each on a small embedded
model, and runs the optimization loop on test-split problems before and after each training with
the same seeds. Prints one JSON object; `--save` writes it to benchmarks/results/training.json.

Figures: `seconds_per_step` and `judge_share_of_step` (GRPO: reward judging time over training
time), `reward_mean_first5` / `reward_mean_last5` (TRL's logged mean reward), `reward_none_share`
(completions whose reward was None: infrastructure errors), and Pass@1 / Beyond-T of the loop's
final iteration (re-measured on the hidden scoring tests) before and after each training.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def afterburner(*args: str) -> None:
    """Run the CLI (a separate process, as a user would); fail loudly with its output."""
    command = [sys.executable, "-m", "afterburner.cli.main", *args]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"afterburner {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def loop_scores(model: str, problems: list[str], out: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Pass@1 and Beyond-T of the loop's final iteration with `model` on the test problems."""
    started = time.monotonic()
    afterburner(
        "optimize", "--dataset", "venus-mini", "--problems", ",".join(problems), "--backend", "hf",
        "--model", model, "--iterations", str(args.iterations), "--samples", "1", "--repeat", "3",
        "--seed", "0", "--max-tokens", str(args.max_tokens), "--out", str(out),
    )  # fmt: skip
    summary = json.loads((out / "summary.json").read_text())
    final, first = summary["scores"] or {}, summary["scores_iteration_0"] or {}
    return {
        "pass_at_1": final.get("pass_at_1"),
        "beyond_t": final.get("beyond_t"),
        "pass_at_1_iteration_0": first.get("pass_at_1"),
        "beyond_t_iteration_0": first.get("beyond_t"),
        "seconds": time.monotonic() - started,
    }


def training_figures(run: Path) -> dict[str, Any]:
    record = json.loads((run / "train.json").read_text())
    logged = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines() if line.strip()]
    rewards = [row["reward"] for row in logged if "reward" in row]
    steps = max(record["steps"], 1)
    figures: dict[str, Any] = {
        "steps": record["steps"],
        "rows": record["rows"],
        "seconds": record["seconds"],
        "seconds_per_step": record["seconds"] / steps,
        "loss_first": next((row["loss"] for row in logged if "loss" in row), None),
        "loss_last": next((row["loss"] for row in reversed(logged) if "loss" in row), None),
    }
    stats = record.get("reward_stats")
    if stats:
        figures["judge_share_of_step"] = stats["judge_seconds"] / record["seconds"] if record["seconds"] else None
        figures["reward_mean_first5"] = statistics.fmean(rewards[:5]) if rewards else None
        figures["reward_mean_last5"] = statistics.fmean(rewards[-5:]) if rewards else None
        figures["reward_none_share"] = stats["none"] / stats["completions"] if stats["completions"] else None
        figures["reward_stats"] = stats
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--save", action="store_true", help="also write benchmarks/results/training.json")
    parser.add_argument("--model", default="smollm2-135m", help="embedded model or transformers folder")
    parser.add_argument("--work", type=Path, default=Path("afterburner-bench-training"), help="working folder")
    parser.add_argument("--train-problems", type=int, default=8, help="train-split problems used for rows")
    parser.add_argument("--test-problems", type=int, default=4, help="test-split problems the loop runs on")
    parser.add_argument("--iterations", type=int, default=1, help="loop refinement iterations")
    parser.add_argument("--max-tokens", type=int, default=384, help="loop generation budget")
    parser.add_argument("--sft-steps", type=int, default=12)
    parser.add_argument("--dpo-steps", type=int, default=8)
    parser.add_argument("--grpo-steps", type=int, default=5)
    parser.add_argument("--grpo-tokens", type=int, default=192, help="GRPO max_completion_length")
    parser.add_argument("--batch-size", type=int, default=1, help="SFT and DPO rows per step")
    args = parser.parse_args()
    started = time.monotonic()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)

    split_file = work / "split.json"
    if not split_file.exists():
        afterburner("data", "split", "venus-mini", "--test", "0.3", "--seed", "42", "--out", str(split_file))
    split = json.loads(split_file.read_text())
    train_ids, test_ids = split["train"][: args.train_problems], split["test"][: args.test_problems]
    base = subprocess.run(
        [sys.executable, "-m", "afterburner.cli.main", "models", "convert", args.model], capture_output=True, text=True
    ).stdout.strip()

    exports: dict[str, Any] = {}
    for kind, extra in (("sft", ["--k", "4"]), ("dpo", ["--max-pairs", "6"]), ("grpo", ["--originals", "slowest"])):
        target = work / "rows" / kind
        if not (target / "export.json").exists():
            afterburner(
                "data", "export", kind, "venus-mini", "--problems", ",".join(train_ids), "--split", str(split_file),
                "--objective", "time", "--repeat", "3", "--out", str(target), *extra,
            )  # fmt: skip
        exports[kind] = json.loads((target / "export.json").read_text())

    results: dict[str, Any] = {"base": loop_scores(base, test_ids, work / "loop-base", args)}
    steps = {"sft": args.sft_steps, "dpo": args.dpo_steps, "grpo": args.grpo_steps}
    rates = {"sft": "2e-4", "dpo": "5e-5", "grpo": "2e-5"}
    batch = ["--set", f"batch_size={args.batch_size}"]
    grpo = ["--set", f"max_completion_length={args.grpo_tokens}", "--set", "num_generations=4", "--set", "batch_size=4"]
    extra_settings = {"sft": batch, "dpo": batch, "grpo": grpo}
    for kind in ("sft", "dpo", "grpo"):
        run = work / "runs" / kind
        if not (run / "train.json").exists():
            afterburner(
                "train", kind, "--data", str(work / "rows" / kind), "--out", str(run), "--model", base,
                "--max-steps", str(steps[kind]), "--learning-rate", rates[kind], "--set", f"split={split_file}",
                "--set", "save_steps=1000", "--set", "report_to=none", *extra_settings[kind],
            )  # fmt: skip
        results[kind] = {
            "training": training_figures(run),
            "loop": loop_scores(str(run), test_ids, work / f"loop-{kind}", args),
        }

    figures = {
        "benchmark": "training",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "settings": {
            "model": args.model,
            "train_problems": train_ids,
            "test_problems": test_ids,
            "split": {"test": 0.3, "seed": 42},
            "loop": {
                "iterations": args.iterations,
                "samples": 1,
                "repeat": 3,
                "seed": 0,
                "max_tokens": args.max_tokens,
            },
            "steps": steps,
            "learning_rates": rates,
            "lora": {"r": 16, "alpha": 32},
            "sft_dpo_batch_size": args.batch_size,
            "grpo": {
                "num_generations": 4,
                "batch_size": 4,
                "max_completion_length": args.grpo_tokens,
                "reward": "afterburner",
                "reward_repeat": 3,
            },
        },
        "exports": {k: {"rows": v.get("rows"), "dropped": v.get("dropped")} for k, v in exports.items()},
        "results": results,
        "seconds_total": time.monotonic() - started,
    }
    text = json.dumps(figures, indent=2)
    if args.save:
        (ROOT / "benchmarks" / "results" / "training.json").write_text(text + "\n")
    print(text if args.json else f"training benchmark\n{text}")


if __name__ == "__main__":
    main()
