"""Generation speed of each available model backend, as one JSON object of tokens_per_s_<backend> figures.

Backends whose dependencies or models are missing are left out (listed under "skipped").
Run with the venv's python: python benchmarks/models.py [--max-tokens 64] [--rounds 2]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from afterburner.models.base import Backend, GenerationConfig, Message, ModelSpec
from afterburner.models.embedded import MODELS, ensure_model, models_dir
from afterburner.models.factory import create_backend

PROMPT = [
    Message("system", "You are an expert programmer. Answer with code only."),
    Message("user", "Write a fast Python function that returns the number of primes below n."),
]


def speed(backend: Backend, max_tokens: int, rounds: int) -> float:
    """Completion tokens per wall second over `rounds` greedy generations (after one warm-up)."""
    config = GenerationConfig(max_tokens=max_tokens, temperature=0.0, seed=1)
    backend.generate(PROMPT, GenerationConfig(max_tokens=4, temperature=0.0))
    tokens, seconds = 0, 0.0
    for _ in range(rounds):
        result = backend.generate(PROMPT, config)
        tokens += result.completion_tokens
        seconds += result.seconds
    return round(tokens / seconds, 2)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def llama_server(model: Path, port: int) -> Iterator[str]:
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1"]
    command += ["--port", str(port), "--n_ctx", "2048", "--n_threads", "2"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base_url}/models", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("llama_cpp.server did not start") from None
                time.sleep(0.5)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="accepted for symmetry: the output is always JSON")
    args = parser.parse_args()
    # Python puts this folder first on sys.path, and its profile.py would shadow the stdlib module torch imports.
    here = Path(__file__).resolve().parent
    sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != here]
    report: dict[str, object] = {"max_tokens": args.max_tokens, "rounds": args.rounds}
    skipped: list[str] = []
    have_llama = importlib.util.find_spec("llama_cpp") is not None
    # Downloading the tiny model is cheap; bigger models are measured only when already cached.
    tiny = ensure_model("smollm2-135m")
    local = [name for name in ("qwen2.5-coder-0.5b", "qwen2.5-coder-1.5b") if (models_dir() / f"{name}.gguf").is_file()]
    for name in ["smollm2-135m", *local]:
        key = f"tokens_per_s_llamacpp_{name}"
        if not have_llama:
            skipped.append(f"{key}: llama-cpp-python is not installed")
            continue
        with create_backend(ModelSpec("llamacpp", name)) as backend:
            report[key] = speed(backend, args.max_tokens, args.rounds)
    report["tokens_per_s_llamacpp"] = report.get("tokens_per_s_llamacpp_smollm2-135m")
    if have_llama and importlib.util.find_spec("fastapi") is not None:
        with (
            llama_server(tiny, free_port()) as base_url,
            create_backend(ModelSpec("openai", "smollm2", base_url=base_url)) as backend,
        ):
            report["tokens_per_s_openai"] = speed(backend, args.max_tokens, args.rounds)
    else:
        skipped.append("tokens_per_s_openai: llama-cpp-python[server] is not installed")
    if importlib.util.find_spec("transformers") is not None and importlib.util.find_spec("gguf") is not None:
        with create_backend(ModelSpec("hf", "smollm2-135m")) as backend:
            report["tokens_per_s_hf"] = speed(backend, args.max_tokens, args.rounds)
    else:
        skipped.append("tokens_per_s_hf: transformers and gguf are not installed")
    report["skipped"] = skipped
    report["models"] = sorted(MODELS)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
