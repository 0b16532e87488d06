"""A live judge service on loopback for the service tests (throughput mode: both cores run jobs)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from afterburner.service.client import JudgeClient
from afterburner.service.launch import ServiceProcess


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    with ServiceProcess(tmp_path_factory.mktemp("service"), "--mode", "throughput", "--workers", "2") as running:
        yield running


@pytest.fixture
def client(service: ServiceProcess) -> Iterator[JudgeClient]:
    with JudgeClient(service.url, retries=2) as judge:
        yield judge


def state_dir(tmp_path: Path) -> Path:
    return tmp_path / "state"
