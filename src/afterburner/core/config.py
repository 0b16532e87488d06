"""Config dataclasses that carry their own help text: one source of defaults for library and CLI."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from afterburner.core.errors import UsageError


def setting(
    default: Any, help: str, resumable: bool = False, flags: tuple[str, ...] = (), argument: bool = False
) -> Any:
    """A dataclass field with a default and the help text the CLI shows for it. `resumable`: a run
    resumed with another value of it is still the same run (e.g. more iterations). `flags`: the
    command-line spellings when they are not `--field-name`; `argument`: a positional argument."""
    metadata = {"help": help, "resumable": resumable, "flags": flags, "argument": argument}
    return dataclasses.field(default=default, metadata=metadata)


def identity(config: Any) -> dict[str, Any]:
    """A config dataclass as JSON-ready data, less its resumable settings: what a resumed run must share."""
    data: dict[str, Any] = json.loads(json.dumps(dataclasses.asdict(config), default=list))
    for found in dataclasses.fields(config):
        if found.metadata.get("resumable"):
            data.pop(found.name, None)
    return data


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
