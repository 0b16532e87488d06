"""Does a queue lose a job when its worker is killed mid-job? huey (SQLite storage) vs our job table.

Why the service keeps its own SQLite job table instead of a queue library: measured here, side by
side. Each arm queues `--jobs` jobs of `--seconds` each, starts one worker, kills it with SIGKILL
while it runs the first job, starts a new worker, and counts the jobs that ever finish.

- `huey`: SqliteHuey and its consumer (one worker thread); a job leaves the queue when a worker
  dequeues it.
- `afterburner`: `service.store.JobStore` and `service.process_worker`: a job leaves the queue only when
  its result is recorded; the dead worker's job is requeued (as the service's supervisor does).

Prints one JSON object: per arm, jobs queued, finished and lost.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HUEY_DB = os.environ.get("QUEUE_LOSS_HUEY_DB", "")


def _huey() -> Any:
    from huey import SqliteHuey

    return SqliteHuey("queue-loss", filename=HUEY_DB)


if HUEY_DB:  # the consumer process and the producer share this module's task
    huey = _huey()

    @huey.task()  # type: ignore[misc]
    def slow(index: int, seconds: float, marks: str) -> None:
        time.sleep(seconds)
        Path(marks, f"{index}.done").write_text("done")


def _wait_for(predicate: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def huey_arm(root: Path, jobs: int, seconds: float) -> dict[str, Any]:
    marks = root / "huey-marks"
    marks.mkdir()
    env = {**os.environ, "QUEUE_LOSS_HUEY_DB": str(root / "huey.db")}
    producer = [sys.executable, __file__, "--enqueue", str(jobs), str(seconds), str(marks)]
    subprocess.run(producer, env=env, check=True)
    consumer = [sys.executable, __file__, "--consume"]
    first = subprocess.Popen(consumer, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(seconds / 2)  # inside the first job
    first.send_signal(signal.SIGKILL)
    first.wait()
    second = subprocess.Popen(consumer, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for(lambda: len(list(marks.iterdir())) >= jobs, jobs * seconds + 10)
    time.sleep(seconds + 1)  # a requeued job would have finished by now
    second.send_signal(signal.SIGTERM)
    second.wait()
    finished = len(list(marks.iterdir()))
    return {"queued": jobs, "finished": finished, "lost": jobs - finished}


def afterburner_arm(root: Path, jobs: int, seconds: float) -> dict[str, Any]:
    from afterburner.service.store import JobStore

    state = root / "afterburner"
    store = JobStore(state / "jobs.sqlite3")
    code = "import time\ntime.sleep({seconds})\nprint({index})"
    ids = [
        store.submit("run", {"language": "python", "code": code.format(seconds=seconds, index=i)})[0]
        for i in range(jobs)
    ]

    def worker(owner: str) -> subprocess.Popen[bytes]:
        argv = [sys.executable, "-m", "afterburner.service.process_worker", "--state-dir", str(state), "--owner", owner]
        return subprocess.Popen([*argv, "--parent", str(os.getpid())], stdin=subprocess.PIPE)

    first = worker("first")
    _wait_for(lambda: store.counts()["running"] == 1, 30)
    time.sleep(seconds / 2)
    first.send_signal(signal.SIGKILL)
    first.wait()
    store.requeue_owner("first")  # what the service's supervisor does when a worker dies
    second = worker("second")
    _wait_for(lambda: store.counts()["done"] == jobs, jobs * (seconds + 5) + 30)
    second.send_signal(signal.SIGTERM)
    second.wait()
    finished = sum(1 for i in ids if (job := store.get(i)) and job.result and job.result.get("verdict") == "OK")
    return {"queued": jobs, "finished": finished, "lost": jobs - finished}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--jobs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=2.0, help="length of each job")
    parser.add_argument("--enqueue", nargs=3, metavar=("JOBS", "SECONDS", "MARKS"), help=argparse.SUPPRESS)
    parser.add_argument("--consume", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.enqueue:
        count, seconds, marks = args.enqueue
        for index in range(int(count)):
            slow(index, float(seconds), marks)
        return
    if args.consume:
        huey.create_consumer(workers=1).run()
        return
    root = Path(tempfile.mkdtemp(prefix="afterburner-queue-loss-"))
    figures = {
        "benchmark": "queue_loss",
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "machine": platform.platform(),
        "settings": {"jobs": args.jobs, "seconds": args.seconds, "killed": "the worker, SIGKILL, mid first job"},
        "huey": huey_arm(root, args.jobs, args.seconds),
        "afterburner": afterburner_arm(root, args.jobs, args.seconds),
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
