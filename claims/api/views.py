"""Claims, and the article and entity endpoints with their claims added."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action

from articles.api import views as article_views
from articles.api.jsonld import article_document
from claims import selectors
from claims.filters import ClaimFilterSet, MeasureFilterSet
from claims.services import comparison_window
from ingestion.api.serializers import IngestJobSerializer
from newsapi.api.exports import ExportMixin, export_schema
from newsapi.api.filters import reject_query_parameters
from newsapi.api.pagination import CursorPagination
from newsapi.api.views import SubListMixin

from .jsonld import claim_document, claim_node
from .serializers import (
    ArticleClaimSerializer,
    ArticleFullSerializer,
    ClaimSerializer,
    EntityFullSerializer,
    MeasureDetailSerializer,
    MeasureSerializer,
    RelatedClaimSerializer,
)

ARTICLE_TEXT_FIELDS = ["article__body", "article__subtitle", "article__search_vector", "article__content_hash"]

MEASURES_DESCRIPTION = (
    "A measure is what a figure counts: the normalised predicate (killed, wounded, destroyed, captured, "
    "displaced, evacuated, arrested, rescued, missing, rose, fell; synonyms such as 'shot down', 'knocked "
    "out', 'neutralized' are 'destroyed'), the unit (singular head noun) and the subject (whose, or where: "
    "'Ukrainian soldiers' -> Ukraine). Each figure is an interval: exact 74 is [74, 74], 'more than 70' is "
    "(70, inf), 'no less than 50' is [50, inf), 'around 10' is [9, 11] (10% either side, at least 1). Figures "
    "of one measure whose articles are within CLAIM_COMPARISON_WINDOW_DAYS (3) of each other are compared: "
    "consistent when the intervals overlap, conflicting when they do not. In the seed article, Konashenkov's "
    "'more than 70' and '74' Ukrainian facilities destroyed are one measure and consistent; Kiev sources' "
    "'no less than 50 Russian soldiers' killed is another measure than Ukraine's own losses."
)


@extend_schema_view(**export_schema(ClaimSerializer, ClaimSerializer, "claims"))
class ClaimViewSet(ExportMixin, SubListMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilterSet
    ordering_fields = ["id", "value"]
    ordering = ["-id"]
    csv_filename = "claims"
    csv_columns = [
        ("id", lambda c: c.pk), ("article_id", lambda c: c.article_id),
        ("published_at", lambda c: c.article.published_at.isoformat()), ("claimant_id", lambda c: c.claimant_id),
        ("claimant", lambda c: c.claimant.name if c.claimant else ""), ("claimant_text", lambda c: c.claimant_text),
        ("value", lambda c: c.value), ("qualifier", lambda c: c.qualifier), ("unit", lambda c: c.unit),
        ("predicate", lambda c: c.predicate), ("measure", lambda c: c.measure.key if c.measure else ""),
        ("lower", lambda c: c.lower), ("upper", lambda c: c.upper), ("text", lambda c: c.text),
        ("start", lambda c: c.start), ("end", lambda c: c.end),
    ]

    def jsonld(self, claim, request):
        return claim_document(claim, request)

    def csv_queryset(self, queryset):
        # The columns read no subjects and no article text.
        return queryset.prefetch_related(None).defer(*ARTICLE_TEXT_FIELDS)

    def get_queryset(self):
        # Claimant, article and measure are embedded in each row, subjects are prefetched.
        return selectors.claim_list()

    @extend_schema(
        summary="Figures of the same measure, with how they stand to this one",
        description=MEASURES_DESCRIPTION,
        responses=RelatedClaimSerializer(many=True),
    )
    @action(detail=True, filter_backends=[])
    def related(self, request, pk=None):
        claim = self.get_object()
        queryset = selectors.related_claims(claim, comparison_window())
        context = {**self.get_serializer_context(), "base_claim": claim}
        reject_query_parameters(request, allowed={"cursor", "page_size"})
        paginator = CursorPagination()
        paginator.ordering = ("article__published_at", "id")
        page = paginator.paginate_queryset(queryset, request, view=self)
        return paginator.get_paginated_response(RelatedClaimSerializer(page, many=True, context=context).data)


@extend_schema_view(
    list=extend_schema(summary="List measures", description=MEASURES_DESCRIPTION),
    retrieve=extend_schema(summary="Every claimant's figures for a measure, over time",
                           description=MEASURES_DESCRIPTION),
)
class MeasureViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_class = MeasureFilterSet
    lookup_field = "key"
    lookup_value_regex = r"[a-z0-9-]+"
    ordering_fields = ["key", "claim_count"]
    ordering = ["key"]

    def get_queryset(self):
        # Subject embedded; the detail prefetches every figure with its article and claimant.
        return selectors.measure_detail() if self.action == "retrieve" else selectors.measure_list()

    def get_serializer_class(self):
        return MeasureDetailSerializer if self.action == "retrieve" else MeasureSerializer


@extend_schema_view(
    create=extend_schema(
        responses={
            201: OpenApiResponse(ArticleFullSerializer, description="Stored now."),
            200: OpenApiResponse(ArticleFullSerializer, description="Already stored, or replaced at its url."),
            202: OpenApiResponse(IngestJobSerializer, description="Queued (`?async=true`): the ingest job."),
        }
    )
)
class ArticleViewSet(article_views.ArticleViewSet):
    """The articles resource with each article's claims (the claims app depends on articles, not back)."""

    def jsonld(self, article, request):
        claims = [claim_node(claim, request, with_article=False) for claim in article.claims.all()]
        return article_document(article, request, extra_parts=claims)

    def get_queryset(self):
        if self.action in {"retrieve", "create"}:
            return selectors.article_full()
        return super().get_queryset()

    def get_serializer_class(self):
        if self.action in {"retrieve", "create"}:
            return ArticleFullSerializer
        return super().get_serializer_class()

    @extend_schema(summary="Claims an article carries", responses=ArticleClaimSerializer(many=True))
    @action(detail=True, filter_backends=[])
    def claims(self, request, pk=None):
        article = self.get_object()
        return self.sub_list(request, selectors.article_claims().filter(article=article), ArticleClaimSerializer,
                             ordering=("start", "id"))


class EntityViewSet(article_views.EntityViewSet):
    """The entities resource with claim counts and the claims each entity made."""

    def get_queryset(self):
        return selectors.entity_full() if self.action == "retrieve" else super().get_queryset()

    def get_serializer_class(self):
        return EntityFullSerializer if self.action == "retrieve" else super().get_serializer_class()

    @extend_schema(summary="Claims made by an entity", responses=ClaimSerializer(many=True))
    @action(detail=True, filter_backends=[])
    def claims(self, request, pk=None):
        entity = self.get_object()
        return self.sub_list(request, selectors.claim_list().filter(claimant=entity), ClaimSerializer)

    @extend_schema(summary="Measures whose subject an entity is, most claimed first",
                   description=MEASURES_DESCRIPTION, responses=MeasureSerializer(many=True))
    @action(detail=True, filter_backends=[])
    def measures(self, request, pk=None):
        entity = self.get_object()
        return self.sub_list(request, selectors.measure_list().filter(subject=entity), MeasureSerializer,
                             ordering=("-claim_count", "id"))
