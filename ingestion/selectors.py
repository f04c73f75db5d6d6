"""Read queries of ingest jobs."""

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import IngestItem, IngestJob, ItemStatus

JOB_ERRORS_SHOWN = 100


def job_detail() -> QuerySet:
    # Counts per status in the job's one query; the first failures prefetched (a sliced prefetch).
    counts = {status: Count("items", filter=Q(items__status=status)) for status in ItemStatus.values}
    failed = IngestItem.objects.filter(status=ItemStatus.FAILED).order_by("position")
    return IngestJob.objects.annotate(**{f"{status}_count": count for status, count in counts.items()}).prefetch_related(
        Prefetch("items", queryset=failed[:JOB_ERRORS_SHOWN], to_attr="failed_items"))
