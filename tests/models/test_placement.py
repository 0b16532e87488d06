"""Where models run: on the host cores of the core plan, never on a core a program is measured on."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

from afterburner.core.errors import UsageError
from afterburner.core.limits import Limits
from afterburner.core.verdicts import Verdict
from afterburner.languages.snippet import run_python
from afterburner.models import base as models_base
from afterburner.models import hf_backend, llamacpp_backend
from afterburner.models.base import GenerationConfig, Message, ModelSpec, local_threads
from afterburner.models.factory import create_backend
from afterburner.models.openai_backend import OpenAIBackend, is_local_url
from afterburner.sandbox import cores, host
from afterburner.sandbox.gate import GATE

PROMPT = [Message("user", "Write a Python function that returns the sum of a list of integers.")]
# Busy for a second of CPU, then report the cores the program was allowed to run on.
BUSY = (
    "import os, time\n"
    "start = time.process_time()\n"
    "while time.process_time() - start < 1.0: pass\n"
    "print(','.join(map(str, sorted(os.sched_getaffinity(0)))))\n"
)


@pytest.fixture
def plan_of(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    monkeypatch.delenv(cores.ENV_VAR, raising=False)
    monkeypatch.setattr(cores, "_override", None)
    yield monkeypatch


def test_thread_counts_follow_the_host_cores(plan_of: pytest.MonkeyPatch) -> None:
    plan_of.setattr(cores, "all_cores", lambda: tuple(range(8)))
    assert local_threads(None) == 2 and local_threads(1) == 1 and local_threads(6) == 2
    plan_of.setattr(cores, "all_cores", lambda: (0,))
    assert local_threads(None) == 1 and local_threads(4) == 1
    assert ModelSpec("llamacpp", "m").threads is None
    for kind in ("llamacpp", "hf"):
        with pytest.raises(UsageError, match="threads"):
            ModelSpec(kind, "m", threads=0)


class FakeTorch:
    """Just what HFBackend touches at load time; records the thread count it is given."""

    float32 = "float32"

    def __init__(self) -> None:
        self.threads: list[int] = []

    def set_num_threads(self, count: int) -> None:
        self.threads.append(count)


class FakeLoader:
    @staticmethod
    def from_pretrained(directory: Path, **options: object) -> SimpleNamespace:
        return SimpleNamespace(eval=lambda: None)


@pytest.mark.parametrize(("requested", "expected"), [(None, 2), (1, 1), (5, 2)])
def test_one_thread_setting_for_both_local_backends(
    plan_of: pytest.MonkeyPatch, tmp_path: Path, requested: int | None, expected: int
) -> None:
    """--threads reaches torch (hf) and llama.cpp alike, capped at the host cores (2 of 8 here)."""
    plan_of.setattr(cores, "all_cores", lambda: tuple(range(8)))
    torch = FakeTorch()
    transformers = SimpleNamespace(AutoTokenizer=FakeLoader, AutoModelForCausalLM=FakeLoader)
    plan_of.setattr(hf_backend, "pin_to_host_cores", lambda: True)  # leave this test process's affinity alone
    plan_of.setattr(hf_backend, "_import", lambda: (torch, transformers))
    with create_backend(ModelSpec("hf", str(tmp_path), threads=requested)) as hf:
        assert torch.threads == [expected] and hf.placement()["threads"] == expected

    llama_options: list[dict[str, object]] = []

    def llama(**options: object) -> SimpleNamespace:
        llama_options.append(options)
        return SimpleNamespace()

    (tmp_path / "m.gguf").write_bytes(b"")
    plan_of.setattr(llamacpp_backend, "pin_to_host_cores", lambda: True)
    plan_of.setattr(llamacpp_backend, "_import_llama", lambda: llama)
    with create_backend(ModelSpec("llamacpp", str(tmp_path / "m.gguf"), threads=requested)) as local:
        assert local.placement()["threads"] == expected
    assert llama_options[0]["n_threads"] == llama_options[0]["n_threads_batch"] == expected


def test_behind_the_gate_llamacpp_uses_every_core_and_is_not_pinned(
    plan_of: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plan_of.setattr(cores, "all_cores", lambda: tuple(range(8)))
    plan_of.setattr(models_base, "all_cores", lambda: tuple(range(8)))
    pinned: list[bool] = []
    plan_of.setattr(llamacpp_backend, "pin_to_host_cores", lambda: pinned.append(True) or True)
    plan_of.setattr(llamacpp_backend, "_import_llama", lambda: lambda **options: SimpleNamespace())
    (tmp_path / "m.gguf").write_bytes(b"")
    saved = GATE.enabled
    try:
        with create_backend(ModelSpec("llamacpp", str(tmp_path / "m.gguf"), placement="gate")) as local:
            placement = local.placement()
        assert placement["kind"] == "gate" and placement["threads"] == 8 and placement["model_cores"] == list(range(8))
        assert pinned == [] and GATE.enabled  # every core; timed passes now pause it
    finally:
        GATE.enabled = saved


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8000/v1", True),
        ("http://localhost:8080/v1", True),
        ("http://[::1]:8000/v1", True),
        ("http://0.0.0.0:8000/v1", True),
        ("https://api.openai.com/v1", False),
        ("http://10.1.2.3:8000/v1", False),
    ],
)
def test_loopback_servers_are_local(url: str, local: bool) -> None:
    assert is_local_url(url) is local


def test_openai_placement_is_remote_and_advises_pinning_a_local_server(plan_of: pytest.MonkeyPatch) -> None:
    plan_of.setattr(cores, "all_cores", lambda: (0, 1, 2, 3))
    with OpenAIBackend(ModelSpec("openai", "m", base_url="http://127.0.0.1:9/v1")) as backend:
        placement = backend.placement()
    assert placement["kind"] == "remote" and placement["local_server"] is True
    assert placement["host_cores"] == [0] and placement["measure_cores"] == [1, 2, 3]
    assert "taskset -c 0 " in str(placement["advice"])
    with OpenAIBackend(ModelSpec("openai", "m", base_url="https://api.openai.com/v1")) as backend:
        far = backend.placement()
    assert far["kind"] == "remote" and far["local_server"] is False and "advice" not in far


@pytest.fixture
def restore_affinity() -> Iterator[None]:
    """Loading a local model pins the whole test process: give later tests every core back."""
    everything = set(cores.all_cores())
    yield
    for entry in Path("/proc/self/task").iterdir():
        with contextlib.suppress(ProcessLookupError):
            os.sched_setaffinity(int(entry.name), everything)


@dataclass(frozen=True)
class Sample:
    tid: int
    state: str
    processor: int
    affinity: frozenset[int]


def sample_threads() -> list[Sample]:
    """State, last processor and allowed cores of every thread of this process."""
    samples = []
    for entry in Path("/proc/self/task").iterdir():
        try:
            # The command name may hold spaces and parentheses: the fields start after the last ')'.
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            affinity = frozenset(os.sched_getaffinity(int(entry.name)))
        except (FileNotFoundError, ProcessLookupError):
            continue  # the thread ended meanwhile
        samples.append(Sample(int(entry.name), fields[0], int(fields[36]), affinity))  # fields 3 and 39
    return samples


def measured_run_while_generating(backend_generate: threading.Thread, poll: list[Sample]) -> tuple[str, float]:
    """Run BUSY in the sandbox from another thread; sample every thread of this process meanwhile."""
    outcome: dict[str, object] = {}

    def measure() -> None:
        result = run_python(BUSY, limits=Limits(cpu_time=10))
        outcome["verdict"], outcome["stdout"] = result.verdict, result.stdout_text.strip()

    runner = threading.Thread(target=measure)
    started = time.monotonic()
    runner.start()
    while runner.is_alive():
        poll.extend(sample_threads())
        time.sleep(0.001)
    runner.join()
    assert outcome["verdict"] is Verdict.OK, outcome
    assert backend_generate.is_alive(), "the generation ended before the measured run did"
    return str(outcome["stdout"]), time.monotonic() - started


@pytest.mark.slow
@pytest.mark.usefixtures("llama_cpp_installed", "restore_affinity")
def test_model_threads_stay_off_the_measured_core(smollm2: Path, plan_of: pytest.MonkeyPatch) -> None:
    plan = cores.core_plan()
    if not plan.partitioned:
        pytest.skip(f"cores {list(cores.all_cores())}: one core cannot be split between model and measurement")
    support = host.probe()
    if support.cgroups is None or not support.cgroups.has_cpuset:
        pytest.skip("no cpuset cgroup: runs are not pinned to a core")
    with create_backend(ModelSpec("llamacpp", str(smollm2), n_ctx=1024)) as backend:
        assert backend.placement() == {
            "kind": "partition",
            "model_cores": list(plan.host),
            "measure_cores": list(plan.measure),
            "threads": len(plan.host),
        }
        stop, generated = threading.Event(), list[int]()

        def generate() -> None:
            while not stop.is_set():
                config = GenerationConfig(max_tokens=8, temperature=0.8, seed=len(generated))
                generated.append(backend.generate(PROMPT, config).completion_tokens)

        generator = threading.Thread(target=generate)
        generator.start()
        try:
            while not generated:  # the model is warm and generating before the run starts
                time.sleep(0.01)
            samples: list[Sample] = []
            tokens_before = sum(generated)
            program_cores, seconds = measured_run_while_generating(generator, samples)
            tokens_during = sum(generated) - tokens_before
        finally:
            stop.set()
            generator.join()
    leased = int(program_cores)  # the program itself was allowed exactly one core: the leased one
    assert leased in plan.measure
    assert tokens_during > 0, "the model generated nothing while the program was measured"
    assert len(samples) > 50 and seconds >= 1.0
    assert {s.tid for s in samples if s.state == "R" and s.tid != threading.get_native_id()}, "no busy model thread"
    on_measure = [s for s in samples if s.affinity & set(plan.measure)]
    assert not on_measure, on_measure[:5]
    running_there = [s for s in samples if s.state == "R" and s.processor == leased]
    assert not running_there, running_there[:5]
