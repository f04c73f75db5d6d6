"""Plumbing shared by the apps' viewsets."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connections, router
from django.db.models import Q
from django.http import Http404
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from .filters import (
    FIELD_PARAMETERS,
    PAGE_PARAMETERS,
    asks_filters,
    check_count,
    check_field_selection,
    raise_query_errors,
    reject_query_parameters,
)
from .pagination import CursorPagination, ordering_field
from .rows import ChildQuery, row_plan_of

__all__ = ["RowAnswersMixin", "SubListMixin", "raise_query_errors", "reject_query_parameters"]


class RowAnswersMixin:
    """Lists, and the details of `row_detail`, answered from `values()` rows (newsapi/api/rows.py) whenever the
    serializer, as the request trims it, has a row plan; through DRF otherwise. Filters, pagination, errors
    and the answer's bytes are the same either way."""

    row_detail = False
    # Plans by serializer class and field selection: building a serializer to find its fields again on each
    # request cost more than writing a page of rows. Bounded: `fields=` can be any string.
    _row_plans: dict = {}
    ROW_PLANS_KEPT = 256

    def kept(self, store: dict, key, make: Callable[[], Any]):
        """`store[key]`, made on first use. A store is emptied when it holds ROW_PLANS_KEPT entries: its keys
        come from requests."""
        try:
            return store[key]
        except KeyError:
            if len(store) >= self.ROW_PLANS_KEPT:
                store.clear()
            made = store[key] = make()
            return made

    def row_plan(self):
        params = self.request.query_params
        selection = tuple(tuple(params.getlist(name + suffix)) for name in sorted(FIELD_PARAMETERS) for suffix in ("", "[]"))
        return self.kept(self._row_plans, (self.get_serializer_class(), selection), self._requested_plan)

    def _requested_plan(self):
        serializer = self.get_serializer()
        serializer.select_requested_fields()
        return row_plan_of(serializer)

    # With `rows_model`, a plan's values() query is built once per view, plan and model and copied for each
    # request: building it (a join and a column lookup per field) cost more than PostgreSQL's answer. The
    # request's filters come after it: `rows_condition` (a condition that depends on the request only in which
    # of a few it is, e.g. active items only; kept with the base, since a filter() per request cost as much as
    # copying the base), then the filter backends. Without it, the view's queryset is trimmed, filtered and then
    # made values() per request.
    rows_model = None
    _row_bases: dict = {}

    def rows_condition(self) -> Q | None:
        return None

    def rows(self, plan):
        """The values() queryset of the plan's rows, before the filter backends."""
        condition = self.rows_condition()
        return self.kept(self._row_bases, (type(self), plan, condition), lambda: self._rows_base(plan, condition)).all()

    def _rows_base(self, plan, condition: Q | None):
        queryset = self.rows_model._default_manager.all()
        if condition is not None:
            queryset = queryset.filter(condition)
        # The cursor reads its position from the row: every column a list can be ordered by is selected (a
        # computed one, such as a search's `rank`, is selected by the ordering filter when it orders by it).
        ordering = dict.fromkeys(name.lstrip("-") for name in (*(self.ordering_fields or ()), *(self.ordering or ())))
        return plan.rows(queryset, *(name for name in ordering if ordering_field(queryset, name) is not None))

    def trimmed_queryset(self):
        """The view's queryset without the joins and prefetches only model instances read (rows select their
        own columns), so that each filter's copy does not deep-copy the select_related tree."""
        return self.get_queryset().select_related(None).prefetch_related(None)

    def list(self, request, *args, **kwargs):
        plan = self.row_plan()
        if plan is None:
            return super().list(request, *args, **kwargs)
        if self.rows_model is not None:
            page = self.paginate_queryset(self.filter_queryset(self.rows(plan)))
            return self.get_paginated_response(plan.answers(page))
        queryset = self.filter_queryset(self.trimmed_queryset())
        # The cursor reads its position from the row: the ordering's columns are selected too (those that exist:
        # an ordering refused, such as `rank` without `search`, is reported by the paginator).
        ordering = (name.lstrip("-") for name in self.paginator.get_ordering(request, queryset, self))
        page = self.paginate_queryset(plan.rows(queryset, *(name for name in ordering
                                                             if ordering_field(queryset, name) is not None)))
        return self.get_paginated_response(plan.answers(page))

    def retrieve(self, request, *args, **kwargs):
        plan = self.row_plan() if self.row_detail else None
        if plan is None:
            return super().retrieve(request, *args, **kwargs)
        lookup = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        if self.rows_model is not None:
            rows = self.filter_queryset(self.rows(plan))  # the backends check the query's parameters too
            if not asks_filters(request, getattr(self, "filterset_class", None)):
                return self.row_detail_answer(plan, lookup)
        else:
            rows = plan.rows(self.filter_queryset(self.trimmed_queryset()))
        row = get_object_or_404(rows, **{self.lookup_field: lookup})
        self.check_object_permissions(request, row)
        return Response(plan.answers([row])[0])

    # Per view, plan and condition: the row of one lookup value, its SQL compiled once (rows.ChildQuery). Filtering
    # the plan's query and finding its kept statement again cost 6% of an article detail's instructions.
    _detail_queries: dict = {}

    def row_detail_answer(self, plan, lookup) -> Response:
        model = self.rows_model
        field = model._meta.pk if self.lookup_field == "pk" else model._meta.get_field(self.lookup_field)
        not_found = Http404(f"No {model._meta.object_name} matches the given query.")  # as get_object_or_404 says
        try:
            value = field.to_python(lookup)
        except (TypeError, ValueError, DjangoValidationError):
            raise not_found from None
        if isinstance(value, int):
            low, high = connections[router.db_for_read(model)].ops.integer_field_range(field.get_internal_type())
            if (low is not None and value < low) or (high is not None and value > high):
                raise not_found  # no row can hold it (the database would refuse the parameter)

        def detail_query():
            base = self.rows(plan)  # the query keeps the base only, not this request's view
            return ChildQuery(lambda: base, field.name, plan.columns)

        query = self.kept(self._detail_queries, (type(self), plan, self.rows_condition()), detail_query)
        names, found = query.tuples([value])
        if not found:
            raise not_found
        self.check_object_permissions(self.request, dict(zip(names, found[0], strict=True)))
        return Response(plan.answers_of_tuples(names, found[:1])[0])


class SubListMixin:
    """Paginated sub-lists such as /entities/{id}/quotes/: cursor pages, `count`, field selection, no filters,
    strict parameters."""

    def sub_list(self, request, queryset, serializer_class, ordering=("-id",), context=None):
        reject_query_parameters(request, allowed=PAGE_PARAMETERS | FIELD_PARAMETERS)
        check_count(request)
        check_field_selection(request, serializer_class)
        paginator = CursorPagination()
        paginator.ordering = ordering
        page = paginator.paginate_queryset(queryset, request, view=self)  # raises every error found
        data = serializer_class(page, many=True, context=context or self.get_serializer_context()).data
        return paginator.get_paginated_response(data)
