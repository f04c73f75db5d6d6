"""The /api/v1/ router: every resource of the API, in one place."""

from rest_framework.routers import DefaultRouter

from articles.api.views import QuoteViewSet, SourceViewSet
from claims.api.views import ArticleViewSet, ClaimViewSet, EntityViewSet, MeasureViewSet
from ingestion.api.views import IngestJobViewSet

# No format suffixes (/articles/1.json): an id such as 0.5 would read as id 0 in format "5" and answer 406.
# `?format=` and the Accept header choose formats.
router = DefaultRouter()
router.include_format_suffixes = False
router.register("articles", ArticleViewSet, basename="article")
router.register("sources", SourceViewSet, basename="source")
router.register("entities", EntityViewSet, basename="entity")
router.register("quotes", QuoteViewSet, basename="quote")
router.register("claims", ClaimViewSet, basename="claim")
router.register("measures", MeasureViewSet, basename="measure")
router.register("ingest-jobs", IngestJobViewSet, basename="ingest-job")
