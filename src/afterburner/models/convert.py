"""GGUF -> a plain transformers folder, once: what training and fast loading need.

A model loaded with `from_pretrained(gguf_file=...)` is dequantized on every load (~20-35 s) and
cannot be trained or saved as is. Converting copies the dequantized weights into a model built
fresh from the same config and saves it with its tokenizer (chat template included), so later
loads take a second or two and trainers get an ordinary model. The folder is cached under the
model cache, keyed by the GGUF's name and size, and written under a temporary name first: a
folder that exists is complete.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.models.base import Progress
from afterburner.models.embedded import MODELS, ensure_model, models_dir

INSTALL_HINT = "install it: pip install torch==2.13.0 'afterburner[hf-llm]' (the CPU build of torch)"
MARKER = "afterburner-convert.json"


def converted_dir(name: str, cache: Path | None = None) -> Path:
    """Where the transformers folder of an embedded model (or a GGUF file) lives once converted."""
    stem = name if name in MODELS else Path(name).stem
    return models_dir(cache) / "hf" / stem


def is_converted(folder: Path) -> bool:
    return (folder / MARKER).is_file() and (folder / "config.json").is_file()


def _say(progress: Progress | None, line: str) -> None:
    if progress is not None:
        progress(line)


def _copy_into_fresh_model(transformers: Any, torch: Any, gguf: Path) -> tuple[Any, Any]:
    options = {"gguf_file": gguf.name}
    tokenizer = transformers.AutoTokenizer.from_pretrained(gguf.parent, **options)
    loaded = transformers.AutoModelForCausalLM.from_pretrained(gguf.parent, **options, dtype=torch.float32)
    # The same architecture without the GGUF quantization record: trainers refuse a quantized model.
    plain = {k: v for k, v in loaded.config.to_dict().items() if k != "quantization_config"}
    config = type(loaded.config).from_dict(plain)
    fresh = transformers.AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    missing, unexpected = fresh.load_state_dict(loaded.state_dict(), strict=False)
    # Tied output embeddings are not a separate tensor in every checkpoint: only that may be missing.
    real_missing = [k for k in missing if not (k.endswith("lm_head.weight") and config.tie_word_embeddings)]
    if real_missing or unexpected:
        raise AfterburnerError(f"converting {gguf.name}: missing {real_missing[:5]}, unexpected {unexpected[:5]}")
    if config.tie_word_embeddings:
        fresh.tie_weights()
    return fresh, tokenizer


def convert_model(name: str, progress: Progress | None = None, *, cache: Path | None = None) -> Path:
    """The transformers folder of an embedded model name or a .gguf path, converting it on first use."""
    target = converted_dir(name, cache)
    if is_converted(target):
        return target
    try:
        import torch
        import transformers
    except ImportError as error:
        raise UsageError(f"converting a model needs {error.name}", INSTALL_HINT) from error
    gguf = ensure_model(name, progress, cache=cache)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / f".{target.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two processes converting at once: the second waits and reuses
        if is_converted(target):
            return target
        started = time.monotonic()
        _say(progress, f"converting {gguf.name} to a transformers folder (once; takes about half a minute)")
        model, tokenizer = _copy_into_fresh_model(transformers, torch, gguf)
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        model.save_pretrained(partial)
        tokenizer.save_pretrained(partial)
        record = {"source": str(gguf), "source_bytes": gguf.stat().st_size, "seconds": time.monotonic() - started}
        (partial / MARKER).write_text(json.dumps(record, indent=2))
        shutil.rmtree(target, ignore_errors=True)
        os.replace(partial, target)
    _say(progress, f"converted {name} to {target}")
    return target
