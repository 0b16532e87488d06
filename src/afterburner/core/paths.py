"""Where Afterburner keeps its caches (compiled programs, helper binaries, baselines)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """$AFTERBURNER_CACHE, else $XDG_CACHE_HOME/afterburner, else ~/.cache/afterburner."""
    explicit = os.environ.get("AFTERBURNER_CACHE")
    if explicit:
        root = Path(explicit)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        root = (Path(xdg) if xdg else Path.home() / ".cache") / "afterburner"
    root.mkdir(parents=True, exist_ok=True)
    return root
