from django.contrib import admin

from .models import Claim, Measure


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["__str__", "value", "qualifier", "unit", "predicate", "claimant", "claimant_text", "article"]
    list_filter = ["qualifier", "unit", "predicate"]
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
