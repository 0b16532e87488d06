"""The factory lives apart from the interface, and the CLI's model options reach the spec."""

from __future__ import annotations

import ast
import inspect

import pytest

import afterburner.models
from afterburner.core.errors import UsageError
from afterburner.models import base, factory


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
    from afterburner.cli.optimize import _spec  # here: the CLI imports far more than the models

    for kind in ("hf", "llamacpp"):
        spec = _spec("m", kind, None, None, 3, "partition")
        assert spec.kind == kind and spec.threads == 3
    openai = _spec("m", None, "http://127.0.0.1:9/v1", None, None, "gate")
    assert openai.kind == "openai" and openai.api_key is None  # resolved later: $AFTERBURNER_..., then $OPENAI_...
    assert _spec("m", None, None, None, None, "partition").kind == "llamacpp"
    with pytest.raises(UsageError, match="unknown model backend"):
        _spec("m", "gpt", None, None, None, "partition")
    with pytest.raises(UsageError, match="threads"):
        _spec("m", "hf", None, None, 0, "partition")
    assert _spec("m", None, None, None, None, "gate").placement == "gate"
    with pytest.raises(UsageError, match="unknown placement"):
        _spec("m", None, None, None, None, "share")
