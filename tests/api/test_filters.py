"""Every filter of entities, quotes and claims, through HTTP."""

import pytest

from tests.factories import ArticleFactory, ClaimFactory, EntityFactory, MentionFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.json()
    return sorted(row["id"] for row in response.json()["results"])


@pytest.fixture
def world():
    early = ArticleFactory(published_at="2024-01-10T08:00:00Z")
    late = ArticleFactory(published_at="2024-06-10T08:00:00Z")
    ana = EntityFactory(name="Ana Lima", slug="ana-lima", aliases=["Lima"])
    oslo = EntityFactory(name="Oslo", slug="oslo", type="LOCATION", aliases=["Christiania"])
    ministry = EntityFactory(name="Health Ministry", slug="health-ministry", type="ORGANIZATION")
    for article in (early, late):
        MentionFactory(article=article, entity=ana)
    MentionFactory(article=late, entity=oslo)
    quotes = {
        "ana_direct": QuoteFactory(article=early, speaker=ana, kind="direct", text="We will build the bridge",
                                   speaker_text="Lima"),
        "sources_indirect": QuoteFactory(article=late, speaker=None, kind="indirect", text="talks stalled",
                                         speaker_text="diplomatic sources"),
    }
    claims = {
        "soldiers": ClaimFactory(article=early, claimant=ana, value=40, qualifier="more_than", unit="soldier",
                                 predicate="killed", text="More than 40 soldiers were killed.", subjects=[oslo]),
        "facilities": ClaimFactory(article=late, claimant=ministry, value=74, qualifier="exact", unit="facility",
                                   predicate="knocked out", text="74 facilities were knocked out.",
                                   claimant_text="the ministry"),
        "denial": ClaimFactory(article=late, claimant=None, value=None, qualifier="", unit="", predicate="denied",
                               text="The army denied striking the market.", claimant_text="the army"),
    }
    return {"early": early, "late": late, "ana": ana, "oslo": oslo, "ministry": ministry, **quotes, **claims}


def test_entity_filters(api_client, world):
    assert ids(api_client, "/api/v1/entities/?type=LOCATION") == [world["oslo"].pk]
    assert ids(api_client, "/api/v1/entities/?search=christiania") == [world["oslo"].pk]
    assert ids(api_client, "/api/v1/entities/?search=lima") == [world["ana"].pk]
    assert ids(api_client, f"/api/v1/entities/?article={world['late'].pk}") == sorted([world["ana"].pk, world["oslo"].pk])
    ordered = api_client.get("/api/v1/entities/?ordering=-article_count").json()["results"]
    assert [row["id"] for row in ordered][:2] == [world["ana"].pk, world["oslo"].pk]


def test_entity_detail_counts(api_client, world):
    body = api_client.get(f"/api/v1/entities/{world['ana'].pk}/").json()
    assert (body["article_count"], body["mention_count"], body["quote_count"], body["claim_count"]) == (2, 2, 1, 1)
    assert body["aliases"] == ["Lima"]


def test_quote_filters(api_client, world):
    direct, indirect = world["ana_direct"].pk, world["sources_indirect"].pk
    assert ids(api_client, f"/api/v1/quotes/?speaker={world['ana'].pk}") == [direct]
    assert ids(api_client, "/api/v1/quotes/?speaker=ana-lima") == [direct]
    assert ids(api_client, "/api/v1/quotes/?speaker_text=diplomatic") == [indirect]
    assert ids(api_client, "/api/v1/quotes/?kind=indirect") == [indirect]
    assert ids(api_client, f"/api/v1/quotes/?article={world['early'].pk}") == [direct]
    assert ids(api_client, "/api/v1/quotes/?search=bridge") == [direct]
    assert ids(api_client, "/api/v1/quotes/?published_after=2024-03-01") == [indirect]
    assert ids(api_client, "/api/v1/quotes/?published_before=2024-03-01") == [direct]


