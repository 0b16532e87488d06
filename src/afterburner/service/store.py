"""The durable job table: SQLite in WAL mode, one row per accepted job.

A job is `queued` until a worker claims it (atomically: one UPDATE that picks the oldest queued
row), `running` while that worker holds its lease (renewed by heartbeats), and `done` with a
result. Completing is fenced by the lease owner: a worker whose lease was taken away (it was
presumed dead, the job went back to the queue) cannot record a result, so a job's result is
recorded once. A lease that expires, or whose worker is known to have died, puts the job back in
the queue; after `max_attempts` claims it ends with an IE result (ours, never the program's).

An `Idempotency-Key` is UNIQUE: submitting the same key again returns the first job (and a
different request under the same key is refused), so a client's retry never runs a job twice.
Keys are remembered as long as their job is (the result TTL). Commits use `synchronous=FULL` by
default: an accepted job survives a kill -9 of the service and a power loss.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from afterburner.service.results import gave_up

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    idempotency_key TEXT UNIQUE,
    request_hash TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_expires REAL,
    result TEXT,
    created REAL NOT NULL,
    started REAL,
    finished REAL,
    done_seq INTEGER,
    expires REAL,
    lane TEXT NOT NULL DEFAULT 'measured'
);
CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs (status, seq);
CREATE INDEX IF NOT EXISTS jobs_by_expiry ON jobs (expires);
CREATE INDEX IF NOT EXISTS jobs_by_done ON jobs (done_seq);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters (name, value) VALUES ('done', 0);
"""
# Added later: tables made before it get the column (every old job was a measured one).
LANE_COLUMN = "ALTER TABLE jobs ADD COLUMN lane TEXT NOT NULL DEFAULT 'measured'"
LANE_INDEX = "CREATE INDEX IF NOT EXISTS jobs_by_lane ON jobs (status, lane, seq)"
RECENT = 64  # finished jobs of a lane whose run times estimate the next one's


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"


class QueueFull(Exception):
    """The queue holds its maximum of jobs: the client should retry later."""


class IdempotencyConflict(Exception):
    """The key was used before with a different request."""


@dataclass(frozen=True)
class Job:
    id: str
    kind: str
    payload: dict[str, Any]
    status: JobStatus
    attempts: int
    lease_owner: str | None
    result: dict[str, Any] | None
    created: float
    started: float | None
    finished: float | None
    idempotency_key: str | None
    lane: str = "measured"

    @classmethod
    def of(cls, row: sqlite3.Row) -> Job:
        return cls(
            row["id"],
            row["kind"],
            json.loads(row["payload"]),
            JobStatus(row["status"]),
            row["attempts"],
            row["lease_owner"],
            json.loads(row["result"]) if row["result"] is not None else None,
            row["created"],
            row["started"],
            row["finished"],
            row["idempotency_key"],
            row["lane"],
        )


