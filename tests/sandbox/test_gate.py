"""The quiet gate: no token is generated while a pass is timed, and neither side starves."""

from __future__ import annotations

import threading
import time

from afterburner.core.limits import Limits
from afterburner.core.testcase import TestCase
from afterburner.judge.compiler import compile_source
from afterburner.judge.judge import JudgeItem, run_pass
from afterburner.languages import get_language
from afterburner.sandbox.gate import GATE, QuietGate
from afterburner.sandbox.runner import SandboxOptions


def _generator(gate: QuietGate, stop: threading.Event, tokens: list[int]) -> None:
    """A stand-in for llama.cpp: tokens of ~2 ms each, a pause point between them."""
    while not stop.is_set():
        with gate.generating():
            for _ in range(20):
                time.sleep(0.002)  # computing a token
                tokens[0] += 1
                gate.token()


def test_no_token_is_generated_while_a_pass_is_timed() -> None:
    gate = QuietGate()
    gate.enabled = True
    log = gate.record()
    stop, tokens = threading.Event(), [0]
    worker = threading.Thread(target=_generator, args=(gate, stop, tokens))
    worker.start()
    try:
        for _ in range(30):
            with gate.timed():
                during = tokens[0]
                time.sleep(0.01)  # a timed pass
                assert tokens[0] == during  # nothing was generated meanwhile
            time.sleep(0.005)
    finally:
        stop.set()
        worker.join(timeout=10)
    assert not worker.is_alive()
    assert len(log.timed) == 30 and len(log.tokens) > 30  # both sides made progress
    assert log.overlaps() == 0


def test_a_disabled_gate_never_waits() -> None:
    gate = QuietGate()
    with gate.generating(), gate.timed():  # would deadlock if it waited: busy generating, then timed
        gate.token()
    assert gate.log is None


def test_judge_passes_take_the_gate_and_counting_passes_do_not() -> None:
    python = get_language("python")
    program = compile_source(python, "print(input())\n").program
    assert program is not None
    item = JudgeItem(python, "print(input())\n", [TestCase("1\n", "1\n")])
    GATE.enabled, saved = True, GATE.log
    log = GATE.record()
    try:
        run_pass(program, item, Limits(), SandboxOptions())
        assert len(log.timed) == 1
        run_pass(program, item, Limits(cpu_time=30), SandboxOptions(instructions="qemu"))
        assert len(log.timed) == 1  # a count does not need quiet
    finally:
        GATE.enabled, GATE.log = False, saved
