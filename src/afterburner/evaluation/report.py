"""Litmus reports, the model: what one evaluation or optimize run scored, and its JSON view.

The renderers (Markdown, HTML with plots) and `write_report` live in `evaluation.render`.

Headline figures. For `eval` they cover every execution. For an optimize run (`best_so_far=True`,
executions = each problem's best so far after iterations 0..N) they are those of the final iteration
N, with iteration 0's beside them: pooling all iterations would mix the start with the result.
A figure that does not exist is None (JSON null, "-" in tables), never a number.

Ranking. Every report names the metric that ranks (`References.ranking`): the exact instruction
count (Beyond-C) or a clock (Beyond-T). Beyond-T stays the paper's time percentile and is shown
beside Beyond-C. Beyond-C exists only where the references were counted (`References.counted()`):
otherwise it is null in JSON and has no column, category or interval anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from afterburner.core.metrics import INFO, TIE_TOLERANCE, Metric
from afterburner.evaluation.changes import ProblemChange, SpeedupSummary, changes_json, summarize_speedups
from afterburner.evaluation.metrics import (
    BOOTSTRAP_RESAMPLES,
    METRICS,
    SCORE_LABELS,
    SCORE_NAMES,
    Category,
    Execution,
    Interval,
    References,
    Scores,
    bootstrap,
    by_iteration,
    category_counts,
    group_by_problem,
    pass_at_k_estimates,
    score,
)


@dataclass(frozen=True)
class ProblemRow:
    """One problem's summary; mean percentiles count failures as 0, exactly like the Beyond scores."""

    problem_id: str
    n: int
    passed: int
    mean_percentile_time: float
    mean_percentile_memory: float
    mean_percentile_integral: float
    mean_percentile_count: float | None = None  # Beyond-C; None when the references were not counted


@dataclass(frozen=True)
class GeneratedScores:
    """Raw scores of every candidate generated in each iteration (all samples, not the best so far)."""

    by_iteration: dict[int, Scores]
    measured: str  # how these candidates were measured and ranked, e.g. the loop's selection passes


@dataclass(frozen=True)
class EvaluationReport:
    """Everything a Litmus evaluation produced; executions and references are kept for the plots.

    `scores`, `intervals`, `categories`, `per_problem` and `pass_at_k` are the headline figures: over
    `headline_executions` (see the module docstring); `iterations` has every iteration.
    """

    dataset: str
    scores: Scores
    intervals: dict[str, Interval]  # {} when there is nothing to resample from
    categories: dict[str, dict[Category, int]]  # slot -> category -> count (`category_slots`)
    iterations: dict[int, Scores]
    per_problem: list[ProblemRow]
    executions: tuple[Execution, ...]
    references: References
    pass_at_k: dict[int, float] = field(default_factory=dict)  # only when problems have several samples
    best_so_far: bool = False  # executions are each problem's best so far after each iteration
    final_iteration: int | None = None  # the headline iteration (best_so_far only)
    scores_iteration_0: Scores | None = None  # the start, beside the final scores (best_so_far only)
    intervals_iteration_0: dict[str, Interval] = field(default_factory=dict)
    measured: str = ""  # how the executions were measured, as the caller says
    generated: GeneratedScores | None = None
    resamples: int = BOOTSTRAP_RESAMPLES
    seed: int = 0
    changes: tuple[ProblemChange, ...] = ()  # optimize runs: each problem's start against its best
    speedups: SpeedupSummary | None = None  # summary of `changes`; None without them

    @property
    def not_scored(self) -> list[Execution]:
        """Executions left out of every N: our side failed (infrastructure error), not the candidate."""
        return [e for e in self.executions if not e.scored]

    @property
    def headline_executions(self) -> tuple[Execution, ...]:
        return _of_iteration(self.executions, self.final_iteration)

    @property
    def headline(self) -> str:
        """What the headline figures cover, in words."""
        if self.final_iteration is None:
            return "all executions"
        return f"iteration {self.final_iteration} (final): each problem's best solution so far after the last iteration"

    @property
    def headline_label(self) -> str:
        """The headline in a few words, for headings."""
        return "all executions" if self.final_iteration is None else f"final iteration {self.final_iteration}"

    @property
    def score_names(self) -> tuple[str, ...]:
        """The scores this report shows: Beyond-C only where the references were counted."""
        return shown_scores(self.references)

    @property
    def ranked_by(self) -> str:
        """Which metric ranks, in one line."""
        return ranking_line(self.references)

    @property
    def iterations_are(self) -> str:
        """What one row of `iterations` scores, in words."""
        return "best so far after iteration i" if self.best_so_far else "executions of iteration i"


def shown_scores(references: References) -> tuple[str, ...]:
    """The score names a report shows: all five when the references were counted, else no Beyond-C."""
    return SCORE_NAMES if references.counted() else tuple(name for name in SCORE_NAMES if name != "beyond_c")


def category_slots(references: References) -> tuple[str, ...]:
    """The slots categories are computed for: the paper's three, and the instruction count when counted."""
    return (*METRICS, "instructions") if references.counted() else METRICS


def _display(name: str) -> str:
    return INFO[Metric(name)].display


def ranking_line(references: References) -> str:
    """'Ranked by: ...': the metric that decides and the score it is, and what the others beside it are."""
    ranking, clock = references.ranking, references.time_metric
    time_score = SCORE_LABELS["beyond_t"]
    count_score = SCORE_LABELS["beyond_c"]
    if ranking == "instructions":
        line = f"Ranked by: {_display(ranking)} ({count_score}); {time_score} is the {_display(clock)} percentile"
        if not references.counted():
            return f"{line}. No reference carries an instruction count: {count_score} is missing, not 0."
        return f"{line}, shown beside it."
    line = f"Ranked by: {_display(ranking)} ({time_score})"
    if ranking != clock:
        line += f"; {time_score} is the {_display(clock)} percentile"
    if references.counted():
        line += f"; {count_score} is the {_display('instructions')} percentile, shown beside it"
    return line + "."


