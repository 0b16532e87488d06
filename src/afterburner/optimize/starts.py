"""Where each problem's run starts (the paper's protocol: working but slow code), and what it changed.

`--start-from slowest` starts from the slowest passing reference (by the objective's primary
metric, measured in the loop's reference profile), `--start-from LABEL` from the reference with
that label (venus-mini's `naive`), `--start-from FILE.jsonl` from a user's rows
`{problem_id, [language], code}`. The start is measured as iteration 0 like any candidate.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from afterburner.core.errors import UsageError
from afterburner.core.metrics import TIE_TOLERANCE
from afterburner.datasets.model import Problem
from afterburner.datasets.profile import SolutionProfile
from afterburner.evaluation.changes import Point, ProblemChange
from afterburner.evaluation.evaluate import key
from afterburner.evaluation.metrics import SLOTS, References, percentile
from afterburner.optimize.loop import ProblemOutcome
from afterburner.optimize.selection import NoisePolicy, significantly_lower


@dataclass(frozen=True)
class Start:
    code: str
    label: str  # "reference naive (slowest)", "your file prog.py", ...


def _file_starts(path: Path, problems: Sequence[Problem], language: str) -> dict[str, Start]:
    wanted = {p.id for p in problems}
    found: dict[str, Start] = {}
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            pid, code = str(row["problem_id"]), str(row["code"])
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise UsageError(f"{path} line {number}: not a row {{problem_id, code}}: {error}") from error
        if pid in wanted and row.get("language", language) == language and pid not in found:
            found[pid] = Start(code, f"file {path.name}")
    missing = sorted(wanted - set(found))
    if missing:
        raise UsageError(f"{path} has no {language} row for problem(s) {', '.join(missing)}")
    return found


def _slowest(problem: Problem, profiles: Sequence[SolutionProfile], language: str, metric: str) -> Start:
    labels = {s.label: s for s in problem.solutions_in(language)}
    passing = [
        p
        for p in profiles
        if p.problem_id == problem.id and p.language == language and p.passed and p.figure(metric) is not None
    ]
    if not passing or not any(p.label in labels for p in passing):
        raise UsageError(f"problem {problem.id} has no passing {language} reference to start from")
    slowest = max((p for p in passing if p.label in labels), key=lambda p: float(p.figure(metric) or 0.0))
    return Start(labels[slowest.label].code, f"reference {slowest.label} (slowest)")


def resolve_starts(
    start_from: str, problems: Sequence[Problem], profiles: Sequence[SolutionProfile], language: str, metric: str
) -> dict[str, Start]:
    """Each problem's starting code for `start_from`: slowest, a reference label, or a .jsonl file."""
    if start_from.endswith(".jsonl"):
        path = Path(start_from)
        if not path.is_file():
            raise UsageError(f"no such start file: {path}")
        return _file_starts(path, problems, language)
    if start_from == "slowest":
        return {p.id: _slowest(p, profiles, language, metric) for p in problems}
    starts: dict[str, Start] = {}
    for problem in problems:
        match = [s for s in problem.solutions_in(language) if s.label == start_from]
        if not match:
            labels = sorted({s.label for s in problem.solutions_in(language)})
            raise UsageError(
                f"problem {problem.id} has no {language} reference labelled {start_from!r}",
                f"its labels: {', '.join(labels) or 'none'}; or use --start-from slowest",
            )
        starts[problem.id] = Start(match[0].code, f"reference {start_from}")
    return starts


def _figures(profile: SolutionProfile | None) -> dict[str, float | None]:
    if profile is None or not profile.passed:
        return {metric: None for metric in SLOTS}
    return {metric: profile.figure(metric) for metric in SLOTS}


def _ranks(figures: Mapping[str, float | None], references: References, problem_key: str) -> dict[str, float | None]:
    ranks: dict[str, float | None] = {}
    for metric, value in figures.items():
        pool = references.values(problem_key, metric)
        ranks[metric] = percentile(value, pool, TIE_TOLERANCE.get(metric, 0.0)) if value is not None and pool else None
    return ranks


def _points(outcome: ProblemOutcome) -> tuple[Point, ...]:
    points = []
    for iteration, attempts in enumerate(outcome.attempts_by_iteration):
        for sample, attempt in enumerate(attempts):
            time, memory = attempt.metrics.get("cpu_time"), attempt.metrics.get("peak_memory")
            if attempt.passed and time is not None and memory is not None:
                points.append(Point(f"iteration {iteration} sample {sample}", time, memory, iteration))
    return tuple(points)


def _reference_points(problem_id: str, profiles: Sequence[SolutionProfile], language: str) -> tuple[Point, ...]:
    return tuple(
        Point(p.label, p.cpu_time, p.peak_memory)
        for p in profiles
        if p.problem_id == problem_id
        and p.language == language
        and p.passed
        and p.cpu_time is not None
        and p.peak_memory is not None
    )


@dataclass(frozen=True)
class ChangeInputs:
    """What building the per-problem changes needs from a session."""

    language: str
    primary_metric: str
    noise: NoisePolicy
    final_references: References  # re-measured on the scoring tests
    remeasured: Mapping[str, Mapping[str, SolutionProfile]]  # problem -> code -> re-measured profile
    loop_profiles: Sequence[SolutionProfile]  # the references on the feedback tests (the loop's profile)
    start_labels: Mapping[str, str]


def problem_change(outcome: ProblemOutcome, inputs: ChangeInputs) -> ProblemChange:
    """Start (iteration 0's best) against the final best, both re-measured with the references."""
    start, best = outcome.best_by_iteration[0], outcome.best_by_iteration[-1]
    measured = inputs.remeasured.get(outcome.problem_id, {})
    start_profile = measured.get(start.code or "") if start.passed else None
    best_profile = measured.get(best.code or "") if best.passed else None
    start_figures, best_figures = _figures(start_profile), _figures(best_profile)
    improved = False
    if start_profile and best_profile and start_profile.passed and best_profile.passed and start.code != best.code:
        metric = inputs.primary_metric
        improved = significantly_lower(
            best_profile.samples.get(metric, []), start_profile.samples.get(metric, []), inputs.noise
        )
    problem_key = key(outcome.problem_id, inputs.language)
    return ProblemChange(
        problem_id=outcome.problem_id,
        language=inputs.language,
        start_code=start.code or "",
        best_code=best.code or "",
        start_label=inputs.start_labels.get(outcome.problem_id, "generated (iteration 0)"),
        start=start_figures,
        best=best_figures,
        start_percentiles=_ranks(start_figures, inputs.final_references, problem_key),
        best_percentiles=_ranks(best_figures, inputs.final_references, problem_key),
        improved=improved,
        candidates=_points(outcome),
        references=_reference_points(outcome.problem_id, inputs.loop_profiles, inputs.language),
        measured="start and best re-measured together with the references on the scoring tests; "
        "Pareto points from the selection passes on the feedback tests",
    )
