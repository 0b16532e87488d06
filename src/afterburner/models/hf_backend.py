"""A local transformers causal LM on the CPU: a model directory, or a GGUF file dequantized on load."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.models.base import (
    Backend,
    Completion,
    Generation,
    GenerationConfig,
    MessageLike,
    ModelSpec,
    Progress,
    local_placement,
    local_threads,
    to_messages,
)
from afterburner.models.convert import INSTALL_HINT, converted_dir, is_converted
from afterburner.models.embedded import MODELS, ensure_model
from afterburner.sandbox.cores import pin_to_host_cores


def _import() -> tuple[Any, Any]:
    try:
        import torch
        import transformers
    except ImportError as error:
        raise UsageError(f"the hf backend needs {error.name}", INSTALL_HINT) from error
    return torch, transformers


def resolve_source(model: str, progress: Progress | None) -> tuple[Path, str | None]:
    """(directory, gguf file name or None) for from_pretrained.

    An embedded model already converted (`afterburner models convert`) loads from its folder; the
    output folder of `afterburner train` loads from its `model/` subfolder (the merged model).
    """
    if model in MODELS:
        converted = converted_dir(model)
        model = str(converted if is_converted(converted) else ensure_model(model, progress))
    path = Path(model).expanduser()
    if path.is_file() and path.suffix == ".gguf":
        return path.parent, path.name
    if path.is_dir() and not (path / "config.json").is_file() and (path / "model" / "config.json").is_file():
        return path / "model", None
    if path.is_dir():
        return path, None
    raise UsageError(f"no transformers model at {model!r}", "give a model directory, a .gguf file or an embedded name")


def trim_at_stop(text: str, stop: Sequence[str]) -> tuple[str, bool]:
    """Cut the text before the first stop string, as OpenAI servers do."""
    cuts = [text.find(s) for s in stop if s and s in text]
    return (text[: min(cuts)], True) if cuts else (text, False)


class HFBackend(Backend):
    kind = "hf"

    def __init__(self, spec: ModelSpec, progress: Progress | None = None) -> None:
        # Before torch loads and starts its thread pools: they inherit the host cores' mask.
        pin_to_host_cores()
        torch, transformers = _import()
        # Threads are per process in torch: at most one per host core, off the measure cores.
        self._threads = local_threads(spec.threads)
        torch.set_num_threads(self._threads)
        directory, gguf_file = resolve_source(spec.model, progress)
        options: dict[str, Any] = {"gguf_file": gguf_file} if gguf_file else {}
        try:
            self._tokenizer = transformers.AutoTokenizer.from_pretrained(directory, **options)
            self._model = transformers.AutoModelForCausalLM.from_pretrained(
                directory, **options, **dict(spec.extra), dtype=torch.float32
            )
        except (OSError, ValueError) as error:
            raise AfterburnerError(f"transformers cannot load {spec.model}: {error}") from error
        self._model.eval()
        self._torch = torch
        if spec.model in MODELS:
            self._name = spec.model
        else:
            self._name = Path(gguf_file).stem if gguf_file else directory.name
        self._lock = threading.Lock()  # one generate at a time: torch already uses the allotted threads

    @property
    def name(self) -> str:
        return self._name

    def placement(self) -> dict[str, object]:
        return local_placement(self._threads)

    def generate(self, messages: Sequence[MessageLike], config: GenerationConfig | None = None) -> Generation:
        config = config or GenerationConfig()
        chat = [message.as_dict() for message in to_messages(messages)]
        inputs = self._tokenizer.apply_chat_template(
            chat, add_generation_prompt=True, return_tensors="pt", return_dict=True
        )
        prompt_tokens = int(inputs["input_ids"].shape[1])
        sampling: dict[str, Any] = {"do_sample": config.temperature > 0}
        if config.temperature > 0:
            sampling.update(temperature=config.temperature, top_p=config.top_p)
        if config.stop:
            sampling.update(stop_strings=list(config.stop), tokenizer=self._tokenizer)
        eos = self._model.generation_config.eos_token_id
        pad = self._tokenizer.pad_token_id if self._tokenizer.pad_token_id is not None else eos
        if isinstance(pad, list):
            pad = pad[0]
        with self._lock:
            if config.seed is not None:
                self._torch.manual_seed(config.seed)
            started = time.perf_counter()
            with self._torch.inference_mode():
                output = self._model.generate(
                    **inputs,
                    max_new_tokens=config.max_tokens,
                    num_return_sequences=config.n,
                    max_time=config.timeout,
                    pad_token_id=pad,
                    **sampling,
                )
            seconds = time.perf_counter() - started
        completions = [
            self._completion(row[prompt_tokens:].tolist(), pad, eos, prompt_tokens, seconds, config) for row in output
        ]
        return Generation(completions, self.name, self.kind, seconds, prompt_tokens)

    def _completion(
        self,
        tokens: list[int],
        pad: int,
        eos: int | list[int] | None,
        prompt_tokens: int,
        seconds: float,
        config: GenerationConfig,
    ) -> Completion:
        ends = set(eos if isinstance(eos, list) else [eos] if eos is not None else [])
        # Shorter sequences of the batch are padded after their end token; count what was generated.
        length = next((i + 1 for i, token in enumerate(tokens) if token in ends), len(tokens))
        while length > 0 and tokens[length - 1] == pad and pad not in ends:
            length -= 1
        text = self._tokenizer.decode(tokens[:length], skip_special_tokens=True)
        text, stopped = trim_at_stop(text, config.stop)
        ended = length < len(tokens) or (length > 0 and tokens[length - 1] in ends)
        reason = "stop" if stopped or ended else "length" if length >= config.max_tokens else "timeout"
        return Completion(text, prompt_tokens, length, seconds, reason)
