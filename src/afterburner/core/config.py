"""Config dataclasses that carry their own help text: one source of defaults for library and CLI."""

from __future__ import annotations

import dataclasses
from typing import Any

from afterburner.core.errors import UsageError


def setting(default: Any, help: str) -> Any:
    """A dataclass field with a default and the help text the CLI shows for it."""
    return dataclasses.field(default=default, metadata={"help": help})


def _field(cls: type, name: str) -> dataclasses.Field[Any]:
    for found in dataclasses.fields(cls):
        if found.name == name:
            return found
    raise KeyError(f"{cls.__name__} has no setting {name!r}")


def help_of(cls: type, name: str, with_default: bool = False) -> str:
    """The help text of a setting (typer shows the default itself)."""
    found = _field(cls, name)
    text = str(found.metadata.get("help", ""))
    return f"{text} [default: {found.default}]" if with_default else text


def default_of(cls: type, name: str) -> Any:
    return _field(cls, name).default


def require(checks: list[tuple[bool, str]], owner: str) -> None:
    """Raise a UsageError naming every check that failed."""
    failed = [message for ok, message in checks if not ok]
    if failed:
        raise UsageError(f"invalid {owner}: {'; '.join(failed)}", "pass values in range")
