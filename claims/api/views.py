"""Claims, and the article and entity endpoints with their claims added."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action

from articles.api import views as article_views
from claims import selectors
from claims.filters import ClaimFilterSet

from .serializers import ArticleClaimSerializer, ArticleFullSerializer, ClaimSerializer, EntityFullSerializer


@extend_schema_view(list=extend_schema(summary="List claims"), retrieve=extend_schema(summary="A claim"))
class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilterSet
    ordering_fields = ["id", "value"]
    ordering = ["-id"]

    def get_queryset(self):
        # Claimant and article are embedded in each row, subjects are prefetched.
        return selectors.claim_list()


@extend_schema_view(
    create=extend_schema(
        responses={
            201: OpenApiResponse(ArticleFullSerializer, description="Stored now."),
            200: OpenApiResponse(ArticleFullSerializer, description="Already stored: nothing changed."),
        }
    )
)
class ArticleViewSet(article_views.ArticleViewSet):
    """The articles resource with each article's claims (the claims app depends on articles, not back)."""

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
