"""Judge batches on a Ray cluster: one actor per core, each with its own sandbox.

`RayExecutor(address)` connects to a cluster (`auto`, `ray://HOST:PORT`, or None for a Ray it
starts on this machine) and starts one actor per CPU (`num_cpus=1`). A batch goes to one idle
actor and is judged there whole, so its programs are still measured together on one machine;
every run inside leases a measure core of that machine, as it does locally. Callers wait for
an idle actor (backpressure: at most one batch per actor in flight) and for their result with
`ray.wait`; `map` keeps every actor busy from one thread.

An actor that dies (the host killed it, its node went away) is restarted by Ray and the batch
runs again on an idle actor; after `retries` deaths the batch's programs come back IE (ours,
never the candidate's). Ray is imported lazily: `pip install ray`.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from afterburner.core.errors import UsageError
from afterburner.judge.executor import JudgeBatch, run_locally, unjudged
from afterburner.judge.judge import JudgeResult

T = TypeVar("T")
POLL_SECONDS = 1.0  # how often a waiting caller wakes to check on its actor


def _ray() -> Any:
    try:
        import ray
    except ImportError as error:  # pragma: no cover - depends on the install
        raise UsageError("the Ray executor needs Ray", "pip install 'afterburner[ray]' (or pip install ray)") from error
    return ray


class ExecutorFailure(Exception):
    """A task could not be completed on any actor: its results become IE."""


class _Worker:
    """The actor: runs functions of afterburner in its own process (its own sandbox, core leases)."""

    def __init__(self) -> None:
        from afterburner.sandbox.sweep import sweep_stale

        sweep_stale()  # what a killed predecessor on this node left behind

    def call(self, function: Callable[..., Any], *args: Any) -> Any:
        return function(*args)

    def pid(self) -> int:
        return os.getpid()

    def node(self) -> str:
        return str(_ray().get_runtime_context().get_node_id())


class RayExecutor:
    """Judge batches on Ray actors; picklable (a copy connects again to the same address)."""

    def __init__(
        self, address: str | None = None, actors: int | None = None, retries: int = 2, num_cpus: int | None = None
    ):
        if actors is not None and actors < 1:
            raise UsageError("a Ray executor needs at least one actor")
        self.address = address
        self.requested = actors
        self.retries = retries
        self.num_cpus = num_cpus  # only when starting a local Ray: its CPU count
        self._lock = threading.Lock()
        self._actors: list[Any] = []
        self._idle: queue.Queue[Any] = queue.Queue()
        self._started_ray = False
        self.restarts = 0  # deaths seen (each batch re-run once per death)

    def __getstate__(self) -> dict[str, Any]:
        return {"address": self.address, "actors": self.requested, "retries": self.retries, "num_cpus": self.num_cpus}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["address"], state["actors"], state["retries"], state["num_cpus"])  # type: ignore[misc]

    @property
    def name(self) -> str:
        return f"ray:{self.address or 'local'}"

    @property
    def capacity(self) -> int:
        self._start()
        return len(self._actors)

    def _start(self) -> None:
        with self._lock:
            if self._actors:
                return
            ray = _ray()
            if not ray.is_initialized():
                options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
                if self.address:
                    options["address"] = self.address
                elif self.num_cpus:
                    options["num_cpus"] = self.num_cpus
                ray.init(**options)
                self._started_ray = True
            count = self.requested or max(1, int(ray.cluster_resources().get("CPU", 1)))
            remote = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=0)(_Worker)
            self._actors = [remote.remote() for _ in range(count)]
            ray.get([actor.pid.remote() for actor in self._actors])  # every actor up before work starts
            for actor in self._actors:
                self._idle.put(actor)

    def pids(self) -> list[int]:
        """The process of every actor (tests kill one to see the batch re-run)."""
        self._start()
        ray = _ray()
        return [int(pid) for pid in ray.get([actor.pid.remote() for actor in self._actors])]

    def call(self, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` on an idle actor; again on another after an actor dies (ExecutorFailure at the end)."""
        self._start()
        ray = _ray()
        dead = (ray.exceptions.RayActorError, ray.exceptions.WorkerCrashedError)
        for attempt in range(self.retries + 1):
            actor = self._idle.get()
            try:
                reference = actor.call.remote(function, *args)
                while not ray.wait([reference], timeout=POLL_SECONDS)[0]:
                    pass
                return ray.get(reference)  # type: ignore[no-any-return]
            except dead as error:
                with self._lock:
                    self.restarts += 1
                last = f"actor died ({type(error).__name__}) on try {attempt + 1} of {self.retries + 1}"
                time.sleep(0.2 * (attempt + 1))  # Ray restarts the actor meanwhile
            finally:
                self._idle.put(actor)
        raise ExecutorFailure(f"no Ray actor could finish the task: {last}")

    def run(self, batch: JudgeBatch) -> list[JudgeResult]:
        try:
            return self.call(run_locally, batch)
        except ExecutorFailure as error:
            return unjudged(batch, f"infrastructure error: {error}")

    def map(self, batches: Iterable[JudgeBatch]) -> Iterator[list[JudgeResult]]:
        """Judge many batches from one thread, in order, with at most one per actor in flight (`ray.wait`)."""
        self._start()
        ray = _ray()
        pending: dict[Any, tuple[int, JudgeBatch, Any]] = {}
        done: dict[int, list[JudgeResult]] = {}
        todo = iter(enumerate(batches))
        next_out = 0
        exhausted = False
        while True:
            while not exhausted and len(pending) < len(self._actors):
                item = next(todo, None)
                if item is None:
                    exhausted = True
                    break
                actor = self._idle.get()
                pending[actor.call.remote(run_locally, item[1])] = (item[0], item[1], actor)
            if not pending:
                break
            ready, _ = ray.wait(list(pending), num_returns=1, timeout=POLL_SECONDS)
            for reference in ready:
                index, batch, actor = pending.pop(reference)
                self._idle.put(actor)
                try:
                    done[index] = ray.get(reference)
                except (ray.exceptions.RayActorError, ray.exceptions.WorkerCrashedError):
                    done[index] = self.run(batch)  # re-run, counting deaths as `run` does
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1

    def close(self) -> None:
        with self._lock:
            actors, self._actors = self._actors, []
            self._idle = queue.Queue()
        if not actors:
            return
        ray = _ray()
        for actor in actors:
            ray.kill(actor)
        if self._started_ray:
            ray.shutdown()
            self._started_ray = False


def parse_executor(spec: str | None) -> RayExecutor | None:
    """`--executor`: local (None) or ray[:ADDRESS] (ADDRESS: auto, HOST:PORT or ray://HOST:PORT)."""
    if spec is None or spec == "local":
        return None
    kind, _, address = spec.partition(":")
    if kind != "ray":
        raise UsageError(f"unknown executor {spec!r}", "use local or ray[:ADDRESS]")
    return RayExecutor(address or None)