def test_claim_filters(api_client, world):
    soldiers, facilities, denial = world["soldiers"].pk, world["facilities"].pk, world["denial"].pk
    assert ids(api_client, f"/api/v1/claims/?claimant={world['ministry'].pk}") == [facilities]
    assert ids(api_client, "/api/v1/claims/?claimant=ana-lima") == [soldiers]
    assert ids(api_client, "/api/v1/claims/?claimant_text=army") == [denial]
    assert ids(api_client, "/api/v1/claims/?unit=Soldier") == [soldiers]
    assert ids(api_client, "/api/v1/claims/?predicate=knocked%20out") == [facilities]
    assert ids(api_client, "/api/v1/claims/?qualifier=more_than") == [soldiers]
    assert ids(api_client, "/api/v1/claims/?value_min=50") == [facilities]
    assert ids(api_client, "/api/v1/claims/?value_max=50") == [soldiers]
    assert ids(api_client, "/api/v1/claims/?value_min=40&value_max=74") == sorted([soldiers, facilities])
    assert ids(api_client, "/api/v1/claims/?has_value=false") == [denial]
    assert ids(api_client, "/api/v1/claims/?has_value=true") == sorted([soldiers, facilities])
    assert ids(api_client, f"/api/v1/claims/?article={world['late'].pk}") == sorted([facilities, denial])
    assert ids(api_client, "/api/v1/claims/?entity=oslo") == [soldiers]
    assert ids(api_client, "/api/v1/claims/?search=market") == [denial]
    assert ids(api_client, "/api/v1/claims/?published_after=2024-03-01") == sorted([facilities, denial])
    assert ids(api_client, "/api/v1/claims/?published_before=2024-03-01T00:00:00Z") == [soldiers]


def test_entity_sub_resources(api_client, world):
    ana = world["ana"].pk
    assert ids(api_client, f"/api/v1/entities/{ana}/articles/") == sorted([world["early"].pk, world["late"].pk])
    assert ids(api_client, f"/api/v1/entities/{ana}/quotes/") == [world["ana_direct"].pk]
    assert ids(api_client, f"/api/v1/entities/{ana}/claims/") == [world["soldiers"].pk]
    assert api_client.get("/api/v1/entities/999999/claims/").status_code == 404


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/entities/?type=CITY", "type"),
        ("/api/v1/entities/?article=abc", "article"),
        ("/api/v1/entities/?ordering=-mentions", "ordering"),
        ("/api/v1/quotes/?kind=rumour", "kind"),
        ("/api/v1/quotes/?speaker=nobody-at-all", "speaker"),
        ("/api/v1/quotes/?published_after=2024-02-30", "published_after"),
        ("/api/v1/articles/?published_after=0001-01-01T00:00:00%2B01:00", "published_after"),
        ("/api/v1/claims/?value_min=many", "value_min"),
        ("/api/v1/claims/?value_max=1e", "value_max"),
        ("/api/v1/claims/?value_max=1e16", "value_max"),  # past any stored figure, as the schema's maximum says
        ("/api/v1/claims/?has_value=maybe", "has_value"),
        ("/api/v1/claims/?qualifier=roughly", "qualifier"),
        ("/api/v1/claims/?claimant=424242", "claimant"),
        ("/api/v1/claims/?entity=ghost", "entity"),
        ("/api/v1/articles/?entity=%C2%B3", "entity"),  # a superscript digit: str.isdigit() but not int()
        ("/api/v1/claims/?article=999999", "article"),
        ("/api/v1/claims/?sort=value", "sort"),
    ],
)
def test_malformed_filter_values_are_400s_naming_the_parameter(api_client, world, url, parameter):
    response = api_client.get(url)
    assert response.status_code == 400
    assert parameter in {error["attr"] for error in response.json()["errors"]}


def test_date_bounds_at_the_ends_of_the_calendar(api_client, world):
    assert api_client.get("/api/v1/articles/?published_before=9999-12-31").status_code == 200
    assert api_client.get("/api/v1/claims/?published_after=0001-01-01").status_code == 200


def test_several_values_exclusion_and_any_case(api_client, world):
    ana, oslo, ministry = world["ana"].pk, world["oslo"].pk, world["ministry"].pk
    assert ids(api_client, "/api/v1/entities/?type=PERSON,ORGANIZATION") == sorted([ana, ministry])
    assert ids(api_client, "/api/v1/entities/?type=person&type=organization") == sorted([ana, ministry])
    assert ids(api_client, "/api/v1/entities/?type=location") == [oslo]
    assert ids(api_client, "/api/v1/entities/?exclude_type=Person") == sorted([oslo, ministry])
    assert ids(api_client, "/api/v1/quotes/?kind=DIRECT,indirect") == sorted(
        [world["ana_direct"].pk, world["sources_indirect"].pk])
    assert ids(api_client, "/api/v1/quotes/?exclude_kind=direct") == [world["sources_indirect"].pk]
    soldiers, facilities, denial = world["soldiers"].pk, world["facilities"].pk, world["denial"].pk
    assert ids(api_client, f"/api/v1/claims/?claimant=ana-lima,{ministry}") == sorted([soldiers, facilities])
    # A claim without a claimant is not by Ana Lima: exclusion keeps it.
    assert ids(api_client, "/api/v1/claims/?exclude_claimant=ana-lima") == sorted([facilities, denial])
    assert ids(api_client, "/api/v1/claims/?qualifier=EXACT,more_than") == sorted([soldiers, facilities])
    assert ids(api_client, "/api/v1/claims/?exclude_qualifier=exact") == sorted([soldiers, denial])
    assert ids(api_client, f"/api/v1/claims/?article={world['early'].pk},{world['late'].pk}&has_value=true") == sorted(
        [soldiers, facilities])
    assert ids(api_client, f"/api/v1/entities/?article={world['late'].pk}") == sorted([ana, oslo])


