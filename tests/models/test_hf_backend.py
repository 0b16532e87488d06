"""The transformers backend on SmolLM2-135M, loaded from its GGUF file (dequantized to float32)."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterburner.models.base import GenerationConfig, Message, ModelSpec
from afterburner.models.factory import create_backend

pytestmark = pytest.mark.slow


@pytest.fixture
def transformers_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("torch", "transformers", "gguf", "accelerate"):
        pytest.importorskip(name, reason=f"{name} is not installed: pip install torch==2.13.0 'afterburner[hf-llm]'")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # everything is local; never reach for the hub


@pytest.mark.usefixtures("transformers_installed")
def test_generates_n_sequences_from_a_gguf(smollm2: Path) -> None:
    import torch

    prompt = [Message("user", "Write a Python function that returns the maximum of a list.")]
    with create_backend(ModelSpec("hf", str(smollm2), threads=1)) as backend:
        assert backend.name == "smollm2-135m"
        assert torch.get_num_threads() == 1 and backend.placement()["threads"] == 1
        result = backend.generate(prompt, GenerationConfig(max_tokens=16, temperature=0.8, n=2, seed=4))
        again = backend.generate(prompt, GenerationConfig(max_tokens=16, temperature=0.8, n=2, seed=4))
        stopped = backend.generate(prompt, GenerationConfig(max_tokens=24, temperature=0.0, stop=("def",)))
    assert result.backend == "hf" and len(result.completions) == 2 and result.prompt_tokens > 10
    for completion in result.completions:
        assert completion.text.strip() and 0 < completion.completion_tokens <= 16
        assert completion.finish_reason in ("stop", "length")
    assert again.texts == result.texts  # seeded sampling repeats
    assert "def" not in stopped.completions[0].text and stopped.completions[0].finish_reason == "stop"
