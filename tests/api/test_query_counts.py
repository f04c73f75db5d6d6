"""The number of queries per list request must not grow with the page size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, ClaimFactory, EntityFactory, MentionFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def make_rows(count):
    for _ in range(count):
        article = ArticleFactory()
        speaker = EntityFactory(aliases=["Alias"])
        MentionFactory(article=article, entity=speaker)
        QuoteFactory(article=article, speaker=speaker)
        ClaimFactory(article=article, claimant=speaker, subjects=[EntityFactory()])
    return article, speaker


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(context)


@pytest.mark.parametrize(
    "url",
    ["/api/v1/articles/", "/api/v1/entities/", "/api/v1/quotes/", "/api/v1/claims/", "/api/v1/sources/",
     "/api/v1/entities/?ordering=-article_count", "/api/v1/claims/?has_value=true&value_min=1"],
)
def test_list_query_count_is_the_same_for_1_and_20_rows(api_client, url):
    make_rows(1)
    one = queries_for(api_client, url)
    make_rows(19)
    twenty = queries_for(api_client, url)
    assert one == twenty


def test_article_detail_query_count_does_not_grow_with_its_extractions(api_client):
    article, _ = make_rows(1)
    few = queries_for(api_client, f"/api/v1/articles/{article.pk}/")
    for _ in range(15):
        entity = EntityFactory(aliases=["Other name"])
        MentionFactory(article=article, entity=entity)
        QuoteFactory(article=article, speaker=entity)
        ClaimFactory(article=article, claimant=entity, subjects=[entity])
    many = queries_for(api_client, f"/api/v1/articles/{article.pk}/")
    assert few == many


@pytest.mark.parametrize("suffix", ["articles", "quotes", "claims", "measures"])
def test_entity_sub_list_query_count_is_constant(api_client, suffix):
    _, speaker = make_rows(1)
    one = queries_for(api_client, f"/api/v1/entities/{speaker.pk}/{suffix}/")
    for _ in range(10):
        article = ArticleFactory()
        MentionFactory(article=article, entity=speaker)
        QuoteFactory(article=article, speaker=speaker)
        ClaimFactory(article=article, claimant=speaker, subjects=[EntityFactory()])
    assert queries_for(api_client, f"/api/v1/entities/{speaker.pk}/{suffix}/") == one