def test_the_language_filter(api_client, world):
    german = ArticleFactory(language="de")
    everything = sorted([world["early"].pk, world["late"].pk, german.pk])
    assert ids(api_client, "/api/v1/articles/?language=DE") == [german.pk]
    assert ids(api_client, "/api/v1/articles/?language=en,de") == everything
    assert ids(api_client, "/api/v1/articles/?exclude_language=de") == sorted([world["early"].pk, world["late"].pk])
    response = api_client.get("/api/v1/articles/?language=german")
    assert response.status_code == 400 and "'german'" in response.json()["errors"][0]["detail"]


def test_every_error_of_a_request_is_reported_and_unknown_ids_are_named(api_client, world):
    response = api_client.get("/api/v1/claims/?claimant=424242,ghost,ana-lima&qualifier=roughly&article=999999"
                              "&ordering=size&page_size=0&cursor=forged&colour=red&unit=soldier,,facility")
    assert response.status_code == 400
    errors = {error["attr"]: error for error in response.json()["errors"]}
    assert set(errors) == {"claimant", "qualifier", "article", "ordering", "page_size", "cursor", "colour", "unit"}
    assert errors["claimant"]["code"] == "does_not_exist"
    assert "'424242'" in errors["claimant"]["detail"] and "'ghost'" in errors["claimant"]["detail"]
    assert "ana-lima" not in errors["claimant"]["detail"]
    assert errors["article"]["detail"] == "No article with id '999999'."
    assert "'roughly'" in errors["qualifier"]["detail"]


def test_a_numeric_slug_is_found_by_its_slug(api_client, world):
    year = EntityFactory(name="1917", slug="1917", type="PRODUCT")
    claim = ClaimFactory(article=world["early"], claimant=year)
    assert ids(api_client, "/api/v1/claims/?claimant=1917") == [claim.pk]
    assert api_client.get(f"/api/v1/claims/?claimant={2**70}").status_code == 400


def test_an_ordering_that_needs_a_filter_with_another_filter_refused_is_a_400(api_client, world):
    response = api_client.get("/api/v1/articles/?search=bridge&ordering=rank&published_after=soon")
    assert response.status_code == 400
    assert {error["attr"] for error in response.json()["errors"]} == {"published_after"}


def test_a_request_is_filtered_by_the_filters_it_names_only():
    """The filterset binds, copies and validates the filters whose parameters the request gives, no others."""
    from django.http import QueryDict

    from claims.filters import ClaimFilterSet
    from claims.models import Claim

    filterset = ClaimFilterSet(QueryDict("unit=person&value_min=10"), queryset=Claim.objects.all())
    assert set(filterset.filters) == {"unit", "value_min"}
    assert set(filterset.form.fields) == {"unit", "value_min"}
    assert filterset.is_valid(), filterset.errors
    where = str(filterset.qs.query)
    assert '"unit_normalised" IN' in where and '"value" >=' in where


def test_filters_named_together_in_any_order_each_apply(client, world):
    """Form classes are kept per set of filters: requests naming different sets, in any order, filter fully."""
    direct, by_ana = ids(client, "/api/v1/quotes/?kind=direct"), ids(client, "/api/v1/quotes/?speaker=ana-lima")
    indirect = ids(client, "/api/v1/quotes/?kind=indirect")
    assert direct and by_ana and indirect
    assert ids(client, "/api/v1/quotes/?kind=direct&speaker=ana-lima") == sorted({*direct} & {*by_ana})
    assert ids(client, "/api/v1/quotes/?speaker=ana-lima&kind=indirect") == sorted({*indirect} & {*by_ana})
    assert sorted({*indirect} & {*by_ana}) != by_ana
