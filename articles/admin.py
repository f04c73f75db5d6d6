from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .history import history_baseline
from .models import Article, Entity, EntityAlias, Mention, Quote, Source
from .services import verify


class EditorAdmin(SimpleHistoryAdmin):
    """Admin edits are audited like the API's (who, when, the row before and after: the History button) and
    leave the item verified, so that reloads and re-extraction keep them."""

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "verified_by", "verified_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        if change:
            history_baseline(obj)
        if form.changed_data and not (form.changed_data == ["verified"] and not obj.verified):
            verify(obj, by=request.user)
        super().save_model(request, obj, form, change)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "homepage_url"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class MentionInline(admin.TabularInline):
    model = Mention
    raw_id_fields = ["entity"]
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published_at", "word_count", "extractor_version"]
    list_filter = ["source", "language", "extractor_version", "published_at"]
    search_fields = ["title", "subtitle", "url"]
    date_hierarchy = "published_at"
    raw_id_fields = ["source"]
    readonly_fields = ["content_hash", "created_at", "updated_at"]
    inlines = [MentionInline]


class EntityAliasInline(admin.TabularInline):
    model = EntityAlias
    extra = 0


@admin.register(Entity)
class EntityAdmin(EditorAdmin):
    list_display = ["name", "type", "slug", "country_code", "verified", "merged_into"]
    list_filter = ["type", "country_code", "verified"]
    raw_id_fields = ["merged_into"]
    search_fields = ["name", "slug", "alias_set__name"]
    inlines = [EntityAliasInline]


@admin.register(EntityAlias)
class EntityAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "entity"]
    search_fields = ["name", "entity__name"]
    raw_id_fields = ["entity"]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "entity", "article", "start", "end"]
    list_filter = ["entity__type"]
    search_fields = ["text", "entity__name"]
    raw_id_fields = ["article", "entity"]


@admin.register(Quote)
class QuoteAdmin(EditorAdmin):
    list_display = ["__str__", "kind", "speaker", "speaker_text", "cue", "article", "status", "verified"]
    list_filter = ["kind", "status", "verified"]
    search_fields = ["text", "speaker_text", "speaker__name"]
    raw_id_fields = ["article", "speaker"]
