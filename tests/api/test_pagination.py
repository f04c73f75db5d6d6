import base64

import pytest
from django.db.models import F

from claims.models import Claim, Measure
from tests.factories import ArticleFactory, ClaimFactory, EntityFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def walk(client, url):
    seen, pages = [], 0
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.json()
        body = response.json()
        seen.extend(row["id"] for row in body["results"])
        url, pages = body["next"], pages + 1
    return seen, pages


@pytest.mark.parametrize(
    ("path", "make"),
    [
        ("/api/v1/articles/?page_size=7", lambda: ArticleFactory.create_batch(30)),
        ("/api/v1/articles/?page_size=7&ordering=title", lambda: ArticleFactory.create_batch(30)),
        ("/api/v1/entities/?page_size=4&ordering=-article_count", lambda: EntityFactory.create_batch(30)),
        ("/api/v1/claims/?page_size=9", lambda: ClaimFactory.create_batch(30)),
    ],
)
def test_walking_every_page_returns_every_row_once(api_client, path, make):
    rows = make()
    seen, pages = walk(api_client, path)
    assert sorted(seen) == sorted(row.pk for row in rows)
    assert pages > 1


def test_pages_are_stable_when_rows_are_inserted_while_walking(api_client):
    ArticleFactory.create_batch(10)
    first = api_client.get("/api/v1/articles/?page_size=5").json()
    ArticleFactory.create_batch(3)  # newer than everything: they sort before the cursor
    rest, _ = walk(api_client, first["next"])
    assert len({row["id"] for row in first["results"]} | set(rest)) == 10


def test_same_published_at_does_not_lose_rows(api_client):
    rows = ArticleFactory.create_batch(12, published_at="2024-05-05T12:00:00Z")
    seen, _ = walk(api_client, "/api/v1/articles/?page_size=5")
    assert sorted(seen) == sorted(row.pk for row in rows)


def forged(query: str) -> str:
    return base64.b64encode(query.encode()).decode()


# Refused whatever the list is ordered by.
UNREADABLE_CURSORS = [forged("o=1&p=a%00b"), forged("r=yes"), forged("o=-3"), "%%%not-base64"]
# Refused by what the list is ordered by (any text is a position in a list ordered by name).
MISTYPED_CURSORS = {
    "date": [forged("p=2022"), forged("p=2022-01-01 00:00:00"), forged("p=0001-01-01T00:00:00+01:00x")],
    "number": [forged("p=not-a-number"), forged("p=99999999999999999999999")],
    "float": [forged("p=not-a-number"), forged("p=nan"), forged("p=-inf")],
    "text": [],
}


@pytest.fixture
def every_list():
    """Each paginated list and sub-list, with rows in it, and the kind of field it is ordered by."""
    claim = ClaimFactory()
    measure = Measure.objects.create(key="killed--soldier--any", predicate="killed", unit="soldier")
    Claim.objects.filter(pk=claim.pk).update(measure=measure)
    QuoteFactory(article=claim.article, speaker=claim.claimant)
    article, entity = claim.article.pk, claim.claimant.pk
    return [
        ("/api/v1/articles/", "date"), ("/api/v1/articles/?ordering=title", "text"), ("/api/v1/sources/", "text"),
        ("/api/v1/entities/", "text"), ("/api/v1/entities/?ordering=-article_count", "number"),
        ("/api/v1/quotes/", "number"), ("/api/v1/claims/", "number"), ("/api/v1/claims/?ordering=value", "float"),
        ("/api/v1/measures/", "text"), ("/api/v1/measures/?ordering=-claim_count", "number"),
        (f"/api/v1/articles/{article}/quotes/", "number"), (f"/api/v1/articles/{article}/claims/", "number"),
        (f"/api/v1/entities/{entity}/articles/", "date"), (f"/api/v1/entities/{entity}/quotes/", "number"),
        (f"/api/v1/entities/{entity}/claims/", "number"), (f"/api/v1/entities/{entity}/measures/", "number"),
        (f"/api/v1/claims/{claim.pk}/related/", "date"),
    ]


def test_a_forged_cursor_is_a_400_on_every_list(api_client, every_list, caplog):
    for path, ordered_by in every_list:
        separator = "&" if "?" in path else "?"
        for cursor in UNREADABLE_CURSORS + MISTYPED_CURSORS[ordered_by]:
            response = api_client.get(f"{path}{separator}cursor={cursor}")
            assert response.status_code == 400, (path, cursor, response.content[:300])
            assert response.json()["errors"][0]["attr"] == "cursor"
    assert not [record for record in caplog.records if record.levelname in {"ERROR", "CRITICAL"}]


def test_related_figures_page_through_more_than_one_page(api_client):
    measure = Measure.objects.create(key="killed--soldier--any", predicate="killed", unit="soldier")
    claims = [ClaimFactory(value=value, qualifier="exact") for value in range(1, 8)]
    Claim.objects.filter(pk__in=[c.pk for c in claims]).update(measure=measure, lower=F("value"), upper=F("value"))
    # Articles an hour apart, all within the comparison window of the first.
    seen, pages = walk(api_client, f"/api/v1/claims/{claims[0].pk}/related/?page_size=2")
    assert sorted(seen) == sorted(c.pk for c in claims[1:])
    assert pages == 3
