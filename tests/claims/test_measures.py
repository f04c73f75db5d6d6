"""The pure comparison logic: predicates, units, intervals, relations."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import override_settings

from claims.measures import (
    CONFLICTING,
    CONSISTENT,
    Interval,
    interval,
    measure_key,
    measure_of,
    normalize_predicate,
    refines,
    relation,
)
from claims.services import has_conflict


@pytest.mark.parametrize(
    ("predicate", "expected"),
    [("shot down", "destroyed"), ("knocked out", "destroyed"), ("neutralized", "destroyed"), ("killed", "killed"),
     ("injured", "wounded"), ("seized", "captured"), ("fled", "displaced"), ("detained", "arrested"),
     ("climbed", "rose"), ("declined", "fell"), ("signed", "signed"), (None, "")],
)
def test_predicates_are_normalised_to_the_vocabulary(predicate, expected):
    assert normalize_predicate(predicate) == expected


def test_units_compare_by_head_noun_and_units_that_name_an_event_supply_it():
    assert measure_of("neutralized", "ground infrastructure facility") == measure_of("knocked out", "ground facility")
    assert measure_of("confirmed", "death") == ("killed", "person")
    assert measure_key("killed", "soldier", "Ukraine") == "killed--soldier--ukraine"
    assert measure_key("", "thing", None) == "count--thing--any"


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [(74, "exact", "[74, 74]"), (70, "more_than", "(70, inf)"), (50, "at_least", "[50, inf)"),
     (32, "at_most", "(-inf, 32]"), (10, "less_than", "(-inf, 10)"), (10, "approximately", "[9, 11]"),
     (500, "approximately", "[450, 550]")],
)
def test_a_figure_and_its_qualifier_become_an_interval(value, qualifier, expected):
    assert str(interval(value, qualifier)) == expected


def test_relations_of_intervals():
    assert relation(interval(70, "more_than"), interval(74, "exact")) == CONSISTENT
    assert relation(interval(40, "exact"), interval(40, "more_than")) == CONFLICTING
    assert relation(interval(50, "at_least"), interval(50, "exact")) == CONSISTENT
    assert relation(interval(10, "less_than"), interval(10, "at_least")) == CONFLICTING
    assert relation(interval(10, "approximately"), interval(11, "exact")) == CONSISTENT
    assert refines(interval(74, "exact"), interval(70, "more_than"))
    assert not refines(interval(70, "more_than"), interval(74, "exact"))
    assert not refines(interval(74, "exact"), interval(74, "exact"))


def test_open_bounds_exclude_their_value():
    assert not Interval(40, None, lower_open=True).overlaps(Interval(40, 40))
    assert Interval(40, None).overlaps(Interval(40, 40))


@override_settings(CLAIM_COMPARISON_WINDOW_DAYS=3)
def test_conflicts_count_only_within_the_comparison_window():
    day = datetime(2025, 1, 1, tzinfo=UTC)
    close = [(day, interval(120, "exact")), (day + timedelta(days=1), interval(15, "at_most"))]
    apart = [(day, interval(120, "exact")), (day + timedelta(days=30), interval(15, "at_most"))]
    agreeing = [(day, interval(70, "more_than")), (day, interval(74, "exact")), (day, interval(80, "at_most"))]
    assert has_conflict(close)
    assert not has_conflict(apart)
    assert not has_conflict(agreeing)
    assert has_conflict([*agreeing, (day + timedelta(days=2), interval(100, "at_least"))])
