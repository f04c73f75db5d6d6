"""Read endpoints for articles, sources, entities and quotes."""

from django.db.models import Exists, OuterRef
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from articles import selectors
from articles.filters import ArticleFilterSet, EntityFilterSet, QuoteFilterSet
from articles.models import Mention, Quote, Source
from extraction import DocumentError
from extraction.document import build_document
from ingestion import selectors as ingestion_selectors
from ingestion.api.serializers import IngestJobSerializer
from ingestion.jobs import QueueUnavailable, job_create
from ingestion.services import CREATED, article_ingest
from newsapi.api.errors import reject_large_body
from newsapi.api.exports import ExportMixin, export_schema
from newsapi.api.views import SubListMixin, reject_query_parameters

from . import jsonld
from .serializers import (
    ArticleDetailSerializer,
    ArticleEntitySerializer,
    ArticleInputSerializer,
    ArticleListSerializer,
    ArticleQuoteSerializer,
    EntityDetailSerializer,
    EntitySerializer,
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
    if value not in {"true", "false"}:
        raise ValidationError({"async": ["Must be true or false."]})
    return value == "true"


@extend_schema_view(
    list=extend_schema(summary="List sources"), retrieve=extend_schema(summary="A source")
)
class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Source.objects.all()
    serializer_class = SourceSerializer
    ordering_fields = ["name"]
    ordering = ["name", "id"]


@extend_schema_view(**export_schema(ArticleListSerializer, ArticleDetailSerializer, "articles"))
class ArticleViewSet(ExportMixin, SubListMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                     viewsets.GenericViewSet):
    filterset_class = ArticleFilterSet
    ordering_fields = ["published_at", "title", "rank"]
    ordering_requires = {"rank": "search"}
    ordering = ["-published_at", "-id"]
    detail_actions = {"retrieve", "create", "entities"}
    parser_classes = [JSONParser]  # articles are posted as JSON only
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
        summary="Post an article for extraction (token required)",
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
        return self.sub_list(request, Quote.objects.filter(article=article).select_related("speaker"),
                             ArticleQuoteSerializer, ordering=("start", "id"))

    @extend_schema(summary="Entities an article names, with their mentions",
                   responses=ArticleEntitySerializer(many=True))
    @action(detail=True, filter_backends=[], pagination_class=None)
    def entities(self, request, pk=None):
        # One article names tens of entities, not thousands: one unpaginated list.
        reject_query_parameters(request, allowed=set())
        article = self.get_object()
        return Response(ArticleEntitySerializer(entities_with_mentions(article), many=True).data)


@extend_schema_view(**export_schema(EntitySerializer, EntityDetailSerializer, "entities"))
class EntityViewSet(ExportMixin, SubListMixin, viewsets.ReadOnlyModelViewSet):
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
        return self.sub_list(request, selectors.quote_list().filter(speaker=entity), QuoteSerializer)


@extend_schema_view(**export_schema(QuoteSerializer, QuoteSerializer, "quotes"))
class QuoteViewSet(ExportMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = QuoteSerializer
    filterset_class = QuoteFilterSet
    ordering_fields = ["id"]
    ordering = ["-id"]
    csv_filename = "quotes"
    csv_columns = [
        ("id", lambda q: q.pk), ("article_id", lambda q: q.article_id), ("article_title", lambda q: q.article.title),
        ("published_at", lambda q: q.article.published_at.isoformat()), ("kind", lambda q: q.kind),
        ("text", lambda q: q.text), ("speaker_id", lambda q: q.speaker_id),
        ("speaker", lambda q: q.speaker.name if q.speaker else ""), ("speaker_text", lambda q: q.speaker_text),
        ("cue", lambda q: q.cue), ("start", lambda q: q.start), ("end", lambda q: q.end),
    ]

    def jsonld(self, quote, request):
        return jsonld.quote_document(quote, request)

    def csv_queryset(self, queryset):
        return queryset.defer("sentence", "article__body", "article__subtitle", "article__search_vector")

    def get_queryset(self):
        # Speaker and article are embedded in every row.
        return selectors.quote_list()

