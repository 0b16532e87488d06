"""A model that answers from a script and records its prompts: exact assertions on the loop.

`ScriptedBackend` is a test double in this process; `ScriptedServer` answers the same way over
HTTP as an OpenAI-compatible server on a loopback port (the `server` fixture of conftest.py).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from afterburner.judge.measurement import Measurement
from afterburner.models.base import Backend, Completion, Generation, GenerationConfig, MessageLike, to_messages


class ScriptedBackend(Backend):
    """Answers from a script: a text (it ended by itself) or (text, finish_reason), e.g. "length"."""

    kind = "scripted"

    def __init__(self, answers: list[str | tuple[str, str]]) -> None:
        self.answers = answers
        self.prompts: list[str] = []
        self.budgets: list[int] = []  # max_tokens of every request

    @property
    def name(self) -> str:
        return "scripted"

    def generate(self, messages: Sequence[MessageLike], config: GenerationConfig | None = None) -> Generation:
        config = config or GenerationConfig()
        self.prompts.append(to_messages(messages)[-1].content)
        self.budgets.append(config.max_tokens)
        answers = [self.answers.pop(0) for _ in range(config.n)]
        scripted = [(a, "stop") if isinstance(a, str) else a for a in answers]
        completions = [Completion(text, 100, 50, 0.01, reason) for text, reason in scripted]
        return Generation(completions, "scripted", self.kind, 0.01 * len(completions), 100)


def fenced(code: str) -> str:
    return f"Here is my solution.\n```python\n{code}```\nIt is fast."


def clock(repeat: int = 1) -> Measurement:
    """Clock-only settings, for tests of the loop's mechanics that do not need exact counts (faster)."""
    return Measurement(repeat, metric="cpu_time", counter="off")


class ScriptedServer(ThreadingHTTPServer):
    """Answers /v1/chat/completions from a script and keeps the prompts."""

    def __init__(self, answers: list[str]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answers = answers
        self.prompts: list[str] = []
        self.lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    server: ScriptedServer

    def log_message(self, *args: Any) -> None:  # keep test output clean
        pass

    def _send(self, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._send({"object": "list", "data": [{"id": "scripted", "object": "model"}]})

    def do_POST(self) -> None:
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with self.server.lock:
            self.server.prompts.append("\n".join(m["content"] for m in request["messages"]))
            texts = [self.server.answers.pop(0) for _ in range(int(request.get("n", 1)))]
        choices = [
            {"index": i, "message": {"role": "assistant", "content": t}, "finish_reason": "stop"}
            for i, t in enumerate(texts)
        ]
        self._send({"choices": choices, "usage": {"prompt_tokens": 100, "completion_tokens": 20 * len(texts)}})
