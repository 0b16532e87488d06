"""The one interface every language-model backend implements (the factory that picks one is in factory.py)."""

from __future__ import annotations

import abc
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Literal, Self, cast, get_args

from afterburner.core.errors import UsageError
from afterburner.sandbox.cores import all_cores, core_plan

Role = Literal["system", "user", "assistant"]
Placement = Literal["partition", "gate"]
BackendKind = Literal["openai", "llamacpp", "hf"]
# Receives one human-readable line (what is being downloaded, how big); defaults to stderr.
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Message:
    role: Role
    content: str

    def as_dict(self) -> dict[str, str]:
        return {"role": self.role, "content": self.content}


MessageLike = Message | Mapping[str, str]


def to_messages(messages: Sequence[MessageLike]) -> list[Message]:
    """Accept dataclasses or {"role", "content"} dicts; reject what no chat template understands."""
    result = []
    for item in messages:
        if isinstance(item, Message):
            message = item
        else:
            role, content = item.get("role"), item.get("content")
            if role not in get_args(Role) or not isinstance(content, str):
                raise UsageError(f"a message needs a role in {get_args(Role)} and a text content, got {dict(item)!r}")
            message = Message(cast(Role, role), content)
        result.append(message)
    if not result:
        raise UsageError("a generation needs at least one message")
    return result


@dataclass(frozen=True)
class GenerationConfig:
    max_tokens: int = 512
    temperature: float = 0.7
    top_p: float = 0.95
    n: int = 1
    stop: tuple[str, ...] = ()
    # With a seed, completion i of a request uses seed + i, so n samples differ yet repeat run to run.
    seed: int | None = None
    # Seconds for one request (openai) or one completion (local backends).
    timeout: float = 300.0
    # End the answer once its first fenced code block is closed: the text after it (an explanation,
    # often a third of a small model's answer) is never read. The llamacpp backend honours it; the
    # others generate on to their end token. The optimize loop sets it per request for whole answers
    # (each trajectory records the request as `end_after_code`).
    end_after_code: bool = False

    def __post_init__(self) -> None:
        if self.max_tokens < 1 or self.n < 1:
            raise UsageError(f"max_tokens and n must be at least 1, got {self.max_tokens} and {self.n}")
        if self.temperature < 0 or not 0 < self.top_p <= 1:
            raise UsageError(f"need temperature >= 0 and 0 < top_p <= 1, got {self.temperature} and {self.top_p}")
        if self.timeout <= 0:
            raise UsageError(f"timeout must be positive, got {self.timeout}")
        if isinstance(self.stop, str):  # a bare string would be split into characters
            object.__setattr__(self, "stop", (self.stop,))


_CLOSED_BLOCK = re.compile(r"^```[^\n`]*\n.*?^```[ \t]*\n", re.DOTALL | re.MULTILINE)


def code_block_closed(text: str) -> bool:
    """Whether `text` holds a complete fenced code block: an opening fence line, then a bare closing one."""
    return _CLOSED_BLOCK.search(text) is not None


@dataclass(frozen=True)
class Completion:
    text: str
    prompt_tokens: int
    completion_tokens: int
    seconds: float
    # "stop" (end of turn or a stop string), "length" (max_tokens), "timeout", or what the server said.
    finish_reason: str


@dataclass(frozen=True)
class Generation:
    completions: list[Completion]
    model: str
    backend: str
    seconds: float
    prompt_tokens: int

    @property
    def texts(self) -> list[str]:
        return [completion.text for completion in self.completions]

    @property
    def completion_tokens(self) -> int:
        return sum(completion.completion_tokens for completion in self.completions)


