"""The factory lives apart from the interface, and the CLI's model options reach the spec."""

from __future__ import annotations

import ast
import inspect

import pytest

import afterburner.models
from afterburner.core.errors import UsageError
from afterburner.models import base, factory
from afterburner.models.base import ModelSpec


def test_the_interface_imports_no_backend() -> None:
    """base.py is what the backends import: it must not import them back (not even lazily)."""
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(ast.parse(inspect.getsource(base)))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not {name for name in imported if name and name.startswith("afterburner.models")}
    assert not hasattr(base, "create_backend")
    assert afterburner.models.create_backend is factory.create_backend


def test_cli_spec_carries_threads_and_leaves_the_key_to_the_backend() -> None:
    from afterburner.optimize.run_config import OptimizeConfig  # here: it imports far more than the models

    def spec(backend: str | None, base_url: str | None, threads: int | None, placement: str) -> ModelSpec:
        config = OptimizeConfig(model="m", backend=backend, base_url=base_url, threads=threads, placement=placement)
        return config.model_spec()

    for kind in ("hf", "llamacpp"):
        found = spec(kind, None, 3, "partition")
        assert found.kind == kind and found.threads == 3
    openai = spec(None, "http://127.0.0.1:9/v1", None, "gate")
    assert openai.kind == "openai" and openai.api_key is None  # resolved later: $AFTERBURNER_..., then $OPENAI_...
    assert spec(None, None, None, "partition").kind == "llamacpp"
    with pytest.raises(UsageError, match="unknown model backend"):
        spec("gpt", None, None, "partition")
    with pytest.raises(UsageError, match="threads"):
        spec("hf", None, 0, "partition")
    assert spec(None, None, None, "gate").placement == "gate"
    with pytest.raises(UsageError, match="unknown placement"):
        spec(None, None, None, "share")
