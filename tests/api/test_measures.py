"""Figures side by side: measures, related claims and conflicts, through HTTP."""

from io import StringIO

import pytest
from django.core.management import call_command

from claims.models import Claim, Measure

pytestmark = pytest.mark.django_db

CLAIM_OF_ARMENIA = {
    "title": "Armenia reports heavy losses for Azerbaijan",
    "body": "Defence Ministry spokesman Artur Hovhannisyan said 120 Azerbaijani soldiers were killed in the "
            "fighting near the border on Tuesday.",
    "published_at": "2025-09-02T10:00:00Z",
}
CLAIM_OF_AZERBAIJAN = {
    "title": "Azerbaijan disputes losses",
    "body": "Azerbaijan's Defence Ministry said no more than 15 Azerbaijani soldiers were killed in the fighting "
            "on Tuesday.",
    "published_at": "2025-09-03T09:00:00Z",
}


@pytest.fixture
def seeded():
    call_command("load_seeds", stdout=StringIO())


def test_the_seed_figures_fall_on_the_expected_measures(api_client, seeded):
    ukraine = api_client.get("/api/v1/measures/killed--soldier--ukraine/").json()
    figures = [f for c in ukraine["claimants"] for f in c["figures"]]
    assert {(f["value"], f["qualifier"]) for f in figures} == {(40, "exact"), (40, "more_than")}
    assert {c["claimant"]["name"] for c in ukraine["claimants"]} == {"Volodymyr Zelensky"}
    assert ukraine["subject"]["name"] == "Ukraine"

    facilities = api_client.get("/api/v1/measures/destroyed--facility--ukraine/").json()
    assert facilities["has_conflict"] is False
    assert {(f["value"], f["qualifier"]) for c in facilities["claimants"] for f in c["figures"]} == {
        (70, "more_than"), (74, "exact")}
    assert [c["claimant"]["name"] for c in facilities["claimants"]] == ["Igor Konashenkov"]

    russian = api_client.get("/api/v1/measures/killed--soldier--russia/").json()
    assert [(c["claimant_text"], [f["value"] for f in c["figures"]]) for c in russian["claimants"]] == [
        ("Kiev sources", [50])]


def test_related_claims_say_how_they_stand(api_client, seeded):
    seventy = Claim.objects.get(value=70)
    related = api_client.get(f"/api/v1/claims/{seventy.pk}/related/").json()["results"]
    assert [(r["value"], r["relation"], r["refines"]) for r in related] == [(74, "consistent", True)]
    forty = Claim.objects.get(value=40, qualifier="exact", unit="soldier")
    related = api_client.get(f"/api/v1/claims/{forty.pk}/related/").json()["results"]
    assert [(r["value"], r["qualifier"], r["relation"]) for r in related] == [(40, "more_than", "conflicting")]


def test_claims_carry_their_measure_and_interval(api_client, seeded):
    body = api_client.get(f"/api/v1/claims/{Claim.objects.get(value=70).pk}/").json()
    assert body["measure"] == "destroyed--facility--ukraine"
    assert body["interval"] == {"lower": 70, "upper": None, "lower_open": True, "upper_open": False}


def test_two_sources_disagreeing_across_articles_are_conflicting(api_client, authed_client):
    assert authed_client.post("/api/v1/articles/", CLAIM_OF_ARMENIA, format="json").status_code == 201
    assert authed_client.post("/api/v1/articles/", CLAIM_OF_AZERBAIJAN, format="json").status_code == 201
    measures = api_client.get("/api/v1/measures/?conflicting=true").json()["results"]
    assert [m["key"] for m in measures] == ["killed--soldier--azerbaijan"]
    assert measures[0]["claimant_count"] == 2 and (measures[0]["min_value"], measures[0]["max_value"]) == (15, 120)
    detail = api_client.get("/api/v1/measures/killed--soldier--azerbaijan/").json()
    assert {c["claimant"]["name"] for c in detail["claimants"]} == {"Artur Hovhannisyan",
                                                                   "Azerbaijan's Defence Ministry"}
    armenian_figure = Claim.objects.get(value=120)
    related = api_client.get(f"/api/v1/claims/{armenian_figure.pk}/related/").json()["results"]
    assert [(r["value"], r["qualifier"], r["relation"], r["claimant"]["name"]) for r in related] == [
        (15, "at_most", "conflicting", "Azerbaijan's Defence Ministry")]


