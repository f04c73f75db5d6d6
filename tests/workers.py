"""A real Celery worker process for tests, on a queue of its own, against the test database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection

from ingestion.models import IngestJob, JobStatus
from newsapi.celery import app

ROOT = Path(__file__).resolve().parent.parent


def test_database_url() -> str:
    """The database the tests write to (test_...), for the worker to read and write the same rows."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """`celery -A newsapi worker` in a process group of its own, consuming only `queue`."""

    def __init__(self, queue: str, log: Path, concurrency: int = 1):
        self.queue, self.log, self.concurrency = queue, log, concurrency
        self.process: subprocess.Popen | None = None

    def start(self) -> Worker:
        env = dict(os.environ, DATABASE_URL=test_database_url(), CELERY_INGEST_QUEUE=self.queue,
                   SECRET_KEY=settings.SECRET_KEY, DATABASE_CONN_MAX_AGE="0")
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "newsapi", "worker", "-Q", self.queue, "--pool", "prefork",
                 "--concurrency", str(self.concurrency), "--without-gossip", "--without-mingle",
                 "--without-heartbeat", "--loglevel", "INFO", "--hostname", f"{self.queue}-{uuid.uuid4().hex[:6]}@%h"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        return self

    def kill(self) -> None:
        """SIGKILL to the worker and its pool processes at once, as a crash or an OOM kill would."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def queue_delete(name: str) -> None:
    with app.connection_for_write() as broker:
        broker.default_channel.queue_delete(name)


def job_wait(job_id: int, timeout: float = 120, until=None) -> IngestJob:
    """Poll the job until it is finished (or `until(job)` holds); fail with the worker's state otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = IngestJob.objects.get(pk=job_id)
        if (until(job) if until else job.status == JobStatus.FINISHED):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not get there in {timeout} s: {job.status}, "
                         f"{list(job.items.values_list('status', flat=True))}")
