"""Tokens of rest_framework.authtoken (keys in clear) become knox digests and keep working (migration 0005)."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from knox.models import AuthToken
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

migration = importlib.import_module("articles.migrations.0005_hashed_api_tokens")
LEGACY_KEY = "0123456789abcdef0123456789abcdef01234567"


def test_legacy_keys_are_hashed_keep_working_and_leave_no_clear_copy(django_user_model):
    user = django_user_model.objects.create_user(username="old-client")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id integer, created timestamp)")
        cursor.execute("INSERT INTO authtoken_token VALUES (%s, %s, now())", [LEGACY_KEY, user.pk])
    with connection.schema_editor() as editor:
        migration.hash_legacy_tokens(apps, editor)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM authtoken_token")
        assert cursor.fetchone()[0] == 0
    stored = AuthToken.objects.get(user=user)
    assert LEGACY_KEY not in (stored.digest, stored.token_key)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {LEGACY_KEY}")
    assert client.post("/api/v1/articles/", {}, format="json").status_code == 403  # known, but a reader
    client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef0123456X")
    assert client.post("/api/v1/articles/", {}, format="json").status_code == 401
