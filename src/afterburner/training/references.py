"""Training rows from measured reference solutions: SFT's best, DPO's pairs beyond noise, GRPO's originals.

Only passed references are used. SFT keeps the k best per problem by the objective's figure (for
"time" the export's ranking metric: the exact instruction count by default); DPO pairs two
references only when the better one is lower beyond measurement noise (`rows.lower_beyond_noise`:
for a count, one exact value per reference, the gain alone decides; for a clock, the loop's own
test, the gain and a permutation test on the passes), counting the pairs inside the noise and
those past the per-problem cap; GRPO makes prompt-only rows in the loop's refinement form, with
the figures the reward compares against. A passed reference without the figure (its count was
refused) is left out and counted as `unmeasured`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from afterburner.datasets.model import Dataset, Problem
from afterburner.datasets.profile import ProfileRun, SolutionProfile
from afterburner.datasets.testgen import FEEDBACK_PLAN
from afterburner.optimize.selection import NoisePolicy
from afterburner.training.rows import (
    Collected,
    ExportSettings,
    Pair,
    Side,
    cap_pairs,
    chat,
    dpo_row,
    grpo_row,
    lower_beyond_noise,
    measured_attempt,
    ranked,
    sft_row,
)


def _label(profile: SolutionProfile) -> str:
    return profile.label


def _by_figure(profiles: Sequence[SolutionProfile], metric: str) -> list[SolutionProfile]:
    """Lowest figure first (every profile here has one), ties by label."""
    return ranked(profiles, lambda p: p.figure(metric) or 0.0, _label)


def reference_pairs(
    profiles: Sequence[SolutionProfile], metric: str, noise: NoisePolicy, max_pairs: int
) -> tuple[list[Pair[SolutionProfile]], Counter[str]]:
    """DPO pairs among measured passed references: the lower figure is chosen only when its passes
    are lower beyond noise; pairs inside the noise are dropped and counted, and so are pairs past
    `max_pairs` (the largest relative gaps are kept)."""
    dropped: Counter[str] = Counter()
    usable = [p for p in profiles if p.passed and p.figure(metric) is not None and p.samples.get(metric)]
    ordered = _by_figure(usable, metric)
    pairs: list[Pair[SolutionProfile]] = []
    for index, chosen in enumerate(ordered):
        for rejected in ordered[index + 1 :]:
            low, high = chosen.figure(metric) or 0.0, rejected.figure(metric) or 0.0
            if low < high and lower_beyond_noise(chosen.samples[metric], rejected.samples[metric], metric, noise):
                pairs.append(Pair(chosen, rejected, (high - low) / high if high > 0 else 0.0))
            else:
                dropped["inside_noise"] += 1
    kept, cut = cap_pairs(pairs, max_pairs, _label)
    if cut:
        dropped["over_max_pairs"] += cut
    return kept, dropped


def _measured(
    profiles: Sequence[SolutionProfile], settings: ExportSettings, dropped: Counter[str]
) -> list[SolutionProfile]:
    """Passed references that have the objective's figure and passes; the others are counted."""
    passed = [p for p in profiles if p.passed]
    dropped["failed_reference"] += len(profiles) - len(passed)
    usable = [p for p in passed if p.figure(settings.metric) is not None and p.samples.get(settings.metric)]
    dropped["unmeasured"] += len(passed) - len(usable)
    return usable


def _sft(
    problem: Problem, profiles: list[SolutionProfile], settings: ExportSettings, codes: dict[str, str]
) -> list[dict[str, Any]]:
    best = _by_figure(profiles, settings.metric)[: settings.k]
    prompt = chat(problem, settings)
    return [
        sft_row(problem, settings, prompt, codes[p.code_hash], p.label, p.figure(settings.metric) or 0.0, rank)
        for rank, p in enumerate(best)
    ]


def _dpo(
    problem: Problem, profiles: list[SolutionProfile], settings: ExportSettings, codes: dict[str, str]
) -> tuple[list[dict[str, Any]], Counter[str]]:
    pairs, dropped = reference_pairs(profiles, settings.metric, settings.noise, settings.max_pairs)

    def side(p: SolutionProfile) -> Side:
        return Side(codes[p.code_hash], p.label, p.figure(settings.metric))

    return [dpo_row(problem, settings, side(pair.chosen), side(pair.rejected)) for pair in pairs], dropped


def _grpo(
    problem: Problem, profiles: list[SolutionProfile], settings: ExportSettings, codes: dict[str, str], spec: str
) -> list[dict[str, Any]]:
    if settings.originals == "slowest" and profiles:
        profiles = _by_figure(profiles, settings.metric)[-1:]
    tests = len(FEEDBACK_PLAN.tests(problem))  # cached: profiling generated them
    return [
        grpo_row(problem, settings, spec, p.label, measured_attempt(codes[p.code_hash], p.measured, tests))
        for p in profiles
    ]


def reference_rows(dataset: Dataset, run: ProfileRun, settings: ExportSettings, spec: str) -> Collected:
    """Rows of `settings.kind` from the measured references of each problem."""
    collected = Collected()
    for problem in dataset.problems:
        profiles = [p for p in run.profiles if p.problem_id == problem.id and p.language == settings.language]
        if not profiles:
            collected.dropped["problem_without_references"] += 1
            continue
        codes = {s.code_hash: s.code for s in problem.solutions}
        if settings.kind == "grpo":
            passed = [p for p in profiles if p.passed]
            collected.dropped["failed_reference"] += len(profiles) - len(passed)
            collected.rows += _grpo(problem, passed, settings, codes, spec)
            continue
        usable = _measured(profiles, settings, collected.dropped)
        if settings.kind == "sft":
            collected.rows += _sft(problem, usable, settings, codes)
            collected.dropped["beyond_k"] += max(0, len(usable) - settings.k)
        else:
            rows, dropped = _dpo(problem, usable, settings, codes)
            collected.rows += rows
            collected.dropped.update(dropped)
    collected.dropped = +collected.dropped  # only the reasons that occurred
    return collected
