"""Edits instead of whole files: search/replace blocks against the current code, applied strictly.

A long program rewritten whole invites unrelated breakage (a dropped line, a renamed variable);
an edit touches only what it names. The model answers with one or more blocks

    <<<<<<< SEARCH
    lines of the current code, exactly
    =======
    the lines to put in their place
    >>>>>>> REPLACE

Each SEARCH text must occur exactly once in the code as it stands after the blocks before it
(line endings aside); otherwise nothing is applied and the failure, naming the block, goes back
to the model. An answer without blocks is read as a whole-file answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BLOCK = re.compile(r"<{5,9} ?SEARCH[^\n]*\n(.*?)\n?={5,9}[^\n]*\n(.*?)\n?>{5,9} ?REPLACE", re.DOTALL)
FAILED = "edit did not apply: "


@dataclass(frozen=True)
class Edited:
    """The code after the edits, or why they did not apply."""

    code: str | None
    error: str = ""
    edits: int = 0


def parse_edits(answer: str) -> list[tuple[str, str]]:
    """The (search, replace) pairs of an answer, in order; [] when it holds none."""
    text = answer.replace("\r\n", "\n")
    return [(search, replace) for search, replace in BLOCK.findall(text)]


def apply_edits(code: str, edits: list[tuple[str, str]]) -> Edited:
    """Apply every edit in order, or none (the first that does not match says why)."""
    current = code.replace("\r\n", "\n")
    for number, (search, replace) in enumerate(edits, 1):
        if not search.strip():
            return Edited(None, f"{FAILED}block {number} has an empty SEARCH part", len(edits))
        found = current.count(search)
        if found != 1:
            first = search.strip().splitlines()[0][:120]
            where = "is not in the current code" if found == 0 else f"occurs {found} times (make it unique)"
            return Edited(None, f"{FAILED}the SEARCH part of block {number} ({first!r} ...) {where}", len(edits))
        current = current.replace(search, replace, 1)
    return Edited(current if current.endswith("\n") else current + "\n", "", len(edits))
