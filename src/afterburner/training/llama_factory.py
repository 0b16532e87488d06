"""The layout of the original Afterburner recipe for LLaMA-Factory: plain-text rows and `dataset_info.json`.

SFT is an alpaca-style list of {prompt, response}; DPO a ranking set of {prompt, chosen, rejected};
one file per objective (`afterburner_sft_time.json`, ...), each registered in `dataset_info.json`
under its file stem, so LLaMA-Factory's `dataset: afterburner_sft_time` finds it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from afterburner.core.errors import UsageError

INFO = "dataset_info.json"
COLUMNS = {
    "sft": {"prompt": "prompt", "response": "response"},
    "dpo": {"prompt": "prompt", "chosen": "chosen", "rejected": "rejected"},
}


def stem(kind: str, objective: str) -> str:
    return f"afterburner_{kind}_{objective}"


def _text(messages: list[dict[str, str]], role: str) -> str:
    return "\n\n".join(m["content"] for m in messages if m["role"] == role)


def plain(kind: str, row: dict[str, Any]) -> dict[str, str]:
    """One conversational row as LLaMA-Factory's plain strings."""
    prompt = _text(row["prompt"], "user")
    if kind == "sft":
        return {"prompt": prompt, "response": _text(row["completion"], "assistant")}
    return {
        "prompt": prompt,
        "chosen": _text(row["chosen"], "assistant"),
        "rejected": _text(row["rejected"], "assistant"),
    }


def info_entry(kind: str, file_name: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"file_name": file_name}
    if kind == "dpo":
        entry["ranking"] = True
    entry["columns"] = dict(COLUMNS[kind])
    return entry


def _existing_info(path: Path) -> dict[str, Any]:
    """The `dataset_info.json` already there (LLaMA-Factory's own, or a previous export), else {}."""
    if not path.is_file():
        return {}
    try:
        info = json.loads(path.read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UsageError(f"{path} is not readable JSON ({error})", "fix or remove it: the export adds to it") from error
    if not isinstance(info, dict):
        raise UsageError(f"{path} is not a JSON object of datasets", "fix or remove it: the export adds to it")
    return info


def write_llama_factory(out: Path, kind: str, rows_by_objective: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Write one JSON file per objective and register each in `dataset_info.json`; returns file name -> rows.

    An existing `dataset_info.json` (LLaMA-Factory's `data/` folder holds many datasets) is merged into:
    the other entries stay as they are, ours are replaced.
    """
    if kind not in COLUMNS:
        raise UsageError(f"{kind} is not a LLaMA-Factory kind", "LLaMA-Factory takes sft and dpo")
    info = _existing_info(out / INFO)
    files: dict[str, int] = {}
    for objective, rows in rows_by_objective.items():
        name = stem(kind, objective)
        (out / f"{name}.json").write_text(json.dumps([plain(kind, r) for r in rows], indent=2) + "\n")
        info[name] = info_entry(kind, f"{name}.json")
        files[f"{name}.json"] = len(rows)
    (out / INFO).write_text(json.dumps(info, indent=2) + "\n")
    return files
