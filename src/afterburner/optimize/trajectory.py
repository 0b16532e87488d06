"""Trajectories as JSONL: every candidate with its prompt hash, model, tokens, timings, metrics.

Rows are appended (and flushed) as they are produced, so an interrupted run loses nothing and
resumes from the file. A row also carries problem_id, language, code, iteration and sample_id,
so the file feeds `afterburner eval` directly.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class TrajectoryLog:
    path: Path
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def rows(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        found = []
        for line in self.path.read_text().splitlines():
            if line.strip():
                try:
                    found.append(json.loads(line))
                except json.JSONDecodeError:
                    continue  # a line cut by an interruption: its candidate is redone
        return found

    def append(self, row: dict[str, Any]) -> None:
        with self._lock, self.path.open("a") as handle:
            handle.write(json.dumps(row) + "\n")
            handle.flush()
