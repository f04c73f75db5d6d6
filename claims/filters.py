"""FilterSets for claims and measures. Every filter here appears in the OpenAPI schema.

`unit` and `predicate` match the normalised vocabulary of measures (claims/measures.py): `unit=facility` finds
"ground infrastructure facility", `predicate=destroyed` finds "knocked out" and "neutralized", as the measure
of each figure reads them (each claim stores that reading, indexed); `unit_text` and `predicate_text` match the
wording as stated."""

import django_filters
from django.db.models import Exists, OuterRef, Q

from articles.filters import AttributedFilterSet, updated_after_filter
from articles.models import Article, Entity
from newsapi.api.fields import (
    ChoicesFilter,
    FigureFilter,
    FilterSet,
    ReferencesFilter,
    StrictBooleanFilter,
    ValuesFilter,
)

from . import measures
from .models import Claim, Measure, Qualifier


def claims_counting(units: list[str]) -> Q:
    """Claims whose measure counts one of these units: the stored `unit_normalised` (`measures.measure_of`), the
    values asked for normalised the same way ("troops" is soldier)."""
    return Q(unit_normalised__in={measures.counted_unit(unit) for unit in units})


def claims_of_event(predicates: list[str]) -> Q:
    """Claims whose measure's predicate is one of these events: the stored `predicate_normalised` (a unit that
    names its event, "deaths", decided it), the values asked for normalised the same way."""
    return Q(predicate_normalised__in={measures.normalize_predicate(predicate) for predicate in predicates})


def claims_about(entity_ids: list[int]):
    through = Claim.subjects.through
    return Exists(through.objects.filter(claim=OuterRef("pk"), entity_id__in=entity_ids))


UNIT_HELP = ("What the figure counts, as its measure reads it: the head noun, singular (facility, soldier; "
             "troop is soldier, death is person).")
PREDICATE_HELP = ("The event, normalised as measures read it (killed, wounded, destroyed ...: 'knocked out' and "
                  "'neutralized' are destroyed).")


class ClaimFilterSet(AttributedFilterSet):
    claimant = ReferencesFilter(model=Entity, field_name="claimant", help_text="The claimant entity (its id or slug).")
    exclude_claimant = ReferencesFilter(model=Entity, field_name="claimant", exclude=True,
                                        help_text="Not by this claimant (its id or slug).")
    claimant_text = django_filters.CharFilter(
        lookup_expr="icontains", help_text='Words in the claimant as worded ("Kiev sources").'
    )
    unit = ValuesFilter(match=claims_counting, help_text=UNIT_HELP)
    exclude_unit = ValuesFilter(match=claims_counting, exclude=True, help_text=f"Not counting this. {UNIT_HELP}")
    unit_text = django_filters.CharFilter(field_name="unit", lookup_expr="icontains",
                                          help_text='Words in the unit as stated ("ground infrastructure facility").')
    predicate = ValuesFilter(match=claims_of_event, help_text=PREDICATE_HELP)
    exclude_predicate = ValuesFilter(match=claims_of_event, exclude=True,
                                     help_text=f"Not of this event. {PREDICATE_HELP}")
    predicate_text = django_filters.CharFilter(field_name="predicate", lookup_expr="icontains",
                                               help_text='Words in the predicate as stated ("knocked out").')
    measure = ReferencesFilter(model=Measure, slug_field="key", field_name="measure",
                               help_text="The figure's measure, by its key (destroyed--facility--ukraine).")
    qualifier = ChoicesFilter(choices=Qualifier.choices, help_text="How the figure is qualified.")
    exclude_qualifier = ChoicesFilter(field_name="qualifier", choices=Qualifier.choices, exclude=True,
                                      help_text="Not qualified this way.")
    value_min = FigureFilter(field_name="value", lookup_expr="gte", help_text="Value at least this.")
    value_max = FigureFilter(field_name="value", lookup_expr="lte", help_text="Value at most this.")
    has_value = StrictBooleanFilter(
        method="filter_has_value", help_text="true: figures only; false: qualitative claims only."
    )
    article = ReferencesFilter(model=Article, slug_field=None, field_name="article", help_text="The article's id.")
    entity = ReferencesFilter(model=Entity, match=claims_about, help_text="Claims about this entity (its id or slug).")
    search = django_filters.CharFilter(field_name="text", lookup_expr="icontains", help_text="Words in the claim.")

    class Meta:
        model = Claim
        fields = [
            "claimant", "exclude_claimant", "claimant_text", "unit", "exclude_unit", "unit_text", "predicate",
            "exclude_predicate", "predicate_text", "measure", "qualifier", "exclude_qualifier", "value_min",
            "value_max", "has_value", "article", "entity", "search", "published_after", "published_before",
            "min_confidence", "attribution", "exclude_attribution", "status", "verified", "updated_after",
        ]

    def filter_has_value(self, queryset, name, value):
        return queryset.filter(value__isnull=not value)


class MeasureFilterSet(FilterSet):
    # Measures store the normalised predicate and unit: the values asked for are normalised the same way.
    predicate = ValuesFilter(help_text=PREDICATE_HELP, match=lambda predicates: Q(
        predicate__in={measures.normalize_predicate(predicate) for predicate in predicates}))
    unit = ValuesFilter(help_text=UNIT_HELP, match=lambda units: Q(
        unit__in={measures.counted_unit(unit) for unit in units}))
    subject = ReferencesFilter(model=Entity, field_name="subject", help_text="The subject entity (its id or slug).")
    conflicting = StrictBooleanFilter(
        field_name="has_conflict", help_text="true: measures with two figures that conflict within the window."
    )
    updated_after = updated_after_filter()

    class Meta:
        model = Measure
        fields = ["predicate", "unit", "subject", "conflicting", "updated_after"]
