"""Afterburner's counting zygote for Python (runs in the sandbox, under the instruction counter).

Started once as `python3 -s -B zygote.py PROGRAM N`, it compiles PROGRAM, then for each test i forks:
the child reads the test's input from /box/afterburner-in-I on stdin, runs the compiled program as
`__main__` with stdout into an anonymous memory file, and exits. The parent waits for it, writes
"afterburner-case I STATUS BYTES" and the child's output on its own stdout, then empties /tmp and
ends any process the child left, so every test starts from the same state. The counter reports
each child's instructions apart: the interpreter starts (and translates its start-up code) once
instead of once per test. The parent does the same work between forks on every run (one blocking
wait, no polling), so each child inherits the same interpreter state (heap, garbage collector
counts) run after run, and its count repeats.
"""

import sys

# What a fresh `python3 -s -B PROGRAM` has imported when PROGRAM starts: taken before the zygote
# imports anything of its own. A child drops every other module before it runs the program, so an
# `import re` there costs what it costs natively (the zygote's own imports pulled in re, collections
# and more, and a program importing them was counted as if the import were free).
FRESH = frozenset(sys.modules)

import contextlib  # noqa: E402 (after FRESH on purpose)
import os  # noqa: E402
import signal  # noqa: E402
import traceback  # noqa: E402
import types  # noqa: E402

INPUT = "/box/afterburner-in-{}"


def _status(stop: SystemExit) -> int:
    code = stop.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def _forget_our_imports() -> None:
    """Leave in sys.modules only what a fresh interpreter has: the program imports the rest itself."""
    for name in [name for name in sys.modules if name not in FRESH]:
        del sys.modules[name]


def _case(code: types.CodeType, index: int, output_fd: int, path: str) -> None:
    """In the child: the program on test `index`, as a fresh interpreter would run it."""
    given = os.open(INPUT.format(index), os.O_RDONLY)
    os.dup2(given, 0)
    os.close(given)
    os.dup2(output_fd, 1)
    os.close(output_fd)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 (the process's own stdin)
    sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115
    sys.argv = [path]
    _forget_our_imports()
    status = 0
    try:
        exec(code, {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__})
    except SystemExit as stop:
        status = _status(stop)
    except BaseException:  # the program's own error, as Python reports it
        traceback.print_exc()
        status = 1
    try:
        sys.stdout.flush()
    except OSError:
        status = status or 120
    os._exit(status)


def _clean() -> None:
    """Empty the working directory and end every process but us and the sandbox's pid 1."""
    for pid in (int(name) for name in os.listdir("/proc") if name.isdigit()):
        if pid not in (1, os.getpid()):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    for name in os.listdir("/tmp"):
        target = os.path.join("/tmp", name)
        if os.path.isdir(target) and not os.path.islink(target):
            import shutil  # here, in the parent between tests: never preloaded for a child

            shutil.rmtree(target, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                os.unlink(target)


def _output(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while data := os.read(fd, 1 << 20):
        chunks.append(data)
    os.close(fd)
    return b"".join(chunks)


def main() -> None:
    path, count = sys.argv[1], int(sys.argv[2])
    with open(path, "rb") as source:
        code = compile(source.read(), path, "exec")
    out = sys.stdout.buffer
    for index in range(count):
        # Not a pipe: the parent need not read while the child writes, and a process the child
        # leaves running cannot hold the parent up (it ends in _clean, as it would with a sandbox).
        output_fd = os.memfd_create("afterburner-output")
        pid = os.fork()
        if pid == 0:
            _case(code, index, output_fd, path)
        _, status = os.waitpid(pid, 0)
        output = _output(output_fd)
        out.write(b"afterburner-case %d %d %d\n" % (index, os.waitstatus_to_exitcode(status), len(output)))
        out.write(output)
        out.flush()
        _clean()


if __name__ == "__main__":
    main()
