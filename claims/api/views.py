"""Claims, and the article and entity endpoints with their claims added."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from articles.api import views as article_views
from articles.api.jsonld import article_document
from articles.api.serializers import (
    ArticleListSerializer,
    EntityCorrectionSerializer,
    EntityMergeSerializer,
    EntityMovedSerializer,
)
from articles.history import history_entries
from articles.models import Entity, ItemStatus
from claims import corrections, selectors
from claims.filters import ClaimFilterSet, MeasureFilterSet
from claims.models import Claim
from claims.services import comparison_window
from ingestion.api.serializers import IngestJobSerializer
from newsapi.api.exports import ExportMixin, export_schema
from newsapi.api.views import RowAnswersMixin, SubListMixin, raise_query_errors, reject_query_parameters

from .jsonld import claim_document, claim_node
from .serializers import (
    ArticleClaimSerializer,
    ArticleFullSerializer,
    ClaimAdditionSerializer,
    ClaimCorrectionSerializer,
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


@extend_schema_view(
    **export_schema(ClaimSerializer, ClaimSerializer, "claims"),
    partial_update=extend_schema(
        summary="Correct a claim (editor)",
        description="Claimant (entity id or as worded), value, qualifier, unit, predicate, subjects, or "
                    "`status: rejected`. Measures are recounted. The claim becomes verified: a reload of its "
                    "article or a re-extraction keeps it. `note` goes to its history.",
        request=ClaimCorrectionSerializer, responses=ClaimSerializer,
    ),
    create=extend_schema(
        summary="Add a claim extraction missed (editor)",
        description="Its text is the article's `text[start:end]`; a figure joins its measure; the claim is verified.",
        request=ClaimAdditionSerializer, responses={201: ClaimSerializer},
    ),
)
class ClaimViewSet(article_views.EditableMixin, ExportMixin, RowAnswersMixin, SubListMixin, mixins.ListModelMixin,
                   mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Checkable statements the articles report: a figure ("74 facilities knocked out") or a qualitative claim,
    with who made it, its measure and the values it allows."""

    serializer_class = ClaimSerializer
    filterset_class = ClaimFilterSet
    rows_model = Claim
    ordering_fields = ["id", "value"]
    ordering = ["-id"]
    model = Claim
    correction_serializer = ClaimCorrectionSerializer
    addition_serializer = ClaimAdditionSerializer
    write_permissions = {"partial_update": ["claims.change_claim"], "create": ["claims.add_claim"]}
    csv_filename = "claims"
    csv_columns = [
        ("id", lambda c: c.pk), ("article_id", lambda c: c.article_id),
        ("published_at", lambda c: c.article.published_at.isoformat()), ("claimant_id", lambda c: c.claimant_id),
        ("claimant", lambda c: c.claimant.name if c.claimant else ""), ("claimant_text", lambda c: c.claimant_text),
        ("value", lambda c: c.value), ("qualifier", lambda c: c.qualifier), ("unit", lambda c: c.unit),
        ("predicate", lambda c: c.predicate), ("measure", lambda c: c.measure.key if c.measure else ""),
        ("lower", lambda c: c.lower), ("upper", lambda c: c.upper), ("text", lambda c: c.text),
        ("start", lambda c: c.start), ("end", lambda c: c.end),
        ("status", lambda c: c.status), ("verified", lambda c: c.verified),
    ]

    def jsonld(self, claim, request):
        return claim_document(claim, request)

    def csv_queryset(self, queryset):
        # The columns read no subjects and no article text.
        return queryset.prefetch_related(None).defer(*ARTICLE_TEXT_FIELDS)

    def get_queryset(self):
        # Claimant, article, measure and verifying editor are embedded in each row, subjects are prefetched.
        return self.active_only(selectors.claim_list())

    def correct(self, claim, **kwargs):
        return corrections.claim_correct(claim=claim, **kwargs)

    def add(self, **kwargs):
        return corrections.claim_add(**kwargs)

    @extend_schema(
        summary="Figures of the same measure, with how they stand to this one",
        description=MEASURES_DESCRIPTION,
        responses=RelatedClaimSerializer(many=True),
    )
    @action(detail=True, filter_backends=[])
    def related(self, request, pk=None):
        claim = self.get_object()
        context = {**self.get_serializer_context(), "base_claim": claim}
        return self.sub_list(request, selectors.related_claims(claim, comparison_window()), RelatedClaimSerializer,
                             ordering=("article_published_at", "id"), context=context)


@extend_schema_view(
    list=extend_schema(summary="List measures", description=MEASURES_DESCRIPTION),
    retrieve=extend_schema(summary="Every claimant's figures for a measure, over time",
                           description=MEASURES_DESCRIPTION),
)
class MeasureViewSet(RowAnswersMixin, viewsets.ReadOnlyModelViewSet):
    """What figures count (event, unit, subject), so that the figures of different sources can be compared."""

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


