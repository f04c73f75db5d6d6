"""Ingest jobs as the API shows them. They read annotated and prefetched data and never query."""

from rest_framework import serializers

from ingestion.models import IngestItem, IngestJob
from ingestion.selectors import JOB_ERRORS_SHOWN
from newsapi.api.serializers import ResponseSerializer, answer_example

from . import examples


class IngestCountsSerializer(serializers.Serializer):
    pending = serializers.IntegerField(source="pending_count", help_text="Not stored yet.")
    created = serializers.IntegerField(source="created_count", help_text="Stored as new articles.")
    updated = serializers.IntegerField(source="updated_count", help_text="Replaced the article at their url.")
    unchanged = serializers.IntegerField(source="unchanged_count", help_text="Already stored: nothing changed.")
    failed = serializers.IntegerField(source="failed_count", help_text="Could not be read or stored.")


class IngestErrorSerializer(ResponseSerializer):
    class Meta:
        model = IngestItem
        fields = ["position", "location", "error"]


@answer_example(examples.INGEST_JOB)
class IngestJobSerializer(ResponseSerializer):
    counts = IngestCountsSerializer(source="*", read_only=True)
    errors = IngestErrorSerializer(
        many=True, read_only=True, source="failed_items",
        help_text=f"The documents that failed, in job order (the first {JOB_ERRORS_SHOWN}).")

    class Meta:
        model = IngestJob
        fields = ["id", "status", "origin", "total", "counts", "errors", "created_at", "started_at", "finished_at"]
