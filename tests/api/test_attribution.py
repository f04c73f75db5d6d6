"""How each quote and claim was attributed, and how far that is trusted: served, filtered, validated."""

import pytest
from django.core.management import call_command

from articles.models import AttributionMethod
from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.json()
    return sorted(row["id"] for row in response.json()["results"])


@pytest.fixture
def attributed():
    article = ArticleFactory()
    return {
        "parsed_quote": QuoteFactory(article=article, attribution="parse", confidence=0.92),
        "pronoun_quote": QuoteFactory(article=article, attribution="pronoun", confidence=0.51),
        "unattributed_quote": QuoteFactory(article=article, speaker=None, speaker_text="", attribution="",
                                           confidence=None),
        "parsed_claim": ClaimFactory(article=article, attribution="parse", confidence=0.92),
        "pronoun_claim": ClaimFactory(article=article, attribution="pronoun", confidence=0.51),
    }


def test_min_confidence_keeps_the_items_attributed_by_trusted_methods(client, attributed):
    assert ids(client, "/api/v1/quotes/?min_confidence=0.9") == [attributed["parsed_quote"].id]
    assert ids(client, "/api/v1/claims/?min_confidence=0.9") == [attributed["parsed_claim"].id]
    # Positive control: a low bar keeps both attributed quotes, never the unattributed one.
    assert ids(client, "/api/v1/quotes/?min_confidence=0.5") == sorted(
        [attributed["parsed_quote"].id, attributed["pronoun_quote"].id])


def test_attribution_filters_by_method(client, attributed):
    assert ids(client, "/api/v1/quotes/?attribution=pronoun") == [attributed["pronoun_quote"].id]
    assert ids(client, "/api/v1/claims/?attribution=parse") == [attributed["parsed_claim"].id]


@pytest.mark.parametrize("query", ["min_confidence=1.5", "min_confidence=-0.1", "min_confidence=high",
                                   "attribution=guess"])
def test_invalid_values_are_400s_naming_the_parameter(client, attributed, query):
    response = client.get(f"/api/v1/quotes/?{query}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == query.split("=")[0]


def test_loaded_quotes_and_claims_carry_a_method_and_its_measured_confidence(client):
    call_command("load_seeds", verbosity=0)
    quotes = client.get("/api/v1/quotes/?page_size=200").json()["results"]
    claims = client.get("/api/v1/claims/?page_size=200").json()["results"]
    attributed = [row for row in quotes + claims if row["attribution"]]
    assert attributed, "the seed article's quotes have speakers"
    for row in quotes + claims:
        if row["attribution"]:
            assert row["attribution"] in AttributionMethod.values
            assert 0 < row["confidence"] <= 1
        else:
            assert row["confidence"] is None
    zelensky = [q for q in quotes if q["kind"] == "direct" and q["speaker"] and q["speaker"]["name"] == "Volodymyr Zelensky"]
    assert zelensky and all(q["attribution"] in {"cue", "parse", "statement"} for q in zelensky)


def test_the_stored_choices_are_the_extractors_methods():
    from extraction.attribution import METHODS

    # Beside the extractor's methods, an item an editor added or corrected is attributed by the editor.
    assert set(AttributionMethod.values) == set(METHODS) | {AttributionMethod.EDITOR}
