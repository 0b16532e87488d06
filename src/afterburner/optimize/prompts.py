"""Prompts built from templates shipped as package data: the paper's format and ours."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from string import Template

from afterburner.datasets.model import Problem, Style
from afterburner.languages import get_language
from afterburner.models.base import Message

TEMPLATES = ("afterburner", "paper")
OBJECTIVE_TEXT = {
    "time": "time-efficient (low CPU time)",
    "memory": "memory-efficient (low peak memory)",
    "integral": "time- and memory-efficient (low memory-time integral)",
}


@dataclass(frozen=True)
class PromptContext:
    problem: Problem
    language: str
    objective: str
    code: str | None = None  # the current best solution; None: write one from scratch
    performance: str = ""  # its measured performance, rendered
    feedback: str = ""  # richer execution feedback (our template only)
    failed: bool = False


def _template(name: str) -> Template:
    if name not in TEMPLATES:
        raise ValueError(f"unknown prompt template {name!r}; choose one of {', '.join(TEMPLATES)}")
    return Template((resources.files("afterburner.optimize") / "templates" / f"{name}.md").read_text())


def _task(context: PromptContext) -> str:
    objective = OBJECTIVE_TEXT[context.objective]
    if context.code is None:
        return f"Write a correct and {objective} solution."
    if context.failed:
        return "The solution above is wrong or crashes: fix it, keeping it efficient."
    return f"The solution above is correct: rewrite it to be more {objective}, keeping it correct."


def build_messages(context: PromptContext, template: str = "afterburner") -> list[Message]:
    """One user message (small code models follow a single turn best)."""
    fence = get_language(context.language).fence[0]
    original = ""
    if context.code is not None:
        original = f"## Current solution\n```{fence}\n{context.code.rstrip()}\n```\n\n"
        if context.performance:
            original += f"## Its measured performance\n{context.performance.strip()}\n\n"
    feedback = f"## Execution feedback\n{context.feedback.strip()}\n\n" if context.feedback.strip() else ""
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
        objective_text=OBJECTIVE_TEXT[context.objective],
    )
    return [Message("user", text)]


def prompt_hash(messages: list[Message]) -> str:
    digest = hashlib.sha256()
    for message in messages:
        digest.update(f"{message.role}\0{message.content}\1".encode())
    return digest.hexdigest()[:16]
