"""Pick the backend for a ModelSpec.

Apart from base.py (so the interface never depends on its implementations): each backend module is
imported only when its kind is asked for, so choosing openai never loads torch or llama.cpp.
"""

from __future__ import annotations

from afterburner.models.base import Backend, ModelSpec, Progress


def create_backend(spec: ModelSpec, progress: Progress | None = None) -> Backend:
    """Build the backend for the spec; only that backend's dependencies get imported."""
    if spec.kind == "openai":
        from afterburner.models.openai_backend import OpenAIBackend

        return OpenAIBackend(spec)
    if spec.kind == "llamacpp":
        from afterburner.models.llamacpp_backend import LlamaCppBackend

        return LlamaCppBackend(spec, progress=progress)
    if spec.kind == "hf":
        from afterburner.models.hf_backend import HFBackend

        return HFBackend(spec, progress=progress)
    raise AssertionError(f"ModelSpec admitted an unknown kind {spec.kind!r}")
