import pytest

from tests.factories import ArticleFactory, ClaimFactory, EntityFactory

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
