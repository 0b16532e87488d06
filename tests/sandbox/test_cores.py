"""The core plan: measure cores for programs, host cores for the model, the monitor and Afterburner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from afterburner.core.errors import UsageError
from afterburner.sandbox import cores, host
from afterburner.sandbox.cores import CoreLease, CorePlan, core_plan, format_cpulist, parse_cpulist


@pytest.fixture
def machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """A clean plan: no override and no environment setting; tests set all_cores as they need."""
    monkeypatch.delenv(cores.ENV_VAR, raising=False)
    monkeypatch.setattr(cores, "_override", None)
    yield monkeypatch


def with_cores(monkeypatch: pytest.MonkeyPatch, available: tuple[int, ...]) -> None:
    monkeypatch.setattr(cores, "all_cores", lambda: available)


def test_cpulists_parse_and_format() -> None:
    assert parse_cpulist("1") == (1,)
    assert parse_cpulist("2-7,9") == (2, 3, 4, 5, 6, 7, 9)
    assert parse_cpulist(" 3, 1-2 ,3") == (1, 2, 3)
    assert format_cpulist((0, 1, 2, 5, 7, 8)) == "0-2,5,7-8"
    assert format_cpulist([4]) == "4"
    for bad in ("", ",", "1,,2", "a", "3-1", "1-", "-2", "1-2-3", "0x1"):
        with pytest.raises(ValueError):
            parse_cpulist(bad)


@pytest.mark.parametrize(
    ("available", "host", "measure"),
    [
        ((0, 1), (0,), (1,)),
        ((2, 5), (2,), (5,)),
        ((0, 1, 2), (0,), (1, 2)),
        ((0, 1, 2, 3), (0,), (1, 2, 3)),
        ((0, 1, 2, 3, 4), (0, 1), (2, 3, 4)),
        (tuple(range(8)), (0, 1), (2, 3, 4, 5, 6, 7)),
        (tuple(range(16)), (0, 1, 2, 3), tuple(range(4, 16))),
    ],
)
def test_default_plan_keeps_a_quarter_for_the_host(
    machine: pytest.MonkeyPatch, available: tuple[int, ...], host: tuple[int, ...], measure: tuple[int, ...]
) -> None:
    with_cores(machine, available)
    plan = core_plan()
    assert plan == CorePlan(measure=measure, host=host) and plan.partitioned
    assert plan.to_dict() == {"measure_cores": list(measure), "host_cores": list(host), "partitioned": True}


def test_one_core_is_shared(machine: pytest.MonkeyPatch) -> None:
    with_cores(machine, (3,))
    plan = core_plan()
    assert plan.measure == (3,) and plan.host == (3,) and not plan.partitioned
    assert plan.to_dict()["partitioned"] is False


def test_environment_and_override_choose_the_measure_cores(machine: pytest.MonkeyPatch) -> None:
    with_cores(machine, tuple(range(8)))
    machine.setenv(cores.ENV_VAR, "2-5,7")
    assert core_plan() == CorePlan(measure=(2, 3, 4, 5, 7), host=(0, 1, 6))
    # The CLI's setting wins over the environment, and None hands back to it.
    assert cores.set_measure_cores("7") == CorePlan(measure=(7,), host=tuple(range(7)))
    assert core_plan().measure == (7,)
    assert cores.set_measure_cores(None).measure == (2, 3, 4, 5, 7)
    # Measuring on every core leaves no host core: then nothing is partitioned.
    machine.setenv(cores.ENV_VAR, "0-7")
    everything = core_plan()
    assert everything.host == everything.measure == tuple(range(8)) and not everything.partitioned
    machine.setenv(cores.ENV_VAR, "  ")
    assert core_plan().measure == tuple(range(2, 8))  # blank: the default


@pytest.mark.parametrize("spec", ["8", "1-9", "x", "1,,2", "3-2", ","])
def test_bad_measure_cores_are_usage_errors(machine: pytest.MonkeyPatch, spec: str) -> None:
    with_cores(machine, tuple(range(8)))
    machine.setenv(cores.ENV_VAR, spec)
    with pytest.raises(UsageError, match=cores.ENV_VAR) as raised:
        core_plan()
    assert "0-7" in raised.value.hint
    with pytest.raises(UsageError, match="--measure-cores"):
        cores.set_measure_cores(spec)
    assert cores._override is None  # a rejected setting is not kept


def test_lease_takes_measure_cores_and_leaves_the_host_to_the_helper(
    machine: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with_cores(machine, (0, 1, 2, 3, 4))
    machine.setattr(cores, "_lock_dir", lambda: tmp_path)
    leases = [CoreLease.acquire(timeout=0) for _ in range(3)]
    try:
        assert [lease.core for lease in leases] == [4, 3, 2]
        assert all(lease.others == [0, 1] for lease in leases)
        with pytest.raises(TimeoutError):
            CoreLease.acquire(timeout=0)  # every measure core is taken; host cores are never leased
    finally:
        for lease in leases:
            lease.release()


def test_helper_falls_back_to_the_other_cores_without_a_partition(machine: pytest.MonkeyPatch, tmp_path: Path) -> None:
    machine.setattr(cores, "_lock_dir", lambda: tmp_path)
    with_cores(machine, (0, 1, 2))
    machine.setenv(cores.ENV_VAR, "0-2")
    with CoreLease.acquire(timeout=0) as lease:
        assert lease.core == 2 and lease.others == [0, 1]
    with_cores(machine, (5,))
    machine.delenv(cores.ENV_VAR)
    with CoreLease.acquire(timeout=0) as lease:
        assert lease.core == 5 and lease.others == []


def fresh_python(script: str) -> subprocess.CompletedProcess[str]:
    """Run script in a new interpreter on every core of this session (an earlier test may have pinned it)."""
    start = f"import os; os.sched_setaffinity(0, {set(cores.all_cores())})\n"
    env = {k: v for k, v in os.environ.items() if k != cores.ENV_VAR}
    argv = [sys.executable, "-c", start + textwrap.dedent(script)]
    done = subprocess.run(argv, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done


PIN_SCRIPT = """
import os, threading, time
from pathlib import Path
from afterburner.sandbox import cores, host

