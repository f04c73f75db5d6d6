"""Open export formats: streaming CSV of lists, schema.org JSON-LD of details."""

import csv
import io
from io import StringIO

import pytest
from django.core.management import call_command
from pyld import jsonld

from articles.models import Article, Entity, Quote
from claims.models import Claim
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("load_seeds", stdout=StringIO())
    return Article.objects.get()


def read_csv(response):
    """The rows of a complete export: its last line must be the trailer counting them."""
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    body, trailer = text.rstrip("\r\n").rsplit("\r\n", 1)
    rows = list(csv.DictReader(io.StringIO(body + "\r\n")))
    assert trailer == f"#complete,{len(rows)}"
    return rows


@pytest.mark.parametrize(
    ("path", "model", "columns"),
    [
        ("/api/v1/articles/", Article, {"id", "title", "published_at", "source", "word_count"}),
        ("/api/v1/entities/", Entity, {"id", "name", "type", "aliases", "country_code", "article_count"}),
        ("/api/v1/quotes/", Quote, {"id", "kind", "text", "speaker", "speaker_text", "cue"}),
        ("/api/v1/claims/", Claim, {"id", "claimant", "value", "qualifier", "unit", "predicate", "measure", "text"}),
    ],
)
def test_every_list_exports_every_row_as_csv(api_client, seeded, path, model, columns):
    rows = read_csv(api_client.get(f"{path}?format=csv"))
    assert len(rows) == model.objects.count() > 0
    assert columns <= set(rows[0])
    by_accept = read_csv(api_client.get(path, HTTP_ACCEPT="text/csv"))
    assert len(by_accept) == len(rows)


def test_csv_applies_the_filters_and_keeps_text_intact(api_client, seeded):
    rows = read_csv(api_client.get("/api/v1/claims/?format=csv&unit=radar%20station"))
    assert [(row["value"], row["claimant"], row["measure"]) for row in rows] == [
        ("18", "Igor Konashenkov", "destroyed--station--any")]
    assert "," in rows[0]["text"] and rows[0]["text"] == Claim.objects.get(value=18).text


def test_csv_exports_have_no_pages(api_client):
    ClaimFactory.create_batch(250)
    rows = read_csv(api_client.get("/api/v1/claims/?format=csv"))
    assert len(rows) == 250
    response = api_client.get("/api/v1/claims/?format=csv&page_size=10")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    [error] = response.json()["errors"]
    assert error["attr"] == "page_size" and "every matching row" in error["detail"]


def test_an_export_of_many_chunks_ends_with_a_trailer_counting_every_row(api_client, monkeypatch):
    monkeypatch.setattr("newsapi.api.exports.CHUNK_SIZE", 7)  # 250 rows: 36 database chunks
    ClaimFactory.create_batch(250)
    response = api_client.get("/api/v1/claims/?format=csv")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[-1] == "#complete,250"
    assert len(lines) == 1 + 250 + 1
    assert len({line.split(",", 1)[0] for line in lines[1:-1]}) == 250  # every claim once


def test_an_export_cut_short_has_no_trailer(api_client, monkeypatch):
    # The database fails mid-way: the rows sent so far are not followed by the trailer.
    from claims.api import views

    ClaimFactory.create_batch(5)
    columns = list(views.ClaimViewSet.csv_columns)

    def failing(claim, seen=[]):  # noqa: B006 (counts calls across rows)
        seen.append(claim.pk)
        if len(seen) == 3:
            raise ConnectionError("database connection lost")
        return claim.pk

    monkeypatch.setattr(views.ClaimViewSet, "csv_columns", [("id", failing), *columns[1:]])
    response = api_client.get("/api/v1/claims/?format=csv")
    received = []
    with pytest.raises(ConnectionError):
        for chunk in response.streaming_content:
            received.append(chunk)
    text = b"".join(received).decode()
    assert text.count("\r\n") == 3  # the header and two rows
    assert "#complete" not in text


