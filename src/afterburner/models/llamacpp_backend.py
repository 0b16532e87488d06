"""A local GGUF model through llama-cpp-python, using the chat template stored in the model file."""

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
    code_block_closed,
    local_placement,
    local_threads,
    to_messages,
)
from afterburner.models.embedded import MODELS, ensure_model
from afterburner.sandbox.cores import pin_to_host_cores
from afterburner.sandbox.gate import GATE

INSTALL_HINT = (
    "install it: python -m afterburner.models.build_llamacpp (builds once, then reuses the wheel), "
    "or pip install 'afterburner[llm]'"
)


def _import_llama() -> Any:
    try:
        from llama_cpp import Llama
    except ImportError as error:
        raise UsageError("the llamacpp backend needs llama-cpp-python", INSTALL_HINT) from error
    return Llama


def _prompt_lookup(tokens: int) -> Any:
    from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

    return LlamaPromptLookupDecoding(num_pred_tokens=tokens)


def _ram_cache(megabytes: int) -> Any:
    from llama_cpp.llama_cache import LlamaRAMCache

    return LlamaRAMCache(capacity_bytes=megabytes << 20)


class _AnswerText:
    """The text generated so far, read token by token from a logits processor's view of the sequence."""

    def __init__(self, llm: Any) -> None:
        self._llm = llm
        self._seen: int | None = None  # tokens already read; the first call sees the prompt alone
        self._bytes = bytearray()

    def code_closed(self, tokens: Any) -> bool:
        if self._seen is None:
            self._seen = len(tokens)
        if len(tokens) <= self._seen:
            return False
        piece = self._llm.detokenize([int(t) for t in tokens[self._seen :]])
        self._seen = len(tokens)
        self._bytes += piece
        return b"\n" in piece and code_block_closed(self._bytes.decode("utf-8", errors="ignore"))


class LlamaCppBackend(Backend):
    kind = "llamacpp"

    def __init__(self, spec: ModelSpec, progress: Progress | None = None) -> None:
        self._placement = spec.placement
        if spec.placement == "gate":  # every core; timed passes pause generation at a token boundary
            GATE.enabled = True
        else:  # before llama.cpp starts any thread: its threads inherit the mask and stay off the measure cores
            pin_to_host_cores()
        self._threads = local_threads(spec.threads, spec.placement)
        llama_class = _import_llama()
        path = ensure_model(spec.model, progress)
        self._name = spec.model if spec.model in MODELS else Path(spec.model).stem
        options: dict[str, Any] = {}
        if spec.speculate:
            # Checking drafted tokens reads the logits of every position: llama-cpp-python keeps them only with
            # logits_all (n_ctx x vocabulary floats: ~5 GB for Qwen2.5 at n_ctx 8192). Without it, a prompt longer
            # than one batch (512 tokens) fails ("could not broadcast input array ... into shape (0,)").
            options["draft_model"] = _prompt_lookup(spec.speculate)
            options["logits_all"] = True
        try:
            self._llm = llama_class(
                model_path=str(path),
                n_ctx=spec.n_ctx,
                n_threads=self._threads,
                n_threads_batch=self._threads,
                verbose=False,
                **options,
                **dict(spec.extra),
            )
        except (ValueError, RuntimeError) as error:
            raise AfterburnerError(f"llama.cpp cannot load {path}: {error}") from error
        if spec.prompt_cache_mb:
            self._llm.set_cache(_ram_cache(spec.prompt_cache_mb))
        self._n_ctx = spec.n_ctx
        # A llama.cpp context holds one sequence's state: calls from several threads take turns.
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self._name

    def placement(self) -> dict[str, object]:
        return local_placement(self._threads, self._placement)

    def generate(self, messages: Sequence[MessageLike], config: GenerationConfig | None = None) -> Generation:
        config = config or GenerationConfig()
        chat = [message.as_dict() for message in to_messages(messages)]
        started = time.perf_counter()
        completions = [self._complete(chat, config, i) for i in range(config.n)]
        return Generation(
            completions=completions,
            model=self.name,
            backend=self.kind,
            seconds=time.perf_counter() - started,
            prompt_tokens=completions[0].prompt_tokens,
        )

    def _complete(self, chat: list[dict[str, str]], config: GenerationConfig, index: int) -> Completion:
        deadline = float("inf")  # set once the lock is ours: waiting for another thread is not generating
        timed_out = False
        end_token = self._llm.token_eos()
        answer = _AnswerText(self._llm) if config.end_after_code else None

        # The chat API takes no stopping criteria; past the deadline, or once the answer's code block is
        # closed (`end_after_code`), this forces the end token instead. Called once per token: the token
        # boundary where generation pauses while a pass is timed.
        def end_past_deadline(tokens: Any, scores: Any) -> Any:
            nonlocal timed_out
            GATE.token()
            timed_out = timed_out or time.monotonic() > deadline
            if timed_out or (answer is not None and answer.code_closed(tokens)):
                scores[:] = float("-inf")
                scores[end_token] = 0.0
            return scores

        options: dict[str, Any] = {
            "max_tokens": config.max_tokens,
            "temperature": config.temperature,
            "top_p": config.top_p,
            "stop": list(config.stop) or None,
            "logits_processor": [end_past_deadline],
        }
        if config.seed is not None:
            options["seed"] = config.seed + index
        with self._lock, GATE.generating():
            started = time.perf_counter()
            deadline = time.monotonic() + config.timeout
            try:
                response = self._llm.create_chat_completion(messages=chat, **options)
            except ValueError as error:  # llama.cpp's way of saying the prompt does not fit
                raise AfterburnerError(f"llama.cpp refused the prompt: {error}", f"n_ctx is {self._n_ctx}") from error
            seconds = time.perf_counter() - started
        choice = response["choices"][0]
        usage = response.get("usage") or {}
        reason = "timeout" if timed_out else str(choice.get("finish_reason") or "stop")
        return Completion(
            text=str(choice["message"].get("content") or ""),
            prompt_tokens=int(usage.get("prompt_tokens", 0)),
            completion_tokens=int(usage.get("completion_tokens", 0)),
            seconds=seconds,
            finish_reason=reason,
        )

    def close(self) -> None:
        llm, self._llm = self._llm, None
        if llm is not None and hasattr(llm, "close"):
            llm.close()
