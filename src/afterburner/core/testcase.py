"""A test: the input a program reads and the output it must produce."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TestCase:
    input: str
    output: str

    __test__ = False  # not a pytest test class
