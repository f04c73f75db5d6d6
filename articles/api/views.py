"""Read endpoints for articles, sources, entities and quotes."""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response

from articles import selectors, services
from articles.filters import ArticleFilterSet, EntityFilterSet, QuoteFilterSet, SourceFilterSet
from articles.history import history_entries
from articles.models import Article, ItemStatus, Mention, Quote, Source
from extraction import DocumentError
from extraction.document import build_document
from ingestion import selectors as ingestion_selectors
from ingestion.api.serializers import IngestJobSerializer
from ingestion.jobs import QueueUnavailable, job_create
from ingestion.services import CREATED, article_ingest
from newsapi.api.errors import reject_large_body
from newsapi.api.exports import ExportMixin, export_schema
from newsapi.api.filters import query_error
from newsapi.api.parsers import JSONParser
from newsapi.api.views import RowAnswersMixin, SubListMixin, raise_query_errors, reject_query_parameters

from . import jsonld
from .serializers import (
    ArticleDetailSerializer,
    ArticleEntitySerializer,
    ArticleInputSerializer,
    ArticleListSerializer,
    ArticleQuoteSerializer,
    EntityDetailSerializer,
    EntitySerializer,
    HistoryEntrySerializer,
    QuoteAdditionSerializer,
    QuoteCorrectionSerializer,
    QuoteSerializer,
    SourceSerializer,
    entities_with_mentions,
)

ASYNC_PARAMETER = OpenApiParameter(
    "async", OpenApiTypes.BOOL, description="true: queue the article for the workers and answer 202 with an "
    "ingest job; false (default): extract and store it before answering.")


