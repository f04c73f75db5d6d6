"""The database itself refuses rows that would make the data wrong, whoever writes them."""

import pytest
from django.db import IntegrityError, transaction

from articles.models import Article, Entity, Mention, Quote
from claims.models import Claim
from extraction.types import MAX_FIGURE
from tests.factories import ArticleFactory, ClaimFactory, EntityFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def refused(make) -> bool:
    try:
        with transaction.atomic():
            make()
    except IntegrityError:
        return True
    return False


def test_one_article_per_content_hash_and_per_url():
    article = ArticleFactory(url="https://example.org/a")
    assert refused(lambda: ArticleFactory(content_hash=article.content_hash))
    assert refused(lambda: ArticleFactory(url="https://example.org/a"))
    ArticleFactory(url=None)
    ArticleFactory(url=None)  # many articles may have no URL
    assert Article.objects.filter(url=None).count() == 2


def test_entity_types_slugs_and_coordinates_are_checked():
    entity = EntityFactory()
    assert refused(lambda: Entity.objects.create(name="X", type="CITY", slug="x"))
    assert refused(lambda: Entity.objects.create(name="Y", type="PERSON", slug=entity.slug))
    assert refused(lambda: Entity.objects.create(name="Z", type="LOCATION", slug="z", latitude=95, longitude=0))


def test_offsets_must_be_ordered_and_spans_unique():
    article, entity = ArticleFactory(), EntityFactory()
    assert refused(lambda: Mention.objects.create(article=article, entity=entity, text="x", start=5, end=5))
    Mention.objects.create(article=article, entity=entity, text="x", start=1, end=4)
    assert refused(lambda: Mention.objects.create(article=article, entity=entity, text="x", start=1, end=4))
    assert refused(lambda: QuoteFactory(start=9, end=3))


def test_quote_kinds_and_claim_qualifiers_are_enumerations():
    assert refused(lambda: QuoteFactory(kind="rumour"))
    assert refused(lambda: ClaimFactory(qualifier="roughly"))


def test_a_figure_has_a_qualifier_and_a_statement_has_none():
    assert refused(lambda: ClaimFactory(value=40, qualifier=""))
    assert refused(lambda: ClaimFactory(value=None, qualifier="exact"))
    ClaimFactory(value=None, qualifier="")
    assert Claim.objects.filter(value=None).count() == 1


def test_an_article_must_have_a_title():
    assert refused(lambda: ArticleFactory(title=""))
    assert Quote.objects.count() == 0


def test_a_figure_must_be_finite_and_bounded():
    assert refused(lambda: ClaimFactory(value=float("inf"), qualifier="exact"))
    assert refused(lambda: ClaimFactory(value=float("nan"), qualifier="exact"))
    assert refused(lambda: ClaimFactory(value=-MAX_FIGURE * 10, qualifier="exact"))
    ClaimFactory(value=MAX_FIGURE, qualifier="exact")
