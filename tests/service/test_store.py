"""The job table: idempotent submission, atomic claims, fenced completion, requeue, give-up, TTL."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from afterburner.service.store import IdempotencyConflict, JobStatus, JobStore, QueueFull, Submission


def _store(tmp_path: Path, **settings: object) -> JobStore:
    return JobStore(tmp_path / "jobs.sqlite3", **settings)  # type: ignore[arg-type]


def test_the_same_key_returns_the_same_job_and_a_different_request_is_refused(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first, new = store.submit("run", {"code": "print(1)"}, key="k1")
    again, new_again = store.submit("run", {"code": "print(1)"}, key="k1")
    assert (first, new) == (again, True) and new_again is False
    with pytest.raises(IdempotencyConflict):
        store.submit("run", {"code": "print(2)"}, key="k1")
    other, _ = store.submit("run", {"code": "print(1)"})  # no key: a new job every time
    assert other != first
    assert store.counts()["queued"] == 2


def test_a_full_queue_refuses_and_a_batch_is_all_or_nothing(tmp_path: Path) -> None:
    store = _store(tmp_path, max_queue=3)
    store.submit("run", {"n": 0})
    with pytest.raises(QueueFull):
        store.submit_many([Submission("run", {"n": i}) for i in range(1, 4)])
    assert store.counts()["queued"] == 1  # none of the batch went in
    store.submit_many([Submission("run", {"n": i}) for i in range(1, 3)])
    assert store.counts()["queued"] == 3


def test_concurrent_claims_take_every_job_exactly_once(tmp_path: Path) -> None:
    store = _store(tmp_path, synchronous="NORMAL")
    ids = {store.submit("run", {"n": i})[0] for i in range(200)}
    claimed: list[str] = []
    lock = threading.Lock()

    def worker(name: str) -> None:
        while (job := store.claim(name, 30)) is not None:
            assert store.complete(job.id, name, {"ok": True})
            with lock:
                claimed.append(job.id)

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(claimed) == sorted(ids)  # every job, none twice
    assert store.counts() == {"queued": 0, "running": 0, "done": 200}


def test_jobs_are_claimed_oldest_first(tmp_path: Path) -> None:
    store = _store(tmp_path)
    order = [store.submit("run", {"n": i})[0] for i in range(5)]
    assert [store.claim("w", 30).id for _ in range(5)] == order  # type: ignore[union-attr]


def test_a_worker_whose_lease_was_taken_cannot_record_a_result(tmp_path: Path) -> None:
    store = _store(tmp_path)
    job_id, _ = store.submit("run", {"n": 1})
    job = store.claim("old", 0.01)
    assert job is not None and job.attempts == 1
    time.sleep(0.05)
    assert store.requeue_expired() == (1, 0)
    assert store.heartbeat(job_id, "old", 30) is False
    again = store.claim("new", 30)
    assert again is not None and again.id == job_id and again.attempts == 2
    assert store.complete(job_id, "old", {"from": "old"}) is False  # fenced out
    assert store.complete(job_id, "new", {"from": "new"}) is True
    assert store.complete(job_id, "new", {"from": "again"}) is False  # recorded once
    done = store.get(job_id)
    assert done is not None and done.status is JobStatus.DONE and done.result == {"from": "new"}


def test_a_job_whose_workers_keep_dying_ends_ie(tmp_path: Path) -> None:
    store = _store(tmp_path, max_attempts=2)
    job_id, _ = store.submit("run", {"n": 1})
    store.claim("w1", 30)
    assert store.requeue_owner("w1") == (1, 0)
    store.claim("w2", 30)
    assert store.requeue_owner("w2") == (0, 1)
    job = store.get(job_id)
    assert job is not None and job.status is JobStatus.DONE
    assert job.result is not None and job.result["verdict"] == "IE" and job.result["infrastructure_error"]


def test_at_start_up_running_jobs_go_back_to_the_queue(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.submit("run", {"n": 1})
    store.claim("gone", 3600)
    reopened = _store(tmp_path)  # another process, after a crash
    assert reopened.requeue_all_running() == (1, 0)
    assert reopened.counts()["queued"] == 1


def test_results_are_forgotten_after_their_ttl_with_their_keys(tmp_path: Path) -> None:
    store = _store(tmp_path, result_ttl=0.01)
    job_id, _ = store.submit("run", {"n": 1}, key="k")
    job = store.claim("w", 30)
    assert job is not None and store.complete(job.id, "w", {"ok": True})
    time.sleep(0.05)
    assert store.purge() == 1
    assert store.get(job_id) is None
    assert store.submit("run", {"n": 1}, key="k")[1] is True  # the key is free again
