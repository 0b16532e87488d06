"""The OpenAI backend against a real OpenAI-compatible server: llama-cpp-python's, serving SmolLM2-135M."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from afterburner.models.base import GenerationConfig, Message, ModelSpec
from afterburner.models.factory import create_backend

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("llama_cpp_server_installed")]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def llama_server(model: Path, log: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Start `python -m llama_cpp.server` on a free loopback port, wait until it answers, stop it after."""
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1"]
    command += ["--port", str(port), "--n_ctx", "2048", "--n_threads", "2"]
    # A file, not a pipe: the server logs a lot at start, and a full pipe would block it.
    with open(log, "wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{base_url}/models", timeout=2).status_code == 200:
                    break
            if process.poll() is not None:
                error = log.read_text(errors="replace")[-2000:]
                pytest.fail(f"llama_cpp.server exited with {process.returncode}: {error}")
            if time.monotonic() > deadline:
                pytest.fail("llama_cpp.server was not ready within 60 s")
            time.sleep(0.3)
        yield base_url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_n_completions_from_a_real_server(smollm2: Path, tmp_path: Path) -> None:
    prompt = [Message("system", "You write Python."), Message("user", "Write a function that reverses a string.")]
    with llama_server(smollm2, tmp_path / "server.log") as (base_url, process):
        with create_backend(ModelSpec("openai", "", base_url=base_url, concurrency=2)) as backend:
            result = backend.generate(prompt, GenerationConfig(max_tokens=12, temperature=0.7, n=2, seed=7))
            assert backend.name  # the model id, asked of the server
        assert process.poll() is None
    assert len(result.completions) == 2 and result.backend == "openai"
    assert result.prompt_tokens > 10
    for completion in result.completions:
        assert completion.text.strip()
        assert 0 < completion.completion_tokens <= 12
        assert completion.prompt_tokens == result.prompt_tokens
        assert completion.finish_reason in ("stop", "length")
    # The server is gone: its process has exited and its port refuses connections.
    assert process.returncode is not None
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{base_url}/models", timeout=2)
