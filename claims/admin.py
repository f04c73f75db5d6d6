from django.contrib import admin

from .models import Claim


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["__str__", "value", "qualifier", "unit", "predicate", "claimant", "claimant_text", "article"]
    list_filter = ["qualifier", "unit", "predicate"]
    search_fields = ["text", "claimant_text", "claimant__name", "unit", "predicate"]
    raw_id_fields = ["article", "claimant", "quote", "subjects"]