def tolerance_text(references: References) -> str:
    """The tie tolerances of the metrics the report ranks in, e.g. 'CPU time 3%, ..., instruction count 0.2%'."""
    names = [references.ranked_metric(slot) for slot in category_slots(references)]
    return ", ".join(f"{_display(name)} {TIE_TOLERANCE[name] * 100:g}%" for name in names)


def _problem_rows(executions: Sequence[Execution], references: References) -> list[ProblemRow]:
    rows = []
    for problem, group in sorted(group_by_problem(executions).items()):
        scores = score(group, references)
        passed = sum(e.passed for e in group)
        rows.append(
            ProblemRow(problem, len(group), passed, scores.beyond_t, scores.beyond_m, scores.beyond_i, scores.beyond_c)
        )
    return rows


def build_report(
    dataset_name: str,
    executions: Sequence[Execution],
    references: References,
    rounds: int = BOOTSTRAP_RESAMPLES,
    seed: int = 0,
    *,
    best_so_far: bool = False,
    measured: str = "",
    generated: GeneratedScores | None = None,
    changes: Sequence[ProblemChange] = (),
) -> EvaluationReport:
    """Score executions against references; `rounds` bootstrap resamples over problems, seeded by `seed`.

    With `best_so_far` (an optimize run: one execution per problem and iteration, the best so far) the
    headline figures are those of the last iteration, and iteration 0's are kept beside them.
    """
    final = max((e.iteration for e in executions), default=None) if best_so_far else None
    headline = _of_iteration(executions, final)
    start = [e for e in executions if e.iteration == 0] if final is not None else []
    return EvaluationReport(
        dataset=dataset_name,
        scores=score(headline, references),
        intervals=bootstrap(headline, references, rounds=rounds, seed=seed),
        categories={slot: category_counts(headline, references, slot) for slot in category_slots(references)},
        iterations=by_iteration(executions, references),
        per_problem=_problem_rows(headline, references),
        executions=tuple(executions),
        references=references,
        pass_at_k=pass_at_k_estimates(headline),
        best_so_far=best_so_far,
        final_iteration=final,
        scores_iteration_0=score(start, references) if final is not None else None,
        intervals_iteration_0=bootstrap(start, references, rounds=rounds, seed=seed),
        measured=measured,
        generated=generated,
        resamples=rounds,
        seed=seed,
        changes=tuple(changes),
        speedups=summarize_speedups(changes, rounds=rounds, seed=seed) if changes else None,
    )


def _of_iteration(executions: Sequence[Execution], iteration: int | None) -> tuple[Execution, ...]:
    """The executions of one iteration; all of them when `iteration` is None."""
    return tuple(e for e in executions if iteration is None or e.iteration == iteration)


def scores_json(scores: Scores | None) -> dict[str, float | None] | None:
    """Scores as fractions in [0, 1]; each None when nothing was scored (N = 0), all None when absent."""
    if scores is None:
        return None
    return {name: (value if scores.n else None) for name, value in scores.as_dict().items()}


def intervals_json(intervals: dict[str, Interval]) -> dict[str, dict[str, Any] | None]:
    return {name: asdict(intervals[name]) if name in intervals else None for name in SCORE_NAMES}


def _iteration_rows(iterations: dict[int, Scores]) -> list[dict[str, Any]]:
    return [{"iteration": i, "n": scores.n, **(scores_json(scores) or {})} for i, scores in iterations.items()]


def to_json(report: EvaluationReport) -> dict[str, Any]:
    """A JSON-ready view; scores and intervals are fractions in [0, 1], not percentages, None when missing."""
    generated = report.generated
    return {
        "dataset": report.dataset,
        "headline": report.headline,
        "measured": report.measured or None,
        "n": report.scores.n,
        "problems": len(report.per_problem),
        "final_iteration": report.final_iteration,
        "scores": scores_json(report.scores),
        "intervals": intervals_json(report.intervals),
        "scores_iteration_0": scores_json(report.scores_iteration_0),
        "intervals_iteration_0": intervals_json(report.intervals_iteration_0) if report.best_so_far else None,
        "bootstrap": {
            "over": "problems",
            "resamples": report.resamples,
            "seed": report.seed,
            "method": "BCa; percentile where BCa is undefined; none with one problem",
        },
        "categories": {
            metric: {category.value: count for category, count in counts.items()}
            for metric, counts in report.categories.items()
        },
        "iterations_are": report.iterations_are,
        "iterations": _iteration_rows(report.iterations),
        "generated": None
        if generated is None
        else {
            "what": "every candidate generated in iteration i (all samples, not the best so far)",
            "measured": generated.measured,
            "iterations": _iteration_rows(generated.by_iteration),
        },
        "per_problem": [asdict(row) for row in report.per_problem],
        "not_scored": [
            {"problem_id": e.problem_id, "iteration": e.iteration, "sample_id": e.sample_id, "reason": e.not_scored}
            for e in report.not_scored
        ],
        "pass_at_k": {str(k): value for k, value in report.pass_at_k.items()},
        "ranking": report.references.ranking,
        "headline_score": report.references.headline,
        "ranked_by": report.ranked_by,
        "time_metric": report.references.time_metric,
        "tie_tolerance": dict(TIE_TOLERANCE),
        **(changes_json(report.changes, report.speedups) if report.changes else {"speedups": None, "changes": []}),
    }
