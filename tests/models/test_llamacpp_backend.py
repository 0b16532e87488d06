"""The llama.cpp backend on the real tiny SmolLM2-135M model."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from afterburner.core.errors import AfterburnerError
from afterburner.models.base import GenerationConfig, Message, ModelSpec, code_block_closed
from afterburner.models.factory import create_backend

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("llama_cpp_installed")]

PROMPT = [Message("user", "Write a Python function that returns the sum of a list of integers.")]


def test_generates_n_short_completions(smollm2: Path) -> None:
    with create_backend(ModelSpec("llamacpp", str(smollm2), n_ctx=1024)) as backend:
        assert backend.name == "smollm2-135m"  # the file name
        result = backend.generate(PROMPT, GenerationConfig(max_tokens=16, temperature=0.8, n=2, seed=3))
        again = backend.generate(PROMPT, GenerationConfig(max_tokens=16, temperature=0.8, n=2, seed=3))
    assert result.backend == "llamacpp" and len(result.completions) == 2
    for completion in result.completions:
        assert completion.text.strip()
        assert 0 < completion.completion_tokens <= 16
        assert completion.finish_reason in ("stop", "length")
        assert completion.seconds > 0
    assert result.prompt_tokens > 10
    assert result.completion_tokens == sum(c.completion_tokens for c in result.completions)
    assert again.texts == result.texts  # seeded sampling repeats


def test_stop_strings_timeout_and_threads(smollm2: Path) -> None:
    with create_backend(ModelSpec("llamacpp", str(smollm2), n_ctx=512)) as backend:
        stopped = backend.generate(PROMPT, GenerationConfig(max_tokens=48, temperature=0.0, stop=("def",)))
        assert "def" not in stopped.completions[0].text
        late = backend.generate(PROMPT, GenerationConfig(max_tokens=200, temperature=0.0, timeout=0.05))
        assert late.completions[0].finish_reason == "timeout"
        # Calls from several threads take turns on the one llama.cpp context.
        results: list[int] = []
        config = GenerationConfig(max_tokens=8, temperature=0.0)
        threads = [threading.Thread(target=lambda: results.append(len(backend.generate(PROMPT, config).texts)))]
        threads.append(threading.Thread(target=lambda: results.append(len(backend.generate(PROMPT, config).texts))))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert results == [1, 1]
        with pytest.raises(AfterburnerError, match="n_ctx"):
            backend.generate([Message("user", "word " * 2000)], GenerationConfig(max_tokens=8))


def test_prompt_lookup_speculation_leaves_greedy_output_unchanged(smollm2: Path) -> None:
    """Speculation only proposes tokens; the model still decides each one: greedy text is identical."""
    code = "def total(values):\n    result = 0\n    for value in values:\n        result = result + value\n"
    code += "    return result\n"
    # Longer than one llama.cpp batch (512 tokens): drafts are checked against logits of many positions.
    code += "".join(f"# note {i}: the values are integers, the list may be empty\n" for i in range(60))
    prompt = [Message("user", f"Rewrite this Python function to be shorter, keep its name:\n```python\n{code}```")]
    config = GenerationConfig(max_tokens=64, temperature=0.0)
    texts = []
    for speculate, cache in ((0, 0), (8, 0), (8, 64)):
        spec = ModelSpec("llamacpp", str(smollm2), n_ctx=2048, speculate=speculate, prompt_cache_mb=cache)
        with create_backend(spec) as backend:
            texts.append(backend.generate(prompt, config).texts[0])
            if cache:  # the same prompt again, from the saved state
                texts.append(backend.generate(prompt, config).texts[0])
    assert texts[0].strip() and all(text == texts[0] for text in texts), texts


def test_an_answer_ends_with_its_code_block_and_is_otherwise_the_same(smollm2: Path) -> None:
    """`end_after_code`: greedy text up to the end of the first closed code block, then the end token."""
    prompt = [Message("user", "Write a Python function that adds two numbers, in a ```python block, then explain it.")]
    with create_backend(ModelSpec("llamacpp", str(smollm2), n_ctx=1024)) as backend:
        full = backend.generate(prompt, GenerationConfig(max_tokens=300, temperature=0.0)).completions[0]
        ended = backend.generate(prompt, GenerationConfig(max_tokens=300, temperature=0.0, end_after_code=True))
    (short,) = ended.completions
    assert code_block_closed(full.text), full.text  # the tiny model writes a block, then more
    closing = re.search(r"^```[^\n`]*\n.*?^```[ \t]*\n", full.text, re.DOTALL | re.MULTILINE)
    assert closing is not None and closing.end() < len(full.text.rstrip())
    assert full.text.startswith(short.text) and short.text.rstrip() == full.text[: closing.end()].rstrip()
    assert short.finish_reason == "stop" and short.completion_tokens < full.completion_tokens


def test_a_closed_code_block_is_an_opening_fence_then_a_bare_closing_one() -> None:
    assert code_block_closed("plan\n```python\nx = 1\n```\n")
    assert code_block_closed("```\nx = 1\n```\nmore")
    assert not code_block_closed("plan\n```python\nx = 1\n```")  # the line may go on (```python opens)
    assert not code_block_closed("```python\nx = 1\n```python\n")  # an info string opens, never closes
    assert not code_block_closed("inline ```x``` text\n")
