"""FilterSet for claims. Every filter here appears in the OpenAPI schema."""

import django_filters
from django.db.models import Exists, OuterRef

from articles.filters import AttributedFilterSet, updated_after_filter
from articles.models import Article, Entity
from newsapi.api.fields import FigureFilter, ObjectReferenceFilter, StrictBooleanFilter

from .models import Claim, Measure, Qualifier


class ClaimFilterSet(AttributedFilterSet):
    claimant = ObjectReferenceFilter(model=Entity, field_name="claimant", help_text="The claimant entity's id or slug.")
    claimant_text = django_filters.CharFilter(
        lookup_expr="icontains", help_text='Words in the claimant as worded ("Kiev sources").'
    )
    unit = django_filters.CharFilter(lookup_expr="iexact", help_text="What is counted, singular: soldier, facility.")
    predicate = django_filters.CharFilter(lookup_expr="iexact", help_text="The event: killed, knocked out.")
    qualifier = django_filters.ChoiceFilter(choices=Qualifier.choices, help_text="How the figure is qualified.")
    value_min = FigureFilter(field_name="value", lookup_expr="gte", help_text="Value at least this.")
    value_max = FigureFilter(field_name="value", lookup_expr="lte", help_text="Value at most this.")
    has_value = StrictBooleanFilter(
        method="filter_has_value", help_text="true: figures only; false: qualitative claims only."
    )
    article = django_filters.ModelChoiceFilter(queryset=Article.objects.all(), help_text="The article's id.")
    entity = ObjectReferenceFilter(
        model=Entity, method="filter_entity", help_text="Claims about this entity (its id or slug)."
    )
    search = django_filters.CharFilter(field_name="text", lookup_expr="icontains", help_text="Words in the claim.")

    class Meta:
        model = Claim
        fields = [
            "claimant", "claimant_text", "unit", "predicate", "qualifier", "value_min", "value_max", "has_value",
            "article", "entity", "search", "published_after", "published_before", "min_confidence", "attribution",
            "status", "verified", "updated_after",
        ]

    def filter_has_value(self, queryset, name, value):
        return queryset.filter(value__isnull=not value)

    def filter_entity(self, queryset, name, entity):
        through = Claim.subjects.through
        return queryset.filter(Exists(through.objects.filter(claim=OuterRef("pk"), entity=entity)))


class MeasureFilterSet(django_filters.FilterSet):
    predicate = django_filters.CharFilter(lookup_expr="iexact", help_text="Normalised event: killed, destroyed ...")
    unit = django_filters.CharFilter(lookup_expr="iexact", help_text="What is counted: soldier, facility ...")
    subject = ObjectReferenceFilter(model=Entity, field_name="subject", help_text="The subject entity's id or slug.")
    conflicting = StrictBooleanFilter(
        field_name="has_conflict", help_text="true: measures with two figures that conflict within the window."
    )
    updated_after = updated_after_filter()

    class Meta:
        model = Measure
        fields = ["predicate", "unit", "subject", "conflicting", "updated_after"]
