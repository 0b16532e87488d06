"""Training rows from optimize runs (`trajectories.jsonl`): what the loop found, as SFT, DPO or GRPO rows.

Each file is one run; within it, each problem's candidates are replayed in order with the loop's
keep-best rule, so "the best so far" means what it meant in the run.

- SFT: improving rewrites. A passing candidate whose passes are lower beyond noise than the best
  before its iteration (or that passes where that best failed); the prompt is the refinement
  prompt from that best (its code and performance), the completion the new code.
- DPO: a later candidate over an earlier one of the same problem and run, when it passes where
  the earlier failed, or both pass and it is lower beyond noise (the from-scratch prompt).
- GRPO: every passing candidate (distinct code) as an original, with its figures as the baseline.

Rows of another objective or language, or of problems not selected, are skipped and counted.
"Time" is the export's ranking metric (the exact instruction count by default): candidates of a
run that ranked by the clock carry no count and are dropped as `unmeasured` unless the export
ranks by the clock too (`--metric cpu_time`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from afterburner.core.errors import UsageError
from afterburner.datasets.model import Dataset, Problem
from afterburner.optimize.feedback import Attempt
from afterburner.optimize.selection import replaces
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
    ranked,
    sft_row,
)

REQUIRED = {"problem_id": (str, int), "language": (str,), "iteration": (int,), "objective": (str,), "attempt": (dict,)}


@dataclass(frozen=True)
class Candidate:
    """One judged candidate of a run."""

    iteration: int
    sample_id: int
    attempt: Attempt

    @property
    def label(self) -> str:
        return f"iteration {self.iteration} sample {self.sample_id}"


def _candidate(row: Any, where: str) -> Candidate:
    """Parse one trajectory row; a malformed one is a UsageError naming FILE:LINE."""
    if not isinstance(row, dict):
        raise UsageError(f"{where}: a trajectory row must be a JSON object")
    for name, types in REQUIRED.items():
        if not isinstance(row.get(name), types) or isinstance(row.get(name), bool):
            raise UsageError(
                f"{where}: missing or malformed {name!r}", "pass the trajectories.jsonl of an optimize run"
            )
    code = row.get("code")
    try:
        attempt = Attempt.from_dict(row["attempt"], code if isinstance(code, str) else None)
    except (TypeError, ValueError) as error:
        raise UsageError(f"{where}: malformed attempt: {error}") from error
    return Candidate(row["iteration"], int(row.get("sample_id", 0)), attempt)


def read_runs(
    paths: Sequence[Path], dataset: Dataset, settings: ExportSettings, dropped: Counter[str]
) -> dict[str, list[list[Candidate]]]:
    """problem id -> one candidate list per run (file), in iteration and sample order."""
    selected = {p.id for p in dataset.problems}
    runs: dict[str, list[list[Candidate]]] = {}
    for path in paths:
        try:
            lines = path.read_text().splitlines()
        except OSError as error:
            raise UsageError(f"cannot read trajectories {path}: {error.strerror}") from error
        found: dict[str, list[Candidate]] = {}
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise UsageError(f"{path}:{number}: not JSON: {error}") from error
            candidate = _candidate(row, f"{path}:{number}")
            reason = _skip(row, selected, settings)
            if reason:
                dropped[reason] += 1
            else:
                found.setdefault(str(row["problem_id"]), []).append(candidate)
        for problem_id, candidates in found.items():
            runs.setdefault(problem_id, []).append(sorted(candidates, key=lambda c: (c.iteration, c.sample_id)))
    return runs


def _skip(row: dict[str, Any], selected: set[str], settings: ExportSettings) -> str:
    if row["objective"] != settings.objective:
        return "other_objective"
    if row["language"] != settings.language:
        return "other_language"
    if str(row["problem_id"]) not in selected:
        return "problem_not_selected"
    return ""


def _value(candidate: Candidate, metric: str) -> float | None:
    return candidate.attempt.metrics.get(metric)


def _samples(candidate: Candidate, metric: str) -> list[float]:
    return candidate.attempt.samples.get(metric, [])


def improvements(
    run: list[Candidate], settings: ExportSettings, dropped: Counter[str]
) -> list[tuple[Candidate | None, Candidate]]:
    """(best before its iteration, candidate) for each improving rewrite of one run of one problem."""
    found: list[tuple[Candidate | None, Candidate]] = []
    best: Candidate | None = None
    for _, group in groupby(run, key=lambda c: c.iteration):
        members = list(group)
        for candidate in members:
            if not candidate.attempt.passed or candidate.attempt.code is None:
                dropped["failed"] += 1
            elif _value(candidate, settings.metric) is None:
                dropped["unmeasured"] += 1
            elif best is None:
                dropped["no_previous_best"] += 1
            elif not best.attempt.passed or lower_beyond_noise(
                _samples(candidate, settings.metric), _samples(best, settings.metric), settings.metric, settings.noise
            ):
                found.append((best, candidate))
            else:
                dropped["not_improving"] += 1
        ranking = settings.measurement.metric
        for candidate in members:  # the loop's keep-best rule, after the whole iteration
            current = best.attempt.standing(settings.objective, ranking) if best else None
            if replaces(candidate.attempt.standing(settings.objective, ranking), current, settings.noise):
                best = candidate
    return found


def _sft(
    problem: Problem, runs: list[list[Candidate]], settings: ExportSettings, dropped: Counter[str]
) -> list[dict[str, Any]]:
    steps = [step for run in runs for step in improvements(run, settings, dropped)]
    steps = ranked(steps, lambda s: _value(s[1], settings.metric) or 0.0, lambda s: s[1].label)
    rows = []
    for rank, (before, after) in enumerate(steps):
        code = before.attempt.code if before else None
        prompt = chat(problem, settings, code, before.attempt if before else None)
        value = _value(after, settings.metric) or 0.0
        assert after.attempt.code is not None
        rows.append(sft_row(problem, settings, prompt, after.attempt.code, after.label, value, rank))
    return rows


def later_better(run: list[Candidate], settings: ExportSettings, dropped: Counter[str]) -> list[Pair[Candidate]]:
    """Pairs (later, earlier) of one run where the later candidate is better, with their gaps."""
    pairs: list[Pair[Candidate]] = []
    for index, early in enumerate(run):
        for late in run[index + 1 :]:
            if late.iteration <= early.iteration or not late.attempt.passed or late.attempt.code is None:
                continue
            if early.attempt.code is None:
                dropped["no_code"] += 1
            elif not early.attempt.passed:
                pairs.append(Pair(late, early, 1.0))
            else:
                gap = _gap(late, early, settings)
                if gap is None:
                    dropped["inside_noise"] += 1
                elif gap > 0:
                    pairs.append(Pair(late, early, gap))
    return pairs


def _gap(late: Candidate, early: Candidate, settings: ExportSettings) -> float | None:
    """The relative gain of `late` over `early` when beyond noise; -1 when `early` is better; None: a tie."""
    low, high = _value(late, settings.metric), _value(early, settings.metric)
    if low is None or high is None:
        return None
    metric, noise = settings.metric, settings.noise
    if low < high and lower_beyond_noise(_samples(late, metric), _samples(early, metric), metric, noise):
        return (high - low) / high
    if lower_beyond_noise(_samples(early, metric), _samples(late, metric), metric, noise):
        return -1.0
    return None


def _dpo(
    problem: Problem, runs: list[list[Candidate]], settings: ExportSettings, dropped: Counter[str]
) -> list[dict[str, Any]]:
    pairs = [pair for run in runs for pair in later_better(run, settings, dropped)]
    kept, cut = cap_pairs(pairs, settings.max_pairs, lambda c: c.label)
    dropped["over_max_pairs"] += cut

    def side(candidate: Candidate) -> Side:
        assert candidate.attempt.code is not None
        value = _value(candidate, settings.metric) if candidate.attempt.passed else None
        return Side(candidate.attempt.code, candidate.label, value)

    return [dpo_row(problem, settings, side(p.chosen), side(p.rejected)) for p in kept]


def _grpo(
    problem: Problem, runs: list[list[Candidate]], settings: ExportSettings, dropped: Counter[str], spec: str
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for candidate in (c for run in runs for c in run):
        code = candidate.attempt.code
        if not candidate.attempt.passed or code is None:
            dropped["failed"] += 1
        elif code in seen:
            dropped["duplicate"] += 1
        else:
            seen.add(code)
            rows.append(grpo_row(problem, settings, spec, candidate.label, candidate.attempt))
    return rows


def trajectory_rows(dataset: Dataset, paths: Sequence[Path], settings: ExportSettings, spec: str) -> Collected:
    """Rows of `settings.kind` from optimize runs of `dataset`'s problems."""
    collected = Collected()
    runs = read_runs(paths, dataset, settings, collected.dropped)
    for problem in dataset.problems:
        mine = runs.get(problem.id, [])
        if settings.kind == "sft":
            collected.rows += _sft(problem, mine, settings, collected.dropped)
        elif settings.kind == "dpo":
            collected.rows += _dpo(problem, mine, settings, collected.dropped)
        else:
            collected.rows += _grpo(problem, mine, settings, collected.dropped, spec)
    collected.dropped = +collected.dropped
    return collected
