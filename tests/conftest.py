import pytest
from django.core.cache import cache
from knox.models import AuthToken
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def fresh_throttle_counters():
    # Throttle counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


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
