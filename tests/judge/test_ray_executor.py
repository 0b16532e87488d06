"""Judging on Ray (a local Ray started here with 2 CPUs): the same results as local judging; a dead
actor's batch runs again; a batch that keeps killing its actor ends IE."""

from __future__ import annotations

import os
import pickle
import signal
import threading
import time
from collections.abc import Iterator

import pytest

from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.datasets.profile import profile_batch
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import FEEDBACK_PLAN
from afterburner.judge.executor import JudgeBatch
from afterburner.judge.judge import JudgeItem
from afterburner.judge.measurement import Measurement
from afterburner.languages import get_language

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.ray

from afterburner.judge.ray_executor import ExecutorFailure, RayExecutor, parse_executor  # noqa: E402


@pytest.fixture(scope="module")
def executor() -> Iterator[RayExecutor]:
    started = RayExecutor(num_cpus=2)
    assert started.capacity == 2  # one actor per CPU
    yield started
    started.close()
    assert not ray.is_initialized()


def _batch(code: str, repeat: int = 1) -> JudgeBatch:
    item = JudgeItem(get_language("python"), code, (TestCase("", "done"),))
    return JudgeBatch((item,), measurement=Measurement(repeat, metric="cpu_time", counter="off"))


def test_a_profile_on_ray_matches_the_local_one_in_kind(executor: RayExecutor) -> None:
    problem = load_dataset("venus-mini").get("3")
    solutions = problem.solutions_in("python")[:4]
    tests = FEEDBACK_PLAN.tests(problem)
    remote = profile_batch(
        problem, solutions, tests, Measurement(2, metric="cpu_time", counter="off"), executor=executor
    )
    local = profile_batch(problem, solutions, tests, Measurement(2, metric="cpu_time", counter="off"))
    assert [(p.label, p.verdict) for p in remote] == [(p.label, p.verdict) for p in local]
    for ours, theirs in zip(remote, local, strict=True):
        assert set(ours.samples) == set(theirs.samples) and len(ours.samples["cpu_time"]) == 2
        assert ours.cpu_time is not None and ours.peak_memory and ours.memory_integral


def test_map_keeps_every_actor_busy_and_returns_in_order(executor: RayExecutor) -> None:
    batches = [_batch(f"print('done' if {i} % 2 == 0 else 'no')\n") for i in range(6)]
    verdicts = [results[0].verdict for results in executor.map(batches)]
    assert verdicts == [Verdict.AC, Verdict.WA] * 3


def test_an_actor_killed_mid_batch_is_restarted_and_the_batch_runs_again(executor: RayExecutor) -> None:
    before = executor.restarts
    pids = executor.pids()  # asked first: a busy actor answers only after its batch
    results: list[Verdict] = []
    worker = threading.Thread(target=lambda: results.append(executor.run(_batch(SLOW))[0].verdict))
    worker.start()
    time.sleep(1.5)  # the batch is running on one of the actors
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    worker.join(120)
    assert results == [Verdict.AC]
    assert executor.restarts > before


SLOW = "import time\ntime.sleep(2.5)\nprint('done')\n"


def test_a_task_that_keeps_killing_its_actor_fails_and_a_batch_becomes_ie(
    executor: RayExecutor, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ExecutorFailure, match="no Ray actor could finish"):
        executor.call(os._exit, 1)

    def dying(*_: object) -> object:
        raise ExecutorFailure("actor died (ActorDiedError) on try 3 of 3")

    monkeypatch.setattr(executor, "call", dying)
    [result] = executor.run(_batch("print('done')\n"))
    assert result.verdict is Verdict.IE and "infrastructure error" in result.compile.message


def test_the_executor_pickles_as_its_address() -> None:
    copy = pickle.loads(pickle.dumps(RayExecutor("auto", actors=3)))
    assert copy.address == "auto" and copy.requested == 3 and copy.name == "ray:auto"
    assert parse_executor("local") is None and parse_executor("ray:10.0.0.1:6379").address == "10.0.0.1:6379"  # type: ignore[union-attr]
    with pytest.raises(Exception, match="unknown executor"):
        parse_executor("dask")
