"""The loop for one problem, and for many in flight at once."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from afterburner.core.config import require, setting
from afterburner.core.testcase import TestCase
from afterburner.datasets.model import Problem
from afterburner.evaluation.metrics import References
from afterburner.languages import get_language
from afterburner.models.base import Backend, GenerationConfig
from afterburner.optimize.extract import extract_code
from afterburner.optimize.feedback import Attempt, FeedbackOptions, feedback_text, judge_attempt, performance_text
from afterburner.optimize.prompts import TEMPLATES, PromptContext, build_messages, prompt_hash
from afterburner.optimize.selection import OBJECTIVES, NoisePolicy, replaces
from afterburner.optimize.trajectory import TrajectoryLog


@dataclass(frozen=True)
class LoopConfig:
    """How the loop runs; validated on construction, and the CLI's defaults and help."""

    iterations: int = setting(4, "Refinement iterations after iteration 0.")
    samples: int = setting(2, "Candidates generated per iteration.")
    objective: str = setting("time", "What to optimize: time, memory or integral.")
    language: str = setting("python", "Language to write solutions in.")
    template: str = setting("afterburner", "Prompt: afterburner (rich feedback) or paper (the paper's prompt).")
    repeat: int = setting(3, "Measured passes per candidate (selection and final re-measure).")
    feedback: FeedbackOptions = field(default_factory=FeedbackOptions)
    noise: NoisePolicy = field(default_factory=NoisePolicy)
    generation: GenerationConfig = field(default_factory=lambda: GenerationConfig(max_tokens=1024, temperature=0.7))

    def __post_init__(self) -> None:
        require(
            [
                (0 <= self.iterations <= 100, "iterations must be 0 .. 100"),
                (1 <= self.samples <= 64, "samples must be 1 .. 64"),
                (self.objective in OBJECTIVES, f"objective must be one of {', '.join(OBJECTIVES)}"),
                (self.template in TEMPLATES, f"template must be one of {', '.join(TEMPLATES)}"),
                (1 <= self.repeat <= 50, "repeat must be 1 .. 50"),
            ],
            "loop settings",
        )


@dataclass
class ProblemOutcome:
    problem_id: str
    best_by_iteration: list[Attempt]  # the best so far after each iteration (0..N)
    attempts_by_iteration: list[list[Attempt]] = field(default_factory=list)  # every candidate of iteration i
    generation_seconds: float = 0.0
    judge_seconds: float = 0.0
    total_seconds: float = 0.0
    completion_tokens: int = 0


def _replay(rows: list[dict[str, Any]], config: LoopConfig) -> dict[int, list[Attempt]]:
    """Attempts of earlier rows of this problem, grouped by iteration."""
    found: dict[int, list[Attempt]] = {}
    for row in rows:
        if row.get("language") == config.language and row.get("objective") == config.objective:
            found.setdefault(row["iteration"], []).append(Attempt.from_dict(row["attempt"], row["code"]))
    return found


