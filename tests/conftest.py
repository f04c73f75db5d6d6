import contextlib
import uuid

import pytest
from django.core.cache import cache
from knox.models import AuthToken
from rest_framework.test import APIClient

from tests.workers import Worker, queue_delete


@pytest.fixture(autouse=True)
def fresh_throttle_counters():
    # Throttle counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def kept_statements_checked(settings):
    # Every query read through a kept statement is compiled again by the ORM and compared (statements.py).
    settings.STATEMENT_CHECK = True


@pytest.fixture
def throttle_rates(settings):
    """Set the anonymous and the token rate limits for one test: throttle_rates("3/minute", "5/minute")."""

    def set_rates(anon: str, user: str) -> None:
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": anon, "user": user}}

    return set_rates


@pytest.fixture
def api_client():
    return APIClient()


def role_token(user_model, username: str, role: str) -> str:
    from newsapi.roles import user_role_set

    user = user_model.objects.create_user(username=username)
    user_role_set(user=user, role=role)
    return AuthToken.objects.create(user=user)[1]


def client_with(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def token(db, django_user_model):
    """An ingest token: may post articles."""
    return role_token(django_user_model, "writer", "ingest")


@pytest.fixture
def authed_client(token):
    return client_with(token)


@pytest.fixture
def editor_client(db, django_user_model):
    return client_with(role_token(django_user_model, "editor", "editor"))


@pytest.fixture
def reader_client(db, django_user_model):
    return client_with(role_token(django_user_model, "reader", "reader"))


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
