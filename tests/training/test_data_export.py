"""`data export`: SFT, DPO and GRPO rows from measured venus-mini references and from optimize runs.

The clock exports (`--metric cpu_time`) measure problems 4 and 10 (their references are quick)
with 3 passes; the profile cache of the test session makes every export after the first instant.
The default export, ranked by exact instruction counts, counts a trimmed copy of problem 4 (two
references, inputs of at most 120 numbers) under QEMU: counting every reference of the real
problems would take minutes.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from afterburner.cli.data_training import app
from afterburner.core.errors import UsageError
from afterburner.core.measured import Measured
from afterburner.core.verdicts import Verdict
from afterburner.datasets.bundled import load_bundled
from afterburner.datasets.profile import SolutionProfile
from afterburner.optimize.feedback import Attempt
from afterburner.optimize.selection import NoisePolicy
from afterburner.training.data import read_manifest
from afterburner.training.references import reference_pairs
from afterburner.training.split import ProblemSplit
from tests.training.tiny import trimmed_dataset

datasets = pytest.importorskip("datasets")

PROBLEMS = ("4", "10")
MEASURE = ["venus-mini", "--problems", ",".join(PROBLEMS), "--repeat", "3", "--metric", "cpu_time"]
CLOCK = ["--metric", "cpu_time"]  # trajectories below carry CPU time only (a run that ranked by the clock)
GRPO_COLUMNS = {
    "prompt",
    "problem_id",
    "language",
    "objective",
    "dataset",
    "original",
    "original_label",
    "baseline_passed",
    "baseline_instructions",
    "baseline_cpu_time",
    "baseline_peak_memory",
    "baseline_memory_integral",
}
SFT_COLUMNS = {"prompt", "completion", "problem_id", "language", "objective", "label", "value", "rank"}
DPO_COLUMNS = {"prompt", "chosen", "rejected", "problem_id", "language", "objective"} | {
    "chosen_label",
    "rejected_label",
    "chosen_value",
    "rejected_value",
}


def export(*args: str) -> dict[str, Any]:
    """Run `data export ARGS --json`; the manifest it printed."""
    done = CliRunner().invoke(app, ["export", *args, "--json"])
    assert done.exit_code == 0, (done.output, done.exception)
    manifest: dict[str, Any] = json.loads(done.stdout)
    return manifest


def refused(*args: str) -> str:
    """Run `data export ARGS`, which must fail with a UsageError; its message."""
    done = CliRunner().invoke(app, ["export", *args])
    assert isinstance(done.exception, UsageError), (done.output, done.exception)
    return str(done.exception)


def references(problem_id: str) -> dict[str, str]:
    return {s.label: s.code for s in load_bundled().get(problem_id).solutions_in("python")}


def assert_user_prompt(prompt: list[dict[str, str]]) -> None:
    assert len(prompt) == 1 and prompt[0]["role"] == "user" and "## Problem" in prompt[0]["content"]


def assert_answer(messages: list[dict[str, str]]) -> None:
    assert len(messages) == 1 and messages[0]["role"] == "assistant"
    assert messages[0]["content"].startswith("```python\n") and messages[0]["content"].endswith("\n```")


def test_sft_keeps_the_k_fastest_references_of_each_problem(tmp_path: Path) -> None:
    out = tmp_path / "sft"
    manifest = export("sft", *MEASURE, "--k", "3", "--out", str(out))
    rows = datasets.load_from_disk(str(out))
    assert set(rows.column_names) == SFT_COLUMNS and len(rows) == manifest["rows"] == 6
    by_problem: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        assert_user_prompt(row["prompt"])
        assert_answer(row["completion"])
        assert references(row["problem_id"])[row["label"]].rstrip() in row["completion"][0]["content"]
        assert row["language"] == "python" and row["objective"] == "time" and row["value"] > 0
        by_problem.setdefault(row["problem_id"], []).append(row)
    for problem_id, found in by_problem.items():
        assert [r["rank"] for r in found] == [0, 1, 2]
        assert [r["value"] for r in found] == sorted(r["value"] for r in found)
        assert "naive" not in {r["label"] for r in found}, problem_id  # several times slower than the rest
    parquet = datasets.Dataset.from_parquet(str(out / "data.parquet"))
    assert parquet.to_list() == rows.to_list()
    assert read_manifest(out) == manifest
    assert manifest["kind"] == "sft" and manifest["format"] == "trl" and manifest["split"] is None
    assert manifest["problems"] == list(PROBLEMS) and manifest["dataset"] == "venus-mini"
    refs = sum(len(references(p)) for p in PROBLEMS)
    assert manifest["dropped"] == {"beyond_k": refs - 6}
    settings = manifest["settings"]
    assert settings["measurement"] == {"repeat": 3, "estimator": "min", "metric": "cpu_time", "counter": "off"}
    assert settings["k"] == 3 and settings["metric"] == "cpu_time"
    assert settings["tests"]["feedback"]["seed"] == 42 and manifest["created"] and manifest["afterburner_version"]


def test_dpo_pairs_are_beyond_noise_and_every_other_pair_is_counted(tmp_path: Path) -> None:
    out = tmp_path / "dpo"
    manifest = export("dpo", *MEASURE, "--max-pairs", "6", "--out", str(out))
    rows = datasets.load_from_disk(str(out))
    assert set(rows.column_names) == DPO_COLUMNS and 0 < len(rows) <= 12
    for row in rows:
        assert_user_prompt(row["prompt"])
        assert_answer(row["chosen"]) and assert_answer(row["rejected"])
        assert row["chosen_value"] < row["rejected_value"] and row["chosen_label"] != row["rejected_label"]
        assert references(row["problem_id"])[row["rejected_label"]].rstrip() in row["rejected"][0]["content"]
    assert "naive" in {row["rejected_label"] for row in rows}  # the slowest loses, beyond any noise
    dropped = Counter(manifest["dropped"])
    pairs = sum(len(list(combinations(references(p), 2))) for p in PROBLEMS)
    assert len(rows) + dropped["inside_noise"] + dropped["over_max_pairs"] == pairs
    assert dropped["inside_noise"] > 0  # many references of a problem are truly tied


def profile(label: str, samples: list[float], metric: str = "cpu_time") -> SolutionProfile:
    measured = Measured(Verdict.AC, {metric: min(samples)}, {metric: samples})
    return SolutionProfile("p", "python", label, label, measured, len(samples))


def test_pairs_inside_the_noise_are_dropped_and_the_largest_gaps_kept() -> None:
    policy = NoisePolicy()
    overlapping = [profile("a", [1.00, 1.10, 1.02]), profile("b", [1.01, 1.05, 1.08])]
    pairs, dropped = reference_pairs(overlapping, "cpu_time", policy, 10)
    assert pairs == [] and dropped == {"inside_noise": 1}
    apart = [profile("slow", [2.0, 2.1, 2.05]), profile("fast", [1.0, 1.02, 1.01]), profile("mid", [1.5, 1.55, 1.52])]
    pairs, dropped = reference_pairs(apart, "cpu_time", policy, 10)
    assert [(p.chosen.label, p.rejected.label) for p in pairs] == [("fast", "slow"), ("fast", "mid"), ("mid", "slow")]
    assert dropped == {}
    pairs, dropped = reference_pairs(apart, "cpu_time", policy, 1)
    assert [(p.chosen.label, p.rejected.label) for p in pairs] == [("fast", "slow")] and dropped == {
        "over_max_pairs": 2
    }
    failed = SolutionProfile("p", "python", "wrong", "wrong", Measured(Verdict.WA))
    assert reference_pairs([*apart[:2], failed], "cpu_time", policy, 10)[0][0].rejected.label == "slow"


def test_counted_pairs_need_the_gain_only() -> None:
    """One exact count per reference: no permutation test, a gain of min_gain (5%) decides."""
    counted = [profile("slow", [2.0e9], "instructions"), profile("fast", [1.0e9], "instructions")]
    counted.append(profile("close", [1.03e9], "instructions"))  # 3% above fast: a tie for DPO
    pairs, dropped = reference_pairs(counted, "instructions", NoisePolicy(), 10)
    assert [(p.chosen.label, p.rejected.label) for p in pairs] == [("fast", "slow"), ("close", "slow")]
    assert dropped == {"inside_noise": 1}
    unmeasured = SolutionProfile(
        "p", "python", "refused", "refused", Measured(Verdict.AC, {"instructions": None}, {}, {"instructions": "TLE"})
    )
    assert reference_pairs([*counted, unmeasured], "instructions", NoisePolicy(), 10)[0] == pairs


def test_grpo_rows_carry_what_the_reward_needs(tmp_path: Path) -> None:
    out = tmp_path / "grpo"
    manifest = export("grpo", *MEASURE, "--out", str(out))
    rows = datasets.load_from_disk(str(out))
    assert set(rows.column_names) == GRPO_COLUMNS
    assert len(rows) == manifest["rows"] == sum(len(references(p)) for p in PROBLEMS)
    for row in rows:
        text = row["prompt"][0]["content"]
        assert_user_prompt(row["prompt"])
        assert (
            "## Current solution" in text and "## Its measured performance" in text and "passed all tests: yes" in text
        )
        assert row["original"] == references(row["problem_id"])[row["original_label"]]
        assert row["dataset"] == "venus-mini" and row["baseline_passed"] is True
        assert isinstance(row["problem_id"], str) and row["language"] == "python" and row["objective"] == "time"
        for metric in ("cpu_time", "peak_memory", "memory_integral"):
            assert isinstance(row[f"baseline_{metric}"], float) and row[f"baseline_{metric}"] > 0
        assert row["baseline_instructions"] is None and "instruction count" not in text  # the clock: nothing counted
    slowest = export("grpo", *MEASURE, "--originals", "slowest", "--out", str(tmp_path / "slowest"))
    labels = datasets.load_from_disk(str(tmp_path / "slowest"))["original_label"]
    assert slowest["rows"] == 2 and labels == ["naive", "naive"]


def candidate(iteration: int, sample: int, code: str, samples: list[float] | None, **row: Any) -> dict[str, Any]:
    """A trajectory row as the optimize loop writes it (figures of the row's objective's metric),
    of a run that ranked by the clock: no instruction count."""
    metric = {"time": "cpu_time", "memory": "peak_memory"}[row.get("objective", "time")]
    passed = samples is not None
    per_pass = {metric: samples} if samples else {}
    figures = {m: min(v) for m, v in per_pass.items()}
    verdict = Verdict.AC if passed else Verdict.WA
    measured = Measured(verdict, figures, per_pass, detail="" if passed else "wrong answer on test 3")
    attempt = Attempt(code, measured, 9 if passed else 2, 9, failure="" if passed else "wrong answer on test 3")
    base = {"problem_id": "4", "language": "python", "iteration": iteration, "sample_id": sample, "objective": "time"}
    return {**base, **row, "code": code, "verdict": attempt.verdict, "attempt": attempt.to_dict(), "completion": "..."}


def write_run(path: Path) -> Path:
    """Iteration 0 fails, 1 passes, 2 passes faster (and re-samples 1's code); one row per other objective."""
    slow, fast = references("4")["better"], references("4")["optimal"]
    rows = [
        candidate(0, 0, "print(0)", None),
        candidate(1, 0, slow, [0.300, 0.310, 0.305]),
        candidate(2, 0, fast, [0.200, 0.210, 0.205]),
        candidate(2, 1, slow, [0.302, 0.306, 0.301]),
        candidate(0, 0, slow, [6.0e6, 6.0e6, 6.1e6], objective="memory"),
        candidate(1, 0, fast, [5.0e6, 5.0e6, 5.1e6], objective="memory"),
        candidate(1, 0, fast, [0.1, 0.1, 0.1], problem_id="10"),
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def test_trajectories_become_improving_rewrites_pairs_and_originals(tmp_path: Path) -> None:
    run = str(write_run(tmp_path / "trajectories.jsonl"))
    slow, fast = references("4")["better"].rstrip(), references("4")["optimal"].rstrip()
    counted = ["venus-mini", "--problems", "4", "--from-trajectories", run]
    assert "unmeasured 3" in refused("sft", *counted, "--out", str(tmp_path / "counted"))  # no counts to rank by
    source = [*counted, *CLOCK]
    sft = export("sft", *source, "--out", str(tmp_path / "sft"))
    rows = datasets.load_from_disk(str(tmp_path / "sft")).to_list()
    assert [(r["label"], r["rank"], r["value"]) for r in rows] == [
        ("iteration 2 sample 0", 0, 0.200),
        ("iteration 1 sample 0", 1, 0.300),
    ]
    assert fast in rows[0]["completion"][0]["content"] and slow in rows[0]["prompt"][0]["content"]
    assert "passed all tests: yes" in rows[0]["prompt"][0]["content"]
    assert "print(0)" in rows[1]["prompt"][0]["content"] and "wrong or crashes" in rows[1]["prompt"][0]["content"]
    expected = {"failed": 1, "not_improving": 1, "no_previous_best": 0, "other_objective": 2, "problem_not_selected": 1}
    assert sft["dropped"] == {k: v for k, v in expected.items() if v}
    assert sft["settings"]["source"] == "trajectories" and sft["settings"]["trajectories"] == [run]

    export("dpo", *source, "--out", str(tmp_path / "dpo"))
    pairs = datasets.load_from_disk(str(tmp_path / "dpo")).to_list()
    assert sorted((p["chosen_label"][10], p["rejected_label"][10], p["rejected_value"]) for p in pairs) == [
        ("1", "0", None),
        ("2", "0", None),
        ("2", "0", None),
        ("2", "1", 0.300),
    ]
    assert all("## Current solution" not in p["prompt"][0]["content"] for p in pairs)  # from scratch

    grpo = export("grpo", *source, "--out", str(tmp_path / "grpo"))
    originals = datasets.load_from_disk(str(tmp_path / "grpo")).to_list()
    assert [(o["original_label"], o["baseline_cpu_time"]) for o in originals] == [
        ("iteration 1 sample 0", 0.300),
        ("iteration 2 sample 0", 0.200),
    ]
    assert originals[0]["baseline_peak_memory"] is None and grpo["dropped"]["duplicate"] == 1
    export("grpo", *source, "--template", "paper", "--out", str(tmp_path / "paper"))
    paper = datasets.load_from_disk(str(tmp_path / "paper"))[0]["prompt"][0]["content"]
    assert paper.startswith("You are an expert competitive programmer") and slow in paper


def test_llama_factory_layout_one_file_per_objective(tmp_path: Path) -> None:
    run = str(write_run(tmp_path / "trajectories.jsonl"))
    source = ["venus-mini", "--problems", "4", "--from-trajectories", run, "--format", "llama-factory", *CLOCK]
    out = tmp_path / "lf"
    manifest = export("sft", *source, "--objective", "time,memory", "--out", str(out))
    info = json.loads((out / "dataset_info.json").read_text())
    assert info == {
        f"afterburner_sft_{o}": {
            "file_name": f"afterburner_sft_{o}.json",
            "columns": {"prompt": "prompt", "response": "response"},
        }
        for o in ("time", "memory")
    }
    time_rows = json.loads((out / "afterburner_sft_time.json").read_text())
    memory_rows = json.loads((out / "afterburner_sft_memory.json").read_text())
    assert len(time_rows) == 2 and len(memory_rows) == 1 and manifest["rows"] == 3
    assert set(time_rows[0]) == {"prompt", "response"} and time_rows[0]["response"].startswith("```python\n")
    assert "## Problem" in time_rows[0]["prompt"] and manifest["objectives"] == ["time", "memory"]
    assert manifest["dropped"]["memory/other_objective"] == 5

    dpo = tmp_path / "lf-dpo"
    export("dpo", *source, "--out", str(dpo))
    entry = json.loads((dpo / "dataset_info.json").read_text())["afterburner_dpo_time"]
    assert entry["ranking"] is True and entry["columns"] == {
        "prompt": "prompt",
        "chosen": "chosen",
        "rejected": "rejected",
    }
    assert set(json.loads((dpo / "afterburner_dpo_time.json").read_text())[0]) == {"prompt", "chosen", "rejected"}
    assert "not a LLaMA-Factory kind" in refused("grpo", *source, "--out", str(tmp_path / "lf-grpo"))


def test_llama_factory_export_merges_into_an_existing_dataset_info(tmp_path: Path) -> None:
    from afterburner.training.llama_factory import INFO, write_llama_factory

    theirs = {"alpaca_en_demo": {"file_name": "alpaca_en_demo.json"}, "afterburner_sft_time": {"file_name": "old"}}
    (tmp_path / INFO).write_text(json.dumps(theirs))
    row = {
        "prompt": [{"role": "user", "content": "Speed it up."}],
        "completion": [{"role": "assistant", "content": "x"}],
    }
    assert write_llama_factory(tmp_path, "sft", {"time": [row]}) == {"afterburner_sft_time.json": 1}
    info = json.loads((tmp_path / INFO).read_text())
    assert info["alpaca_en_demo"] == {"file_name": "alpaca_en_demo.json"}  # another dataset's entry is kept
    assert info["afterburner_sft_time"]["file_name"] == "afterburner_sft_time.json"  # ours is replaced
    (tmp_path / INFO).write_text("[1, 2]")
    with pytest.raises(UsageError, match="not a JSON object"):
        write_llama_factory(tmp_path, "sft", {"time": [row]})


def test_split_keeps_train_problems_and_is_recorded(tmp_path: Path) -> None:
    run = str(write_run(tmp_path / "trajectories.jsonl"))
    ids = [p.id for p in load_bundled().problems]
    split = ProblemSplit("venus-mini", "venus-mini", 0, 0.1, tuple(i for i in ids if i != "10"), ("10",))
    split.save(tmp_path / "split.json")
    source = ["venus-mini", "--from-trajectories", run, "--split", str(tmp_path / "split.json"), *CLOCK]
    manifest = export("grpo", *source, "--out", str(tmp_path / "grpo"))
    assert manifest["problems"] == ["4"] and manifest["dropped"]["problem_not_selected"] == 1
    assert manifest["split"]["test"] == ["10"] and manifest["split"]["path"] == str((tmp_path / "split.json").resolve())
    message = refused("grpo", *source, "--problems", "4,10", "--out", str(tmp_path / "again"))
    assert "training refuses test-split problems: 10" in message


def test_bad_input_is_a_clear_usage_error(tmp_path: Path) -> None:
    run = str(write_run(tmp_path / "trajectories.jsonl"))
    out = str(tmp_path / "out")
    source = ["venus-mini", "--problems", "4", "--from-trajectories", run, *CLOCK]
    assert "unknown kind 'ppo'" in refused("ppo", "venus-mini", "--out", out)
    assert "unknown objective 'speed'" in refused("sft", "venus-mini", "--objective", "speed", "--out", out)
    assert "several objectives" in refused("sft", "venus-mini", "--objective", "time,memory", "--out", out)
    assert "no such dataset file" in refused("sft", str(tmp_path / "missing.jsonl"), "--out", out)
    assert "unknown format" in refused("sft", *source, "--format", "alpaca", "--out", out)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine")
    assert "not empty" in refused("sft", *source, "--out", str(tmp_path / "full"))
    assert "not an earlier export" in refused("sft", *source, "--out", str(tmp_path / "full"), "--force")
    export("sft", *source, "--out", out)
    assert "not empty" in refused("sft", *source, "--out", out)
    assert export("dpo", *source, "--out", out, "--force")["kind"] == "dpo"
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"problem_id": "4", "language": "python"}\n')
    assert "broken.jsonl:1" in refused("sft", "venus-mini", "--from-trajectories", str(broken), "--out", out + "2")
    with pytest.raises(UsageError, match="not an export"):
        read_manifest(tmp_path)


def test_export_help_explains_every_option() -> None:
    shown = CliRunner().invoke(app, ["export", "--help"], env={"COLUMNS": "200"}).output
    for option in ("--objective", "--out", "--language", "--problems", "--repeat", "--k", "--max-pairs", "--split"):
        assert option in shown
    for option in ("--template", "--format", "--from-trajectories", "--originals", "--workers", "--force"):
        assert option in shown
    for option in ("--metric", "--counter", "--estimator"):
        assert option in shown
    assert "sft" in shown and "grpo" in shown


@pytest.fixture(scope="module")
def trimmed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return trimmed_dataset(tmp_path_factory.mktemp("trimmed"))


def test_counts_decide_by_default(trimmed: Path, tmp_path: Path) -> None:
    """No --metric: references are counted (QEMU here), and the exact counts rank them."""
    source = [str(trimmed), "--repeat", "1"]
    sft = export("sft", *source, "--out", str(tmp_path / "sft"))
    assert sft["settings"]["metric"] == "instructions"
    assert sft["settings"]["measurement"] == {
        "repeat": 1,
        "estimator": "min",
        "metric": "instructions",
        "counter": "auto",
    }
    rows = datasets.load_from_disk(str(tmp_path / "sft")).to_list()
    assert [r["label"] for r in rows] == ["optimal", "naive"] and rows[0]["value"] < rows[1]["value"]
    assert all(float(r["value"]).is_integer() and r["value"] > 1e6 for r in rows)  # instructions, not seconds

    export("dpo", *source, "--out", str(tmp_path / "dpo"))
    [pair] = datasets.load_from_disk(str(tmp_path / "dpo")).to_list()
    assert (pair["chosen_label"], pair["rejected_label"]) == ("optimal", "naive")
    assert pair["chosen_value"] == rows[0]["value"] and pair["rejected_value"] == rows[1]["value"]

    export("grpo", *source, "--originals", "slowest", "--out", str(tmp_path / "grpo"))
    [original] = datasets.load_from_disk(str(tmp_path / "grpo")).to_list()
    assert original["original_label"] == "naive" and original["baseline_instructions"] == rows[1]["value"]
    assert original["baseline_cpu_time"] > 0 and original["baseline_peak_memory"] > 0  # reported beside
    assert "instruction count" in original["prompt"][0]["content"]  # the prompt shows the count first
