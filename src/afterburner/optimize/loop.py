"""The loop for one problem, and for many in flight at once."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from afterburner.core.config import identity, require, setting
from afterburner.core.metrics import info
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.datasets.model import Problem
from afterburner.evaluation.metrics import References
from afterburner.judge.executor import JudgeExecutor
from afterburner.judge.measurement import Measurement
from afterburner.languages import all_languages, get_language
from afterburner.models.base import Backend, GenerationConfig, Message
from afterburner.optimize.edits import apply_edits, parse_edits
from afterburner.optimize.extract import extract_code, foreign_language
from afterburner.optimize.feedback import (
    GENERATION_CUT,
    WRONG_LANGUAGE,
    Attempt,
    FeedbackOptions,
    feedback_text,
    head_to_head,
    io_contract,
    judge_attempt,
    performance_text,
)
from afterburner.optimize.prompts import TEMPLATES, PromptContext, build_messages, prompt_hash
from afterburner.optimize.selection import (
    NoisePolicy,
    Standing,
    objective_metrics,
    parse_objectives,
    replaces,
    standing_of,
)
from afterburner.optimize.trajectory import TrajectoryLog


@dataclass(frozen=True)
class LoopConfig:
    """How the loop runs; validated on construction, and the CLI's defaults and help."""

    iterations: int = setting(4, "Refinement iterations after iteration 0.", resumable=True)
    samples: int = setting(2, "Candidates generated per iteration.", resumable=True)
    objective: str = setting(
        "time", "What to optimize: time, memory or integral; 'time,memory' also keeps memory from getting worse."
    )
    language: str = setting("python", "Language to write solutions in.")
    template: str = setting(
        "afterburner",
        "Prompt: afterburner (rich feedback), paper (the paper's prompt: aggregate figures) "
        "or resample (the starting code only, no feedback: a control).",
    )
    measurement: Measurement = field(default_factory=Measurement)
    repair: int = setting(1, "Repair turns for a failed rewrite of a passing best: the model sees its error (0: off).")
    reask: bool = setting(True, "Ask once more when an answer holds no code.")
    first_samples: int = setting(0, "Candidates in the first generated iteration (0: as --samples).")
    precheck: bool = setting(True, "Python: reject syntax errors and undefined names before a sandbox run.")
    answer: str = setting(
        "whole",
        "How the model answers a rewrite: whole (the complete program) or edit (search/replace blocks against "
        "the current code, applied strictly; a failed apply goes back as such).",
    )
    confirm: bool = setting(
        True,
        "Confirm an apparent gain over a passing best on passes of both taken side by side (interleaved) "
        "before the candidate becomes the best.",
    )
    feedback: FeedbackOptions = field(default_factory=FeedbackOptions)
    noise: NoisePolicy = field(default_factory=NoisePolicy)
    generation: GenerationConfig = field(default_factory=lambda: GenerationConfig(max_tokens=1024, temperature=0.7))

    def __post_init__(self) -> None:
        try:
            parse_objectives(self.objective)
            objective_error = ""
        except ValueError as error:
            objective_error = str(error)
        require(
            [
                (0 <= self.iterations <= 100, "iterations must be 0 .. 100"),
                (1 <= self.samples <= 64, "samples must be 1 .. 64"),
                (0 <= self.first_samples <= 64, "first_samples must be 0 .. 64"),
                (not objective_error, objective_error),
                (self.template in TEMPLATES, f"template must be one of {', '.join(TEMPLATES)}"),
                (self.answer in ("whole", "edit"), "answer must be whole or edit"),
                (0 <= self.repair <= 5, "repair must be 0 .. 5"),
            ],
            "loop settings",
        )

    @property
    def primary_metric(self) -> str:
        return objective_metrics(self.objective, self.measurement.metric)[0]

    @property
    def metrics(self) -> tuple[str, ...]:
        """The objective's metrics, primary first."""
        return objective_metrics(self.objective, self.measurement.metric)

    def standing(self, attempt: Attempt) -> Standing:
        return attempt.standing(self.objective, self.measurement.metric)

    def identity(self) -> dict[str, Any]:
        """What a resumed run must share with the trajectories it replays: every setting but the
        resumable ones (iterations, samples), and of generation, all but how many and how long."""
        data = identity(self)
        data["generation"] = {k: v for k, v in data["generation"].items() if k not in ("n", "timeout")}
        return data

    def drafts(self, first_generated: bool) -> int:
        """Candidates to draft in an iteration: `first_samples` in the first one that generates."""
        return self.first_samples if first_generated and self.first_samples else self.samples


