"""A model that answers from a script and records its prompts: exact assertions on the loop."""

from __future__ import annotations

from collections.abc import Sequence

from afterburner.judge.measurement import Measurement
from afterburner.models.base import Backend, Completion, Generation, GenerationConfig, MessageLike, to_messages


class ScriptedBackend(Backend):
    kind = "scripted"

    def __init__(self, answers: list[str]) -> None:
        self.answers = answers
        self.prompts: list[str] = []

    @property
    def name(self) -> str:
        return "scripted"

    def generate(self, messages: Sequence[MessageLike], config: GenerationConfig | None = None) -> Generation:
        config = config or GenerationConfig()
        self.prompts.append(to_messages(messages)[-1].content)
        texts = [self.answers.pop(0) for _ in range(config.n)]
        completions = [Completion(t, 100, 50, 0.01, "stop") for t in texts]
        return Generation(completions, "scripted", self.kind, 0.01 * len(texts), 100)


def fenced(code: str) -> str:
    return f"Here is my solution.\n```python\n{code}```\nIt is fast."


def clock(repeat: int = 1) -> Measurement:
    """Clock-only settings, for tests of the loop's mechanics that do not need exact counts (faster)."""
    return Measurement(repeat, metric="cpu_time", counter="off")
