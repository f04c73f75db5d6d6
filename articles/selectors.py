"""Read queries of the articles app: querysets with what their serializers need, and counts."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .models import Article, Entity, EntityAlias, ItemStatus, Mention, Quote


def count_subquery(queryset: QuerySet, field: str = "pk") -> Subquery:
    """A correlated COUNT that stays one query, unlike several joined Count()s that multiply rows."""
    counted = queryset.order_by().values(field).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def entity_list() -> QuerySet:
    # Entities merged into another are pointers, not entities of their own; `article_count` is a column kept
    # by the services (articles/services.py), so ordering by it reads an index.
    return Entity.objects.filter(merged_into=None).select_related("verified_by").prefetch_related("alias_set")


def entity_detail() -> QuerySet:
    return entity_list().annotate(
        mention_count=count_subquery(Mention.objects.filter(entity=OuterRef("pk")), "entity"),
        quote_count=count_subquery(Quote.objects.filter(speaker=OuterRef("pk")), "speaker"),
    )


# What the list serializer shows: the body and the search vector (170 KB a page with them, 9 KB without) stay
# in the database.
ARTICLE_LIST_COLUMNS = ("id", "title", "subtitle", "published_at", "source", "url", "language", "word_count",
                        "duplicate_of", "updated_at")


def article_list() -> QuerySet:
    return Article.objects.select_related("source").only(*ARTICLE_LIST_COLUMNS)


def story_articles(article: Article) -> QuerySet:
    """The other articles of an article's story: the first one and its near-copies (an indexed lookup)."""
    story = article.duplicate_of_id or article.pk
    return article_list().filter(Q(pk=story) | Q(duplicate_of_id=story)).exclude(pk=article.pk)


def article_detail() -> QuerySet:
    # Everything but the search vector, which no answer shows.
    return Article.objects.select_related("source").defer("search_vector").prefetch_related(
        Prefetch("mentions", queryset=Mention.objects.select_related("entity").order_by("start")),
        Prefetch("mentions__entity__alias_set", queryset=EntityAlias.objects.all()),
        Prefetch("quotes", queryset=article_quotes()),
    )


# An embedded article is its id, title and date: its text stays in the database.
EMBEDDED_ARTICLE_DEFERRED = ("article__body", "article__subtitle", "article__search_vector")


def quote_list() -> QuerySet:
    return Quote.objects.select_related("speaker", "article", "verified_by").defer(*EMBEDDED_ARTICLE_DEFERRED)


def article_quotes() -> QuerySet:
    """The quotes an article stands by: rejected and orphaned ones are left out."""
    return Quote.objects.filter(status=ItemStatus.ACTIVE).select_related("speaker", "verified_by").order_by("start", "id")