@dataclass
class ProblemOutcome:
    problem_id: str
    best_by_iteration: list[Attempt]  # the best so far after each iteration (0..N)
    attempts_by_iteration: list[list[Attempt]] = field(default_factory=list)  # every candidate of iteration i
    generation_seconds: float = 0.0
    judge_seconds: float = 0.0
    total_seconds: float = 0.0
    completion_tokens: int = 0
    turns_by_iteration: list[list[str]] = field(default_factory=list)  # draft, reask or repair, per attempt
    gains_checked: int = 0  # apparent gains over a passing best measured again side by side (`confirm`)
    gains_confirmed: int = 0  # ... that held


@dataclass(frozen=True)
class _Replayed:
    attempt: Attempt
    turn: str


def _replay(rows: list[dict[str, Any]], config: LoopConfig) -> dict[int, list[_Replayed]]:
    """Attempts of earlier rows of this problem, grouped by iteration."""
    found: dict[int, list[_Replayed]] = {}
    for row in rows:
        if row.get("language") == config.language and row.get("objective") == config.objective:
            attempt = Attempt.from_dict(row["attempt"], row["code"])
            found.setdefault(row["iteration"], []).append(_Replayed(attempt, row.get("turn", DRAFT)))
    return found


DRAFT, REASK, REPAIR, ORIGINAL = "draft", "reask", "repair", "original"
CUT = ("length", "timeout")  # finish reasons of an answer that did not end by itself
FENCES = {name: language.fence for name, language in all_languages().items()}
MAX_TOKENS = 8192  # the most an answer is given, sized to the program or asked again after a cut


