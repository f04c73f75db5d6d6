"""Open export formats: streaming CSV for lists, JSON-LD (schema.org) for details.

Lists answer `?format=csv` or `Accept: text/csv` with every row that matches
the filters, streamed from a database iterator in chunks, so that memory stays
flat however many rows there are. The last line is the trailer `#complete,N`
(N: the rows above it): an export cut short (a dropped connection, a server
stopped mid-way) has no trailer, so a client always knows a complete export
from a cut one. Details answer `Accept: application/ld+json`
(or `?format=jsonld`) with schema.org JSON-LD.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.http import Http404, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer
from rest_framework.response import Response

from .renderers import ORJSONRenderer

CHUNK_SIZE = 2000
TRAILER = "#complete"


class CSVRenderer(BaseRenderer):
    """Negotiates text/csv. Lists stream their rows themselves and errors are answered in JSON
    (ExportMixin.handle_exception), so nothing is ever rendered here."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        raise NotImplementedError("CSV answers are streamed by the list itself.")


class JSONLDRenderer(ORJSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


Column = tuple[str, Callable[[Any], Any]]


class _Line:
    """A file-like target for csv.writer that hands back what was written."""

    def write(self, value: str) -> str:
        return value


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 74, not 74.0
    return value


def _csv_line(row: Iterable[Any]) -> str:
    return csv.writer(_Line()).writerow([_cell(value) for value in row])


def stream_csv(rows: Iterator[Any], columns: list[Column], filename: str) -> StreamingHttpResponse:
    def lines() -> Iterator[str]:
        yield _csv_line(name for name, _ in columns)
        count = 0
        for row in rows:
            count += 1
            yield _csv_line(get(row) for _, get in columns)
        # Written only after the last row: its absence means the export was cut.
        yield _csv_line([TRAILER, count])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


class ExportMixin:
    """Lists in JSON or CSV, details in JSON or JSON-LD. A viewset sets `csv_columns`, `csv_filename`
    and defines `jsonld(instance, request) -> dict`."""

    csv_columns: list[Column] = []
    csv_filename = "export"

    def get_renderers(self):
        action = getattr(self, "action", None)
        renderers = [ORJSONRenderer(), BrowsableAPIRenderer()]
        if action in {"list", None}:  # None: a method with no action, which must reach its 405
            renderers.append(CSVRenderer())
        if action in {"retrieve", None}:
            renderers.append(JSONLDRenderer())
        return renderers

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format != "csv":
            return super().list(request, *args, **kwargs)
        # An export is every matching row: the filter backends refuse page and field parameters here.
        queryset = self.csv_queryset(self.filter_queryset(self.get_queryset()))
        return stream_csv(queryset.iterator(chunk_size=CHUNK_SIZE), self.csv_columns, self.csv_filename)

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        # An error is answered in JSON whatever format was asked for: it is not a table or a linked-data node,
        # and every client reads the one error shape.
        if getattr(getattr(self.request, "accepted_renderer", None), "format", None) in {"csv", "jsonld"}:
            self.request.accepted_renderer = ORJSONRenderer()
            self.request.accepted_media_type = ORJSONRenderer.media_type
        return response

    def csv_queryset(self, queryset):
        """The list's queryset trimmed to what the CSV columns read (override per resource)."""
        return queryset

    def retrieve(self, request, *args, **kwargs):
        if request.accepted_renderer.format != "jsonld":
            return super().retrieve(request, *args, **kwargs)
        return Response(self.jsonld(self.get_object(), request))


def export_schema(list_serializer, detail_serializer, what: str) -> dict:
    """extend_schema_view arguments documenting the CSV list and the JSON-LD detail of a resource."""
    return {
        "list": extend_schema(
            summary=f"List {what}",
            description=f"Filters combine with AND. `?format=csv` or `Accept: text/csv` streams every matching "
                        f"{what[:-1] if what.endswith('s') else what} as CSV (no pages); its last line is "
                        f"`{TRAILER},N` with N the number of rows: an export without it was cut short.",
            responses={
                (200, "application/json"): list_serializer(many=True),
                (200, "text/csv"): OpenApiResponse(
                    OpenApiTypes.STR, description=f"Every matching row, streamed; then the trailer `{TRAILER},N`."),
            },
        ),
        "retrieve": extend_schema(
            summary=f"One of the {what}",
            description="`Accept: application/ld+json` (or `?format=jsonld`) answers schema.org JSON-LD.",
            responses={
                (200, "application/json"): detail_serializer,
                (200, "application/ld+json"): OpenApiResponse(OpenApiTypes.OBJECT, description="schema.org JSON-LD."),
            },
        ),
    }


class ContentNegotiation(DefaultContentNegotiation):
    """An unsupported `?format=` is a 406 like an unsupported Accept header, not DRF's 404."""

    def filter_renderers(self, renderers, format):
        try:
            return super().filter_renderers(renderers, format)
        except Http404:
            raise NotAcceptable(f"format={format!r} is not available here.") from None