def request_hash(kind: str, payload: dict[str, Any]) -> str:
    canonical = json.dumps([kind, payload], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _next_done(db: sqlite3.Connection) -> int:
    """Numbers completions in commit order (the caller holds the write lock); never reused."""
    return int(db.execute("UPDATE counters SET value = value + 1 WHERE name = 'done' RETURNING value").fetchone()[0])


@dataclass(frozen=True)
class Submission:
    kind: str
    payload: dict[str, Any]
    key: str | None = None
    lane: str = "measured"


class JobStore:
    """The job table of one state directory; safe to share between threads and processes."""

    def __init__(
        self,
        path: Path,
        max_attempts: int = 3,
        result_ttl: float = 86_400.0,
        max_queue: int = 10_000,
        synchronous: Literal["FULL", "NORMAL"] = "FULL",
    ) -> None:
        self.path = path
        self.max_attempts = max_attempts
        self.result_ttl = result_ttl
        self.max_queue = max_queue
        self.synchronous = synchronous
        self._local = threading.local()
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._transaction() as db:
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            columns = {row["name"] for row in db.execute("PRAGMA table_info(jobs)")}
            if "lane" not in columns:
                db.execute(LANE_COLUMN)
            db.execute(LANE_INDEX)

    def _connection(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(f"PRAGMA synchronous={self.synchronous}")
            db.execute("PRAGMA busy_timeout=30000")
            self._local.db = db
        return db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE: the write lock is taken first, so read-then-write steps are atomic."""
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    # --- submitting --------------------------------------------------------------------------

    def submit(self, kind: str, payload: dict[str, Any], key: str | None = None) -> tuple[str, bool]:
        """(task id, whether it is new); the same key returns the first job's id."""
        return self.submit_many([Submission(kind, payload, key)])[0]

    def submit_many(self, submissions: Sequence[Submission]) -> list[tuple[str, bool]]:
        """All or nothing: every submission is accepted (or found by its key), or none is (QueueFull)."""
        now = time.time()
        with self._transaction() as db:
            found: list[tuple[str, bool] | None] = []
            for submission in submissions:
                found.append(self._existing(db, submission))
            new = sum(1 for f in found if f is None)
            queued = db.execute("SELECT COUNT(*) FROM jobs WHERE status = 'queued'").fetchone()[0]
            if new and queued + new > self.max_queue:
                raise QueueFull(f"the queue holds {queued} jobs (at most {self.max_queue})")
            out: list[tuple[str, bool]] = []
            for submission, existing in zip(submissions, found, strict=True):
                if existing is not None:
                    out.append(existing)
                    continue
                job_id = uuid.uuid4().hex
                db.execute(
                    "INSERT INTO jobs (id, idempotency_key, request_hash, kind, payload, status, created, lane) "
                    "VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)",
                    (
                        job_id,
                        submission.key,
                        request_hash(submission.kind, submission.payload),
                        submission.kind,
                        json.dumps(submission.payload),
                        now,
                        submission.lane,
                    ),
                )
                out.append((job_id, True))
            return out

    def _existing(self, db: sqlite3.Connection, submission: Submission) -> tuple[str, bool] | None:
        if submission.key is None:
            return None
        row = db.execute("SELECT id, request_hash FROM jobs WHERE idempotency_key = ?", (submission.key,)).fetchone()
        if row is None:
            return None
        if row["request_hash"] != request_hash(submission.kind, submission.payload):
            raise IdempotencyConflict(f"idempotency key {submission.key!r} was used for a different request")
        return row["id"], False

    # --- working -----------------------------------------------------------------------------

    def claim(self, owner: str, lease_seconds: float, lane: str = "measured") -> Job | None:
        """Take the oldest queued job of the lane, atomically; None when it has none."""
        now = time.time()
        with self._transaction() as db:
            row = db.execute(
                "UPDATE jobs SET status = 'running', lease_owner = ?, lease_expires = ?, "
                "attempts = attempts + 1, started = ? "
                "WHERE seq = (SELECT seq FROM jobs WHERE status = 'queued' AND lane = ? ORDER BY seq LIMIT 1) "
                "RETURNING *",
                (owner, now + lease_seconds, now, lane),
            ).fetchone()
        return Job.of(row) if row is not None else None

    def cancel(self, job_id: str) -> bool:
        """Drop a job nobody has claimed yet (its client was answered without it); False once it runs."""
        with self._transaction() as db:
            return db.execute("DELETE FROM jobs WHERE id = ? AND status = 'queued'", (job_id,)).rowcount == 1

    def heartbeat(self, job_id: str, owner: str, lease_seconds: float) -> bool:
        """Extend a lease; False when the job is no longer this owner's."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE jobs SET lease_expires = ? WHERE id = ? AND lease_owner = ? AND status = 'running'",
                (time.time() + lease_seconds, job_id, owner),
            )
            return cursor.rowcount == 1

    def complete(self, job_id: str, owner: str, result: dict[str, Any]) -> bool:
        """Record the result; False (nothing recorded) when the lease was taken away meanwhile."""
        now = time.time()
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE jobs SET status = 'done', result = ?, finished = ?, expires = ?, lease_owner = NULL, "
                "lease_expires = NULL, done_seq = ? WHERE id = ? AND lease_owner = ? AND status = 'running'",
                (json.dumps(result), now, now + self.result_ttl, _next_done(db), job_id, owner),
            )
            return cursor.rowcount == 1

    def _requeue(self, db: sqlite3.Connection, where: str, args: tuple[Any, ...]) -> tuple[int, int]:
        """Running jobs matching `where` go back to the queue, or end IE after max_attempts."""
        now = time.time()
        failed = db.execute(
            f"SELECT id, attempts FROM jobs WHERE status = 'running' AND attempts >= ? AND {where}",
            (self.max_attempts, *args),
        ).fetchall()
        for row in failed:
            db.execute(
                "UPDATE jobs SET status = 'done', result = ?, finished = ?, expires = ?, lease_owner = NULL, "
                "lease_expires = NULL, done_seq = ? WHERE id = ?",
                (json.dumps(gave_up(row["attempts"])), now, now + self.result_ttl, _next_done(db), row["id"]),
            )
        cursor = db.execute(
            f"UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_expires = NULL "
            f"WHERE status = 'running' AND {where}",
            args,
        )
        return cursor.rowcount, len(failed)

    def requeue_expired(self) -> tuple[int, int]:
        """(requeued, given up) among jobs whose lease expired."""
        with self._transaction() as db:
            return self._requeue(db, "lease_expires < ?", (time.time(),))

    def requeue_owner(self, owner: str) -> tuple[int, int]:
        """The jobs of a worker known to be dead."""
        with self._transaction() as db:
            return self._requeue(db, "lease_owner = ?", (owner,))

    def requeue_all_running(self) -> tuple[int, int]:
        """At start-up: every running job belonged to a worker of a service that is gone."""
        with self._transaction() as db:
            return self._requeue(db, "1 = 1", ())

    # --- reading and housekeeping -----------------------------------------------------------

    def get(self, job_id: str) -> Job | None:
        row = self._connection().execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return Job.of(row) if row is not None else None

    def has_queued(self, lane: str = "measured") -> bool:
        """A cheap read: is any job of the lane waiting (claim takes the write lock, this does not)?"""
        row = (
            self._connection()
            .execute("SELECT 1 FROM jobs WHERE status = 'queued' AND lane = ? LIMIT 1", (lane,))
            .fetchone()
        )
        return row is not None

    def queued_in(self, lane: str) -> int:
        row = (
            self._connection()
            .execute("SELECT COUNT(*) FROM jobs WHERE status = 'queued' AND lane = ?", (lane,))
            .fetchone()
        )
        return int(row[0])

    def typical_seconds(self, lane: str) -> float | None:
        """The mean time a recent job of the lane took to run (None before the first one)."""
        row = (
            self._connection()
            .execute(
                "SELECT AVG(finished - started) FROM (SELECT finished, started FROM jobs "
                "WHERE status = 'done' AND lane = ? AND started IS NOT NULL ORDER BY done_seq DESC LIMIT ?)",
                (lane, RECENT),
            )
            .fetchone()
        )
        return None if row[0] is None else float(row[0])

    def clean(self, keep: int, views: Sequence[str]) -> int:
        """Forget all but the `keep` newest finished jobs submitted through the given views (Monolith's
        `DELETE /clean/{n}`); returns how many went."""
        marks = ",".join("?" * len(views))
        with self._transaction() as db:
            return db.execute(
                f"DELETE FROM jobs WHERE status = 'done' AND json_extract(payload, '$.view') IN ({marks}) "
                f"AND seq NOT IN (SELECT seq FROM jobs WHERE status = 'done' "
                f"AND json_extract(payload, '$.view') IN ({marks}) ORDER BY done_seq DESC LIMIT ?)",
                (*views, *views, keep),
            ).rowcount

    def finished_after(self, mark: int) -> tuple[list[str], int]:
        """Ids of jobs finished after `mark` (in commit order), and the new mark."""
        rows = (
            self._connection()
            .execute("SELECT id, done_seq FROM jobs WHERE done_seq > ? ORDER BY done_seq", (mark,))
            .fetchall()
        )
        return [row["id"] for row in rows], (rows[-1]["done_seq"] if rows else mark)

    def done_mark(self) -> int:
        return int(self._connection().execute("SELECT value FROM counters WHERE name = 'done'").fetchone()["value"])

    def status_of(self, job_id: str) -> JobStatus | None:
        row = self._connection().execute("SELECT status FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return JobStatus(row["status"]) if row is not None else None

    def counts(self, lane: str | None = None) -> dict[str, int]:
        where, args = ("WHERE lane = ?", (lane,)) if lane else ("", ())
        rows = (
            self._connection()
            .execute(f"SELECT status, COUNT(*) AS n FROM jobs {where} GROUP BY status", args)
            .fetchall()
        )
        found = {row["status"]: row["n"] for row in rows}
        return {status.value: int(found.get(status.value, 0)) for status in JobStatus}

    def purge(self) -> int:
        """Forget finished jobs past their TTL (their keys with them)."""
        with self._transaction() as db:
            return db.execute("DELETE FROM jobs WHERE status = 'done' AND expires < ?", (time.time(),)).rowcount