# The claims app depends on articles, never the reverse: it extends the article and entity resources with their
# claims, so their schema names its serializers here.
@extend_schema_view(
    **export_schema(ArticleListSerializer, ArticleFullSerializer, "articles"),
    create=extend_schema(
        responses={
            201: OpenApiResponse(ArticleFullSerializer, description="Stored now."),
            200: OpenApiResponse(ArticleFullSerializer, description="Already stored, or replaced at its url."),
            202: OpenApiResponse(IngestJobSerializer, description="Queued (`?async=true`): the ingest job."),
        }
    )
)
class ArticleViewSet(article_views.ArticleViewSet):
    """News articles: newest first, with the entities they name, the quotes they report and the claims they
    carry."""

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


@extend_schema_view(
    retrieve=extend_schema(
        summary="One of the entities",
        description="`Accept: application/ld+json` (or `?format=jsonld`) answers schema.org JSON-LD. The id of an "
                    "entity merged into another answers 301 with the survivor in `Location` and the body.",
        responses={
            (200, "application/json"): EntityFullSerializer,
            (200, "application/ld+json"): OpenApiResponse(OpenApiTypes.OBJECT, description="schema.org JSON-LD."),
            (301, "application/json"): OpenApiResponse(EntityMovedSerializer, description="Merged into another."),
        },
    ),
    partial_update=extend_schema(
        summary="Correct an entity (editor)",
        description="Name, type, aliases (replaces the list), country code, coordinates. The slug stays. "
                    "`note` goes to its history.",
        request=EntityCorrectionSerializer, responses=EntityFullSerializer,
    ),
)
class EntityViewSet(article_views.EntityViewSet):
    """People, organisations, places and products named in the articles, with what they said and claimed."""

    model = Entity
    write_permissions = {
        "partial_update": ["articles.change_entity"],
        "merge": ["articles.change_entity", "articles.delete_entity"],
    }

    def retrieve(self, request, *args, **kwargs):
        pk = str(kwargs.get("pk", ""))
        survivor = Entity.objects.filter(pk=pk).values_list("merged_into", flat=True).first() if pk.isdigit() else None
        if survivor is None:
            return super().retrieve(request, *args, **kwargs)
        url = request.build_absolute_uri(f"/api/v1/entities/{survivor}/")
        return Response({"id": int(pk), "merged_into": survivor, "url": url},
                        status=status.HTTP_301_MOVED_PERMANENTLY, headers={"Location": url})

    def partial_update(self, request, pk=None):
        entity = self.get_object()
        incoming = EntityCorrectionSerializer(instance=entity, data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        note = data.pop("note", "")
        entity = corrections.entity_correct(entity=entity, by=request.user, changes=data, note=note)
        return Response(EntityFullSerializer(selectors.entity_full().get(pk=entity.pk),
                                             context=self.get_serializer_context()).data)

    @extend_schema(
        summary="Fold this duplicate into another entity (editor)",
        description="Mentions, quotes, claims (made and about), measures and aliases move to `into`; this id then "
                    "answers 301 with a pointer to the survivor. Answers the survivor.",
        request=EntityMergeSerializer, responses=EntityFullSerializer,
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def merge(self, request, pk=None):
        duplicate = self.get_object()
        incoming = EntityMergeSerializer(instance=duplicate, data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            survivor = corrections.entity_merge(duplicate=duplicate, into=incoming.validated_data["into"],
                                                by=request.user, note=incoming.validated_data.get("note", ""))
        except ValueError as error:
            raise ValidationError({"into": [str(error)]}) from None
        return Response(EntityFullSerializer(selectors.entity_full().get(pk=survivor.pk),
                                             context=self.get_serializer_context()).data)

    @extend_schema(summary="Every change of this entity: who, when, which fields before and after, and why",
                   responses=article_views.HistoryEntrySerializer(many=True))
    @action(detail=True, filter_backends=[], pagination_class=None)
    def history(self, request, pk=None):
        reject_query_parameters(request, allowed=set())
        raise_query_errors(request)
        if not str(pk).isdigit():
            raise Http404
        entity = Entity.objects.filter(pk=pk).first()
        if entity is None:
            raise Http404
        return Response(article_views.HistoryEntrySerializer(history_entries(entity), many=True).data)

    def get_queryset(self):
        return selectors.entity_full() if self.action == "retrieve" else super().get_queryset()

    def get_serializer_class(self):
        return EntityFullSerializer if self.action == "retrieve" else super().get_serializer_class()

    @extend_schema(summary="Claims made by an entity", responses=ClaimSerializer(many=True))
    @action(detail=True, filter_backends=[])
    def claims(self, request, pk=None):
        entity = self.get_object()
        return self.sub_list(request, selectors.claim_list().filter(claimant=entity, status=ItemStatus.ACTIVE),
                             ClaimSerializer)

    @extend_schema(summary="Measures whose subject an entity is, most claimed first",
                   description=MEASURES_DESCRIPTION, responses=MeasureSerializer(many=True))
    @action(detail=True, filter_backends=[])
    def measures(self, request, pk=None):
        entity = self.get_object()
        return self.sub_list(request, selectors.measure_list().filter(subject=entity), MeasureSerializer,
                             ordering=("-claim_count", "id"))
