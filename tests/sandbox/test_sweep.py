"""What runs of a killed worker leave (an empty cgroup, a scratch directory) is swept; live runs are not."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from afterburner.sandbox.cgroups import CgroupHost
from afterburner.sandbox.monitor_binary import monitor_path
from afterburner.sandbox.sweep import sweep_stale


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_stale_cgroups_and_scratch_of_dead_processes_go_live_ones_stay() -> None:
    dead, alive = _dead_pid(), os.getppid()
    bases = list(CgroupHost.detect().bases.values())
    made = []
    for base in bases:
        for pid in (dead, alive):
            path = base / f"run-{pid}-9999-abcdef"
            path.mkdir()
            made.append(path)
    scratch = {pid: Path(tempfile.mkdtemp(prefix=f"afterburner-run-{pid}-")) for pid in (dead, alive)}
    (scratch[dead] / "box").mkdir()
    try:
        swept = sweep_stale()
        assert swept.cgroups >= len(bases) and swept.scratch >= 1
        assert all(not p.exists() for p in made if f"run-{dead}-" in p.name)
        assert all(p.exists() for p in made if f"run-{alive}-" in p.name)
        assert not scratch[dead].exists() and scratch[alive].exists()
    finally:
        for path in made:
            if path.exists():
                path.rmdir()
        for path in scratch.values():
            if path.exists():
                path.rmdir()


def test_a_helper_whose_spawner_died_before_it_started_runs_nothing(tmp_path: Path) -> None:
    """A worker killed between its fork and the helper's start: the helper, adopted by then, must not
    run the program (it would run unwatched, its report read by nobody). The spawner names itself."""
    marker = tmp_path / "ran"
    program = ["/bin/sh", "-c", f"touch {marker}"]
    alive = subprocess.run([str(monitor_path()), "--parent", str(os.getpid()), "--", *program], check=False)
    assert alive.returncode == 0 and marker.exists()
    marker.unlink()
    orphaned = subprocess.run([str(monitor_path()), "--parent", str(_dead_pid()), "--", *program], check=False)
    assert orphaned.returncode == 125 and not marker.exists()
