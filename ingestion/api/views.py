"""Ingest jobs: documents queued for the Celery workers, and what became of each."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from ingestion import selectors

from .serializers import IngestJobSerializer

JOB_DESCRIPTION = (
    "A job is created by `POST /api/v1/articles/?async=true` or `manage.py load_seeds --queue`; Celery workers "
    "store its documents, each in one transaction. `status` is queued, running or finished (no document "
    "pending); `counts` say what became of the documents and `errors` which ones failed and why."
)


@extend_schema_view(retrieve=extend_schema(summary="An ingest job: status, counts, errors",
                                           description=JOB_DESCRIPTION))
class IngestJobViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Articles queued for the workers, and what became of each."""

    serializer_class = IngestJobSerializer
    pagination_class = None

    def get_queryset(self):
        # Counts are annotated, the failures prefetched: one job, three queries.
        return selectors.job_detail()
