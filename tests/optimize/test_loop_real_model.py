"""The loop end to end with a real (tiny) code model through llama.cpp: whatever it writes is judged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from afterburner.datasets.bundled import load_bundled
from afterburner.datasets.model import Dataset
from afterburner.models.base import GenerationConfig, ModelSpec
from afterburner.models.factory import create_backend
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.session import run_session
from tests.models.conftest import llama_cpp_installed, smollm2  # noqa: F401  (fixtures)
from tests.optimize.scripted import clock


@pytest.mark.slow
@pytest.mark.usefixtures("llama_cpp_installed")
def test_real_model_drives_the_loop(smollm2: Path, tmp_path: Path) -> None:  # noqa: F811
    dataset = load_bundled()
    problem = dataset.get("18")
    config = LoopConfig(
        iterations=1,
        samples=1,
        measurement=clock(1),
        generation=GenerationConfig(max_tokens=200, temperature=0.2, seed=1),
    )
    with create_backend(ModelSpec(kind="llamacpp", model=str(smollm2), n_ctx=4096)) as backend:
        result = run_session(Dataset(dataset.name, (problem,)), [problem], backend, config, tmp_path, parallel=1)
    rows = [json.loads(line) for line in (tmp_path / "trajectories.jsonl").read_text().splitlines()]
    assert [(r["iteration"], r["sample_id"]) for r in rows] == [(0, 0), (1, 0)]
    assert all(r["backend"] == "llamacpp" and r["completion_tokens"] > 0 and r["completion"] for r in rows)
    assert all(r["verdict"] in ("AC", "WA", "CE", "RTE", "TLE", "MLE", "OLE") for r in rows)
    assert len(result.outcomes[0].best_by_iteration) == 2
    assert result.timings["generation_seconds"] > 0
    assert (tmp_path / "report.html").exists()
