"""Fixtures of the loop's tests: a scripted OpenAI-compatible server on a loopback port."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from tests.optimize.scripted import ScriptedServer


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[ScriptedServer]:
    scripted = ScriptedServer(request.param)
    thread = threading.Thread(target=scripted.serve_forever, daemon=True)
    thread.start()
    try:
        yield scripted
    finally:
        scripted.shutdown()
        scripted.server_close()
        thread.join(timeout=5)