@dataclass
class _ProblemRun:
    """The state of one problem's loop: its best so far, and how to ask for and judge candidates."""

    problem: Problem
    backend: Backend
    tests: Sequence[TestCase]
    references: References
    config: LoopConfig
    log: TrajectoryLog
    outcome: ProblemOutcome
    start: str | None = None  # the code of iteration 0 when it was given (resample prompts rewrite it)
    best: Attempt | None = None
    executor: JudgeExecutor | None = None  # where candidates are judged (None: this process)

    def judge(self, code: str | None) -> Attempt:
        judged_at = time.monotonic()
        attempt = judge_attempt(
            self.problem,
            self.config.language,
            code,
            self.tests,
            self.references,
            self.config.measurement,
            self.config.feedback,
            precheck=self.config.precheck,
            executor=self.executor,
        )
        self.outcome.judge_seconds += time.monotonic() - judged_at
        return attempt

    def original(self, code: str) -> Attempt:
        attempt = self.judge(code)
        self.log.append(_row(self.problem, self.config, 0, 0, attempt, None, {"completion": "(original solution)"}))
        return attempt

    def ask(
        self, messages: list[Message], iteration: int, n: int, offset: int, budget: float = 1.0
    ) -> list[tuple[str, dict[str, Any]]]:
        """n completions; a fixed seed must not replay the same answer when the prompt did not change.

        An answer cut by `max_tokens` or by the time limit is asked for once more with twice the
        budget (`uncut`); one cut again is recorded as such, never judged.
        """
        seed, base = self.config.generation.seed, self.config.generation
        varied = {
            "n": n,
            "seed": None if seed is None else seed + 1000 * iteration + offset,
            "max_tokens": int(self.room() * budget),
            "timeout": base.timeout * budget,
            "end_after_code": self.config.answer == "whole",  # one fenced block is read; nothing after it
        }
        asked_at = time.monotonic()
        generation = self.backend.generate(messages, GenerationConfig(**{**base.__dict__, **varied}))
        self.outcome.generation_seconds += time.monotonic() - asked_at  # includes waiting for a shared model
        self.outcome.completion_tokens += generation.completion_tokens
        return [
            (
                completion.text,
                {
                    "prompt_hash": prompt_hash(messages),
                    "model": generation.model,
                    "backend": generation.backend,
                    "prompt_tokens": completion.prompt_tokens,
                    "completion_tokens": completion.completion_tokens,
                    "generation_seconds": completion.seconds,
                    "finish_reason": completion.finish_reason,
                    "end_after_code": varied["end_after_code"],  # asked to end with its code block (llamacpp does)
                    "completion": completion.text,
                    "generated_in_batch": index,
                },
            )
            for index, completion in enumerate(generation.completions)
        ]

    def room(self) -> int:
        """Tokens an answer may take: the configured budget, or more for a long program to rewrite
        (a whole-file answer repeats it: about one token per 3 characters, plus room to explain)."""
        code = (self.best.code if self.best is not None else None) or self.start or ""
        return min(MAX_TOKENS, max(self.config.generation.max_tokens, len(code) // 3 + 256))

    def uncut(
        self, messages: list[Message], iteration: int, answer: tuple[str, dict[str, Any]], offset: int
    ) -> tuple[str, dict[str, Any]]:
        """An answer that was cut (max_tokens or the time limit), asked for again with twice the budget."""
        text, meta = answer
        if meta["finish_reason"] not in CUT:
            return answer
        (text, again), *_ = self.ask(messages, iteration, 1, offset, budget=2.0)
        again["asked_again_after"] = f"{meta['finish_reason']} at {meta['completion_tokens']} tokens"
        return text, again

    def record(
        self,
        iteration: int,
        sample_id: int,
        text: str,
        meta: dict[str, Any],
        turn: str,
        of: int | None,
        base: str | None = None,
    ) -> Attempt:
        """Judge an answer: its code, or `base` (the code the prompt showed) with the answer's edits."""
        edits = parse_edits(text) if self.config.answer == "edit" and base is not None else []
        edited = apply_edits(base, edits) if edits and base is not None else None
        language = get_language(self.config.language)
        code = edited.code if edited is not None else extract_code(text, language.fence)
        other = foreign_language(text, language.fence, FENCES) if edited is None else None
        if meta.get("finish_reason") in CUT:  # still cut after the larger budget: no answer, not the code's fault
            reason = f"{GENERATION_CUT} ({meta['finish_reason']} at {meta.get('completion_tokens', '?')} tokens)"
            attempt = Attempt.unjudged(code, Verdict.CE, reason, len(self.tests))
        elif edited is not None and edited.code is None:  # the edits did not apply: the base code, and why
            attempt = Attempt.unjudged(base, Verdict.CE, edited.error, len(self.tests))
        elif other is not None:  # not judged as the language asked for: it would fail for the wrong reason
            reason = f"{WRONG_LANGUAGE}{other}, asked for {language.name}"
            attempt = Attempt.unjudged(code, Verdict.CE, reason, len(self.tests))
        else:
            attempt = self.judge(code)
        if edits:
            meta = {**meta, "edits": len(edits)}
        extra = {"turn": turn, **({"repair_of": of} if of is not None else {})}
        self.log.append(_row(self.problem, self.config, iteration, sample_id, attempt, code, {**meta, **extra}))
        return attempt

    def generate(self, iteration: int, missing: int, taken: int) -> list[tuple[Attempt, str]]:
        """Draft `missing` candidates; re-ask once for an answer without code; repair a failed rewrite."""
        context = _context(self.problem, self.config, self.best, self.start, self.tests)
        messages = build_messages(context, self.config.template)
        found: list[tuple[Attempt, str]] = []
        for answer in self.ask(messages, iteration, missing, taken):
            text, meta = self.uncut(messages, iteration, answer, 300 + taken + len(found))
            attempt = self.record(iteration, taken + len(found), text, meta, DRAFT, None, context.code)
            draft_id = taken + len(found)
            found.append((attempt, DRAFT))
            if attempt.code is None and self.config.reask and not attempt.failure.startswith(GENERATION_CUT):
                answer, *_ = self.ask(messages, iteration, 1, 500 + draft_id)
                text, meta = self.uncut(messages, iteration, answer, 600 + draft_id)
                attempt = self.record(iteration, taken + len(found), text, meta, REASK, draft_id, context.code)
                found.append((attempt, REASK))
            found.extend(self.repairs(iteration, attempt, taken + len(found) - 1, taken + len(found)))
        return found

    def repairs(self, iteration: int, failed: Attempt, failed_id: int, next_id: int) -> list[tuple[Attempt, str]]:
        """Up to `repair` turns for a failed rewrite of a passing best: its own code and error go back."""
        found: list[tuple[Attempt, str]] = []
        if self.config.template == "resample" or self.best is None or not self.best.passed:
            return found
        for turn in range(self.config.repair):
            if failed.passed or failed.code is None or failed.verdict is Verdict.IE:
                break
            context = PromptContext(
                self.problem,
                self.config.language,
                self.config.objective,
                failed.code,
                feedback=feedback_text(failed, self.config.feedback),
                failed=True,
                repair=True,
                contract=_contract(self.problem, self.config, self.tests),
                answer=self.config.answer,
            )
            messages = build_messages(context, self.config.template)
            answer, *_ = self.ask(messages, iteration, 1, 700 + 10 * failed_id + turn)
            text, meta = self.uncut(messages, iteration, answer, 800 + 10 * failed_id + turn)
            failed = self.record(iteration, next_id + len(found), text, meta, REPAIR, failed_id, context.code)
            failed_id = next_id + len(found)
            found.append((failed, REPAIR))
        return found

    def keep_best(self, attempts: Sequence[Attempt]) -> None:
        for attempt in attempts:
            current = self.config.standing(self.best) if self.best else None
            if replaces(self.config.standing(attempt), current, self.config.noise) and self.confirmed(attempt):
                self.best = attempt

    def confirmed(self, attempt: Attempt) -> bool:
        """Does an apparent gain of a passing candidate over a passing best hold side by side?

        Their figures were taken at different times; both are measured again in one interleaved
        batch and the keep-best rule decides on those passes. A candidate that fails this time
        does not become the best; one that passes against a best that fails does.
        """
        best = self.best
        if not self.config.confirm or best is None or not (best.passed and attempt.passed):
            return True
        if all(info(metric).exact for metric in self.config.metrics):
            return True  # exact counts do not depend on when or beside what they were taken
        if best.code is None or attempt.code is None:
            return True
        judged_at = time.monotonic()
        old, new = head_to_head(
            self.problem,
            self.config.language,
            best.code,
            attempt.code,
            self.tests,
            self.config.measurement,
            executor=self.executor,
        )
        self.outcome.judge_seconds += time.monotonic() - judged_at
        objective, total, ranking = self.config.objective, len(self.tests), self.config.measurement.metric
        if new is None or old is None:
            held = new is not None
        else:
            held = replaces(
                standing_of(True, total, new, objective, ranking),
                standing_of(True, total, old, objective, ranking),
                self.config.noise,
            )
        self.outcome.gains_checked += 1
        self.outcome.gains_confirmed += held
        return held


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
    executor: JudgeExecutor | None = None,
) -> ProblemOutcome:
    """Iteration 0 writes from scratch (or measures `original`); then N refinement iterations.

    A failed rewrite of a passing best gets up to `config.repair` repair turns in the same
    iteration (its code and error go back to the model); the best so far stays until a
    candidate beats it beyond noise.
    """
    started = time.monotonic()
    outcome = ProblemOutcome(problem.id, [])
    run = _ProblemRun(problem, backend, tests, references, config, log, outcome, original, executor=executor)
    say = on_event or (lambda text: None)
    done = _replay(previous or [], config)
    generated_before = False
    for iteration in range(config.iterations + 1):
        replayed = done.get(iteration, [])
        found = [(r.attempt, r.turn) for r in replayed]
        drafts = sum(r.turn in (DRAFT, ORIGINAL) for r in replayed)
        if iteration == 0 and original is not None:
            if not found:
                found.append((run.original(original), ORIGINAL))
        else:
            missing = config.drafts(not generated_before) - drafts
            if missing > 0:
                found.extend(run.generate(iteration, missing, len(found)))
            generated_before = True
        attempts = [attempt for attempt, _ in found]
        run.keep_best(attempts)
        assert run.best is not None
        run.outcome.best_by_iteration.append(run.best)
        run.outcome.attempts_by_iteration.append(attempts)
        run.outcome.turns_by_iteration.append([turn for _, turn in found])
        say(
            f"problem {problem.id} iteration {iteration}: best {run.best.verdict} "
            f"{_short(run.best, config.primary_metric)} ({len(attempts)} candidate(s))"
        )
    run.outcome.total_seconds = time.monotonic() - started
    return run.outcome


def _short(attempt: Attempt, metric: str) -> str:
    value = attempt.metrics.get(metric)
    rank = attempt.percentiles.get(metric)
    if value is None:
        return ""
    return f"{metric}={value:.4g}" + (f" beats {rank * 100:.0f}%" if rank is not None else "")


def _contract(problem: Problem, config: LoopConfig, tests: Sequence[TestCase]) -> str:
    return io_contract(problem, [t for t in problem.tests] or list(tests)[:1]) if config.feedback.contract else ""


def _context(
    problem: Problem, config: LoopConfig, best: Attempt | None, start: str | None, tests: Sequence[TestCase]
) -> PromptContext:
    contract = _contract(problem, config, tests) if config.template == "afterburner" else ""
    if config.template == "resample":  # the control: the starting code (or scratch) every time, no feedback
        return PromptContext(problem, config.language, config.objective, start)
    if best is None or best.code is None:
        return PromptContext(problem, config.language, config.objective, contract=contract)
    performance = performance_text(best) if config.feedback.metrics else ""
    extra = feedback_text(best, config.feedback) if config.template == "afterburner" else ""
    answer = config.answer if config.template == "afterburner" else "whole"
    return PromptContext(
        problem,
        config.language,
        config.objective,
        best.code,
        performance,
        extra,
        not best.passed,
        contract=contract,
        answer=answer,
    )


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
    executor: JudgeExecutor | None = None,
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
            executor,
        )

    with ThreadPoolExecutor(max(1, parallel)) as pool:
        return list(pool.map(one, problems))