class QueueUnavailableError(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "The task queue cannot be reached; try again later or post without async."
    default_code = "queue_unavailable"


def async_requested(request) -> bool:
    """The `async` parameter of a POST: true or false, anything else is a 400."""
    reject_query_parameters(request, allowed={"async"})
    value = request.query_params.get("async", "false").lower()
    if value and value not in {"true", "false"}:
        query_error(request, "async", "Must be true or false.")
    raise_query_errors(request)
    return value == "true"


def field_errors(error: services.OffsetsOutsideText) -> ValidationError:
    return ValidationError({error.field: [str(error)]})


class EditableMixin:
    """Corrections of a resource (PATCH), additions (POST) and its audit trail (GET .../history/).

    A viewset names its `model`, its input serializers and `correct`/`add` service calls; the list shows
    active items only unless `?status=` asks (rejected or orphaned), while a detail shows any status."""

    model = None
    correction_serializer = None
    addition_serializer = None

    def active_condition(self) -> Q | None:
        if self.action == "list" and "status" not in self.request.query_params:
            return Q(status=ItemStatus.ACTIVE)
        return None

    def active_only(self, queryset):
        condition = self.active_condition()
        return queryset if condition is None else queryset.filter(condition)

    def rows_condition(self):  # row answers (RowAnswersMixin) start from the model's rows
        return self.active_condition()

    def answer(self, item, status_code=status.HTTP_200_OK):
        fresh = self.get_queryset().get(pk=item.pk)
        return Response(self.get_serializer(fresh).data, status=status_code)

    def partial_update(self, request, pk=None):
        item = self.get_object()
        incoming = self.correction_serializer(instance=item, data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        note = data.pop("note", "")
        return self.answer(self.correct(item, by=request.user, changes=data, note=note))

    def create(self, request):
        incoming = self.addition_serializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            item = self.add(by=request.user, **incoming.validated_data)
        except services.OffsetsOutsideText as error:
            raise field_errors(error) from None
        return self.answer(item, status.HTTP_201_CREATED)

    @extend_schema(summary="Every change of this item: who, when, which fields before and after, and why",
                   responses=HistoryEntrySerializer(many=True))
    @action(detail=True, filter_backends=[], pagination_class=None)
    def history(self, request, pk=None):
        # An item's changes are few (edits by people): one unpaginated list, newest first.
        reject_query_parameters(request, allowed=set())
        raise_query_errors(request)
        item = self.history_object(pk)
        return Response(HistoryEntrySerializer(history_entries(item), many=True).data)

    def history_object(self, pk):
        from django.shortcuts import get_object_or_404

        if not str(pk).isdigit():
            raise Http404
        return get_object_or_404(self.model, pk=pk)


@extend_schema_view(
    list=extend_schema(summary="List sources"), retrieve=extend_schema(summary="A source")
)
class SourceViewSet(RowAnswersMixin, viewsets.ReadOnlyModelViewSet):
    """Publishers of the articles."""

    queryset = Source.objects.all()
    serializer_class = SourceSerializer
    filterset_class = SourceFilterSet
    ordering_fields = ["name"]
    ordering = ["name", "id"]


@extend_schema_view(**export_schema(ArticleListSerializer, ArticleDetailSerializer, "articles"))
class ArticleViewSet(ExportMixin, RowAnswersMixin, SubListMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                     viewsets.GenericViewSet):
    """News articles: newest first, with the entities they name and the quotes they report."""

    filterset_class = ArticleFilterSet
    ordering_fields = ["published_at", "title", "rank"]
    ordering_requires = {"rank": "search"}
    ordering = ["-published_at", "-id"]
    detail_actions = {"retrieve", "create", "entities"}
    row_detail = True
    rows_model = Article
    parser_classes = [JSONParser]  # articles are posted as JSON only
    write_permissions = {"create": ["articles.add_article"]}
    csv_filename = "articles"
    csv_columns = [
        ("id", lambda a: a.pk), ("title", lambda a: a.title), ("subtitle", lambda a: a.subtitle),
        ("published_at", lambda a: a.published_at.isoformat()), ("source", lambda a: a.source.name if a.source else ""),
        ("url", lambda a: a.url), ("language", lambda a: a.language), ("word_count", lambda a: a.word_count),
    ]

    def jsonld(self, article, request):
        return jsonld.article_document(article, request)

    def csv_queryset(self, queryset):
        return queryset.defer("body", "search_vector")

    def get_queryset(self):
        # Detail embeds entities with mentions and quotes: prefetched, so the query count is fixed.
        return selectors.article_detail() if self.action in self.detail_actions else selectors.article_list()

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action in self.detail_actions else ArticleListSerializer

    @extend_schema(
        summary="Post an article for extraction (ingest or editor token)",
        description=(
            "Runs the extraction and stores the article as the loader does. Idempotent on content: posting the "
            "same title, subtitle, body and date again answers 200 with the stored article and adds no rows. "
            "New content at the `url` of a stored article replaces that article and its extractions (200). "
            "Bodies over MAX_ARTICLE_BODY_BYTES (default 1,000,000) are refused with 413. "
            "With `?async=true` the article is checked, queued for the Celery workers and answered at once with "
            "202 and an ingest job (`GET /api/v1/ingest-jobs/{id}/` shows when it is stored)."
        ),
        request=ArticleInputSerializer,
        parameters=[ASYNC_PARAMETER],
        responses={
            201: OpenApiResponse(ArticleDetailSerializer, description="Stored now."),
            200: OpenApiResponse(ArticleDetailSerializer, description="Already stored, or replaced at its url."),
            202: OpenApiResponse(IngestJobSerializer, description="Queued (`?async=true`): the ingest job."),
        },
    )
    def create(self, request):
        reject_large_body(request)
        queued = async_requested(request)
        incoming = ArticleInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        document = build_document(
            title=data["title"], body=data["body"], published_at=data["published_at"],
            subtitle=data.get("subtitle"), url=data.get("url"), source=data.get("source"),
        )
        if queued:
            try:
                job = job_create(documents=[("request", document, None)], origin="api")
            except QueueUnavailable as error:
                raise QueueUnavailableError(str(error)) from None
            job = ingestion_selectors.job_detail().get(pk=job.pk)
            return Response(IngestJobSerializer(job).data, status=status.HTTP_202_ACCEPTED)
        try:
            result = article_ingest(document=document)
        except DocumentError as error:
            raise ValidationError({error.field or "non_field_errors": [error.reason]}) from None
        article = self.get_queryset().get(pk=result.article.pk)
        serializer = self.get_serializer_class()(article, context=self.get_serializer_context())
        return Response(serializer.data, status=status.HTTP_201_CREATED if result.status == CREATED else status.HTTP_200_OK)

    @extend_schema(
        summary="The other articles of an article's story: its near-copies and the first one",
        description=(
            "Copies and re-publications of one story (the same body with small edits, another headline or "
            "source) are recognised on ingest by MinHash/LSH over word 3-shingles of the body and linked to the "
            "story's first stored article (`duplicate_of`). A figure they repeat counts once in measures. "
            "Lists every other article of the story, oldest first."
        ),
        responses=ArticleListSerializer(many=True),
    )
    @action(detail=True, filter_backends=[])
    def duplicates(self, request, pk=None):
        article = self.get_object()
        return self.sub_list(request, selectors.story_articles(article), ArticleListSerializer,
                             ordering=("published_at", "id"))

    @extend_schema(summary="Quotes reported in an article", responses=ArticleQuoteSerializer(many=True))
    @action(detail=True, filter_backends=[])
    def quotes(self, request, pk=None):
        article = self.get_object()
        return self.sub_list(request, selectors.article_quotes().filter(article=article),
                             ArticleQuoteSerializer, ordering=("start", "id"))

    @extend_schema(summary="Entities an article names, with their mentions",
                   responses=ArticleEntitySerializer(many=True))
    @action(detail=True, filter_backends=[], pagination_class=None)
    def entities(self, request, pk=None):
        # One article names tens of entities, not thousands: one unpaginated list.
        reject_query_parameters(request, allowed=set())
        raise_query_errors(request)
        article = self.get_object()
        return Response(ArticleEntitySerializer(entities_with_mentions(article), many=True).data)


@extend_schema_view(**export_schema(EntitySerializer, EntityDetailSerializer, "entities"))
class EntityViewSet(ExportMixin, RowAnswersMixin, SubListMixin, viewsets.ReadOnlyModelViewSet):
    """People, organisations, places and products named in the articles."""

    row_detail = True

    filterset_class = EntityFilterSet
    ordering_fields = ["name", "article_count"]
    ordering = ["name", "id"]
    csv_filename = "entities"
    csv_columns = [
        ("id", lambda e: e.pk), ("name", lambda e: e.name), ("type", lambda e: e.type), ("slug", lambda e: e.slug),
        ("aliases", lambda e: "; ".join(e.aliases)), ("country_code", lambda e: e.country_code),
        ("latitude", lambda e: e.latitude), ("longitude", lambda e: e.longitude),
        ("article_count", lambda e: e.article_count),
    ]

    def jsonld(self, entity, request):
        return jsonld.entity_document(entity, request)

    def get_queryset(self):
        # Aliases are prefetched; counts are correlated subqueries, one query whatever the page size.
        return selectors.entity_detail() if self.action == "retrieve" else selectors.entity_list()

    def get_serializer_class(self):
        return EntityDetailSerializer if self.action == "retrieve" else EntitySerializer

    @extend_schema(summary="Articles that mention an entity", responses=ArticleListSerializer(many=True))
    @action(detail=True, filter_backends=[])
    def articles(self, request, pk=None):
        entity = self.get_object()
        articles = selectors.article_list().filter(Exists(Mention.objects.filter(article=OuterRef("pk"), entity=entity)))
        return self.sub_list(request, articles, ArticleListSerializer, ordering=("-published_at", "-id"))

    @extend_schema(summary="Quotes by an entity", responses=QuoteSerializer(many=True))
    @action(detail=True, filter_backends=[])
    def quotes(self, request, pk=None):
        entity = self.get_object()
        return self.sub_list(request, selectors.quote_list().filter(speaker=entity, status=ItemStatus.ACTIVE),
                             QuoteSerializer)


@extend_schema_view(
    **export_schema(QuoteSerializer, QuoteSerializer, "quotes"),
    partial_update=extend_schema(
        summary="Correct a quote (editor)",
        description="Speaker (entity id or as worded), kind, cue, or `status: rejected`. The quote becomes "
                    "verified: a reload of its article or a re-extraction keeps it. `note` goes to its history.",
        request=QuoteCorrectionSerializer, responses=QuoteSerializer,
    ),
    create=extend_schema(
        summary="Add a quote extraction missed (editor)",
        description="Its text is the article's `text[start:end]`; the quote is verified.",
        request=QuoteAdditionSerializer, responses={201: QuoteSerializer},
    ),
)
class QuoteViewSet(EditableMixin, ExportMixin, RowAnswersMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                   viewsets.GenericViewSet):
    """What the articles report someone said, with who said it and how that was found."""

    serializer_class = QuoteSerializer
    filterset_class = QuoteFilterSet
    rows_model = Quote
    ordering_fields = ["id"]
    ordering = ["-id"]
    model = Quote
    correction_serializer = QuoteCorrectionSerializer
    addition_serializer = QuoteAdditionSerializer
    write_permissions = {"partial_update": ["articles.change_quote"], "create": ["articles.add_quote"]}
    csv_filename = "quotes"
    csv_columns = [
        ("id", lambda q: q.pk), ("article_id", lambda q: q.article_id), ("article_title", lambda q: q.article.title),
        ("published_at", lambda q: q.article.published_at.isoformat()), ("kind", lambda q: q.kind),
        ("text", lambda q: q.text), ("speaker_id", lambda q: q.speaker_id),
        ("speaker", lambda q: q.speaker.name if q.speaker else ""), ("speaker_text", lambda q: q.speaker_text),
        ("cue", lambda q: q.cue), ("start", lambda q: q.start), ("end", lambda q: q.end),
        ("status", lambda q: q.status), ("verified", lambda q: q.verified),
    ]

    def jsonld(self, quote, request):
        return jsonld.quote_document(quote, request)

    def csv_queryset(self, queryset):
        return queryset.defer("sentence", "article__body", "article__subtitle", "article__search_vector")

    def get_queryset(self):
        # Speaker, article and verifying editor are embedded in every row.
        return self.active_only(selectors.quote_list())

    def correct(self, quote, **kwargs):
        return services.quote_correct(quote=quote, **kwargs)

    def add(self, **kwargs):
        return services.quote_add(**kwargs)
