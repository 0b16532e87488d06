"""Candidate solutions to evaluate: JSONL rows {problem_id, language, code, [iteration], [sample_id]}."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from afterburner.core.errors import UsageError


@dataclass(frozen=True)
class Candidate:
    problem_id: str
    language: str
    code: str
    iteration: int = 0
    sample_id: int = 0


def read_candidates(path: Path) -> list[Candidate]:
    """Read a JSONL file; a bad line is reported with its number, never skipped."""
    if not path.is_file():
        raise UsageError(f"no such candidates file: {path}")
    found = []
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            found.append(
                Candidate(
                    problem_id=str(row["problem_id"]),
                    language=str(row.get("language", "python")),
                    code=str(row["code"]),
                    iteration=int(row.get("iteration", 0)),
                    sample_id=int(row.get("sample_id", 0)),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise UsageError(
                f"{path}:{number}: bad candidate row ({type(error).__name__}: {error})",
                'each line needs {"problem_id": ..., "language": ..., "code": ...}',
            ) from error
    if not found:
        raise UsageError(f"no candidates in {path}")
    return found
