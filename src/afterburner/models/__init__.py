"""Language-model backends behind one interface: an OpenAI-compatible server, llama.cpp, or transformers.

Only the light interface is imported here; each backend imports its own dependencies when created.
"""

from __future__ import annotations

from afterburner.models.base import (
    Backend,
    BackendKind,
    Completion,
    Generation,
    GenerationConfig,
    Message,
    MessageLike,
    ModelSpec,
    Progress,
)
from afterburner.models.embedded import DEFAULT_MODEL, MODELS, EmbeddedModel, ensure_model
from afterburner.models.factory import create_backend

__all__ = [
    "DEFAULT_MODEL",
    "MODELS",
    "Backend",
    "BackendKind",
    "Completion",
    "EmbeddedModel",
    "Generation",
    "GenerationConfig",
    "Message",
    "MessageLike",
    "ModelSpec",
    "Progress",
    "create_backend",
    "ensure_model",
]
