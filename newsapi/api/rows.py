"""Answers written from `values()` rows: the same JSON as the serializers, without a model instance per row.

Building model instances (and, for embedded lists, Django's prefetch machinery) was most of the CPU of the hot
answers: 170 instances and 38 ms for one article detail with its quotes and claims. Here a serializer is
planned once into the columns a `values()` query selects and a function that writes one answer dict from one
row, in the serializer's field order and with its values' representations (those of FastRepresentation).
The plan is made from the serializer's fields as the request left them (`fields=`/`omit=`), so the serializer
stays the one definition of an answer and of its schema; a differential test holds both paths equal.

Fields are planned by kind:
- model values copied as DRF copies them, floats, date-times, ids of foreign keys, slug-related values and
  nested serializers of a foreign key (read through the join, `relation__column`);
- anything else (a method field, a list, a model property) only through a serializer's `row_fields`, which
  names a RowField for it: `Computed` from columns of the row, `ChildRows` read by one more query for the
  whole page, or a RowField of the app's own.

A serializer with a field that cannot be planned has no plan (`row_plan_of` returns None): its views answer
through DRF as before.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import connections, router
from django.db.models import ForeignObject, Lookup, QuerySet
from rest_framework import serializers

from .representation import datetime_text, iso_datetimes, passed_through
from .statements import fetch_rows, with_kept_statement_rows

Read = Any  # a read below (it has `source`), or a function of the dict row


class NotPlannable(Exception):
    """A field has no plan: the serializer answers through DRF."""


@dataclass
class Children:
    """Values a field reads from another query: `fetch(parent ids) -> {parent id: value}`, asked once per page."""

    parent_column: str  # the column of this row that holds the parent id
    fetch: Callable[[list], dict]
    default: Any = None


# -- how a field is read from a row ---------------------------------------------------------------------------
# A plan's fields are written by one function compiled from them (`RowPlan.write`): a call per field and row
# was a tenth of an article detail's CPU (128 rows of about 20 fields). Each read below is data written as a
# Python expression over `row`, through a Writing: `name(value)` names a value the expression uses,
# `column(name)` is how the row holds a column (a key of a dict, a position of a tuple). A RowField of an app
# may also read with a plain function of the dict row.


class Writing:
    """The names and column references of a writer's source."""

    def __init__(self, column: Callable[[str], str] = lambda column: f"row[{column!r}]"):
        self.values: dict[str, Any] = {}
        self.column = column

    def name(self, value) -> str:
        key = f"_{len(self.values)}"
        self.values[key] = value
        return key

    def compile(self, signature: str, body: str) -> Callable:
        """The function `def write(signature): return body`. The source holds only field and column names
        (written as literals) and the names of the values it uses."""
        exec(compile(f"def write({signature}):\n    return {body}\n", "<row plan>", "exec"), self.values)  # noqa: S102
        return self.values["write"]


class Column:
    """A column's value as it is."""

    def __init__(self, column: str):
        self.column = column

    def source(self, at: Writing) -> str:
        return at.column(self.column)


class Converted(Column):
    """A column's value through `convert`, null when it is null."""

    def __init__(self, column: str, convert: Callable):
        super().__init__(column)
        self.convert = convert

    def source(self, at):
        return f"(None if (value := {at.column(self.column)}) is None else {at.name(self.convert)}(value))"


class BlankAsNull(Column):
    """A column's value, null when it is empty (an empty choice or URL)."""

    def source(self, at):
        return f"(None if (value := {at.column(self.column)}) == '' else value)"


class Applied:
    """`function` of some columns of the row."""

    def __init__(self, function: Callable, columns: tuple[str, ...]):
        self.function, self.columns = function, columns

    def source(self, at):
        return f"{at.name(self.function)}({', '.join(at.column(column) for column in self.columns)})"


class Nested:
    """A nested answer read from the same row (a foreign key's serializer), null when the key is."""

    def __init__(self, key: str, plan: RowPlan):
        self.key, self.plan = key, plan

    def source(self, at):
        return f"(None if {at.column(self.key)} is None else {self.plan.source(at)})"


class OnlyCallable(Exception):
    """A read that is only a function: it reads a dict row, and a tuple row is made one first."""


def read_source(read: Read, at: Writing, dict_rows: bool = True) -> str:
    """The Python expression of a read; a read that is only a function is called with the (dict) row."""
    source = getattr(read, "source", None)
    if source is not None:
        return source(at)
    if not dict_rows:
        raise OnlyCallable(read)
    return f"{at.name(read)}(row)"


