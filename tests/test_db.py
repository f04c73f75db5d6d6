"""Timestamps read from PostgreSQL (the tests' database): psycopg's own loader, the same instants as Django's,
in UTC."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.db import connection

from articles.models import Article
from newsapi.db import TIMESTAMPTZ_OID, UtcTimestamptzLoader
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def registered_timestamptz_loader():
    connection.ensure_connection()
    from psycopg.pq import Format

    return connection.connection.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)


def test_a_postgresql_connection_reads_timestamps_with_psycopgs_loader():
    assert registered_timestamptz_loader() is UtcTimestamptzLoader
    with connection.cursor() as cursor:
        # The cursor Django makes keeps this loader: it would put its own back if the time zones differed.
        assert cursor.cursor.adapters.get_loader(TIMESTAMPTZ_OID, 0) is UtcTimestamptzLoader


@pytest.mark.parametrize(("literal", "instant"), [
    ("2020-01-01 10:00:00.123456+03", datetime(2020, 1, 1, 7, 0, 0, 123456, tzinfo=UTC)),
    ("2024-02-29 23:30:00-05:30", datetime(2024, 3, 1, 5, 0, tzinfo=UTC)),
    ("1999-12-31 23:59:59.999999+00", datetime(1999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)),
    ("0001-01-01 00:00:00+00", datetime(1, 1, 1, tzinfo=UTC)),
    ("9999-12-31 23:59:59.999999+00", datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)),
])
def test_timestamps_come_back_as_the_same_instant_in_utc(literal, instant):
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::timestamptz", [literal])
        value, = cursor.fetchone()
    assert value == instant
    assert value.utcoffset() == timedelta(0)
    assert value.isoformat() == instant.isoformat()


def test_a_model_reads_back_the_aware_datetime_it_stored():
    published = datetime(2023, 6, 30, 22, 15, 7, 654321, tzinfo=timezone(timedelta(hours=-7)))
    article = ArticleFactory(published_at=published)
    stored = Article.objects.values_list("published_at", flat=True).get(pk=article.pk)
    assert stored == published
    assert stored.tzinfo is not None and stored.utcoffset() == timedelta(0)
    assert stored.isoformat() == "2023-07-01T05:15:07.654321+00:00"
