"""Open export formats: streaming CSV for lists, JSON-LD (schema.org) for details.

Lists answer `?format=csv` or `Accept: text/csv` with every row that matches
the filters, streamed from a server-side cursor in chunks, so that memory stays
flat however many rows there are and the first rows leave at once. The last line is the trailer `#complete,N`
(N: the rows above it): an export cut short (a dropped connection, a server
stopped mid-way) has no trailer, so a client always knows a complete export
from a cut one. Details answer `Accept: application/ld+json`
(or `?format=jsonld`) with schema.org JSON-LD.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from typing import Any

from django.db import transaction
from django.http import Http404, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer
from rest_framework.response import Response

from .renderers import ORJSONRenderer

CHUNK_SIZE = 2000  # rows per FETCH from the database
FLUSH_SIZE = 65536  # characters per write to the client
TRAILER = "#complete"


class CSVRenderer(BaseRenderer):
    """Negotiates text/csv. Lists stream their rows themselves and errors are answered in JSON
    (ExportMixin.handle_exception), so nothing is ever rendered here."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        # Reaching this is a bug: a view answered text/csv without streaming it (see ExportMixin).
        raise RuntimeError("CSV answers are streamed by the list itself, never rendered.")


class JSONLDRenderer(ORJSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


Column = tuple[str, Callable[[Any], Any]]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 74, not 74.0
    return value


def rows_streamed(queryset) -> Iterator[Any]:
    """The queryset's rows, read in chunks from a server-side cursor inside a transaction.

    Outside a transaction Django declares the cursor WITH HOLD, and PostgreSQL then computes and stores the
    whole result when the declaring statement commits: the first row of a 2-million-row export left after the
    database had read the last one. Inside a transaction each FETCH reads only its chunk, so rows flow from the
    start, in the list's own order, all from one snapshot (a row changed during the export is in it as it was)."""
    with transaction.atomic(using=queryset.db):
        yield from queryset.iterator(chunk_size=CHUNK_SIZE)


def stream_csv(rows: Iterator[Any], columns: list[Column], filename: str) -> StreamingHttpResponse:
    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([name for name, _ in columns])
        yield _taken(buffer)  # the header at once
        count = 0
        try:
            for row in rows:
                count += 1
                writer.writerow([_cell(get(row)) for _, get in columns])
                if buffer.tell() >= FLUSH_SIZE:  # one write to the client per ~64 KB, not one per row
                    yield _taken(buffer)
        except Exception:
            yield _taken(buffer)  # the rows read before the failure go out, and no trailer after them
            raise
        # Written only after the last row: its absence means the export was cut.
        writer.writerow([TRAILER, count])
        yield _taken(buffer)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _taken(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


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
        return stream_csv(rows_streamed(queryset), self.csv_columns, self.csv_filename)

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
    """An unsupported `?format=` is a 406 like an unsupported Accept header, not DRF's 404.

    A choice depends only on the Accept header, `?format=`, the URL's format suffix and the view's renderers,
    so it is made once for each of these and kept: parsing the Accept header and matching it against each
    renderer cost about 4% of an article list's CPU. Kept for short headers only, and at most CHOICES_KEPT
    of them, since a header is whatever a client sends."""

    CHOICES_KEPT = 256
    LONGEST_KEPT_HEADER = 256
    _choices: dict = {}

    def select_renderer(self, request, renderers, format_suffix=None):
        accept = request.META.get("HTTP_ACCEPT", "*/*")
        if len(accept) > self.LONGEST_KEPT_HEADER:
            return super().select_renderer(request, renderers, format_suffix)
        key = (accept, format_suffix, request.query_params.get(self.settings.URL_FORMAT_OVERRIDE),
               tuple(type(renderer) for renderer in renderers))
        choice = self._choices.get(key)
        if choice is None:
            renderer, media_type = super().select_renderer(request, renderers, format_suffix)  # or raises
            if len(self._choices) >= self.CHOICES_KEPT:
                self._choices.clear()
            choice = self._choices[key] = (next(i for i, one in enumerate(renderers) if one is renderer), media_type)
        position, media_type = choice
        return renderers[position], media_type

    def filter_renderers(self, renderers, format):
        try:
            return super().filter_renderers(renderers, format)
        except Http404:
            raise NotAcceptable(f"format={format!r} is not available here.") from None
