"""Read queries of the articles app: querysets with what their serializers need, and counts."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .models import Article, Entity, EntityAlias, Mention, Quote


def count_subquery(queryset: QuerySet, field: str = "pk") -> Subquery:
    """A correlated COUNT that stays one query, unlike several joined Count()s that multiply rows."""
    counted = queryset.order_by().values(field).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def article_count_subquery() -> Subquery:
    return Coalesce(
        Subquery(
            Mention.objects.filter(entity=OuterRef("pk")).order_by().values("entity")
            .annotate(n=Count("article", distinct=True)).values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def entity_list() -> QuerySet:
    return Entity.objects.prefetch_related("alias_set").annotate(article_count=article_count_subquery())


def entity_detail() -> QuerySet:
    return entity_list().annotate(
        mention_count=count_subquery(Mention.objects.filter(entity=OuterRef("pk")), "entity"),
        quote_count=count_subquery(Quote.objects.filter(speaker=OuterRef("pk")), "speaker"),
    )


def article_list() -> QuerySet:
    return Article.objects.select_related("source")


def story_articles(article: Article) -> QuerySet:
    """The other articles of an article's story: the first one and its near-copies (an indexed lookup)."""
    story = article.duplicate_of_id or article.pk
    return article_list().filter(Q(pk=story) | Q(duplicate_of_id=story)).exclude(pk=article.pk)


def article_detail() -> QuerySet:
    return article_list().prefetch_related(
        Prefetch("mentions", queryset=Mention.objects.select_related("entity").order_by("start")),
        Prefetch("mentions__entity__alias_set", queryset=EntityAlias.objects.all()),
        Prefetch("quotes", queryset=Quote.objects.select_related("speaker").order_by("start")),
    )


def quote_list() -> QuerySet:
    return Quote.objects.select_related("speaker", "article")
