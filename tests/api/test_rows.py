"""The row planner (newsapi/api/rows.py): which columns a serializer's answer reads, and how one row is written."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework import serializers

from articles.api.serializers import ArticleListSerializer, EntityBriefSerializer
from articles.models import Entity, Quote
from newsapi.api.representation import datetime_text
from newsapi.api.rows import AnyOf, ChildQuery, Children, Column, Computed, RowPlan, row_plan_of
from newsapi.api.serializers import ResponseSerializer
from tests.factories import ArticleFactory, QuoteFactory

ARTICLE_ROW = {
    "id": 7, "title": "Headline", "subtitle": "", "published_at": datetime(2022, 2, 24, 20, 4, tzinfo=UTC),
    "source": 3, "source__id": 3, "source__name": "Wire", "source__slug": "wire", "source__homepage_url": "",
    "source__updated_at": datetime(2023, 1, 2, 3, 4, 5, 600000, tzinfo=UTC), "url": None, "language": "en",
    "word_count": 420, "duplicate_of": 5, "updated_at": datetime(2023, 1, 2, tzinfo=UTC),
}


def test_a_list_row_reads_only_the_columns_the_list_shows():
    plan = row_plan_of(ArticleListSerializer(), "")
    assert "body" not in plan.columns and "search_vector" not in plan.columns
    assert {"id", "title", "published_at", "source__name", "duplicate_of"} <= set(plan.columns)


def test_a_row_is_written_as_drf_writes_it():
    plan = row_plan_of(ArticleListSerializer(), "")
    assert plan.answers([dict(ARTICLE_ROW)]) == [{
        "id": 7, "title": "Headline", "subtitle": "", "published_at": "2022-02-24T20:04:00Z",
        "source": {"id": 3, "name": "Wire", "slug": "wire", "homepage_url": None,
                   "updated_at": "2023-01-02T03:04:05.600000Z"},
        "url": None, "language": "en", "word_count": 420, "duplicate_of": 5, "updated_at": "2023-01-02T00:00:00Z",
    }]


def test_a_missing_foreign_row_is_null():
    plan = row_plan_of(ArticleListSerializer(), "")
    row = {**ARTICLE_ROW, "source": None, **{key: None for key in ARTICLE_ROW if key.startswith("source__")}}
    assert plan.answers([row])[0]["source"] is None


def test_only_the_fields_left_are_planned():
    plan = row_plan_of(ArticleListSerializer(fields=["id", "title"]), "")
    assert plan.columns == ("id", "title")
    assert plan.answers([dict(ARTICLE_ROW)]) == [{"id": 7, "title": "Headline"}]


def test_a_prefix_reads_the_columns_of_a_joined_row():
    plan = row_plan_of(EntityBriefSerializer(), "claimant__")
    assert plan.columns == ("claimant__id", "claimant__name", "claimant__slug", "claimant__type")
    row = {"claimant__id": 1, "claimant__name": "Ann", "claimant__slug": "ann", "claimant__type": "PERSON"}
    assert plan.answers([row]) == [{"id": 1, "name": "Ann", "slug": "ann", "type": "PERSON"}]


class WithMethodField(ResponseSerializer):
    shout = serializers.SerializerMethodField()

    class Meta:
        model = Entity
        fields = ["id", "shout"]

    def get_shout(self, entity):
        return entity.name.upper()


class WithComputedField(WithMethodField):
    row_fields = {"shout": Computed(("name",), str.upper)}


def test_a_field_without_a_plan_leaves_the_serializer_to_drf():
    assert row_plan_of(WithMethodField(), "") is None


def test_a_computed_field_reads_its_columns():
    plan = row_plan_of(WithComputedField(), "")
    assert plan.columns == ("id", "name")
    assert plan.answers([{"id": 1, "name": "Ann"}]) == [{"id": 1, "shout": "ANN"}]


@pytest.mark.django_db
def test_a_child_query_reads_the_rows_the_orm_reads_whatever_the_number_of_ids():
    articles = [ArticleFactory() for _ in range(3)]
    for article in articles[:2]:
        QuoteFactory(article=article, start=5)
        QuoteFactory(article=article, speaker=None, start=1)
    query = ChildQuery(lambda: Quote.objects.order_by("start", "id"), "article", ("id", "text", "speaker__name"))
    for ids in ([articles[0].pk], [article.pk for article in articles], [articles[2].pk], [0]):
        expected = list(Quote.objects.filter(article__in=ids).order_by("start", "id").values(
            "article", "id", "text", "speaker__name"))
        with CaptureQueriesContext(connection) as captured:
            assert query(ids) == expected
        assert len(captured) == 1
        # Many ids are one array parameter, so that the SQL is the same for any number of them; one id is a
        # plain parameter, which PostgreSQL plans once for a prepared statement.
        where = captured[0]["sql"].partition(" WHERE ")[2]
        if len(ids) > 1:
            assert '"article_id" = ANY(' in where
        else:
            assert f'"article_id" = {ids[0]} ' in where


@pytest.mark.django_db
@pytest.mark.parametrize("portable", [False, True])
def test_any_of_finds_the_rows_of_the_ids_given(monkeypatch, portable):
    if portable:  # the `IN (...)` other databases get, run here on PostgreSQL
        monkeypatch.delattr(AnyOf, "as_postgresql")
    articles = [ArticleFactory() for _ in range(3)]
    for article in articles:
        QuoteFactory(article=article)
    for ids in ([articles[0].pk, articles[2].pk], [articles[1].pk], [0], []):
        found = set(Quote.objects.filter(article__any_of=ids).values_list("article_id", flat=True))
        assert found == set(ids) - {0}


def test_a_tuple_row_is_written_as_its_dict_row():
    # Child queries hand their rows over as tuples: the answers are those of the same rows as dicts.
    plan = row_plan_of(ArticleListSerializer(), "")
    missing_source = {**ARTICLE_ROW, "source": None, **{key: None for key in ARTICLE_ROW if key.startswith("source__")}}
    names = tuple(reversed(ARTICLE_ROW))  # any column order
    rows = [tuple(row[name] for name in names) for row in (ARTICLE_ROW, missing_source)]
    assert plan.answers_of_tuples(names, rows) == plan.answers([dict(ARTICLE_ROW), dict(missing_source)])


def test_a_tuple_row_reads_its_embedded_lists_from_the_pages_children():
    fetched = []

    def subjects(ids):
        fetched.append(ids)
        return {1: ["Kyiv"], 2: ["Kharkiv", "Lviv"]}

    plan = RowPlan(("id", "names[]"), [("id", Column("id")), ("subjects", Column("names[]"))],
                   {"names[]": Children("id", subjects, default=[])})
    rows = [(1,), (2,), (3,), (1,)]
    assert plan.answers_of_tuples(("id",), rows) == [
        {"id": 1, "subjects": ["Kyiv"]}, {"id": 2, "subjects": ["Kharkiv", "Lviv"]}, {"id": 3, "subjects": []},
        {"id": 1, "subjects": ["Kyiv"]}]
    assert fetched == [[1, 2, 3]]  # once per page, each parent once


def test_a_read_that_is_only_a_function_gets_a_dict_row():
    plan = RowPlan(("id", "name"), [("id", Column("id")), ("shout", lambda row: row["name"].upper())], {})
    assert plan.tuple_writer(("id", "name")) is None
    assert plan.answers_of_tuples(("id", "name"), [(1, "Ann")]) == [{"id": 1, "shout": "ANN"}]


@pytest.mark.parametrize("value", [
    datetime(2022, 2, 24, 20, 4, tzinfo=UTC),
    datetime(2023, 1, 2, 3, 4, 5, 600000, tzinfo=UTC),
    datetime(2022, 2, 24, 23, 4, tzinfo=timezone(timedelta(hours=3))),  # another zone: written in UTC
    datetime(2022, 2, 24, 17, 4, 0, 1, tzinfo=timezone(timedelta(hours=-3, minutes=-30))),
])
def test_a_date_time_is_written_as_drf_writes_it(value):
    assert datetime_text(value) == serializers.DateTimeField().to_representation(value)
