"""`values()` queries compiled once per shape, with only their WHERE parameters compiled per request.

Compiling a query is most of what Django's ORM costs a list request: resolving the selected columns and the
ordering, the joins, the FROM clause, about 0.5 ms of CPU for an article list page, more than PostgreSQL takes to
answer it. Of all that, only the WHERE clause carries the request's values (the filters and the cursor's
position). So a query's SQL is kept under a key made of everything else the SQL depends on (model, joins,
columns, ordering, limits, annotations) and of the WHERE clause's own SQL: the next request of the same shape
compiles its WHERE clause alone (a few lookups) and runs the kept SQL with its parameters.

A query outside what the key describes (extra(), GROUP BY or aggregates, DISTINCT ON, UNION, filtered
relations, row locks, columns that need converting from the database) is not kept: it runs through the ORM.
On PostgreSQL only; elsewhere the ORM compiles every query.

`STATEMENT_CHECK` (on under the tests) compiles every kept query again with the ORM and fails loudly if the
SQL or the parameters differ, so the whole test suite checks the key.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator
from functools import lru_cache
from weakref import WeakKeyDictionary

from django.conf import settings
from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.expressions import Col
from django.db.models.query import ValuesIterable

# Shapes kept per process: a shape is a list's filters, ordering and page size, not its values, so real traffic
# has few; the bound keeps a client who invents shapes from growing the process.
KEPT = 1024


class Statement:
    """A query's SQL with its parameters split around the WHERE clause's: prefix + where + suffix."""

    __slots__ = ("sql", "prefix", "suffix", "names")

    def __init__(self, sql: str, prefix: list, suffix: list, names: list[str]):
        self.sql, self.prefix, self.suffix, self.names = sql, prefix, suffix, names


# (database alias, shape, WHERE SQL) -> Statement, or None for a shape the ORM must compile each time.
_kept: dict[tuple, Statement | None] = {}


class Unkeepable(Exception):
    """The query depends on something the key does not describe."""


def _joins(query) -> tuple:
    shape = []
    for alias, join in query.alias_map.items():
        if getattr(join, "filtered_relation", None) is not None:
            raise Unkeepable("filtered relation")
        # A join (table, kind, parent, the field it follows) or the base table; a join no column uses any more
        # (refcount 0) is left out of FROM.
        shape.append((alias, join.table_name, getattr(join, "join_type", None), getattr(join, "parent_alias", None),
                      getattr(join, "join_field", None), query.alias_refcount.get(alias)))
    return tuple(shape)


def _selected(query, compiler) -> tuple:
    shape = []
    for name, selected in (query.selected or {}).items():
        if isinstance(selected, int):  # a column of query.select
            selected = query.select[selected]
        elif isinstance(selected, str) and selected in query.annotation_select:
            selected = query.annotation_select[selected]
        if selected is None or isinstance(selected, str):
            shape.append((name, selected))
        elif isinstance(selected, Col):
            shape.append((name, selected.alias, selected.target))
        else:  # an annotation: its SQL and parameters (a search rank carries the search words)
            sql, params = compiler.compile(selected)
            shape.append((name, sql, tuple(params)))
    return tuple(shape)


def shape_of(query, compiler) -> tuple:
    """Everything but the WHERE clause that the query's SQL and its non-WHERE parameters depend on."""
    if (query.combinator or query.extra or query.extra_select or query.group_by is not None or query.distinct_fields
            or query.select_for_update or query.where.contains_aggregate or query.where.contains_over_clause
            or query.selected is None or not query.alias_map):
        raise Unkeepable("outside the key")
    ordering = tuple(query.order_by)
    if any(not isinstance(term, str) for term in ordering):
        raise Unkeepable("ordering by an expression")
    annotations = {name: compiler.compile(expression) for name, expression in query.annotation_select.items()
                   if name not in query.selected}
    return (query.model, _joins(query), _selected(query, compiler), ordering, tuple(query.extra_order_by),
            query.default_ordering, query.standard_ordering, query.low_mark, query.high_mark, query.distinct,
            tuple((name, sql, tuple(params)) for name, (sql, params) in annotations.items()))


def _where(query, compiler) -> tuple[str, list] | None:
    """The WHERE clause's SQL and parameters; None when it can match nothing (Django then runs no query)."""
    try:
        sql, params = compiler.compile(query.where)
    except EmptyResultSet:
        return None
    except FullResultSet:
        return "", []
    return sql, list(params)


