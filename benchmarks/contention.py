"""How often a measured run shares its core with the optimizer's own threads (the model, the monitor, Python).

Launches a command (by default a small `afterburner optimize` on the embedded model) and, while
it runs, polls the sandbox's per-run cgroups (their cpuset is the leased core) and the threads of
the command's process tree. A run is contended when at any poll while its program existed a thread
of the tree, other than the run's own tasks, was runnable (state R) on the run's core.

Prints one JSON object: measured_runs, contended_runs, judge_core_contended (their ratio), samples
and poll_hz_achieved. Run with the venv's python: python benchmarks/contention.py --json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from afterburner.sandbox.cores import core_plan, parse_cpulist

GROUP_NAME = "afterburner"  # the sandbox's folder of per-run cgroups, under the process's own cgroup


def _mounts() -> tuple[Path | None, Path | None]:
    """Mount points of the v1 cpuset controller and of the v2 hierarchy."""
    cpuset: Path | None = None
    unified: Path | None = None
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        left, _, right = line.partition(" - ")
        fstype, _source, options = [*right.split(), "", ""][:3]
        if fstype == "cgroup" and "cpuset" in options.split(","):
            cpuset = Path(left.split()[4])
        elif fstype == "cgroup2":
            unified = Path(left.split()[4])
    return cpuset, unified


def run_cgroup_bases(pid: int) -> list[Path]:
    """Where the sandbox of process `pid` creates its run cgroups that carry a cpuset."""
    cpuset, unified = _mounts()
    bases = []
    for line in Path(f"/proc/{pid}/cgroup").read_text().splitlines():
        _hid, controllers, path = line.split(":", 2)
        if cpuset is not None and "cpuset" in controllers.split(","):
            bases.append(cpuset / path.lstrip("/") / GROUP_NAME)
        elif unified is not None and cpuset is None and controllers == "":
            bases.append(unified / path.lstrip("/") / GROUP_NAME)
    return [base for base in bases if base.parent.is_dir()]


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except (FileNotFoundError, ProcessLookupError, OSError):
        return ""


def _stat_fields(path: Path) -> list[str]:
    """Fields 3.. of a /proc stat file; the command name may hold spaces and ')' so split after the last one."""
    text = _read(path)
    return text.rsplit(")", 1)[1].split() if ")" in text else []


class ProcessTree:
    """The pids descending from a root, kept current by reading each new pid's parent once."""

    def __init__(self, root: int) -> None:
        self.root = root
        self._parents: dict[int, int] = {}

    def pids(self) -> set[int]:
        alive = {int(name) for name in os.listdir("/proc") if name.isdigit()}
        self._parents = {pid: parent for pid, parent in self._parents.items() if pid in alive}
        for pid in alive - self._parents.keys():
            fields = _stat_fields(Path(f"/proc/{pid}/stat"))
            if fields:
                self._parents[pid] = int(fields[1])
        tree, frontier = {self.root}, [self.root]
        children: dict[int, list[int]] = {}
        for pid, parent in self._parents.items():
            children.setdefault(parent, []).append(pid)
        while frontier:
            for child in children.get(frontier.pop(), []):
                if child not in tree:
                    tree.add(child)
                    frontier.append(child)
        return tree


@dataclass
class Thread:
    tid: int
    state: str
    processor: int


def threads_of(pids: set[int]) -> Iterator[Thread]:
    for pid in pids:
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            for name in os.listdir(f"/proc/{pid}/task"):
                fields = _stat_fields(Path(f"/proc/{pid}/task/{name}/stat"))
                if len(fields) > 36:
                    yield Thread(int(name), fields[0], int(fields[36]))  # fields 3 (state) and 39 (processor)


@dataclass
class RunSeen:
    contended: bool = False
    measured: bool = False  # its program existed at some poll (tasks in the cgroup)