stop = threading.Event()
early = [threading.Thread(target=stop.wait) for _ in range(3)]
for thread in early:
    thread.start()
before = cores.all_cores()
partitioned = cores.pin_to_host_cores()
late = threading.Thread(target=stop.wait)  # started after pinning: inherits the mask
late.start()
masks = {int(t.name): sorted(os.sched_getaffinity(int(t.name))) for t in Path("/proc/self/task").iterdir()}
stop.set()
print(partitioned, list(before), list(cores.all_cores()), list(cores.core_plan().host), len(masks))
print(sorted({str(mask) for mask in masks.values()}))
"""


def test_pinning_moves_every_thread_and_keeps_all_cores() -> None:
    if len(cores.all_cores()) < 2:
        pytest.skip("one core: nothing to partition")
    done = fresh_python(PIN_SCRIPT)
    summary, masks = done.stdout.splitlines()
    host = list(cores.default_plan(cores.all_cores()).host)
    assert summary == f"True {list(cores.all_cores())} {list(cores.all_cores())} {host} 5"
    assert masks == str([str(host)])


def test_all_cores_is_captured_once() -> None:
    first = cores.all_cores()
    assert first == tuple(sorted(first)) and set(first) <= set(range(os.cpu_count() or 1))
    assert cores.all_cores() is first


CPUSET_SCRIPT = """
import json, os
from afterburner.sandbox.cores import pin_to_host_cores
from afterburner.languages.snippet import run_python

partitioned = pin_to_host_cores()
result = run_python("import os; print(sorted(os.sched_getaffinity(0)))")
print(json.dumps([partitioned, sorted(os.sched_getaffinity(0)), result.verdict.name, result.stdout_text]))
"""


def test_the_run_cpuset_resets_the_affinity_a_pinned_parent_passes_on() -> None:
    """Afterburner pinned to the host cores; its measured program still gets exactly its leased core."""
    if len(cores.all_cores()) < 2:
        pytest.skip("one core: nothing to partition")
    support = host.probe()
    if support.cgroups is None or not support.cgroups.has_cpuset:
        pytest.skip("no cpuset cgroup: runs are not pinned to a core")
    done = fresh_python(CPUSET_SCRIPT)
    partitioned, parent, verdict, program = json.loads(done.stdout)
    plan = cores.default_plan(cores.all_cores())
    assert partitioned and tuple(parent) == plan.host
    assert verdict == "OK" and len(json.loads(program)) == 1 and json.loads(program)[0] in plan.measure