@dataclass
class FieldPlan:
    columns: tuple[str, ...]
    read: Read
    children: dict[str, Children] = field(default_factory=dict)  # row key -> how the page's values are fetched


@dataclass(eq=False)  # hashed by identity: views keep a values() query per plan
class RowPlan:
    columns: tuple[str, ...]
    fields: list[tuple[str, Read]]
    children: dict[str, Children]

    def source(self, at: Writing, dict_rows: bool = True) -> str:
        """The answer as a Python dict display over `row`."""
        return "{" + ", ".join(f"{field_name!r}: {read_source(read, at, dict_rows)}"
                               for field_name, read in self.fields) + "}"

    @cached_property
    def write(self) -> Callable[[dict], dict]:
        """One dict row's answer, from a function compiled from the plan's fields."""
        at = Writing()
        return at.compile("row", self.source(at))

    def tuple_writer(self, names: tuple[str, ...]) -> Callable[[tuple, dict], dict] | None:
        """`write(row, found)`: one answer from a tuple of the columns `names`, its embedded lists read from
        `found` (row key -> {parent id: value}); None when a read needs a dict row."""
        writers = self.__dict__.setdefault("_tuple_writers", {})
        if names not in writers:
            position = {column: index for index, column in enumerate(names)}

            def column(key: str) -> str:
                child = self.children.get(key)
                if child is None:
                    return f"row[{position[key]}]"
                return f"found[{key!r}].get(row[{position[child.parent_column]}], {at.name(child.default)})"

            at = Writing(column)
            try:
                writers[names] = at.compile("row, found", self.source(at, dict_rows=False))
            except (OnlyCallable, KeyError):
                writers[names] = None
        return writers[names]

    def answers_of_tuples(self, names: tuple[str, ...], rows: list[tuple]) -> list[dict]:
        """The answers of rows read as tuples of the columns `names` (a child query's), without a dict per row."""
        write = self.tuple_writer(names)
        if write is None:
            return self.answers([dict(zip(names, row, strict=True)) for row in rows])
        found = self._fetched(lambda column: map(itemgetter(names.index(column)), rows))
        return [write(row, found) for row in rows]

    def _fetched(self, parent_ids: Callable[[str], Iterable]) -> dict[str, dict]:
        """Each embedded list's values for a page, fetched once for the page's parents: row key -> {parent id:
        value}. `parent_ids(column)` reads a column of every row."""
        return {key: child.fetch(list(dict.fromkeys(parent_ids(child.parent_column))))
                for key, child in self.children.items()}

    def rows(self, queryset: QuerySet, *extra_columns: str) -> QuerySet:
        """The queryset's rows as named tuples of the plan's columns (and `extra_columns`, e.g. a cursor's
        position), read through the kept statement of the query's shape (newsapi/api/statements.py)."""
        return with_kept_statement_rows(
            queryset.prefetch_related(None).values(*dict.fromkeys((*self.columns, *extra_columns))))

    def answers(self, rows: Iterable[dict | tuple]) -> list[dict]:
        """The answers of dict rows, or of the named tuples of `rows()`."""
        rows = list(rows)
        if rows and hasattr(rows[0], "_fields"):
            return self.answers_of_tuples(rows[0]._fields, rows)
        for key, found in self._fetched(lambda column: map(itemgetter(column), rows)).items():
            child = self.children[key]
            for row in rows:
                row[key] = found.get(row[child.parent_column], child.default)
        write = self.write
        return [write(row) for row in rows]


