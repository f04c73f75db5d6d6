"""`count=true` (the number of matching rows) and `fields=`/`omit=` (field selection), through HTTP."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, ClaimFactory, EntityFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:400]
    return response.json()


def test_count_is_the_number_of_matching_rows_and_only_when_asked(api_client):
    ClaimFactory.create_batch(7, qualifier="exact", value=5)
    ClaimFactory.create_batch(5, qualifier="more_than", value=5)
    assert "count" not in get(api_client, "/api/v1/claims/")
    page = get(api_client, "/api/v1/claims/?count=true&qualifier=exact&page_size=3")
    assert (page["count"], len(page["results"])) == (7, 3)
    # The links leave count out: the walk counts once.
    assert "count" not in page["next"] and "qualifier=exact" in page["next"]
    assert "count" not in get(api_client, page["next"])
    assert get(api_client, "/api/v1/claims/?count=TRUE")["count"] == 12
    assert "count" not in get(api_client, "/api/v1/claims/?count=false")
    errors = get(api_client, "/api/v1/claims/?count=yes", 400)["errors"]
    assert [error["attr"] for error in errors] == ["count"]
    entity = EntityFactory()
    ClaimFactory.create_batch(4, claimant=entity)
    assert get(api_client, f"/api/v1/entities/{entity.pk}/claims/?count=true&page_size=1")["count"] == 4


def test_count_costs_one_query_and_nothing_when_not_asked(api_client):
    ArticleFactory.create_batch(3)

    def queries(url):
        with CaptureQueriesContext(connection) as context:
            get(api_client, url)
        return len(context)

    plain = queries("/api/v1/articles/")
    assert queries("/api/v1/articles/?count=true") == plain + 1
    ArticleFactory.create_batch(20)
    assert queries("/api/v1/articles/") == plain


def test_fields_and_omit_select_top_level_fields_of_lists_and_details(api_client):
    claim = ClaimFactory()
    QuoteFactory(article=claim.article)
    rows = get(api_client, "/api/v1/claims/?fields=id,value,claimant")["results"]
    assert [set(row) for row in rows] == [{"id", "value", "claimant"}]
    assert set(rows[0]["claimant"]) == {"id", "name", "slug", "type"}  # nested objects stay whole
    assert set(get(api_client, "/api/v1/claims/?fields=id&fields=unit")["results"][0]) == {"id", "unit"}
    omitted = get(api_client, "/api/v1/claims/?omit=text,subjects")["results"][0]
    assert "text" not in omitted and "subjects" not in omitted and "interval" in omitted
    detail = get(api_client, f"/api/v1/articles/{claim.article_id}/?fields=id,title,claims")
    assert set(detail) == {"id", "title", "claims"} and len(detail["claims"]) == 1
    detail = get(api_client, f"/api/v1/articles/{claim.article_id}/?omit=body,text,entities,quotes,claims")
    assert "body" not in detail and "title" in detail
    sub_list = get(api_client, f"/api/v1/articles/{claim.article_id}/quotes/?fields=id,text")["results"]
    assert [set(row) for row in sub_list] == [{"id", "text"}]


def test_unknown_fields_are_named_and_exports_refuse_field_selection(api_client):
    ClaimFactory()
    errors = {error["attr"]: error["detail"] for error in
              get(api_client, "/api/v1/claims/?fields=id,colour&omit=size", 400)["errors"]}
    assert set(errors) == {"fields", "omit"}
    assert "'colour'" in errors["fields"] and "value" in errors["fields"]  # the known fields are listed
    assert "'size'" in errors["omit"]
    errors = get(api_client, "/api/v1/claims/?format=csv&fields=id", 400)["errors"]
    assert errors[0]["attr"] == "fields"
    assert get(api_client, "/api/v1/articles/1/entities/?fields=id", 400)["errors"][0]["attr"] == "fields"