@dataclass
class Poller:
    """One poll: the runs in flight, the tree's runnable threads, then the runs' own tasks."""

    tree: ProcessTree
    bases: list[Path]
    runs: dict[str, RunSeen] = field(default_factory=dict)
    run_tids: set[int] = field(default_factory=set)  # every task ever seen inside a run cgroup
    polls: int = 0
    polls_with_runs: int = 0
    known: set[int] = field(default_factory=set)

    def _run_dirs(self) -> list[Path]:
        found = []
        for base in self.bases:
            with contextlib.suppress(FileNotFoundError):
                found += [entry for entry in base.iterdir() if entry.name.startswith("run-")]
        return [entry for entry in found if self._ours(entry.name)]

    def _ours(self, name: str) -> bool:
        """Runs of the command's processes only (run-PID-N-RAND), not of other Afterburner processes."""
        parts = name.split("-")
        pid = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else -1
        if pid not in self.known:
            self.known = self.tree.pids()
        return pid in self.known

    def poll(self) -> None:
        self.polls += 1
        runs = self._run_dirs()
        if not runs:
            return
        cpus = {run.name: _cpus(run) for run in runs}
        self.known = self.tree.pids()
        # Threads first, then the runs' tasks: a task that joined its run in between is still excluded.
        running = [thread for thread in threads_of(self.known) if thread.state == "R"]
        active = False
        for run in runs:
            tasks = {int(t) for t in _read(run / "tasks").split() or _read(run / "cgroup.threads").split()}
            self.run_tids |= tasks
            seen = self.runs.setdefault(run.name, RunSeen())
            if not tasks or not cpus[run.name]:
                continue  # set up but not started, or already emptied: the program is not there
            active = seen.measured = True
            suspects = [t.tid for t in running if t.processor in cpus[run.name] and t.tid not in self.run_tids]
            if any(not _in_a_run(tid) for tid in suspects):
                seen.contended = True
        self.polls_with_runs += active


def _in_a_run(tid: int) -> bool:
    """Whether a task belongs to some run's cgroup (a short-lived child of a measured program, say).

    A task gone before this check counts as one: the optimizer's own threads live long.
    """
    text = _read(Path(f"/proc/{tid}/cgroup"))
    return not text or f"/{GROUP_NAME}/run-" in text


def _cpus(run: Path) -> frozenset[int]:
    text = _read(run / "cpuset.cpus").strip()
    try:
        return frozenset(parse_cpulist(text)) if text else frozenset()
    except ValueError:
        return frozenset()


def contended_share(argv: list[str], poll_hz: float = 500) -> dict[str, object]:
    """Launch argv and report how many of its measured runs had one of its other threads on their core."""
    started = time.monotonic()
    process = subprocess.Popen(argv, stdout=sys.stderr)
    # The observer itself stays off the measure cores (the command was forked before this).
    with contextlib.suppress(OSError):
        os.sched_setaffinity(0, core_plan().host)
    poller = Poller(ProcessTree(process.pid), run_cgroup_bases(process.pid))
    period = 1.0 / poll_hz
    deadline = time.monotonic()
    while process.poll() is None:
        poller.poll()
        deadline += period
        pause = deadline - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        else:
            deadline = time.monotonic()  # behind: do not try to catch up in a burst
    seconds = time.monotonic() - started
    measured = [seen for seen in poller.runs.values() if seen.measured]
    contended = sum(seen.contended for seen in measured)
    return {
        "measured_runs": len(measured),
        "contended_runs": contended,
        "judge_core_contended": round(contended / len(measured), 4) if measured else None,
        "samples": poller.polls,
        "samples_with_runs": poller.polls_with_runs,
        "poll_hz_achieved": round(poller.polls / seconds, 1) if seconds > 0 else None,
        "seconds": round(seconds, 2),
        "exit_code": process.returncode,
        "core_plan": core_plan().to_dict(),
    }


def afterburner_command(out: Path, problems: str, iterations: int) -> list[str]:
    executable = Path(sys.executable).parent / "afterburner"
    command = [str(executable) if executable.exists() else "afterburner", "optimize", "--dataset", "venus-mini"]
    return [*command, "--problems", problems, "--iterations", str(iterations), "--samples", "1", "--out", str(out)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="accepted for symmetry: the output is always JSON")
    parser.add_argument("--poll-hz", type=float, default=500.0)
    parser.add_argument("--problems", default="2")
    parser.add_argument("--iterations", type=int, default=1)
    parser.add_argument("command", nargs=argparse.REMAINDER, help="another command to observe, after --")
    args = parser.parse_args()
    command = [part for part in args.command if part != "--"]
    with tempfile.TemporaryDirectory(prefix="afterburner-contention-") as out:
        argv = command or afterburner_command(Path(out), args.problems, args.iterations)
        report = {"command": argv, **contended_share(argv, args.poll_hz)}
    print(json.dumps(report, indent=2))
    sys.exit(0 if report["exit_code"] == 0 else 1)


if __name__ == "__main__":
    main()
