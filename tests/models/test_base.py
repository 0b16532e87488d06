"""The backend interface: configuration checks, message handling, the factory."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

import pytest

from afterburner.core.errors import UsageError
from afterburner.models.base import (
    Backend,
    Completion,
    Generation,
    GenerationConfig,
    Message,
    MessageLike,
    ModelSpec,
    to_messages,
)
from afterburner.models.factory import create_backend


def test_config_validation() -> None:
    assert GenerationConfig(stop="\n\n").stop == ("\n\n",)
    for bad in ({"n": 0}, {"max_tokens": 0}, {"temperature": -1}, {"top_p": 0}, {"timeout": 0}):
        with pytest.raises(UsageError):
            GenerationConfig(**bad)


def test_messages_accept_dicts_and_reject_nonsense() -> None:
    assert to_messages([{"role": "user", "content": "hi"}]) == [Message("user", "hi")]
    with pytest.raises(UsageError, match="role"):
        to_messages([{"role": "robot", "content": "hi"}])
    with pytest.raises(UsageError, match="at least one"):
        to_messages([])


def test_spec_validation() -> None:
    with pytest.raises(UsageError, match="unknown model backend"):
        ModelSpec("gpt", "x")
    with pytest.raises(UsageError):
        ModelSpec("openai", "x", concurrency=0)


def test_factory_imports_only_the_chosen_backend() -> None:
    with create_backend(ModelSpec("openai", "m", base_url="http://127.0.0.1:9/v1")) as backend:
        assert backend.kind == "openai" and backend.name == "m"
    # A fresh interpreter: this session's other tests may have loaded the heavy modules already.
    script = (
        "import sys; from afterburner.models import ModelSpec, create_backend; "
        "create_backend(ModelSpec('openai', 'm', base_url='http://127.0.0.1:9/v1')).close(); "
        "print(sorted({'llama_cpp', 'torch', 'transformers', 'numpy'} & set(sys.modules)))"
    )
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_generation_totals_and_context_manager() -> None:
    class Echo(Backend):
        kind = "echo"
        closed = False

        @property
        def name(self) -> str:
            return "echo"

        def generate(self, messages: Sequence[MessageLike], config: GenerationConfig | None = None) -> Generation:
            config = config or GenerationConfig()
            text = to_messages(messages)[-1].content
            completions = [Completion(text, 3, 2, 0.0, "stop") for _ in range(config.n)]
            return Generation(completions, self.name, self.kind, 0.0, 3)

        def close(self) -> None:
            self.closed = True

    with Echo() as echo:
        result = echo.generate([Message("user", "hi")], GenerationConfig(n=3))
    assert result.texts == ["hi"] * 3 and result.completion_tokens == 6
    assert isinstance(echo, Echo) and echo.closed