def test_errors_of_a_csv_export_are_json_and_all_reported(api_client):
    response = api_client.get("/api/v1/claims/?format=csv&value_min=lots&qualifier=roughly&page_size=0",
                              HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert {error["attr"] for error in response.json()["errors"]} == {"value_min", "qualifier", "page_size"}


def test_errors_of_a_json_ld_detail_are_json(api_client):
    response = api_client.get("/api/v1/claims/999999/?format=jsonld")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"


def test_unsupported_formats_are_406(api_client, seeded):
    claim = Claim.objects.first()
    assert api_client.get(f"/api/v1/claims/{claim.pk}/", HTTP_ACCEPT="text/csv").status_code == 406
    assert api_client.get("/api/v1/claims/", HTTP_ACCEPT="application/ld+json").status_code == 406
    assert api_client.get("/api/v1/claims/?format=xml").status_code == 406
    assert api_client.get(f"/api/v1/claims/{claim.pk}/?format=csv").status_code == 406


def test_each_request_gets_the_format_it_asks_whatever_came_before(api_client):
    # The negotiation's choices are kept per header, format and view: asked in turns, no answer leaks into another.
    claim = ClaimFactory()
    detail, listing = f"/api/v1/claims/{claim.pk}/", "/api/v1/claims/"
    asked = [
        (detail, {"HTTP_ACCEPT": "application/ld+json"}, 200, "application/ld+json"),
        (listing, {"HTTP_ACCEPT": "application/ld+json"}, 406, "application/json"),
        (detail, {}, 200, "application/json"),
        (listing, {"HTTP_ACCEPT": "text/csv"}, 200, "text/csv"),
        (listing, {}, 200, "application/json"),
        (detail, {"HTTP_ACCEPT": "text/csv"}, 406, "application/json"),
        (f"{listing}?format=csv", {"HTTP_ACCEPT": "application/json"}, 406, "application/json"),
        (f"{listing}?format=csv", {}, 200, "text/csv"),
        (f"{detail}?format=jsonld", {}, 200, "application/ld+json"),
        (detail, {"HTTP_ACCEPT": "text/plain;q=0.1, " * 20 + "application/ld+json"}, 200, "application/ld+json"),
        (detail, {"HTTP_ACCEPT": "x" * 300}, 406, "application/json"),
        (detail, {"HTTP_ACCEPT": "text/html;q=0.5, application/json"}, 200, "application/json"),
    ]
    for _ in range(2):
        for path, headers, status, content_type in asked:
            response = api_client.get(path, **headers)
            assert (response.status_code, response["Content-Type"].split(";")[0]) == (status, content_type), \
                (path, headers)


def schema_org_loader(url, options=None):
    # The schema.org context, reduced to its vocabulary: no network is needed to expand the documents.
    assert url.rstrip("/") in {"https://schema.org", "http://schema.org"}
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": "https://schema.org/"}}}


def expand(document):
    expanded = jsonld.expand(document, {"documentLoader": schema_org_loader})
    assert expanded, "the document expands to nothing"
    return expanded[0]


def test_article_json_ld_is_a_news_article_with_its_entities_quotes_and_claims(api_client, seeded):
    response = api_client.get(f"/api/v1/articles/{seeded.pk}/", HTTP_ACCEPT="application/ld+json")
    assert response["Content-Type"].startswith("application/ld+json")
    node = expand(response.json())
    assert node["@type"] == ["https://schema.org/NewsArticle"]
    assert node["https://schema.org/headline"][0]["@value"] == seeded.title
    mentioned = {m["https://schema.org/name"][0]["@value"] for m in node["https://schema.org/mentions"]}
    assert {"Volodymyr Zelensky", "Ukraine"} <= mentioned
    parts = {p["@type"][0] for p in node["https://schema.org/hasPart"]}
    assert parts == {"https://schema.org/Quotation", "https://schema.org/Claim"}


def test_claim_quote_and_entity_json_ld(api_client, seeded):
    claim = Claim.objects.get(value=74)
    node = expand(api_client.get(f"/api/v1/claims/{claim.pk}/?format=jsonld").json())
    assert node["@type"] == ["https://schema.org/Claim"]
    assert node["https://schema.org/author"][0]["https://schema.org/name"][0]["@value"] == "Igor Konashenkov"
    assert node["https://schema.org/appearance"][0]["@type"] == ["https://schema.org/NewsArticle"]
    quote = Quote.objects.filter(kind="direct", speaker__name="Igor Konashenkov").first()
    node = expand(api_client.get(f"/api/v1/quotes/{quote.pk}/", HTTP_ACCEPT="application/ld+json").json())
    assert node["@type"] == ["https://schema.org/Quotation"]
    kiev = Entity.objects.get(name="Kiev")
    node = expand(api_client.get(f"/api/v1/entities/{kiev.pk}/", HTTP_ACCEPT="application/ld+json").json())
    assert node["@type"] == ["https://schema.org/Place"]
    assert node["https://schema.org/geo"][0]["https://schema.org/latitude"][0]["@value"] == pytest.approx(50.45, 0.01)
