"""The layers of docs/architecture.md hold: a module never imports a higher layer.

Read from the source with `ast` (every import, also the lazy ones inside functions), so a
shortcut that reaches up a layer fails here before it becomes a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import afterburner

LAYERS = (
    "core",
    "sandbox",
    "languages",
    "judge",
    "datasets",
    "evaluation",
    "models",
    "optimize",
    "service",
    "training",
    "cli",
)
ROOT = Path(afterburner.__file__).parent


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "afterburner" and parts[1] in LAYERS else None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_no_module_imports_a_higher_layer() -> None:
    wrong = []
    read = 0
    for layer in LAYERS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            if "venus_mini/problems" in path.as_posix():
                continue  # dataset code, not Afterburner's
            read += 1
            for module in _imports(path):
                target = _layer(module)
                if target and LAYERS.index(target) > LAYERS.index(layer):
                    wrong.append(f"{path.relative_to(ROOT)} imports {module} ({layer} < {target})")
    assert read > 50, "the source tree was not found"
    assert not wrong, "\n".join(wrong)


def test_every_package_has_a_layer() -> None:
    packages = {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages <= set(LAYERS), f"packages without a layer: {packages - set(LAYERS)}"
