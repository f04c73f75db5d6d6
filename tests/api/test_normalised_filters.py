"""`unit` and `predicate` of claims match the normalised vocabulary measures use (claims/measures.py), so that a
client asks in the words of the measures and finds every wording of them; `unit_text` and `predicate_text` match
the wording itself."""

from io import StringIO

import pytest
from django.core.management import call_command

from claims.measures import measure_of
from claims.models import Claim
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def figures(client, query):
    response = client.get(f"/api/v1/claims/?{query}&page_size=200")
    assert response.status_code == 200, response.json()
    return {(row["value"], row["qualifier"]) for row in response.json()["results"]}


def test_the_seed_facility_claims_by_unit_and_by_predicate(api_client):
    call_command("load_seeds", stdout=StringIO())
    # Stored as "ground infrastructure facility" / "neutralized" and "ground facility" / "knocked out".
    both = {(70, "more_than"), (74, "exact")}
    assert figures(api_client, "unit=facility") == both
    assert both <= figures(api_client, "predicate=destroyed")
    assert figures(api_client, "predicate=destroyed&unit=facility") == both
    assert figures(api_client, "measure=destroyed--facility--ukraine") == both
    assert figures(api_client, "unit_text=infrastructure") == {(70, "more_than")}
    assert figures(api_client, "predicate_text=neutralized") == {(70, "more_than")}
    assert both.isdisjoint(figures(api_client, "exclude_unit=facility"))
    every_destroyed = api_client.get("/api/v1/claims/?predicate=destroyed&page_size=200").json()["results"]
    assert {row["measure"].split("--")[0] for row in every_destroyed} == {"destroyed"}
    response = api_client.get("/api/v1/claims/?measure=destroyed--facility--mars")
    assert response.status_code == 400
    assert response.json()["errors"][0]["detail"] == "No measure with id or key 'destroyed--facility--mars'."


# (stated unit, stated predicate) and what `unit=` and `predicate=` find them as.
WORDINGS = [
    ("ground infrastructure facility", "neutralized", "facility", "destroyed"),
    ("Facility", "Knocked Out", "facility", "destroyed"),
    ("troop", "killed", "soldier", "killed"),
    ("serviceman", "lost their lives", "soldier", "killed"),
    ("death", "confirmed", "person", "killed"),  # a unit that names its event decides the event
    ("casualty", "reported", "person", "casualties"),
    ("people", "injured", "person", "wounded"),
    ("tank", "hit hard", "tank", "destroyed"),  # the first word, when the phrase is not in the vocabulary
    ("village", "taken out", "village", "destroyed"),  # the phrase wins over its first word ("taken")
    ("village", "taken over", "village", "captured"),
    ("protester", "dispersed", "protester", "dispersed"),  # outside the vocabulary: itself
    ("station", "", "station", None),
]


@pytest.fixture
def worded():
    article = ArticleFactory()
    return [ClaimFactory(article=article, unit=unit, predicate=predicate, value=index + 1, qualifier="exact",
                         claimant=None, subjects=[]) for index, (unit, predicate, *_) in enumerate(WORDINGS)]


def found(client, query):
    response = client.get(f"/api/v1/claims/?{query}&page_size=200")
    assert response.status_code == 200, response.json()
    return {int(row["value"]) - 1 for row in response.json()["results"]}


def test_units_and_predicates_are_found_in_every_wording(api_client, worded):
    for index, (_, _, unit, predicate) in enumerate(WORDINGS):
        assert index in found(api_client, f"unit={unit}"), WORDINGS[index]
        if predicate:
            assert index in found(api_client, f"predicate={predicate}"), WORDINGS[index]
    assert found(api_client, "unit=soldier") == {2, 3}
    assert found(api_client, "unit=troop") == {2, 3}  # the value asked for is normalised too
    assert found(api_client, "predicate=captured") == {9}
    assert found(api_client, "predicate=destroyed") == {0, 1, 7, 8}
    assert found(api_client, "predicate=knocked%20out") == {0, 1, 7, 8}
    assert found(api_client, "predicate=killed,wounded") == {2, 3, 4, 6}
    assert found(api_client, "exclude_predicate=destroyed") == set(range(len(WORDINGS))) - {0, 1, 7, 8}


def test_the_filters_agree_with_the_measures_normalisation(api_client, worded):
    # Every unit and predicate the claims hold, asked for as a filter, finds exactly the claims whose measure
    # reads them so.
    claims = list(Claim.objects.all())
    for claim in claims:
        predicate, unit = measure_of(claim.predicate, claim.unit)
        expected = {c.pk for c in claims if measure_of(c.predicate, c.unit)[1] == unit}
        response = api_client.get(f"/api/v1/claims/?unit={unit}&page_size=200").json()
        assert {row["id"] for row in response["results"]} == expected, (claim.unit, unit)
        if predicate:
            expected = {c.pk for c in claims if measure_of(c.predicate, c.unit)[0] == predicate}
            response = api_client.get(f"/api/v1/claims/?predicate={predicate}&page_size=200").json()
            assert {row["id"] for row in response["results"]} == expected, (claim.predicate, predicate)


def test_measures_filter_on_the_normalised_words_too(api_client):
    call_command("load_seeds", stdout=StringIO())
    keys = {m["key"] for m in api_client.get("/api/v1/measures/?unit=troop,facility").json()["results"]}
    assert keys == {"destroyed--facility--ukraine", "killed--soldier--ukraine", "killed--soldier--russia"}
    keys = {m["key"] for m in api_client.get("/api/v1/measures/?predicate=neutralized&unit=facility").json()["results"]}
    assert keys == {"destroyed--facility--ukraine"}
