"""Cursor pagination for every list: stable under inserts, as fast on the millionth row as the first."""

import math

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework import pagination
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param

from .filters import count_requested, query_error, raise_query_errors

MAX_PAGE_SIZE = 200
# The widest integer a PostgreSQL bigint column holds: a position past it could only be forged.
MAX_INTEGER_POSITION = 2**63 - 1
INVALID_CURSOR = "Invalid cursor: use the `next` or `previous` link as given."


class CursorPagination(pagination.CursorPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_size_query_description = f"Number of results per page, 1 to {MAX_PAGE_SIZE} (default 20)."
    cursor_query_description = "The pagination cursor: copy it from a response's `next` or `previous` link."
    count_query_description = (
        "true: the answer also carries `count`, the number of rows matching the filters (an exact COUNT over "
        "them, which grows with their number: ask on the first page, not on every one; the `next` and "
        "`previous` links leave it out)."
    )
    # Where the schema's example links point (set by the schema generator for each list).
    example_path = "/api/v1/articles/"

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = None
        if size is None or not 1 <= size <= MAX_PAGE_SIZE:
            query_error(request, self.page_size_query_param, f"Must be an integer from 1 to {MAX_PAGE_SIZE}.")
            return self.page_size
        return size

    def paginate_queryset(self, queryset, request, view=None):
        self._queryset = queryset  # decode_cursor checks the cursor's position against its ordering field
        page = super().paginate_queryset(queryset, request, view)
        # The links leave `count` out: a walk through the pages counts once, on the page that asked.
        self.base_url = remove_query_param(self.base_url, "count")
        self.count = queryset.count() if count_requested(request) else None
        return page

    def decode_cursor(self, request):
        """The cursor, and the last check before the database is asked: every error found so far is raised."""
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            cursor = None
            query_error(request, self.cursor_query_param, INVALID_CURSOR)
        if cursor is not None and cursor.position is not None and not self._position_is_valid(cursor.position):
            # A cursor is a client's copy of our own link, so a position its ordering field cannot hold was
            # forged or mangled: refuse it here rather than let the database fail on it.
            query_error(request, self.cursor_query_param, INVALID_CURSOR)
        raise_query_errors(request)
        return cursor

    def get_paginated_response(self, data):
        body = {"next": self.get_next_link(), "previous": self.get_previous_link()}
        if self.count is not None:
            body["count"] = self.count
        body["results"] = data
        return Response(body)

    def get_paginated_response_schema(self, schema):
        link = f"https://news.example.org{self.example_path}?cursor=cD0yMDIyLTAyLTI0KzIwJTNBMDQlM0EwMCUyQjAwJTNBMDA%3D"
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {"type": "string", "format": "uri", "nullable": True, "example": link,
                         "description": "The next page; null on the last."},
                "previous": {"type": "string", "format": "uri", "nullable": True, "example": None,
                             "description": "The previous page; null on the first."},
                "count": {"type": "integer", "minimum": 0, "example": 2,
                          "description": "Rows matching the filters; only with `count=true`."},
                "results": schema,
            },
        }

    def _position_is_valid(self, position: str) -> bool:
        field = ordering_field(self._queryset, self.ordering[0].lstrip("-"))
        if field is None or "\x00" in position:
            return False
        try:
            value = field.to_python(position)
        except (DjangoValidationError, ValueError, TypeError, OverflowError):
            return False
        if isinstance(field, models.DateTimeField):
            # Our links always carry the zone; a naive date-time was not written by us.
            return value is not None and value.tzinfo is not None
        if isinstance(field, models.FloatField):
            return value is not None and math.isfinite(value)
        if isinstance(field, models.IntegerField):
            return value is not None and abs(value) <= MAX_INTEGER_POSITION
        return True

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 20}
        parameters.append({"name": "count", "required": False, "in": "query",
                           "description": self.count_query_description, "schema": {"type": "boolean"}})
        return parameters


def ordering_field(queryset, name: str) -> models.Field | None:
    """The model field or annotation a list is ordered by (`published_at`, `article__published_at`, `rank`)."""
    annotation = queryset.query.annotations.get(name)
    if annotation is not None:
        return annotation.output_field
    model, field = queryset.model, None
    for part in name.split("__"):
        if model is None:
            return None
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return None
        model = field.related_model
    return field
