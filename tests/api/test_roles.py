"""Tokens belong to users with a role; tokens are stored hashed; readers get the token rate limit."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from knox.models import AuthToken
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def token_for(username, role):
    out = StringIO()
    call_command("create_api_token", username, "--role", role, stdout=out)
    return out.getvalue().strip()


def client_for(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_tokens_are_stored_as_digests_only():
    key = token_for("newsroom", "editor")
    stored = AuthToken.objects.get(user__username="newsroom")
    assert key not in {stored.digest, stored.token_key}
    assert len(stored.digest) == 128
    assert stored.token_key == key[:15]


def test_each_call_prints_a_new_token_and_both_work():
    first, second = token_for("newsroom", "reader"), token_for("newsroom", "reader")
    assert first != second
    for key in (first, second):
        assert client_for(key).get("/api/v1/sources/").status_code == 200


def test_the_role_is_a_group_and_changing_it_replaces_the_old_one():
    token_for("newsroom", "editor")
    token_for("newsroom", "ingest")
    user = get_user_model().objects.get(username="newsroom")
    assert list(user.groups.values_list("name", flat=True)) == ["ingest"]
    assert user.has_perm("articles.add_article")
    assert not user.has_perm("claims.change_claim")


def test_an_unknown_role_is_refused():
    with pytest.raises(CommandError):
        call_command("create_api_token", "newsroom", "--role", "owner", stdout=StringIO())


@pytest.mark.parametrize(("role", "expected"), [("reader", 403), ("ingest", 400), ("editor", 400)])
def test_posting_an_article_needs_the_ingest_or_editor_role(role, expected):
    response = client_for(token_for(f"user-{role}", role)).post("/api/v1/articles/", {}, format="json")
    assert response.status_code == expected
    if expected == 403:
        assert response.json()["errors"][0]["code"] == "permission_denied"


def test_a_deleted_token_no_longer_works():
    key = token_for("newsroom", "reader")
    AuthToken.objects.all().delete()
    assert client_for(key).get("/api/v1/sources/").status_code == 401


def test_readers_get_a_higher_rate_limit_than_anonymous_clients(api_client, throttle_rates):
    throttle_rates("2/minute", "4/minute")
    reader = client_for(token_for("newsroom", "reader"))
    assert [api_client.get("/api/v1/sources/").status_code for _ in range(3)] == [200, 200, 429]
    assert [reader.get("/api/v1/sources/").status_code for _ in range(5)] == [200] * 4 + [429]
