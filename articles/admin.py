from django.contrib import admin

from .models import Article, Entity, EntityAlias, Mention, Quote, Source


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
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "slug", "country_code"]
    list_filter = ["type", "country_code"]
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
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "speaker", "speaker_text", "cue", "article"]
    list_filter = ["kind", "cue"]
    search_fields = ["text", "speaker_text", "speaker__name"]
    raw_id_fields = ["article", "speaker"]
