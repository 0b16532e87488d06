"""Pull the solution code out of a model's answer, whatever chatter surrounds it."""

from __future__ import annotations

import re

_SOLUTION = re.compile(r"<solution>(.*?)(?:</solution>|$)", re.DOTALL | re.IGNORECASE)
_THINKING = re.compile(r"<thinking>.*?(?:</thinking>|$)", re.DOTALL | re.IGNORECASE)
_FENCE = re.compile(r"```[ \t]*([\w+#-]*)[^\n]*\n(.*?)(?:```|$)", re.DOTALL)


def extract_code(text: str, fence_names: tuple[str, ...] = ()) -> str | None:
    """The code of an answer: inside <solution> tags if present, from a fenced block.

    Prefers the last block tagged with one of `fence_names` (models often show the old code
    first), then the last untagged or other block; an unterminated final fence counts (the
    model ran out of tokens after the code). Returns None when no code can be found.
    """
    tagged = _SOLUTION.search(text)
    body = tagged.group(1) if tagged else _THINKING.sub("", text)
    blocks: list[tuple[str, str]] = [(lang.lower(), code) for lang, code in _FENCE.findall(body) if code.strip()]
    if not blocks:
        stripped = body.strip()
        return stripped + "\n" if tagged and stripped else None
    matching = [code for lang, code in blocks if lang in fence_names]
    code: str = matching[-1] if matching else blocks[-1][1]
    return code.rstrip() + "\n"


def foreign_language(text: str, fence_names: tuple[str, ...], fences: dict[str, tuple[str, ...]]) -> str | None:
    """The other language the answer's code is in: its blocks are tagged, none with one of `fence_names`,
    and the block `extract_code` takes is tagged with a fence of a language in `fences` (name -> fences).
    None when the code may be in the language asked for (a matching or untagged block)."""
    tagged = _SOLUTION.search(text)
    body = tagged.group(1) if tagged else _THINKING.sub("", text)
    blocks = [lang.lower() for lang, code in _FENCE.findall(body) if code.strip()]
    if not blocks or any(lang in fence_names for lang in blocks):
        return None
    return next((name for name, names in fences.items() if blocks[-1] in names), None)


def has_paper_format(text: str) -> bool:
    """The trained model's answer shape: <thinking>..</thinking><solution>..</solution>."""
    return bool(re.fullmatch(r"\s*<thinking>.*</thinking>\s*<solution>.*</solution>\s*", text, re.DOTALL))
