"""Code extraction from chatty answers, and the noise-aware keep-best rule."""

from __future__ import annotations

import pytest

from afterburner.optimize.extract import extract_code, has_paper_format
from afterburner.optimize.selection import NoisePolicy, Standing, permutation_p_value, replaces, significantly_lower

PY = ("python", "py", "python3")


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Here you go:\n```python\nprint(1)\n```\nThis prints 1.", "print(1)\n"),
        ("old:\n```python\nprint(0)\n```\nnew:\n```python\nprint(2)\n```\n", "print(2)\n"),
        ("```\nx = 3\n```", "x = 3\n"),
        ("```cpp\nint a;\n```\n```python\nprint(4)\n```\n```text\nnote\n```", "print(4)\n"),
        ("<thinking>try ```python\nbad()\n```</thinking><solution>```python\nprint(5)\n```</solution>", "print(5)\n"),
        ("<solution>\nprint(6)\n</solution>", "print(6)\n"),
        ("Sure!\n```python\nprint(7)\n", "print(7)\n"),  # cut off by max_tokens
        ("I cannot help with that.", None),
        ("", None),
    ],
)
def test_extract_code(answer: str, expected: str | None) -> None:
    assert extract_code(answer, PY) == expected


def test_paper_format() -> None:
    assert has_paper_format("<thinking>plan</thinking>\n<solution>```python\nx\n```</solution>")
    assert not has_paper_format("```python\nx\n```")


def test_permutation_test() -> None:
    assert permutation_p_value([1.0, 1.1, 0.9], [2.0, 2.1, 1.9]) == pytest.approx(1 / 20)
    assert permutation_p_value([2.0, 2.1, 1.9], [1.0, 1.1, 0.9]) == 1.0


def test_noise_never_counts_as_improvement() -> None:
    policy = NoisePolicy(min_gain=0.05, alpha=0.1)
    best = [1.00, 1.02, 0.98]
    assert not significantly_lower([0.99, 1.01, 0.97], best, policy)  # 1% better: below the minimum gain
    assert not significantly_lower([0.5, 1.5, 0.9], best, policy)  # median 10% better but overlapping: noise
    assert significantly_lower([0.50, 0.52, 0.49], best, policy)
    assert significantly_lower([0.5], [1.0], policy)  # too few passes for a test: the gain decides


def test_keep_best_rule() -> None:
    policy = NoisePolicy()
    passing_slow = Standing(True, 5, [1.0, 1.0, 1.0])
    passing_fast = Standing(True, 5, [0.5, 0.5, 0.5])
    failing = Standing(False, 2, [])
    assert replaces(passing_slow, None, policy)
    assert replaces(passing_slow, failing, policy)  # failing -> passing wins
    assert not replaces(failing, passing_fast, policy)  # passing -> failing loses
    assert replaces(passing_fast, passing_slow, policy)  # lower is better (the paper used > for integral)
    assert not replaces(passing_slow, passing_fast, policy)
    assert replaces(Standing(False, 3, []), failing, policy)  # both fail: the one that got further
    assert not replaces(Standing(False, 1, []), failing, policy)
