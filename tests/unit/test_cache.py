"""The content cache: atomic writes, tolerant reads, scopes; then each of its five users on damage.

The first cases use a cache of their own (`AFTERBURNER_CACHE` = a temp dir) and run nothing. The
last five run the sandbox for real (compile, baseline, generator, profile, reward), with inputs of
their own so that the session's cache has no entry for them yet.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from afterburner.core.cache import LOCAL, ContentCache, Scope
from afterburner.core.limits import Limits
from afterburner.core.machine import machine_fingerprint
from afterburner.datasets import testgen
from afterburner.datasets.bundled import load_bundled
from afterburner.datasets.model import Dataset
from afterburner.datasets.profile import profile_dataset
from afterburner.datasets.testgen import TestPlan, generate_tests
from afterburner.judge import baseline
from afterburner.judge.compiler import compile_source
from afterburner.judge.measurement import CLOCK_ONLY
from afterburner.languages import get_language
from afterburner.training.reward_judge import JudgeSettings, RewardJudge, normalized

KEY = "ab" + "0" * 62
DAMAGE = {"empty": b"", "truncated": b'{"verdict": "AC", "metr', "garbage": bytes(range(256)), "a list": b"[1, 2]"}


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AFTERBURNER_CACHE", str(tmp_path))
    return tmp_path


def _entries(directory: Path) -> set[Path]:
    return {path for path in directory.rglob("*") if path.is_file()}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_entry_is_a_miss_and_the_next_put_works(own_cache: Path, damage: str) -> None:
    cache = ContentCache("profiles", Scope.MACHINE, LOCAL)
    cache.path(KEY).write_bytes(DAMAGE[damage])
    assert cache.get(KEY) is None
    cache.put(KEY, {"cpu_time": 0.5})
    assert cache.get(KEY) == {"cpu_time": 0.5}
    assert _entries(own_cache) == {cache.path(KEY)}  # no temp file stays


def test_an_interrupted_put_leaves_no_entry(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ContentCache("tests")

    def killed(*args: Any) -> None:
        raise KeyboardInterrupt  # as if the run were killed between the write and the rename

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", killed)
        with pytest.raises(KeyboardInterrupt):
            cache.put(KEY, {"tests": []})
    assert cache.get(KEY) is None and _entries(own_cache) == set()
    cache.put(KEY, {"tests": [1]})
    assert cache.get(KEY) == {"tests": [1]}


def test_a_temp_file_never_becomes_an_entry(own_cache: Path) -> None:
    cache = ContentCache("tests")
    # What a writer killed after its write, before its rename, leaves behind.
    (cache.path(KEY).parent / f".{KEY}.json.123.456.tmp").write_text('{"tests": []}')
    assert cache.get(KEY) is None


def test_scopes_keep_entries_apart(own_cache: Path) -> None:
    here = ContentCache("profiles", Scope.MACHINE, LOCAL)
    caches = [
        here,
        ContentCache("profiles", Scope.MACHINE, "ray:10.0.0.1:6379"),
        ContentCache("profiles", Scope.MACHINE, "remote:http://judge:8000"),
        ContentCache("profiles", Scope.TOOLCHAIN, "g++ 13.2.0"),
        ContentCache("profiles", Scope.TOOLCHAIN, "g++ 14.1.0"),
        ContentCache("profiles"),
    ]
    for index, cache in enumerate(caches):
        cache.put(KEY, {"index": index})
    assert [cache.get(KEY) for cache in caches] == [{"index": i} for i in range(len(caches))]
    assert len({cache.path(KEY) for cache in caches}) == len(caches)
    assert ContentCache("profiles", Scope.MACHINE).directory == here.directory  # "local" by default
    assert machine_fingerprint() in here.directory.name
    assert ContentCache("profiles").path(KEY) == own_cache / "profiles" / f"{KEY}.json"
    assert ContentCache("rewards", shard=True).path(KEY) == own_cache / "rewards" / "ab" / f"{KEY}.json"


def test_keys_and_scopes_are_checked(own_cache: Path) -> None:
    for bad in ("", "../escape", ".hidden", "a/b"):
        with pytest.raises(ValueError):
            ContentCache("tests").get(bad)
    with pytest.raises(ValueError):
        ContentCache("tests", Scope.CONTENT, "an identity")


def _fill(into: Path) -> dict[str, Any]:
    (into / "artifact").write_text("built")
    return {"ok": True}


def test_a_directory_entry_is_built_once_and_rebuilt_when_damaged(own_cache: Path) -> None:
    cache = ContentCache("builds", Scope.TOOLCHAIN, "cc 1.0")
    built = cache.build_once(KEY, _fill)
    assert not built.cached and (built.path / "artifact").read_text() == "built"
    assert cache.build_once(KEY, _fill).cached
    for damage in DAMAGE.values():
        (built.path / "status.json").write_bytes(damage)
        again = cache.build_once(KEY, _fill)
        assert not again.cached and again.path == built.path and again.status == {"ok": True}
    (built.path / "status.json").unlink()
    assert not cache.build_once(KEY, _fill).cached
    assert not cache.build_once(KEY, _fill, usable=lambda status, path: False).cached  # a caller's check
    assert sorted(p.name for p in built.path.parent.iterdir()) == [KEY, f"{KEY}.lock"]


def test_a_failed_build_leaves_no_entry(own_cache: Path) -> None:
    cache = ContentCache("builds", Scope.TOOLCHAIN, "cc 1.0")

    def failing(into: Path) -> dict[str, Any]:
        (into / "half").write_text("half an artifact")
        raise RuntimeError("the sandbox failed")

    with pytest.raises(RuntimeError):
        cache.build_once(KEY, failing)
    assert sorted(p.name for p in cache.directory.iterdir()) == [f"{KEY}.lock"]
    assert not cache.build_once(KEY, _fill).cached


def test_concurrent_builders_build_once(own_cache: Path) -> None:
    cache = ContentCache("builds", Scope.TOOLCHAIN, "cc 1.0")
    calls: list[int] = []

    def slow(into: Path) -> dict[str, Any]:
        calls.append(1)
        return _fill(into)

    threads = [threading.Thread(target=cache.build_once, args=(KEY, slow)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1


# The five caches, each with a damaged entry on disk.


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    calls: list[int] = []
    real: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_compiler_rebuilds_a_damaged_build() -> None:
    cpp = get_language("cpp")
    source = f'#include <cstdio>\nint main() {{ std::puts("{uuid.uuid4().hex}"); }}\n'
    first = compile_source(cpp, source)
    assert first.ok and not first.cached and first.program is not None
    build = next(iter(first.program.files.values())).parent.parent  # KEY/artifacts/a.out
    assert compile_source(cpp, source).cached
    for damage in (b"", b'{"ok": tr', b'{"ok": "yes"}'):
        (build / "status.json").write_bytes(damage)
        again = compile_source(cpp, source)
        assert again.ok and not again.cached and again.program is not None
    (build / "status.json").unlink()
    assert not compile_source(cpp, source).cached
    for artifact in (build / "artifacts").iterdir():
        artifact.unlink()  # a successful build without its program
    rebuilt = compile_source(cpp, source)
    assert not rebuilt.cached and rebuilt.program is not None
    assert rebuilt.program.run(None, Limits()).verdict.passed


def test_baseline_is_measured_again_when_its_entry_is_damaged(monkeypatch: pytest.MonkeyPatch) -> None:
    python = get_language("python")
    cache = ContentCache("baselines", Scope.MACHINE, LOCAL)
    first = baseline.startup_baseline(python, runs=1, refresh=True)
    (entry,) = cache.directory.glob(f"{python.name}-*.json")
    compiled = _counting(monkeypatch, baseline, "compile_source")
    assert baseline.startup_baseline(python, runs=1) == first and not compiled
    entry.write_bytes(b'{"language": "python", "cpu_ti')
    again = baseline.startup_baseline(python, runs=1)
    assert len(compiled) == 1 and again.language == "python" and cache.get(entry.stem) == dataclasses.asdict(again)


def test_generated_tests_are_generated_again_when_their_entry_is_damaged(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = load_bundled().get("1")
    cache = ContentCache("tests")
    before = set(cache.directory.glob("*.json"))
    seed = int(uuid.uuid4().int % 1_000_000_000)
    first = generate_tests(problem, 2, seed, 0.05)
    (entry,) = set(cache.directory.glob("*.json")) - before
    runs = _counting(monkeypatch, testgen, "run_python")
    assert generate_tests(problem, 2, seed, 0.05) == first and not runs
    for damage in [*DAMAGE.values(), b'{"tests": 7}', b'{"tests": [{"input": 1}]}']:
        entry.write_bytes(damage)
        assert generate_tests(problem, 2, seed, 0.05) == first
    assert len(runs) == len(DAMAGE) + 2
    assert generate_tests(problem, 2, seed, 0.05) == first and len(runs) == len(DAMAGE) + 2


def test_profile_measures_again_when_an_entry_is_damaged() -> None:
    problem = load_bundled().get("1")
    problem = dataclasses.replace(problem, solutions=problem.solutions_in("python")[:2])
    dataset = Dataset("one", (problem,))
    plan = TestPlan(num_cases=1, seed=int(uuid.uuid4().int % 1_000_000_000), size=0.05, fixed=False)
    cache = ContentCache("profiles", Scope.MACHINE, LOCAL)
    before = set(cache.directory.glob("*.json"))
    first = profile_dataset(dataset, measurement=CLOCK_ONLY, plan=plan)
    assert first.measured == 2 and all(p.passed for p in first.profiles)
    entries = sorted(set(cache.directory.glob("*.json")) - before)
    assert len(entries) == 2
    entries[0].write_bytes(b'{"problem_id": "1", "langu')
    entries[1].write_bytes(b'{"not": "a profile"}')
    again = profile_dataset(dataset, measurement=CLOCK_ONLY, plan=plan)
    assert again.measured == 2 and all(p.passed for p in again.profiles)
    assert profile_dataset(dataset, measurement=CLOCK_ONLY, plan=plan).measured == 0


def test_reward_judges_again_when_its_entry_is_damaged() -> None:
    problem = load_bundled().get("1")
    optimal = next(s for s in problem.solutions_in("python") if s.label == "optimal")
    code = normalized(optimal.code + f"# {uuid.uuid4().hex}\n")

    def judged() -> RewardJudge:
        judge = RewardJudge(JudgeSettings(replace(CLOCK_ONLY, repeat=1)))
        judgement = judge.judge(judge.context("venus-mini", "1"), "python", code, "candidate")
        assert judgement.passed
        return judge

    first = judged()
    assert first.stats.judged == 1
    key = first._key(first.context("venus-mini", "1"), "python", code)
    disk = first._disk()
    assert disk is not None and disk.get(key) is not None
    assert judged().stats.disk_cached == 1
    for damage in DAMAGE.values():
        disk.path(key).write_bytes(damage)
        again = judged()
        assert again.stats.judged == 1 and again.stats.disk_cached == 0
    assert judged().stats.disk_cached == 1
