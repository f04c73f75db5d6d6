from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article
from claims.models import Claim
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("load_seeds", verbosity=0, stdout=StringIO())
    return Article.objects.get()


def test_seed_article_is_served_with_date_subtitle_and_extractions(api_client, seeded):
    listing = api_client.get("/api/v1/articles/").json()
    assert [a["published_at"] for a in listing["results"]] == ["2022-02-24T20:04:00Z"]
    detail = api_client.get(f"/api/v1/articles/{seeded.pk}/").json()
    assert detail["subtitle"] == "Zelensky said Russia's onslaught was “treacherous”"
    names = {entity["name"] for entity in detail["entities"]}
    assert {"Volodymyr Zelensky", "Igor Konashenkov", "Ukraine", "Kiev"} <= names
    zelensky = next(e for e in detail["entities"] if e["name"] == "Volodymyr Zelensky")
    for mention in zelensky["mentions"]:
        assert detail["text"][mention["start"]:mention["end"]] == mention["text"]
    assert any(q["speaker"] and q["speaker"]["name"] == "Igor Konashenkov" for q in detail["quotes"])
    figures = {(c["value"], c["unit"]) for c in detail["claims"]}
    assert (74, "ground facility") in figures or (74.0, "ground facility") in figures


def test_claims_embed_claimant_and_article(api_client, seeded):
    claim = Claim.objects.filter(value=74).get()
    body = api_client.get(f"/api/v1/claims/{claim.pk}/").json()
    assert body["claimant"]["name"] == "Igor Konashenkov"
    assert body["article"] == {"id": seeded.pk, "title": seeded.title, "published_at": "2022-02-24T20:04:00Z"}


def test_unknown_article_is_a_json_404(api_client):
    response = api_client.get("/api/v1/articles/999999/")
    assert response.status_code == 404
    assert response.json()["type"] == "client_error"
    assert api_client.get("/api/v1/articles/not-a-number/").status_code == 404


def test_filters_published_range_source_and_entity(api_client):
    gazette, courier = SourceFactory(slug="gazette"), SourceFactory(slug="courier")
    early = ArticleFactory(source=gazette, published_at="2024-01-01T10:00:00Z")
    late = ArticleFactory(source=courier, published_at="2024-03-01T10:00:00Z")
    person = EntityFactory(slug="ana-lima")
    MentionFactory(article=late, entity=person)

    def ids(query):
        response = api_client.get(f"/api/v1/articles/?{query}")
        assert response.status_code == 200, response.json()
        return [a["id"] for a in response.json()["results"]]

    assert ids("published_after=2024-02-01") == [late.pk]
    assert ids("published_before=2024-01-01") == [early.pk]
    assert ids("published_before=2024-01-01T09:00:00Z") == []
    assert ids("source=gazette") == [early.pk]
    assert ids(f"entity={person.pk}") == [late.pk]
    assert ids("entity=ana-lima") == [late.pk]
    assert ids("ordering=published_at") == [early.pk, late.pk]
    assert ids("ordering=-published_at") == [late.pk, early.pk]


def test_search_finds_words_of_title_and_body(api_client):
    wanted = ArticleFactory(title="Volcano erupts near village", body="Ash covered the fields.")
    ArticleFactory(title="Markets rally", body="Shares rose sharply.")
    response = api_client.get("/api/v1/articles/?search=volcano ash")
    assert [a["id"] for a in response.json()["results"]] == [wanted.pk]
    ranked = api_client.get("/api/v1/articles/?search=volcano&ordering=-rank")
    assert ranked.status_code == 200 and len(ranked.json()["results"]) == 1


def test_a_search_ranks_its_matches_only_when_ordered_by_rank(api_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    articles = [ArticleFactory(title=f"Flood report {n}", body="flood " * n) for n in range(1, 4)]
    with CaptureQueriesContext(connection) as by_date:
        newest_first = api_client.get("/api/v1/articles/?search=flood").json()["results"]
    assert [a["id"] for a in newest_first] == [a.pk for a in reversed(articles)]
    assert "ts_rank" not in by_date.captured_queries[-1]["sql"]  # ranking every match would be wasted work
    first = api_client.get("/api/v1/articles/?search=flood&ordering=-rank&page_size=2").json()
    second = api_client.get(first["next"]).json()  # the cursor reads the rank of the page's last row
    assert [a["id"] for a in first["results"] + second["results"]] == [a.pk for a in reversed(articles)]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("published_after=last-week", "published_after"),
        ("published_before=2024-13-01", "published_before"),
        ("source=no-such-source", "source"),
        ("entity=424242", "entity"),
        ("ordering=body", "ordering"),
        ("ordering=-rank", "ordering"),
        ("page_size=0", "page_size"),
        ("page_size=201", "page_size"),
        ("page_size=ten", "page_size"),
        ("cursor=garbage", "cursor"),
        ("colour=blue", "colour"),
    ],
)
def test_malformed_parameters_are_400s_that_name_them(api_client, query, parameter):
    response = api_client.get(f"/api/v1/articles/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["type"] == "validation_error"
    assert parameter in {error["attr"] for error in body["errors"]}
    assert all(error["detail"] for error in body["errors"])


def test_article_sub_resources(api_client, seeded):
    quotes = api_client.get(f"/api/v1/articles/{seeded.pk}/quotes/").json()
    assert quotes["results"] and all("speaker" in q for q in quotes["results"])
    claims = api_client.get(f"/api/v1/articles/{seeded.pk}/claims/?page_size=200").json()
    assert len(claims["results"]) == seeded.claims.count()
    entities = api_client.get(f"/api/v1/articles/{seeded.pk}/entities/").json()
    assert {e["name"] for e in entities} >= {"Volodymyr Zelensky", "Russia"}
    assert api_client.get(f"/api/v1/articles/{seeded.pk}/quotes/?kind=direct").status_code == 400


def test_a_percent_sign_in_a_reference_is_a_400_not_a_500(api_client):
    response = api_client.get("/api/v1/articles/?entity=50%25off")
    assert response.status_code == 400
    assert "50%off" in response.json()["errors"][0]["detail"]


def test_an_empty_value_is_refused_not_ignored(api_client):
    response = api_client.get("/api/v1/articles/?source=")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "source"


def test_unrouted_api_paths_get_a_json_404(api_client):
    response = api_client.get("/api/v1/articles/0.5/claims/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"][0]["code"] == "not_found"


def test_search_ranks_title_matches_first_and_follows_edits(api_client):
    from django.db import connection

    in_body = ArticleFactory(title="Harbour news", body="The flood reached the harbour wall overnight.",
                             published_at="2024-05-02T10:00:00Z")
    in_title = ArticleFactory(title="Flood closes the harbour", body="Water rose quickly.",
                              published_at="2024-05-01T10:00:00Z")
    ranked = [a["id"] for a in api_client.get("/api/v1/articles/?search=flood&ordering=-rank").json()["results"]]
    if connection.vendor == "postgresql":
        assert ranked == [in_title.pk, in_body.pk]  # title weighs more than body
    else:
        assert sorted(ranked) == sorted([in_title.pk, in_body.pk])  # the documented unranked fallback
    in_body.title = "Storm surge recorded"
    in_body.save()
    found = [a["id"] for a in api_client.get("/api/v1/articles/?search=surge").json()["results"]]
    assert found == [in_body.pk]  # the search vector follows the edit