def _split(sql: str, params: list, where_sql: str, where_params: list) -> tuple[list, list] | None:
    """The parameters before and after the WHERE clause's in the whole query's, if they can be told apart."""
    if where_sql and sql.count(where_sql) != 1:
        return None
    width = len(where_params)
    if not width:  # the other parameters are all the key's: where they sit does not matter
        return params, []
    offsets = [start for start in range(len(params) - width + 1) if params[start:start + width] == where_params]
    if len(offsets) != 1:
        return None
    return params[:offsets[0]], params[offsets[0] + width:]


def _compile_whole(query, using) -> tuple[str, list, list[str], bool]:
    compiler = query.get_compiler(using)
    sql, params = compiler.as_sql()
    plain = not compiler.get_converters([column for column, _, _ in compiler.select])
    return sql, list(params), list(query.selected), plain


def statement(query, using: str) -> tuple[str, list, list[str]] | None | bool:
    """(SQL, parameters, column names) for the query; False when it matches nothing; None when the ORM must
    run it."""
    compiler = query.get_compiler(using)
    try:
        key = (using, shape_of(query, compiler))
    except Unkeepable:
        return None
    where = _where(query, compiler)
    if where is None:
        return False
    where_sql, where_params = where
    key = (*key, where_sql)
    if key not in _kept:
        sql, params, names, plain = _compile_whole(query, using)
        split = _split(sql, params, where_sql, where_params) if plain else None
        if len(_kept) >= KEPT:
            _kept.clear()
        _kept[key] = None if split is None else Statement(sql, *split, names)
    kept = _kept[key]
    if kept is None:
        return None
    params = [*kept.prefix, *where_params, *kept.suffix]
    if getattr(settings, "STATEMENT_CHECK", False):
        sql, whole_params, names, _ = _compile_whole(query, using)
        if (sql, whole_params, names) != (kept.sql, params, kept.names):
            raise AssertionError(f"kept statement differs from the ORM's:\n{kept.sql}\n{params}\n!=\n{sql}\n"
                                 f"{whole_params}")
    return kept.sql, params, kept.names


def kept_rows(queryset: QuerySet) -> tuple[list[str], list[tuple]] | None:
    """The column names and rows of a values() queryset, from the kept statement of its shape; None when the ORM
    must run it."""
    connection = connections[queryset.db]
    found = statement(queryset.query, queryset.db) if connection.vendor == "postgresql" else None
    if found is None:
        return None
    if found is False:
        return list(queryset.query.selected or ()), []
    sql, params, names = found
    return names, fetch_rows(connection, sql, params)


@lru_cache(maxsize=KEPT)
def row_class(names: tuple[str, ...]) -> type | None:
    """A named tuple of these columns, read by position (a compiled writer) and by name (a cursor's position);
    None when a name cannot be a tuple's field."""
    try:
        return namedtuple("Row", names)
    except ValueError:
        return None


class KeptStatementRowsIterable(ValuesIterable):
    """values() rows as named tuples (dicts when the names cannot be fields), from the kept statement of the
    query's shape when there is one: a dict per row cost a page of 20 claims (31 columns) more than writing
    its answers did."""

    def __iter__(self) -> Iterator[tuple | dict]:
        found = kept_rows(self.queryset)
        if found is None:
            rows = list(super().__iter__())
            make = row_class(tuple(rows[0])) if rows else None
            yield from (rows if make is None else (make(*row.values()) for row in rows))
            return
        names, rows = found
        make = row_class(tuple(names))
        yield from ((dict(zip(names, row, strict=True)) for row in rows) if make is None else
                    (make(*row) for row in rows))


def fetch_rows(connection, sql: str, params: list) -> list[tuple]:
    """The rows of a query, through a cursor the connection keeps for the queries of row answers.

    A cursor per query cost about 20 µs of CPU (psycopg copies its adapters and makes its loaders for each),
    a sixth of running a short query; an article detail runs six. The kept cursor is one of Django's, so the
    queries still go through its execute wrappers and error translation; it is made again when Django has
    reconnected, and while queries are logged (DEBUG, CaptureQueriesContext) each query takes a new cursor,
    which logs it."""
    if connection.queries_logged or connection.connection is None:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    kept = _cursors.get(connection)
    if kept is None or kept.cursor.closed or kept.cursor.connection is not connection.connection:
        kept = _cursors[connection] = connection.cursor()
    kept.execute(sql, params)
    return kept.fetchall()


# Django's connection of a thread -> its kept cursor (a connection object serves one thread).
_cursors: WeakKeyDictionary = WeakKeyDictionary()


def with_kept_statement_rows(queryset: QuerySet) -> QuerySet:
    """A values() queryset whose rows are named tuples read through kept statements."""
    queryset = queryset.all()
    queryset._iterable_class = KeptStatementRowsIterable
    return queryset


def forget() -> None:
    """Drop every kept statement (tests; a schema change within a process)."""
    _kept.clear()


