"""FilterSets for the articles app's lists. Every filter here appears in the OpenAPI schema."""

import django_filters
from django.db.models import Exists, OuterRef, Q

from newsapi.api.fields import (
    ChoicesFilter,
    FilterSet,
    IsoDateTimeBoundFilter,
    LanguagesFilter,
    ReferencesFilter,
    ShareFilter,
    StrictBooleanFilter,
)

from .models import Article, AttributionMethod, Entity, EntityType, ItemStatus, Mention, Quote, QuoteKind, Source
from .search import search_articles


def updated_after_filter() -> IsoDateTimeBoundFilter:
    return IsoDateTimeBoundFilter(
        field_name="updated_at", lookup_expr="gte",
        help_text="Changed at or after this ISO 8601 date or date-time (incremental sync: pass the time of your "
                  "last sync, or the largest `updated_at` you hold).",
    )


def verified_filter() -> StrictBooleanFilter:
    return StrictBooleanFilter(field_name="verified", help_text="true: corrected or confirmed by an editor; false: not.")


class SourceFilterSet(FilterSet):
    updated_after = updated_after_filter()

    class Meta:
        model = Source
        fields = ["updated_after"]


class ArticleFilterSet(FilterSet):
    search = django_filters.CharFilter(
        method="filter_search",
        help_text="Full-text search over title, subtitle and body (PostgreSQL: ranked; see `ordering=-rank`).",
    )
    published_after = IsoDateTimeBoundFilter(
        field_name="published_at", lookup_expr="gte",
        help_text="Published at or after this ISO 8601 date or date-time (a date means its start, UTC).",
    )
    published_before = IsoDateTimeBoundFilter(
        field_name="published_at", lookup_expr="lte", end_of_day=True,
        help_text="Published at or before this ISO 8601 date or date-time (a date means its end, UTC).",
    )
    source = ReferencesFilter(model=Source, field_name="source", help_text="The source (its slug or id).")
    exclude_source = ReferencesFilter(model=Source, field_name="source", exclude=True,
                                      help_text="Not from this source (its slug or id).")
    language = LanguagesFilter(help_text="The article's language code (en, de ...), any case.")
    exclude_language = LanguagesFilter(exclude=True, help_text="Not in this language (en, de ...).")
    entity = ReferencesFilter(
        model=Entity, help_text="Articles that mention this entity (its id or slug).",
        match=lambda ids: Exists(Mention.objects.filter(article=OuterRef("pk"), entity_id__in=ids)),
    )
    updated_after = updated_after_filter()

    class Meta:
        model = Article
        fields = ["search", "published_after", "published_before", "source", "exclude_source", "language",
                  "exclude_language", "entity", "updated_after"]

    def filter_search(self, queryset, name, value):
        return search_articles(queryset, value)


class EntityFilterSet(FilterSet):
    type = ChoicesFilter(choices=EntityType.choices, help_text="Entity type, any case (person is PERSON).")
    exclude_type = ChoicesFilter(field_name="type", choices=EntityType.choices, exclude=True,
                                 help_text="Not of this entity type.")
    search = django_filters.CharFilter(method="filter_search", help_text="Words in the name or any alias.")
    article = ReferencesFilter(
        model=Article, slug_field=None, help_text="Entities this article (its id) mentions.",
        match=lambda ids: Exists(Mention.objects.filter(entity=OuterRef("pk"), article_id__in=ids)),
    )
    verified = verified_filter()
    updated_after = updated_after_filter()

    class Meta:
        model = Entity
        fields = ["type", "exclude_type", "search", "article", "verified", "updated_after"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(alias_set__name__icontains=value)).distinct()



class PublishedInArticleFilterSet(FilterSet):
    """Date filters for rows that belong to an article: quotes, claims."""

    published_after = IsoDateTimeBoundFilter(
        field_name="article__published_at", lookup_expr="gte", help_text="Article published at or after (ISO 8601)."
    )
    published_before = IsoDateTimeBoundFilter(
        field_name="article__published_at", lookup_expr="lte", end_of_day=True,
        help_text="Article published at or before (ISO 8601).",
    )


class AttributedFilterSet(PublishedInArticleFilterSet):
    """Filters for rows extraction gave a source, by how it found the source: quotes, claims."""

    min_confidence = ShareFilter(
        field_name="confidence", lookup_expr="gte",
        help_text="Only items whose attribution method measured at least this accuracy (0 to 1).",
    )
    attribution = ChoicesFilter(
        choices=AttributionMethod.choices, help_text="How the source was found: cue, parse, pronoun ...",
    )
    exclude_attribution = ChoicesFilter(
        field_name="attribution", choices=AttributionMethod.choices, exclude=True,
        help_text="Not found this way: pronoun, neighbour ...",
    )
    status = ChoicesFilter(
        choices=ItemStatus.choices,
        help_text="Without it, lists show active items only; rejected: editors' rejections; orphaned: verified "
                  "items whose text left the article.",
    )
    verified = verified_filter()
    updated_after = updated_after_filter()


class QuoteFilterSet(AttributedFilterSet):
    speaker = ReferencesFilter(model=Entity, field_name="speaker", help_text="The speaker entity (its id or slug).")
    exclude_speaker = ReferencesFilter(model=Entity, field_name="speaker", exclude=True,
                                       help_text="Not by this speaker (its id or slug).")
    speaker_text = django_filters.CharFilter(
        lookup_expr="icontains", help_text='Words in the speaker as worded ("Kremlin sources").'
    )
    kind = ChoicesFilter(choices=QuoteKind.choices, help_text="Direct, partial or indirect.")
    exclude_kind = ChoicesFilter(field_name="kind", choices=QuoteKind.choices, exclude=True,
                                 help_text="Not of this kind.")
    article = ReferencesFilter(model=Article, slug_field=None, field_name="article", help_text="The article's id.")
    search = django_filters.CharFilter(field_name="text", lookup_expr="icontains", help_text="Words in the quote.")

    class Meta:
        model = Quote
        fields = ["speaker", "exclude_speaker", "speaker_text", "kind", "exclude_kind", "article", "search",
                  "published_after", "published_before", "min_confidence", "attribution", "exclude_attribution",
                  "status", "verified", "updated_after"]
