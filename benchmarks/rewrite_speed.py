"""Generation speed on real rewrite prompts: prompt-lookup speculation, the prompt cache, and cores.

The prompts are the loop's own (`build_messages`, the afterburner template, whole-program and
edit answers) for real code: the longest Python references of LeetCodeDataset's test file in
`../shared/data/` when it is there, else venus-mini's slowest Python references. Every setting
generates the same prompts greedily (temperature 0), so with speculation the output must be the
same text (checked: `same_output`), only faster. Per setting: completion tokens per second of
wall time (prompt evaluation included, as in the loop), tokens per model forward pass during
generation (1.0 without speculation; above 1 the share of drafted tokens accepted shows), and the
second round's speed on the same prompts for the setting with a prompt cache (what the cache saves
when a problem's prompt comes back after another's). Settings run one after another on this
machine; nothing else should run meanwhile. Prints one JSON object; `--save` also writes it
(benchmarks/results/rewrite_speed.json).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from ablation import emit, stamp
from afterburner.datasets.model import Problem
from afterburner.datasets.registry import load_dataset
from afterburner.models.base import GenerationConfig, Message, ModelSpec
from afterburner.models.embedded import DEFAULT_MODEL
from afterburner.models.factory import create_backend
from afterburner.optimize.prompts import PromptContext, build_messages
from real_code import DEFAULT_DATA, longest, solution_lines

SETTINGS: dict[str, dict[str, Any]] = {
    "partition-1-thread": {"placement": "partition", "threads": 1},
    "gate-all-cores": {"placement": "gate"},
    "gate-speculate-4": {"placement": "gate", "speculate": 4},
    "gate-speculate-10": {"placement": "gate", "speculate": 10},
    "gate-speculate-10-cache": {"placement": "gate", "speculate": 10, "prompt_cache_mb": 1024},
}
DEFAULT_SETTINGS = ("partition-1-thread", "gate-all-cores", "gate-speculate-10", "gate-speculate-10-cache")


def problems(count: int) -> tuple[str, list[Problem]]:
    if DEFAULT_DATA.exists():
        dataset = load_dataset(f"leetcode:{DEFAULT_DATA}")
        return DEFAULT_DATA.name, longest(dataset, count, 20, 60)
    venus = load_dataset("venus-mini")
    return "venus-mini", [p for p in venus.problems if p.solutions_in("python")][:count]


def prompts(chosen: list[Problem], answer: str) -> list[list[Message]]:
    """The loop's prompt for rewriting each problem's longest Python reference."""
    found = []
    for problem in chosen:
        code = max((s.code for s in problem.solutions_in("python")), key=len)
        start = code.rfind("class Solution")
        code = code[start:] if start > 0 else code  # LeetCodeDataset's preamble is the runner's business
        context = PromptContext(problem, "python", "time", code=code, answer=answer)
        found.append(build_messages(context, "afterburner"))
    return found


class PassCounter:
    """Counts llama.cpp forward passes (Llama.eval calls) around a generation."""

    def __init__(self, llm: Any) -> None:
        self.passes = 0
        original = llm.eval

        def counted(tokens: Any) -> Any:
            self.passes += 1
            return original(tokens)

        llm.eval = counted


def run_setting(name: str, options: dict[str, Any], messages: list[list[Message]], args: argparse.Namespace) -> Any:
    spec = ModelSpec(kind="llamacpp", model=args.model, **options)
    config = GenerationConfig(max_tokens=args.max_tokens, temperature=0.0, seed=1, timeout=1800)
    rounds: list[dict[str, Any]] = []
    texts: list[str] = []
    with create_backend(spec) as backend:
        counter = PassCounter(backend._llm)  # type: ignore[attr-defined]
        for round_index in range(2 if options.get("prompt_cache_mb") else 1):
            tokens = passes = prompt_tokens = 0
            seconds = 0.0
            for message in messages:
                before = counter.passes
                result = backend.generate(message, config)
                completion = result.completions[0]
                tokens += completion.completion_tokens
                prompt_tokens += completion.prompt_tokens
                seconds += completion.seconds
                passes += counter.passes - before
                if round_index == 0:
                    texts.append(completion.text)
            rounds.append(
                {
                    "completion_tokens": tokens,
                    "prompt_tokens": prompt_tokens,
                    "seconds": round(seconds, 2),
                    "tokens_per_second": round(tokens / seconds, 2) if seconds else None,
                    "forward_passes": passes,
                }
            )
            print(f"{name} round {round_index + 1}: {rounds[-1]}", file=sys.stderr, flush=True)
    return {"options": options, "rounds": rounds}, texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--count", type=int, default=2, help="problems (prompts) per answer format")
    parser.add_argument("--answers", default="whole,edit", help="answer formats to prompt for")
    parser.add_argument("--settings", default=",".join(DEFAULT_SETTINGS), help=f"of {', '.join(SETTINGS)}")
    parser.add_argument("--max-tokens", type=int, default=1024)
    parser.add_argument("--save", type=Path, default=None)
    args = parser.parse_args()
    source, chosen = problems(args.count)
    messages = [m for answer in args.answers.split(",") for m in prompts(chosen, answer)]
    started = time.monotonic()
    results: dict[str, Any] = {}
    baseline: list[str] | None = None
    for name in args.settings.split(","):
        figures, texts = run_setting(name, SETTINGS[name], messages, args)
        baseline = baseline or texts
        figures["same_output_as_first_setting"] = texts == baseline
        results[name] = figures
    first = next(iter(results.values()))["rounds"][0]["tokens_per_second"]
    for figures in results.values():
        speed = figures["rounds"][0]["tokens_per_second"]
        figures["speedup_vs_first"] = round(speed / first, 2) if speed and first else None
    emit(
        {
            **stamp("rewrite_speed"),
            "settings": {
                "model": args.model,
                "source": source,
                "problems": [p.id for p in chosen],
                "reference_lines": {p.id: solution_lines(p) for p in chosen},
                "answers": args.answers,
                "max_tokens": args.max_tokens,
                "temperature": 0.0,
            },
            "measured": "per setting: completion tokens / wall seconds of create_chat_completion (prompt evaluation "
            "included), greedy, same prompts; forward_passes counts llama.cpp eval calls; round 2 repeats round 1",
            "results": results,
            "seconds": time.monotonic() - started,
        },
        args.save,
    )


if __name__ == "__main__":
    main()
