"""Prompts built from templates shipped as package data: the paper's format and ours."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from string import Template

from afterburner.datasets.model import Problem, Style
from afterburner.languages import get_language
from afterburner.models.base import Message

TEMPLATES = ("afterburner", "paper", "resample")
# resample is the control arm: our template, but always the starting code and never any feedback.
TEMPLATE_FILES = {"afterburner": "afterburner", "paper": "paper", "resample": "afterburner"}
OBJECTIVE_TEXT = {
    "time": "time-efficient (low CPU time)",
    "memory": "memory-efficient (low peak memory)",
    "integral": "time- and memory-efficient (low memory-time integral)",
}


GUARD_TEXT = {"time": "more CPU time", "memory": "more peak memory", "integral": "a larger memory-time integral"}


def objective_text(objective: str) -> str:
    """'time' -> the time wording; 'time,memory' -> the time wording, without using more peak memory."""
    primary, *others = [name.strip() for name in objective.split(",")]
    text = OBJECTIVE_TEXT[primary]
    if others:
        text += " without using " + " or ".join(GUARD_TEXT[name] for name in others)
    return text


@dataclass(frozen=True)
class PromptContext:
    problem: Problem
    language: str
    objective: str
    code: str | None = None  # the current best solution; None: write one from scratch
    performance: str = ""  # its measured performance, rendered
    feedback: str = ""  # richer execution feedback (our template only)
    failed: bool = False
    repair: bool = False  # `code` is the model's own failed rewrite of a passing best: fix it
    contract: str = ""  # the problem's input/output contract, restated compactly ("" to leave it out)
    answer: str = "whole"  # "edit": search/replace blocks against `code` (only where there is code)


def _template(name: str) -> Template:
    if name not in TEMPLATES:
        raise ValueError(f"unknown prompt template {name!r}; choose one of {', '.join(TEMPLATES)}")
    return Template((resources.files("afterburner.optimize") / "templates" / f"{TEMPLATE_FILES[name]}.md").read_text())


def _task(context: PromptContext) -> str:
    objective = objective_text(context.objective)
    if context.code is None:
        return f"Write a correct and {objective} solution."
    if context.repair:
        return (
            "The solution above is your rewrite of a correct solution, and it fails (see the feedback). "
            f"Fix the error, keeping the rewrite {objective}."
        )
    if context.failed:
        return "The solution above is wrong or crashes: fix it, keeping it efficient."
    return f"The solution above is correct: rewrite it to be more {objective}, keeping it correct."


WHOLE_FORMAT = (
    "Reply with the complete solution in one ```$fence fenced code block. A short plan before the block is fine; "
    "nothing after it."
)
EDIT_FORMAT = """Reply with your changes to the current solution as search/replace blocks (a short plan first is fine):
<<<<<<< SEARCH
exact lines of the current solution, copied character for character (enough of them to be unique)
=======
the lines that replace them
>>>>>>> REPLACE
Use as many blocks as you need, in order. Lines you do not mention stay as they are."""


def answer_format(context: PromptContext, fence: str) -> str:
    """How to answer: a whole file, or (a rewrite of existing code, when asked) edits to it."""
    if context.answer == "edit" and context.code is not None:
        return EDIT_FORMAT
    return WHOLE_FORMAT.replace("$fence", fence)


def build_messages(context: PromptContext, template: str = "afterburner") -> list[Message]:
    """One user message (small code models follow a single turn best)."""
    fence = get_language(context.language).fence[0]
    original = ""
    if context.code is not None:
        original = f"## Current solution\n```{fence}\n{context.code.rstrip()}\n```\n\n"
        if context.performance:
            original += f"## Its measured performance\n{context.performance.strip()}\n\n"
    feedback = f"## Execution feedback\n{context.feedback.strip()}\n\n" if context.feedback.strip() else ""
    if context.contract.strip():
        feedback = f"## Input/output contract\n{context.contract.strip()}\n\n" + feedback
    function_style = context.problem.style is Style.FUNCTION
    interface = (
        "Complete this code (no main program: a runner calls it):"
        if function_style
        else "A whole program: read standard input, write standard output. Starting point:"
    )
    text = _template(template).safe_substitute(
        language=get_language(context.language).display,
        fence=fence,
        problem=context.problem.description.strip(),
        starter=context.problem.starters.get(context.language, "").rstrip(),
        interface=interface,
        original_section=original,
        feedback_section=feedback,
        task=_task(context),
        objective_text=objective_text(context.objective),
        answer_format=answer_format(context, fence),
    )
    return [Message("user", text)]


def prompt_hash(messages: list[Message]) -> str:
    digest = hashlib.sha256()
    for message in messages:
        digest.update(f"{message.role}\0{message.content}\1".encode())
    return digest.hexdigest()[:16]
