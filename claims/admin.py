from django.contrib import admin

from articles.admin import EditorAdmin

from .corrections import claim_measure_sync
from .models import Claim, Measure


@admin.register(Claim)
class ClaimAdmin(EditorAdmin):
    list_display = ["__str__", "value", "qualifier", "unit", "predicate", "claimant", "claimant_text", "article",
                    "status", "verified"]
    list_filter = ["qualifier", "status", "verified", "predicate"]

    def save_related(self, request, form, formsets, change):
        # After the subjects are saved: the figure joins its measure, and the measure it left is recounted.
        super().save_related(request, form, formsets, change)
        claim = form.instance
        old_measure = form.initial.get("measure")
        subject = claim.measure.subject if claim.measure_id else claim.subjects.order_by("name").first()
        claim_measure_sync(claim=claim, subject=subject, stale={old_measure} if old_measure else set())
    search_fields = ["text", "claimant_text", "claimant__name", "unit", "predicate"]
    raw_id_fields = ["article", "claimant", "quote", "subjects", "measure"]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["key", "predicate", "unit", "subject_name", "claim_count", "claimant_count", "min_value",
                    "max_value", "has_conflict"]
    list_filter = ["has_conflict", "predicate"]
    search_fields = ["key", "unit", "subject_name"]
    raw_id_fields = ["subject"]
    readonly_fields = ["claim_count", "claimant_count", "min_value", "max_value", "has_conflict",
                       "first_published_at", "last_published_at"]