@ForeignObject.register_lookup
class AnyOf(Lookup):
    """`relation__any_of=ids`: on PostgreSQL `relation_id = ANY(%s)` with the ids as one array parameter, so
    that the SQL is the same whatever their number (ChildQuery compiles it once); elsewhere `IN (...)`."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*lhs_params, self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        ids = list(self.rhs)
        if not ids:
            return "1 = 0", list(lhs_params)  # matches nothing, as IN () would
        return f"{lhs} IN ({', '.join(['%s'] * len(ids))})", [*lhs_params, *ids]


class ChildQuery:
    """The rows of `queryset()` whose `parent` is one of a page's ids, as dicts of `columns` (or as tuples with
    their names: an embedded list's rows are written from tuples, a dict per row having cost 15% of an article
    detail's instructions).

    Building a query with Django's ORM costs about a millisecond of CPU, more than running it: an article
    detail built five of them on every request. On PostgreSQL the SQL is compiled once and run again with each
    page's ids; the rows are the same `values()` dicts, and a query whose columns need converting from the
    database is left to the ORM. Elsewhere the ORM builds it each time.

    A page's ids are one array parameter (`= ANY(%s)`), a single id a plain one (`= %s`): PostgreSQL keeps one
    plan for a prepared `= $1`, but planned `= ANY($1)` again on every run for one id (its generic plan assumes
    ten), which doubled the database's CPU for an article detail.

    With a `limit`, each parent has at most that many rows, the first in the queryset's order: one query per
    parent (a detail has one)."""

    # Parameters no other parameter of a query equals, marking where the ids go (the ORM copies them).
    ONE_MARKER = -20_260_000_000_000_017
    MANY_MARKER = [ONE_MARKER]

    def __init__(self, queryset: Callable[[], QuerySet], parent: str, columns: Iterable[str], limit: int | None = None):
        self.queryset, self.parent, self.limit = queryset, parent, limit
        self.columns = tuple(dict.fromkeys((parent, *columns)))
        # (database alias, one id?) -> (sql, params, ids position, names), or None for the ORM
        self._compiled: dict[tuple[str, bool], tuple | None] = {}
        self._model = None  # known after the first call

    def __call__(self, ids: list) -> list[dict]:
        names, rows = self.tuples(ids)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def tuples(self, ids: list) -> tuple[tuple[str, ...], list[tuple]]:
        """The rows as tuples, and the names of their columns."""
        if self.limit is not None and len(ids) > 1:
            return self.columns, [row for one in ids for row in self.tuples([one])[1]]
        if not ids:
            return self.columns, []
        one = len(ids) == 1
        # The queryset is built only to compile it, or when the ORM runs it: building it cost as much as the query.
        database = router.db_for_read(self._model) if self._model is not None else None
        compiled = self._compiled.get((database, one))
        if compiled is None:
            queryset = self.queryset().prefetch_related(None)
            self._model, database = queryset.model, queryset.db
            compiled = self._compile(queryset, one) if connections[database].vendor == "postgresql" else None
            if compiled is None:
                return self.columns, list(
                    queryset.filter(**{f"{self.parent}__in": ids}).values_list(*self.columns)[:self.limit])
        sql, params, position, names = compiled
        params = [*params[:position], ids[0] if one else list(ids), *params[position + 1:]]
        return names, fetch_rows(connections[database], sql, params)

    def _compile(self, queryset: QuerySet, one: bool) -> tuple | None:
        key = (queryset.db, one)
        if key not in self._compiled:
            marker = self.ONE_MARKER if one else self.MANY_MARKER
            lookup = self.parent if one else f"{self.parent}__any_of"
            query = queryset.filter(**{lookup: marker}).values(*self.columns)[:self.limit].query
            compiler = query.get_compiler(using=queryset.db)
            sql, params = compiler.as_sql()
            positions = [i for i, param in enumerate(params) if param == marker]
            # The names ValuesIterable gives the columns.
            names = list(query.selected) if query.selected else [
                *query.extra_select, *query.values_select, *query.annotation_select]
            plain = not compiler.get_converters([column for column, _, _ in compiler.select])
            self._compiled[key] = (sql, tuple(params), positions[0], tuple(names)) \
                if plain and len(positions) == 1 and len(names) == len(compiler.select) else None
        return self._compiled[key]


class RowField(ABC):
    """How a serializer field the planner does not know is read (`row_fields` of a serializer)."""

    @abstractmethod
    def plan(self, field: serializers.Field, prefix: str) -> FieldPlan:
        """The columns the field reads, how it is written, and the queries its values need."""


class Computed(RowField):
    """A value computed from columns of the row, e.g. an article's text from its title, subtitle and body."""

    def __init__(self, columns: tuple[str, ...], function: Callable[..., Any]):
        self.columns, self.function = columns, function

    def plan(self, field, prefix):
        columns = tuple(prefix + column for column in self.columns)
        return FieldPlan(columns, Applied(self.function, columns))


