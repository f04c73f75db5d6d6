import pytest
from django.test import override_settings

from articles.models import Article, Entity, Mention, Quote
from claims.models import Claim

pytestmark = pytest.mark.django_db

ARTICLE = {
    "title": "Dam inspection finds 7 cracks",
    "subtitle": "Engineers call for repairs",
    "body": (
        "Inspectors found 7 cracks in the northern dam on Tuesday, chief engineer Marta Kovacs said.\n\n"
        "\"The structure is safe for now, but it needs work before winter,\" Kovacs said."
    ),
    "published_at": "2025-05-06T12:00:00Z",
    "source": "Valley Times",
}


def counts():
    return [model.objects.count() for model in (Article, Entity, Mention, Quote, Claim)]


def test_post_without_a_token_is_401(api_client):
    response = api_client.post("/api/v1/articles/", ARTICLE, format="json")
    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "not_authenticated"
    assert counts() == [0, 0, 0, 0, 0]


def test_post_with_a_bad_token_is_401(api_client):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert api_client.post("/api/v1/articles/", ARTICLE, format="json").status_code == 401


def test_post_with_a_token_extracts_and_stores(authed_client):
    response = authed_client.post("/api/v1/articles/", ARTICLE, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["source"]["name"] == "Valley Times"
    assert any(e["name"] == "Marta Kovacs" for e in body["entities"])
    assert any(q["kind"] == "direct" and q["speaker"]["name"] == "Marta Kovacs" for q in body["quotes"])
    assert any(c["value"] == 7 and c["unit"] == "crack" for c in body["claims"])


def test_posting_the_same_article_again_is_200_and_adds_no_rows(authed_client):
    first = authed_client.post("/api/v1/articles/", ARTICLE, format="json")
    before = counts()
    again = authed_client.post("/api/v1/articles/", ARTICLE, format="json")
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert counts() == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"published_at": "tomorrow"}, "published_at"),
        ({"body": None}, "body"),
        ({"url": "not a url"}, "url"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_invalid_fields_get_per_field_messages(authed_client, change, field):
    response = authed_client.post("/api/v1/articles/", {**ARTICLE, **change}, format="json")
    assert response.status_code == 400
    assert field in {error["attr"] for error in response.json()["errors"]}
    assert counts() == [0, 0, 0, 0, 0]


def test_missing_fields_are_named(authed_client):
    response = authed_client.post("/api/v1/articles/", {}, format="json")
    assert response.status_code == 400
    assert {"title", "body", "published_at"} <= {error["attr"] for error in response.json()["errors"]}


def test_invalid_json_is_a_400(authed_client):
    response = authed_client.generic("POST", "/api/v1/articles/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "parse_error"


def test_broken_encoding_is_a_400(authed_client):
    response = authed_client.generic("POST", "/api/v1/articles/", b'{"title": "\xff\xfe"}',
                                     content_type="application/json")
    assert response.status_code == 400


@override_settings(MAX_ARTICLE_BODY_BYTES=2000)
def test_a_body_over_the_limit_is_413(authed_client):
    big = {**ARTICLE, "body": "word " * 1000}
    response = authed_client.post("/api/v1/articles/", big, format="json")
    assert response.status_code == 413
    assert response.json()["errors"][0]["code"] == "request_too_large"
    assert counts() == [0, 0, 0, 0, 0]


def test_create_api_token_command_prints_a_working_ingest_token(api_client):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("create_api_token", "newsroom", "--role", "ingest", stdout=out)
    key = out.getvalue().strip()
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api_client.post("/api/v1/articles/", ARTICLE, format="json").status_code == 201


def test_a_reader_token_may_not_post_articles(reader_client):
    response = reader_client.post("/api/v1/articles/", ARTICLE, format="json")
    assert response.status_code == 403
    assert response.json()["type"] == "client_error"
    assert response.json()["errors"][0]["code"] == "permission_denied"
    assert counts() == [0, 0, 0, 0, 0]


def test_text_fields_must_be_strings(authed_client):
    response = authed_client.post("/api/v1/articles/", {**ARTICLE, "source": 0}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "source"


def test_only_json_bodies_are_accepted(authed_client):
    response = authed_client.post("/api/v1/articles/", ARTICLE, format="multipart")
    assert response.status_code == 415
    assert counts() == [0, 0, 0, 0, 0]


def test_an_article_posted_and_then_loaded_from_a_feed_is_stored_once(authed_client, tmp_path):
    import json
    from io import StringIO

    from django.core.management import call_command

    messy = {**ARTICLE, "body": ARTICLE["body"].replace("\n\n", "\r\n\r\n\r\n").replace(" on Tuesday", "\ron Tuesday")}
    assert authed_client.post("/api/v1/articles/", messy, format="json").status_code == 201
    (tmp_path / "feed.jsonl").write_text(json.dumps(messy) + "\n")
    out = StringIO()
    call_command("load_seeds", str(tmp_path), stdout=out)
    assert "unchanged 1" in out.getvalue()
    assert Article.objects.count() == 1
    assert "\r" not in Article.objects.get().body


def test_a_body_nested_100000_deep_is_a_400(authed_client):
    deep = "[" * 100_000 + "]" * 100_000
    response = authed_client.post("/api/v1/articles/", deep, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "parse_error"

