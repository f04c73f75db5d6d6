"""Kept statements (newsapi/api/statements.py): a values() query's SQL compiled once per shape, its WHERE
parameters bound per request."""

from datetime import UTC, datetime

import pytest
from django.db.models import Count, F

from articles.models import Article
from newsapi.api import statements
from newsapi.api.statements import statement, with_kept_statement_rows
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

COLUMNS = ("id", "title", "published_at", "source__name")


@pytest.fixture(autouse=True)
def nothing_kept():
    statements.forget()
    yield
    statements.forget()


def page(**filters):
    return with_kept_statement_rows(Article.objects.values(*COLUMNS)).filter(**filters).order_by("-published_at", "-id")[:5]


def test_rows_are_named_tuples_of_the_values_djangos_query_gives():
    ArticleFactory.create_batch(3)
    queryset = Article.objects.values(*COLUMNS).order_by("-id")
    as_tuples = list(with_kept_statement_rows(queryset))
    assert [row._asdict() for row in as_tuples] == list(queryset)  # the ORM's own values() rows
    assert [row.source__name for row in as_tuples] == [row["source__name"] for row in queryset]  # read by name
    assert as_tuples[0]._fields == COLUMNS


def test_rows_whose_names_cannot_be_tuple_fields_stay_dicts():
    article = ArticleFactory()
    queryset = Article.objects.values("id", **{"class": F("title")})  # a keyword cannot name a tuple's field
    assert list(with_kept_statement_rows(queryset)) == [{"id": article.id, "class": article.title}]


def counting_whole_compiles(monkeypatch) -> list:
    compiled = []
    whole = statements._compile_whole

    def counted(query, using):
        compiled.append(query)
        return whole(query, using)

    monkeypatch.setattr(statements, "_compile_whole", counted)
    return compiled


def test_the_second_query_of_a_shape_is_not_compiled_whole(monkeypatch, settings):
    settings.STATEMENT_CHECK = False  # the check compiles whole on purpose
    compiled = counting_whole_compiles(monkeypatch)
    list(page(word_count__gte=3))
    list(page(word_count__gte=50))
    list(page(word_count__gte=50, title__icontains="x"))  # another shape
    assert len(compiled) == 2


def test_rows_of_a_kept_statement_are_the_rows_its_values_select():
    early, late = (ArticleFactory(published_at=datetime(2024, month, 1, tzinfo=UTC), word_count=count)
                   for month, count in ((1, 10), (6, 90)))
    assert [row.id for row in page(word_count__gte=5)] == [late.id, early.id]
    assert [row.id for row in page(word_count__gte=50)] == [late.id]  # same shape, the new value bound
    assert [row.id for row in page(word_count__lt=50)] == [early.id]
    assert list(page(word_count__gte=50))[0]._asdict() == {"id": late.id, "title": late.title, "published_at": late.published_at,
                                                 "source__name": late.source.name}


def test_a_query_that_can_match_nothing_runs_no_sql(django_assert_num_queries):
    ArticleFactory()
    with django_assert_num_queries(0):
        assert list(page(id__in=[])) == []


def test_grouped_queries_are_left_to_the_orm():
    query = Article.objects.values("language").annotate(n=Count("id")).query
    assert statement(query, "default") is None


def test_the_check_fails_when_a_kept_statement_differs_from_the_orms(settings):
    ArticleFactory()
    list(page(word_count__gte=3))
    for kept in statements._kept.values():
        kept.sql = kept.sql.replace("DESC", "ASC")
    settings.STATEMENT_CHECK = True
    with pytest.raises(AssertionError, match="differs"):
        list(page(word_count__gte=4))


@pytest.mark.django_db(transaction=True)  # a connection closes outside a transaction only
def test_kept_cursor_survives_a_reconnection_and_a_failed_query():
    from django.db import DEFAULT_DB_ALIAS, ProgrammingError, connections

    connection = connections[DEFAULT_DB_ALIAS]

    ArticleFactory(title="First")
    assert [row.title for row in page()] == ["First"]
    connection.close()  # CONN_MAX_AGE ran out, or the server went away: Django connects again
    assert [row.title for row in page()] == ["First"]
    with pytest.raises(ProgrammingError):  # Django's error, as from any of its cursors
        statements.fetch_rows(connection, "SELECT no_such_column FROM articles_article", [])
    assert [row.title for row in page()] == ["First"]


def test_queries_are_logged_while_logging_is_on(django_assert_num_queries):
    ArticleFactory()
    list(page())  # the connection's kept cursor exists now
    with django_assert_num_queries(2) as captured:
        list(page())
        list(page(title="x"))
    assert all("articles_article" in query["sql"] for query in captured.captured_queries)