def test_figures_weeks_apart_are_not_compared(api_client, authed_client):
    later = {**CLAIM_OF_AZERBAIJAN, "published_at": "2025-10-20T09:00:00Z"}
    authed_client.post("/api/v1/articles/", CLAIM_OF_ARMENIA, format="json")
    authed_client.post("/api/v1/articles/", later, format="json")
    assert Measure.objects.get(key="killed--soldier--azerbaijan").has_conflict is False
    assert api_client.get(f"/api/v1/claims/{Claim.objects.get(value=120).pk}/related/").json()["results"] == []


def test_a_claim_without_a_measure_has_no_related_figures(api_client, seeded):
    # A figure with no measure (no value, or nothing it counts) used to answer 500 here.
    lone = Claim.objects.filter(measure__isnull=True).first()
    assert lone is not None
    response = api_client.get(f"/api/v1/claims/{lone.pk}/related/")
    assert response.status_code == 200, response.content
    assert response.json()["results"] == []


def test_measure_filters_and_entity_measures(api_client, seeded):
    def keys(query):
        response = api_client.get(f"/api/v1/measures/?{query}")
        assert response.status_code == 200, response.json()
        return sorted(m["key"] for m in response.json()["results"])

    assert keys("predicate=destroyed&unit=facility") == ["destroyed--facility--ukraine"]
    assert keys("subject=russia") == ["killed--soldier--russia"]
    assert keys("conflicting=true") == ["killed--soldier--ukraine"]
    assert "destroyed--facility--ukraine" in keys("conflicting=false")
    ukraine = api_client.get("/api/v1/entities/?search=Ukraine&type=LOCATION").json()["results"][0]
    detail = api_client.get(f"/api/v1/entities/{ukraine['id']}/").json()
    assert {"killed--soldier--ukraine", "destroyed--facility--ukraine"} <= {m["key"] for m in detail["measures"]}
    assert detail["measure_count"] == len(detail["measures"])
    listed = api_client.get(f"/api/v1/entities/{ukraine['id']}/measures/").json()["results"]
    assert {m["key"] for m in listed} == {m["key"] for m in detail["measures"]}
    assert [m["claim_count"] for m in listed] == sorted((m["claim_count"] for m in listed), reverse=True)
    assert api_client.get("/api/v1/measures/no--such--measure/").status_code == 404
    assert api_client.get("/api/v1/measures/?conflicting=perhaps").status_code == 400


def test_a_corrected_article_updates_the_measures_of_its_old_figures(api_client, authed_client):
    original = {**CLAIM_OF_ARMENIA, "url": "https://example.org/losses"}
    authed_client.post("/api/v1/articles/", original, format="json")
    authed_client.post("/api/v1/articles/", CLAIM_OF_AZERBAIJAN, format="json")
    assert Measure.objects.get(key="killed--soldier--azerbaijan").has_conflict is True
    corrected = {**original, "body": original["body"].replace("120", "12")}
    response = authed_client.post("/api/v1/articles/", corrected, format="json")
    assert response.status_code == 200  # the article at that URL was replaced
    assert [c["value"] for c in response.json()["claims"] if c["value"] is not None] == [12]
    measure = Measure.objects.get(key="killed--soldier--azerbaijan")
    assert (measure.claim_count, measure.min_value, measure.max_value, measure.has_conflict) == (2, 12, 15, False)