class ChildRows(RowField):
    """A list of rows of another table, one query per page: `queryset()` filtered on `parent__in`, each row
    written by the list's child serializer (read through `child_prefix`, e.g. `entity__` across a join table);
    with a `limit`, the first rows of each parent only."""

    def __init__(self, queryset: Callable[[], QuerySet], parent: str, child_prefix: str = "", limit: int | None = None):
        self.queryset, self.parent, self.child_prefix, self.limit = queryset, parent, child_prefix, limit

    def plan(self, field, prefix):
        child = field.child if isinstance(field, serializers.ListSerializer) else field
        child_plan = row_plan_of(child, self.child_prefix)
        if child_plan is None:
            raise NotPlannable(field.field_name)
        parent, key = self.parent, f"{prefix}{field.field_name}[]"
        query = ChildQuery(self.queryset, parent, child_plan.columns, self.limit)

        def fetch(ids: list) -> dict:
            names, rows = query.tuples(ids)
            index = names.index(parent)
            grouped: dict = {}
            for row, answer in zip(rows, child_plan.answers_of_tuples(names, rows), strict=True):
                grouped.setdefault(row[index], []).append(answer)
            return grouped

        return FieldPlan((prefix + "id",), Column(key), {key: Children(prefix + "id", fetch, default=[])})


class Annotated(RowField):
    """A value the view's queryset annotates (a count computed in SQL), read from the row as it is."""

    def plan(self, field, prefix):
        column = prefix + field.field_name
        return FieldPlan((column,), Column(column))


def plan_field(field: serializers.Field, model, prefix: str) -> FieldPlan:
    hook = getattr(field.parent, "row_fields", {}).get(field.field_name)
    if hook is not None:
        return hook.plan(field, prefix)
    attrs = field.source_attrs
    if field.source == "*" or len(attrs) != 1 or model is None:
        raise NotPlannable(field.field_name)
    try:
        model_field = model._meta.get_field(attrs[0])
    except FieldDoesNotExist:
        raise NotPlannable(field.field_name) from None
    column = prefix + model_field.name
    if isinstance(field, serializers.BaseSerializer):
        if isinstance(field, serializers.ListSerializer) or not model_field.many_to_one:
            raise NotPlannable(field.field_name)
        nested = row_plan_of(field, column + "__")
        if nested is None or nested.children:
            raise NotPlannable(field.field_name)
        return FieldPlan((column, *nested.columns), Nested(column, nested))
    if model_field.is_relation:
        kind = type(field)
        if kind is serializers.PrimaryKeyRelatedField and field.pk_field is None and model_field.many_to_one:
            return FieldPlan((column,), Column(column))  # values() reads a foreign key as its id
        if kind is serializers.SlugRelatedField and model_field.many_to_one:
            slug = f"{column}__{field.slug_field}"
            return FieldPlan((slug,), Column(slug))  # null when the key is
        raise NotPlannable(field.field_name)
    if getattr(field, "blank_as_null", False):
        return FieldPlan((column,), BlankAsNull(column))
    kind = type(field)  # exact classes only: a subclass may represent its values its own way
    if kind is serializers.DateTimeField and iso_datetimes(field):
        return FieldPlan((column,), Converted(column, datetime_text))
    if kind is serializers.FloatField:
        return FieldPlan((column,), Converted(column, float))
    if passed_through(field):
        return FieldPlan((column,), Column(column))
    raise NotPlannable(field.field_name)


def _plan(serializer: serializers.Serializer, prefix: str) -> RowPlan:
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    columns: dict[str, None] = {}
    fields: list[tuple[str, Read]] = []
    children: dict[str, Children] = {}
    for readable in serializer._readable_fields:
        planned = plan_field(readable, model, prefix)
        columns.update(dict.fromkeys(planned.columns))
        children.update(planned.children)
        fields.append((readable.field_name, planned.read))
    return RowPlan(tuple(columns), fields, children)


def row_plan_of(serializer: serializers.Serializer, prefix: str = "") -> RowPlan | None:
    """The plan of a serializer as it stands (its fields trimmed by the request), or None when a field has
    none. Plans are kept per class, prefix and set of fields: a plan reads no request state."""
    key = (prefix, tuple(serializer.fields))
    plans = type(serializer).__dict__.get("_row_plans")
    if plans is None:
        plans = {}
        type(serializer)._row_plans = plans
    if key not in plans:
        try:
            plans[key] = _plan(serializer, prefix)
        except NotPlannable:
            plans[key] = None
    return plans[key]
