"""Read queries of the articles app: querysets with what their serializers need, and counts."""

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .models import Article, Entity, EntityAlias, ItemStatus, Mention, Quote

# An entity embedded in another row (a speaker, a claimant, a subject, an entity mentioned): what its brief
# shows and what its JSON-LD node reads. Its dates and counts stay in the database: parsing the dates of every
# joined row was a large part of the article detail's time, and no embedded answer shows them.
EMBEDDED_ENTITY_COLUMNS = ("id", "name", "slug", "type", "country_code", "latitude", "longitude")
# The editor who verified a row is shown by username.
EMBEDDED_USER_COLUMNS = ("id", "username")


def columns_left_out(relation: str, model, kept) -> list[str]:
    """`relation__column` for each column of `model` but `kept`: defer() arguments for a select_related join
    that reads only `kept`."""
    return [f"{relation}__{field.name}" for field in model._meta.concrete_fields if field.name not in kept]


def embedded_entity(relation: str) -> list[str]:
    return columns_left_out(relation, Entity, EMBEDDED_ENTITY_COLUMNS)


def embedded_editor(relation: str = "verified_by") -> list[str]:
    return columns_left_out(relation, get_user_model(), EMBEDDED_USER_COLUMNS)


def embedded_entities() -> QuerySet:
    """Entities embedded as a list (a claim's subjects), by name."""
    return Entity.objects.only(*EMBEDDED_ENTITY_COLUMNS).order_by("name", "id")


def count_subquery(queryset: QuerySet, field: str = "pk") -> Subquery:
    """A correlated COUNT that stays one query, unlike several joined Count()s that multiply rows."""
    counted = queryset.order_by().values(field).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def entity_list() -> QuerySet:
    # Entities merged into another are pointers, not entities of their own; `article_count` is a column kept
    # by the services (articles/services.py), so ordering by it reads an index.
    return Entity.objects.filter(merged_into=None).select_related("verified_by").prefetch_related("alias_set")


def entity_detail() -> QuerySet:
    # Its mention_count and quote_count are columns kept by the services, like article_count.
    return entity_list()


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
        Prefetch("mentions", queryset=Mention.objects.select_related("entity").defer(*embedded_entity("entity"))
                 .order_by("start", "id")),
        Prefetch("mentions__entity__alias_set", queryset=EntityAlias.objects.all()),
        Prefetch("quotes", queryset=article_quotes()),
    )


# An embedded article is its id, title and date: its text stays in the database.
EMBEDDED_ARTICLE_DEFERRED = ("article__body", "article__subtitle", "article__search_vector")


def quote_list() -> QuerySet:
    return Quote.objects.select_related("speaker", "article", "verified_by").defer(
        *EMBEDDED_ARTICLE_DEFERRED, *embedded_entity("speaker"), *embedded_editor())


def article_quotes() -> QuerySet:
    """The quotes an article stands by: rejected and orphaned ones are left out."""
    return Quote.objects.filter(status=ItemStatus.ACTIVE).select_related("speaker", "verified_by").defer(
        *embedded_entity("speaker"), *embedded_editor()).order_by("start", "id")
