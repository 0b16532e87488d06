"""A typer command whose options are a config dataclass's fields (the TRL habit: one source of defaults).

Each field made with `core.config.setting` becomes `--field-name` (or the spellings in its `flags`),
with the field's default and help text; `argument=True` makes it positional. The command builds the
dataclass from what was given, so its validation runs once, in `__post_init__`, and hands it on.
"""

from __future__ import annotations

import dataclasses
import inspect
import typing
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

Config = TypeVar("Config")


def _parameter(found: dataclasses.Field[Any], annotation: Any) -> inspect.Parameter:
    meta = found.metadata
    help_text = str(meta.get("help", ""))
    if meta.get("argument"):
        info: Any = typer.Argument(help=help_text, show_default=False, metavar=found.name.upper())
    else:
        flags = tuple(meta.get("flags") or ()) or (f"--{found.name.replace('_', '-')}",)
        info = typer.Option(*flags, help=help_text)
    return inspect.Parameter(
        found.name,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        default=found.default,
        annotation=Annotated[annotation, info],
    )


def config_command(cls: type[Config], run: Callable[[Config], None], doc: str) -> Callable[..., None]:
    """A function typer can register: its parameters are `cls`'s fields; calling it runs `run(cls(...))`."""
    hints = typing.get_type_hints(cls)
    parameters = [_parameter(found, hints[found.name]) for found in dataclasses.fields(cls)]  # type: ignore[arg-type]

    def command(**given: Any) -> None:
        run(cls(**given))

    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in parameters}
    command.__doc__ = inspect.cleandoc(doc)
    command.__name__ = command.__qualname__ = run.__name__
    command.__module__ = run.__module__
    return command
