"""Cursor pagination for every list: stable under inserts, as fast on the millionth row as the first."""

import math

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError

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

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            raise ValidationError({"page_size": [f"Must be an integer from 1 to {MAX_PAGE_SIZE}."]}) from None
        if not 1 <= size <= MAX_PAGE_SIZE:
            raise ValidationError({"page_size": [f"Must be an integer from 1 to {MAX_PAGE_SIZE}."]})
        return size

    def paginate_queryset(self, queryset, request, view=None):
        self._queryset = queryset  # decode_cursor checks the cursor's position against its ordering field
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            raise ValidationError({"cursor": [INVALID_CURSOR]}) from None
        if cursor is not None and cursor.position is not None and not self._position_is_valid(cursor.position):
            # A cursor is a client's copy of our own link, so a position its ordering field cannot hold was
            # forged or mangled: refuse it here rather than let the database fail on it.
            raise ValidationError({"cursor": [INVALID_CURSOR]})
        return cursor

    def _position_is_valid(self, position: str) -> bool:
        field = _ordering_field(self._queryset, self.ordering[0].lstrip("-"))
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
        return parameters


def _ordering_field(queryset, name: str) -> models.Field | None:
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