@dataclass(frozen=True)
class ModelSpec:
    """Which model, through which backend.

    `model` is, per kind: openai, the served model name ("" asks the server for its first model);
    llamacpp, an embedded model name (see embedded.MODELS) or a path to a .gguf file;
    hf, a transformers model directory, a .gguf file, or an embedded model name.
    """

    kind: BackendKind
    model: str
    # openai; None: $AFTERBURNER_OPENAI_BASE_URL, then $OPENAI_BASE_URL, then api.openai.com.
    base_url: str | None = None
    # openai; None: $AFTERBURNER_OPENAI_API_KEY, then $OPENAI_API_KEY, then none.
    api_key: str | None = None
    # Requests in flight at once across all threads sharing this backend (openai).
    concurrency: int = 4
    max_retries: int = 5
    n_ctx: int = 8192  # llamacpp: rewrites of long programs need the program twice (prompt and answer)
    # CPU threads of a local model (llamacpp and hf alike); None: one per host core of the core plan. Either
    # way at most one per host core, so the model never spills onto the cores programs are measured on.
    threads: int | None = None
    # Backend-specific settings: keyword arguments of llama_cpp.Llama or from_pretrained, or fields
    # merged into every openai request body (e.g. {"repeat_penalty": 1.1}).
    extra: Mapping[str, object] = field(default_factory=dict)
    # How a local model shares the machine with timed passes (llamacpp): "partition" keeps its threads on
    # the host cores; "gate" lets it use every core and pauses it at a token boundary while a pass is timed.
    placement: Placement = "partition"
    # llamacpp: tokens drafted per step by prompt lookup (n-grams of the prompt, which holds the code being
    # rewritten: rewrites copy much of it); 0 turns speculation off. Greedy output may differ slightly (drafts
    # are checked in batches, whose numerics differ from one token at a time).
    # It keeps every position's logits (n_ctx x vocabulary floats: about 5 GB for Qwen2.5 at n_ctx 8192).
    speculate: int = 0
    # llamacpp: MB of RAM for saved prompt states, so a prompt sharing a prefix with an earlier one (the same
    # problem's next iteration, after another problem's turn) does not evaluate that prefix again; 0: off.
    prompt_cache_mb: int = 0

    def __post_init__(self) -> None:
        if self.kind not in get_args(BackendKind):
            raise UsageError(
                f"unknown model backend {self.kind!r}", f"choose one of {', '.join(get_args(BackendKind))}"
            )
        threads = () if self.threads is None else (self.threads,)
        if min(self.concurrency, self.n_ctx, *threads) < 1 or self.max_retries < 0:
            raise UsageError("concurrency, n_ctx and threads must be at least 1, max_retries at least 0")
        if not 0 <= self.speculate <= 64 or not 0 <= self.prompt_cache_mb <= 64 * 1024:
            raise UsageError("speculate must be 0 .. 64 and prompt_cache_mb 0 .. 65536")


def local_threads(requested: int | None, placement: Placement = "partition") -> int:
    """Threads for a local model: as requested (default: all host cores, or every core behind the gate),
    at most one per core it may use."""
    usable = len(all_cores()) if placement == "gate" else len(core_plan().host)
    return usable if requested is None else min(requested, usable)


def local_placement(threads: int, placement: Placement = "partition") -> dict[str, object]:
    """Where an in-process model runs: on the host cores apart from the measure cores (partition), or on
    every core, paused while a pass is timed (gate)."""
    plan = core_plan()
    if placement == "gate":
        kind = "gate"
        cores = list(all_cores())
    else:
        kind = "partition" if plan.partitioned else "none"
        cores = list(plan.host)
    return {"kind": kind, "model_cores": cores, "measure_cores": list(plan.measure), "threads": threads}


class Backend(abc.ABC):
    """A chat model. Safe to call from several threads; local backends serialize calls internally."""

    kind: str = ""

    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The model as reported in results, e.g. "qwen2.5-coder-1.5b"."""

    @abc.abstractmethod
    def generate(self, messages: Sequence[MessageLike], config: GenerationConfig | None = None) -> Generation:
        """Sample config.n completions of the chat."""

    def placement(self) -> dict[str, object]:
        """Where the model's computation runs relative to the measured programs, for summary.json.

        kind: "partition" (on host cores only, apart from the measure cores), "remote" (another
        process or machine) or "none" (no separation: a single core, or a backend that does not pin).
        """
        plan = core_plan()
        return {"kind": "none", "model_cores": list(all_cores()), "measure_cores": list(plan.measure), "threads": None}

    def close(self) -> None:
        """Free the model or the connection pool; the backend is unusable afterwards."""
        return None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()
