"""Serializers for articles, sources, entities and quotes. They read prefetched data and never query."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Article, Entity, Mention, Quote, Source


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "name", "slug", "homepage_url"]


class EntityBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["id", "name", "slug", "type"]


class ArticleBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "published_at"]


class EntitySerializer(serializers.ModelSerializer):
    aliases = serializers.ListField(child=serializers.CharField(), read_only=True, help_text="Other names used.")

    class Meta:
        model = Entity
        fields = ["id", "name", "slug", "type", "aliases", "country_code", "latitude", "longitude"]


class EntityDetailSerializer(EntitySerializer):
    article_count = serializers.IntegerField(read_only=True, help_text="Articles that mention it.")
    mention_count = serializers.IntegerField(read_only=True)
    quote_count = serializers.IntegerField(read_only=True, help_text="Quotes it is the speaker of.")

    class Meta(EntitySerializer.Meta):
        fields = [*EntitySerializer.Meta.fields, "article_count", "mention_count", "quote_count", "created_at"]


class MentionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Mention
        fields = ["start", "end", "text"]


class ArticleEntitySerializer(EntityBriefSerializer):
    """An entity as one article names it: its mentions in that article."""

    aliases = serializers.ListField(child=serializers.CharField(), read_only=True)
    mentions = MentionSerializer(many=True, read_only=True, source="mentions_here")

    class Meta(EntityBriefSerializer.Meta):
        fields = [*EntityBriefSerializer.Meta.fields, "aliases", "mentions"]


class ArticleQuoteSerializer(serializers.ModelSerializer):
    speaker = EntityBriefSerializer(read_only=True, allow_null=True, help_text="The speaker entity, when named.")

    class Meta:
        model = Quote
        fields = ["id", "text", "kind", "speaker", "speaker_text", "cue", "start", "end", "sentence"]


class QuoteSerializer(ArticleQuoteSerializer):
    article = ArticleBriefSerializer(read_only=True)

    class Meta(ArticleQuoteSerializer.Meta):
        fields = [*ArticleQuoteSerializer.Meta.fields, "article"]


class ArticleListSerializer(serializers.ModelSerializer):
    source = SourceSerializer(read_only=True, allow_null=True)
    duplicate_of = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True,
        help_text="The first stored article of the same story when this one is a near-copy of it "
                  "(/api/v1/articles/{id}/duplicates/ lists the story's articles).")

    class Meta:
        model = Article
        fields = ["id", "title", "subtitle", "published_at", "source", "url", "language", "word_count",
                  "duplicate_of"]


class ArticleDetailSerializer(ArticleListSerializer):
    text = serializers.CharField(read_only=True, help_text="Title, subtitle and body joined: offsets index this.")
    entities = serializers.SerializerMethodField(help_text="Entities named, each with its mentions here.")
    quotes = ArticleQuoteSerializer(many=True, read_only=True)

    class Meta(ArticleListSerializer.Meta):
        fields = [*ArticleListSerializer.Meta.fields, "body", "text", "content_hash", "extractor_version",
                  "created_at", "updated_at", "entities", "quotes"]

    @extend_schema_field(ArticleEntitySerializer(many=True))
    def get_entities(self, article):
        return ArticleEntitySerializer(entities_with_mentions(article), many=True).data


def entities_with_mentions(article: Article) -> list[Entity]:
    """Group the article's prefetched mentions by entity, in order of first mention."""
    grouped: dict[int, Entity] = {}
    for mention in article.mentions.all():
        entity = grouped.get(mention.entity_id)
        if entity is None:
            entity = mention.entity
            entity.mentions_here = []
            grouped[mention.entity_id] = entity
        entity.mentions_here.append(mention)
    return list(grouped.values())


class StringOnlyMixin:
    """DRF's CharField turns 5 or true into "5" and "True"; a JSON body must send text as strings."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictCharField(StringOnlyMixin, serializers.CharField):
    pass


class StrictURLField(StringOnlyMixin, serializers.URLField):
    pass


class StrictDateTimeField(StringOnlyMixin, serializers.DateTimeField):
    default_error_messages = {"invalid": "Expected an ISO 8601 date-time string."}


class ArticleInputSerializer(serializers.Serializer):
    """An article to extract and store, as JSON."""

    title = StrictCharField(max_length=500, help_text="The headline.")
    body = StrictCharField(help_text="Paragraphs separated by blank lines.")
    published_at = StrictDateTimeField(help_text="ISO 8601; a value without a zone is taken as UTC.")
    subtitle = StrictCharField(max_length=1000, required=False, allow_blank=True, allow_null=True)
    url = StrictURLField(max_length=1000, required=False, allow_blank=True, allow_null=True)
    source = StrictCharField(max_length=200, required=False, allow_blank=True, allow_null=True,
                             help_text="The publisher's name; created when new.")

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        return super().to_internal_value(data)
