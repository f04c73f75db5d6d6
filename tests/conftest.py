import contextlib
import uuid

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.workers import Worker, queue_delete


@pytest.fixture(autouse=True)
def fresh_throttle_counters():
    # Throttle counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def token(db, django_user_model):
    user = django_user_model.objects.create_user(username="writer")
    return Token.objects.create(user=user).key


@pytest.fixture
def authed_client(token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


@pytest.fixture(scope="session")
def session_queue():
    """Anything a test queues goes to a queue of this run's own (the API fuzzing posts with ?async=true too)."""
    name = f"ingest-test-run-{uuid.uuid4().hex[:12]}"
    yield name
    with contextlib.suppress(OSError):  # the broker is not running: nothing was queued
        queue_delete(name)


@pytest.fixture(autouse=True)
def queue_of_this_run(settings, session_queue):
    settings.CELERY_TASK_DEFAULT_QUEUE = session_queue


@pytest.fixture
def ingest_queue(settings):
    """A queue of this test's own, so that concurrent test runs and real workers never take its messages."""
    name = f"ingest-test-{uuid.uuid4().hex[:12]}"
    settings.CELERY_TASK_DEFAULT_QUEUE = name
    yield name
    queue_delete(name)


@pytest.fixture
def celery_worker_factory(transactional_db, ingest_queue, tmp_path):
    """Start real worker processes on the test's queue; every one is stopped before the database is flushed."""
    started = []

    def start(concurrency=1):
        worker = Worker(ingest_queue, tmp_path / "worker.log", concurrency).start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()
