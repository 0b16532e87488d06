"""The seccomp filter loaded by bubblewrap before it execs the program.

Denied with EPERM: sockets other than AF_UNIX, tracing, mounting, namespace changes,
kernel keyrings, BPF, perf events, kexec, io_uring and userfaultfd. clone3 answers ENOSYS
so libc falls back to clone, whose flags the filter can inspect.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import socket
import tempfile

DENIED = (
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "mount",
    "umount2",
    "pivot_root",
    "move_mount",
    "open_tree",
    "fsopen",
    "fsmount",
    "fsconfig",
    "fspick",
    "mount_setattr",
    "chroot",
    "setns",
    "unshare",
    "bpf",
    "perf_event_open",
    "kexec_load",
    "kexec_file_load",
    "keyctl",
    "add_key",
    "request_key",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "userfaultfd",
    "init_module",
    "finit_module",
    "delete_module",
    "reboot",
    "swapon",
    "swapoff",
    "acct",
    "quotactl",
    "lookup_dcookie",
    "name_to_handle_at",
    "open_by_handle_at",
    "settimeofday",
    "clock_settime",
    "adjtimex",
    "syslog",
    "personality",
)

# Each namespace flag of clone(): NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET, NEWTIME.
NAMESPACE_FLAGS = (0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000, 0x00000080)


@functools.cache
def filter_bpf() -> bytes:
    """Compile the filter to classic BPF, once per process."""
    import pyseccomp as seccomp  # imported lazily: needs libseccomp

    rules = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    deny = seccomp.ERRNO(errno.EPERM)
    for name in DENIED:
        with contextlib.suppress(OSError, RuntimeError, ValueError):  # not on this architecture
            rules.add_rule(deny, name)
    rules.add_rule(deny, "socket", seccomp.Arg(0, seccomp.NE, socket.AF_UNIX))
    rules.add_rule(deny, "socketpair", seccomp.Arg(0, seccomp.NE, socket.AF_UNIX))
    for flag in NAMESPACE_FLAGS:  # any one of them is enough to deny
        rules.add_rule(deny, "clone", seccomp.Arg(0, seccomp.MASKED_EQ, flag, flag))
    rules.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
    with tempfile.TemporaryFile() as out:
        rules.export_bpf(out)
        out.seek(0)
        return out.read()


def filter_fd() -> int:
    """A fresh readable fd holding the BPF program (bubblewrap reads it to the end)."""
    data = filter_bpf()
    fd = os.memfd_create("afterburner-seccomp", 0)
    os.write(fd, data)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd
