"""What this host offers for isolation and measurement, probed once per process."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from dataclasses import dataclass

from afterburner.core.errors import AfterburnerError
from afterburner.sandbox.cgroups import CgroupHost


@dataclass(frozen=True)
class HostSupport:
    """Each primitive is either usable or carries the reason it is not."""

    bwrap: str | None
    bwrap_problem: str
    cgroups: CgroupHost | None
    cgroup_problem: str
    seccomp_problem: str
    valgrind: str | None
    is_root: bool

    def problems(self) -> dict[str, str]:
        found = {
            "namespaces": self.bwrap_problem,
            "cgroups": self.cgroup_problem,
            "seccomp": self.seccomp_problem,
        }
        return {name: why for name, why in found.items() if why}


def _probe_bwrap() -> tuple[str | None, str]:
    path = shutil.which("bwrap")
    if path is None:
        return None, "bubblewrap is not installed (apt-get install bubblewrap)"
    probe = subprocess.run(
        # --as-pid-1: no init stub of bubblewrap's, which would outlive the probe as a zombie of pid 1.
        [path, "--unshare-all", "--as-pid-1", "--die-with-parent", "--ro-bind", "/", "/", "--", "/bin/true"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return None, f"bubblewrap cannot create namespaces here: {probe.stderr.strip()}"
    return path, ""


def _probe_seccomp() -> str:
    try:
        from afterburner.sandbox.seccomp_filter import filter_bpf

        filter_bpf()
    except (ImportError, OSError, RuntimeError) as error:
        return f"cannot build the seccomp filter: {error} (apt-get install libseccomp2)"
    return ""


@functools.cache
def probe() -> HostSupport:
    bwrap, bwrap_problem = _probe_bwrap()
    try:
        cgroups, cgroup_problem = CgroupHost.detect(), ""
    except AfterburnerError as error:
        cgroups, cgroup_problem = None, str(error)
    return HostSupport(
        bwrap=bwrap,
        bwrap_problem=bwrap_problem,
        cgroups=cgroups,
        cgroup_problem=cgroup_problem,
        seccomp_problem=_probe_seccomp(),
        valgrind=shutil.which("valgrind"),
        is_root=os.geteuid() == 0,
    )