def optimize_problem(
    problem: Problem,
    backend: Backend,
    tests: Sequence[TestCase],
    references: References,
    config: LoopConfig,
    log: TrajectoryLog,
    original: str | None = None,
    previous: list[dict[str, Any]] | None = None,
    on_event: Callable[[str], None] | None = None,
) -> ProblemOutcome:
    """Iteration 0 writes from scratch (or measures `original`); then N refinement iterations."""
    started = time.monotonic()
    outcome = ProblemOutcome(problem.id, [])
    say = on_event or (lambda text: None)
    done = _replay(previous or [], config)
    fences = get_language(config.language).fence
    best: Attempt | None = None
    for iteration in range(config.iterations + 1):
        attempts: list[Attempt] = list(done.get(iteration, []))
        from_original = iteration == 0 and original is not None
        missing = (1 if from_original else config.samples) - len(attempts)
        if missing > 0 and from_original:
            judged_at = time.monotonic()
            attempt = judge_attempt(
                problem, config.language, original, tests, references, config.repeat, config.feedback
            )
            outcome.judge_seconds += time.monotonic() - judged_at
            log.append(_row(problem, config, iteration, 0, attempt, None, {"completion": "(original solution)"}))
            attempts.append(attempt)
        elif missing > 0:
            messages = build_messages(_context(problem, config, best), config.template)
            seed = config.generation.seed
            # A fixed seed must not replay the same answer when the best (and so the prompt) did not change.
            varied = {"n": missing, "seed": None if seed is None else seed + 1000 * iteration + len(attempts)}
            generation_config = GenerationConfig(**{**config.generation.__dict__, **varied})
            asked_at = time.monotonic()
            generation = backend.generate(messages, generation_config)
            outcome.generation_seconds += time.monotonic() - asked_at  # includes waiting for a shared model
            outcome.completion_tokens += generation.completion_tokens
            for offset, completion in enumerate(generation.completions):
                sample_id = len(attempts)
                judged_at = time.monotonic()
                code = extract_code(completion.text, fences)
                attempt = judge_attempt(
                    problem, config.language, code, tests, references, config.repeat, config.feedback
                )
                outcome.judge_seconds += time.monotonic() - judged_at
                meta = {
                    "prompt_hash": prompt_hash(messages),
                    "model": generation.model,
                    "backend": generation.backend,
                    "prompt_tokens": completion.prompt_tokens,
                    "completion_tokens": completion.completion_tokens,
                    "generation_seconds": completion.seconds,
                    "finish_reason": completion.finish_reason,
                    "completion": completion.text,
                    "generated_in_batch": offset,
                }
                log.append(_row(problem, config, iteration, sample_id, attempt, code, meta))
                attempts.append(attempt)
        for attempt in attempts:
            if replaces(
                attempt.standing(config.objective), best.standing(config.objective) if best else None, config.noise
            ):
                best = attempt
        assert best is not None
        outcome.best_by_iteration.append(best)
        outcome.attempts_by_iteration.append(attempts)
        say(
            f"problem {problem.id} iteration {iteration}: best {best.verdict} "
            f"{_short(best, config.objective)} ({len(attempts)} candidate(s))"
        )
    outcome.total_seconds = time.monotonic() - started
    return outcome


def _short(attempt: Attempt, objective: str) -> str:
    value = attempt.metrics.get(OBJECTIVES[objective])
    rank = attempt.percentiles.get(OBJECTIVES[objective])
    if value is None:
        return ""
    return f"{OBJECTIVES[objective]}={value:.4g}" + (f" beats {rank * 100:.0f}%" if rank is not None else "")


def _context(problem: Problem, config: LoopConfig, best: Attempt | None) -> PromptContext:
    if best is None or best.code is None:
        return PromptContext(problem, config.language, config.objective)
    performance = performance_text(best) if config.feedback.metrics else ""
    extra = feedback_text(best, config.feedback) if config.template == "afterburner" else ""
    return PromptContext(problem, config.language, config.objective, best.code, performance, extra, not best.passed)


def _row(
    problem: Problem,
    config: LoopConfig,
    iteration: int,
    sample_id: int,
    attempt: Attempt,
    code: str | None,
    meta: dict[str, Any],
) -> dict[str, Any]:
    return {
        "problem_id": problem.id,
        "language": config.language,
        "iteration": iteration,
        "sample_id": sample_id,
        "objective": config.objective,
        "code": attempt.code if code is None else code,
        "verdict": attempt.verdict,
        "attempt": attempt.to_dict(),
        **meta,
    }


def optimize_many(
    problems: Sequence[Problem],
    backend: Backend,
    tests: dict[str, list[TestCase]],
    references: References,
    config: LoopConfig,
    log: TrajectoryLog,
    parallel: int = 2,
    originals: dict[str, str] | None = None,
    on_event: Callable[[str], None] | None = None,
) -> list[ProblemOutcome]:
    """Several problems in flight: one generates while another is judged (judge runs lease cores)."""
    previous = log.rows()

    def one(problem: Problem) -> ProblemOutcome:
        mine = [row for row in previous if row.get("problem_id") == problem.id]
        return optimize_problem(
            problem,
            backend,
            tests[problem.id],
            references,
            config,
            log,
            (originals or {}).get(problem.id),
            mine,
            on_event,
        )

    with ThreadPoolExecutor(max(1, parallel)) as pool:
        return list(pool.map(one, problems))
