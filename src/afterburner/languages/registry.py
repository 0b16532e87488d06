"""All languages, loaded once from the packaged TOML declarations."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from pathlib import Path

from afterburner.core.errors import UsageError
from afterburner.languages.base import Language


@functools.cache
def all_languages() -> dict[str, Language]:
    found: dict[str, Language] = {}
    for entry in sorted(resources.files("afterburner.languages.definitions").iterdir(), key=str):
        if entry.name.endswith(".toml"):
            language = Language.from_toml(tomllib.loads(entry.read_text()))
            found[language.name] = language
    return found


def get_language(name: str) -> Language:
    """A language by name or alias (py, c++, js, golang, rs, ...)."""
    key = name.strip().lower()
    for language in all_languages().values():
        if key == language.name or key in language.fence or key in language.extensions:
            return language
    known = ", ".join(all_languages())
    raise UsageError(f"unknown language {name!r}", f"use one of: {known}")


def detect_language(path: Path) -> Language:
    """The language of a file from its extension."""
    suffix = path.suffix.lstrip(".").lower()
    for language in all_languages().values():
        if suffix in language.extensions:
            return language
    raise UsageError(f"cannot tell the language of {path.name!r} from its extension", "pass --lang")
