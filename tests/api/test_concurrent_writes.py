"""Concurrent POSTs against the real PostgreSQL, from real threads (each with its own connection)."""

import threading

import pytest
from django.db import connection

from articles.models import Article, Entity
from tests.conftest import client_with

pytestmark = pytest.mark.django_db(transaction=True)


def post_all(token: str, articles: list[dict]) -> list:
    """POST every article at once, one thread each; the responses, or the exceptions the requests raised."""
    barrier = threading.Barrier(len(articles))
    outcomes: list = [None] * len(articles)

    def post(number: int) -> None:
        client = client_with(token)
        try:
            barrier.wait()
            outcomes[number] = client.post("/api/v1/articles/", articles[number], format="json")
        except Exception as error:  # collected and asserted on by the test
            outcomes[number] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(number,)) for number in range(len(articles))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def statuses(outcomes: list) -> list:
    return [outcome.status_code if hasattr(outcome, "status_code") else repr(outcome) for outcome in outcomes]


def test_concurrent_articles_naming_one_new_organisation_create_it_once(token):
    articles = [{
        "title": f"Survey {number} counts boats in the harbour",
        "body": f"The Quillmere Coastal Institute said on Monday that {number + 3} boats sank in the harbour "
                f"during storm number {number}.",
        "published_at": f"2025-05-{number + 1:02d}T12:00:00Z",
    } for number in range(20)]
    outcomes = post_all(token, articles)
    assert statuses(outcomes) == [201] * 20
    institutes = Entity.objects.filter(name__icontains="Quillmere")
    assert [(e.name, e.slug) for e in institutes] == [("Quillmere Coastal Institute", "quillmere-coastal-institute")]
    assert institutes[0].mentions.values("article").distinct().count() == 20


def test_concurrent_new_content_at_one_new_url_is_all_stored(token):
    url = "https://example.org/news/harbour-storm"
    articles = [{
        "title": f"Storm sinks {number + 2} boats",
        "body": f"Version {number}: the storm sank {number + 2} boats in the harbour, the mayor said.",
        "published_at": "2025-05-06T12:00:00Z",
        "url": url,
    } for number in range(10)]
    outcomes = post_all(token, articles)
    assert sorted(statuses(outcomes)) == [200] * 9 + [201]
    article = Article.objects.get(url=url)
    # Every POST was stored in turn; the last one stored is what the url holds now, whole.
    assert article.title in {a["title"] for a in articles}
    assert article.body == next(a["body"] for a in articles if a["title"] == article.title)
    assert article.claims.count() >= 1
