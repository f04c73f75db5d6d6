"""Serializers for articles, sources, entities and quotes. They read prefetched data and never query."""

from django.core.validators import RegexValidator
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles import selectors
from articles.models import (
    Article,
    EditableStatus,
    Entity,
    EntityAlias,
    EntityType,
    Mention,
    Quote,
    QuoteKind,
    Source,
    aliases_shown,
    article_text,
)
from newsapi.api.rows import (
    Applied,
    ChildQuery,
    Children,
    ChildRows,
    Column,
    Computed,
    FieldPlan,
    RowField,
    row_plan_of,
)
from newsapi.api.serializers import ResponseSerializer, answer_example

from . import examples

VERIFIED_FIELDS = ["verified", "verified_by", "verified_at", "updated_at"]


def verified_by_field():
    return serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True,
                                        help_text="The editor who corrected or confirmed it.")


@answer_example(examples.SOURCE)
class SourceSerializer(ResponseSerializer):
    class Meta:
        model = Source
        fields = ["id", "name", "slug", "homepage_url", "updated_at"]


class EntityBriefSerializer(ResponseSerializer):
    class Meta:
        model = Entity
        fields = ["id", "name", "slug", "type"]


class ArticleBriefSerializer(ResponseSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "published_at"]


class AliasesOf(RowField):
    """An entity's aliases in a row answer: its other names, read for the whole page in one query."""

    def plan(self, field, prefix):
        name, key = prefix + "name", prefix + "aliases[]"
        query = ChildQuery(EntityAlias.objects.order_by, "entity", ("name",))

        def fetch(ids):
            found: dict[int, list[str]] = {}
            for alias in query(ids):
                found.setdefault(alias["entity"], []).append(alias["name"])
            return found

        return FieldPlan((prefix + "id", name), Applied(aliases_shown, (name, key)),
                         {key: Children(prefix + "id", fetch, default=[])})


class Given(RowField):
    """A value the RowField of the enclosing answer puts on the row before the row is written."""

    def plan(self, field, prefix):
        key = prefix + field.field_name + "[]"
        return FieldPlan((), Column(key))


@answer_example(examples.ENTITY)
class EntitySerializer(ResponseSerializer):
    aliases = serializers.ListField(child=serializers.CharField(), read_only=True, help_text="Other names used.")
    verified_by = verified_by_field()
    row_fields = {"aliases": AliasesOf()}

    class Meta:
        model = Entity
        fields = ["id", "name", "slug", "type", "aliases", "country_code", "latitude", "longitude", *VERIFIED_FIELDS]


class EntityDetailSerializer(EntitySerializer):
    article_count = serializers.IntegerField(read_only=True, help_text="Articles that mention it.")
    mention_count = serializers.IntegerField(read_only=True)
    quote_count = serializers.IntegerField(read_only=True, help_text="Quotes it is the speaker of.")

    class Meta(EntitySerializer.Meta):
        fields = [*EntitySerializer.Meta.fields, "article_count", "mention_count", "quote_count", "created_at"]


class MentionSerializer(ResponseSerializer):
    class Meta:
        model = Mention
        fields = ["start", "end", "text"]


@answer_example(examples.ARTICLE_ENTITY)
class ArticleEntitySerializer(EntityBriefSerializer):
    """An entity as one article names it: its mentions in that article."""

    aliases = serializers.ListField(child=serializers.CharField(), read_only=True)
    mentions = MentionSerializer(many=True, read_only=True, source="mentions_here")
    row_fields = {"aliases": AliasesOf(), "mentions": Given()}

    class Meta(EntityBriefSerializer.Meta):
        fields = [*EntityBriefSerializer.Meta.fields, "aliases", "mentions"]


class ArticleQuoteSerializer(ResponseSerializer):
    speaker = EntityBriefSerializer(read_only=True, allow_null=True, help_text="The speaker entity, when named.")
    verified_by = verified_by_field()

    class Meta:
        model = Quote
        fields = ["id", "text", "kind", "speaker", "speaker_text", "cue", "attribution", "confidence", "start", "end",
                  "sentence", "status", *VERIFIED_FIELDS]
        extra_kwargs = {"attribution": {"help_text": "How the source was found; null when there is none."}}


@answer_example(examples.QUOTE)
class QuoteSerializer(ArticleQuoteSerializer):
    article = ArticleBriefSerializer(read_only=True)

    class Meta(ArticleQuoteSerializer.Meta):
        fields = [*ArticleQuoteSerializer.Meta.fields, "article"]


@answer_example(examples.ARTICLE_LIST)
class ArticleListSerializer(ResponseSerializer):
    source = SourceSerializer(read_only=True, allow_null=True)
    duplicate_of = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True,
        help_text="The first stored article of the same story when this one is a near-copy of it "
                  "(/api/v1/articles/{id}/duplicates/ lists the story's articles).")

    class Meta:
        model = Article
        fields = ["id", "title", "subtitle", "published_at", "source", "url", "language", "word_count",
                  "duplicate_of", "updated_at"]


class MentionedEntities(RowField):
    """An article's entities in a row answer, as `entities_with_mentions` groups them: one query for the
    mentions with their entities, one for the entities' aliases."""

    def plan(self, field, prefix):
        entity_plan = row_plan_of(ArticleEntitySerializer(), "entity__")
        mention_plan = row_plan_of(MentionSerializer())
        key = prefix + "entities[]"

        query = ChildQuery(lambda: Mention.objects.order_by("start", "id"), "article",
                           (*mention_plan.columns, *entity_plan.columns))

        def fetch(ids):
            grouped: dict[int, dict[int, dict]] = {}
            for row in query(ids):
                entities = grouped.setdefault(row["article"], {})
                entity = entities.get(row["entity__id"])
                if entity is None:
                    entity = entities[row["entity__id"]] = {**row, "entity__mentions[]": []}
                entity["entity__mentions[]"].append(row)
            found = {}
            for article_id, entities in grouped.items():
                for entity in entities.values():
                    entity["entity__mentions[]"] = mention_plan.answers(entity["entity__mentions[]"])
                found[article_id] = entity_plan.answers(entities.values())
            return found

        return FieldPlan((prefix + "id",), Column(key), {key: Children(prefix + "id", fetch, default=[])})


class ArticleDetailSerializer(ArticleListSerializer):
    text = serializers.CharField(read_only=True, help_text="Title, subtitle and body joined: offsets index this.")
    entities = serializers.SerializerMethodField(help_text="Entities named, each with its mentions here.")
    quotes = ArticleQuoteSerializer(many=True, read_only=True)
    row_fields = {"text": Computed(("title", "subtitle", "body"), article_text), "entities": MentionedEntities(),
                  "quotes": ChildRows(selectors.article_quotes, "article")}

    class Meta(ArticleListSerializer.Meta):
        fields = [*ArticleListSerializer.Meta.fields, "body", "text", "content_hash", "extractor_version",
                  "created_at", "entities", "quotes"]

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


# What the API accepts as an article's URL, as the schema states it (JSON Schema's `format: uri` alone admits
# `urn:x` or a 900-character host name, which are no article's address): an RFC 3986 http(s) URL (ASCII,
# non-ASCII characters percent-encoded) with a DNS host name of at most 253 characters ending in a
# letters-only top-level domain, and an optional port. Every URL it admits also passes Django's URLValidator,
# which the field applies as well.
_URL_CHARACTER = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})"
URL_PATTERN = (
    r"^[Hh][Tt][Tt][Pp][Ss]?://(?=[^:/?#]{1,253}(?:[:/?#]|$))"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?::[0-9]{1,5})?"
    rf"(?:/(?:{_URL_CHARACTER}|/)*)?(?:\?(?:{_URL_CHARACTER}|[/?])*)?(?:#(?:{_URL_CHARACTER}|[/?])*)?$"
)


@extend_schema_field({"type": "string", "format": "uri", "pattern": URL_PATTERN})
class StrictURLField(StringOnlyMixin, serializers.URLField):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(RegexValidator(URL_PATTERN, message="Enter a valid http(s) URL.", code="invalid"))


class StrictBooleanField(serializers.BooleanField):
    """DRF's BooleanField takes 0, 1, "yes" and "on" as well; a JSON body must send true or false."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class JsonNumberMixin:
    """DRF's number fields take "5", true and false as well; a JSON body must send a number."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(JsonNumberMixin, serializers.IntegerField):
    pass


class StrictFloatField(JsonNumberMixin, serializers.FloatField):
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


class StrictInputSerializer(serializers.Serializer):
    """A JSON body whose unknown fields are errors, not silently ignored."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        return super().to_internal_value(data)


def entity_field(help_text: str, **options):
    return serializers.PrimaryKeyRelatedField(
        queryset=Entity.objects.filter(merged_into=None), help_text=help_text, **options)


def note_field():
    return StrictCharField(max_length=2000, required=False, allow_blank=True,
                           help_text="Why: kept in the item's history.")




class QuoteCorrectionSerializer(StrictInputSerializer):
    """A correction of a quote. The quote becomes verified (by you, now) unless `verified` is false."""

    speaker = entity_field("The speaker entity's id; null: none.", required=False, allow_null=True)
    speaker_text = StrictCharField(max_length=300, required=False, allow_blank=True, help_text="The speaker as worded.")
    kind = serializers.ChoiceField(choices=QuoteKind.choices, required=False)
    cue = StrictCharField(max_length=100, required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=EditableStatus.choices, required=False,
                                     help_text="rejected: wrong, hidden from lists unless ?status= asks.")
    verified = StrictBooleanField(required=False, help_text="false hands the item back to extraction.")
    note = note_field()


class QuoteAdditionSerializer(StrictInputSerializer):
    """A quote extraction missed: its offsets in the article's `text`."""

    article = serializers.PrimaryKeyRelatedField(queryset=Article.objects.all(), help_text="The article's id.")
    start = StrictIntegerField(min_value=0)
    end = StrictIntegerField(min_value=1)
    kind = serializers.ChoiceField(choices=QuoteKind.choices)
    speaker = entity_field("The speaker entity's id.", required=False, allow_null=True)
    speaker_text = StrictCharField(max_length=300, required=False, allow_blank=True, default="")
    cue = StrictCharField(max_length=100, required=False, allow_blank=True, default="")
    note = note_field()


class EntityCorrectionSerializer(StrictInputSerializer):
    """A correction of an entity; its slug stays. The entity becomes verified unless `verified` is false."""

    name = StrictCharField(max_length=300, required=False)
    type = serializers.ChoiceField(choices=EntityType.choices, required=False)
    aliases = serializers.ListField(child=StrictCharField(max_length=300), required=False, max_length=200,
                                    help_text="Every other name: replaces the list.")
    country_code = serializers.RegexField(r"^[A-Z]{2}$", required=False, allow_blank=True,
                                          help_text="ISO 3166-1 alpha-2, upper case; empty: none.")
    latitude = StrictFloatField(min_value=-90, max_value=90, required=False, allow_null=True)
    longitude = StrictFloatField(min_value=-180, max_value=180, required=False, allow_null=True)
    verified = StrictBooleanField(required=False)
    note = note_field()

    def validate(self, attrs):
        entity = self.instance
        latitude = attrs.get("latitude", entity.latitude if entity else None)
        longitude = attrs.get("longitude", entity.longitude if entity else None)
        if (latitude is None) != (longitude is None):
            raise serializers.ValidationError({"longitude" if "latitude" in attrs else "latitude": [
                "Latitude and longitude go together: give both, or null both."]}, code="incomplete_pair")
        return attrs


class EntityMergeSerializer(StrictInputSerializer):
    into = entity_field("The entity that survives: this one's mentions, quotes, claims and aliases move to it.")
    note = note_field()

    def validate_into(self, into):
        if self.instance is not None and into.pk == self.instance.pk:
            raise serializers.ValidationError("An entity cannot be merged into itself.")
        return into


class EntityMovedSerializer(serializers.Serializer):
    """The answer at the id of an entity merged into another (301, `Location` names the survivor)."""

    id = serializers.IntegerField()
    merged_into = serializers.IntegerField(help_text="The survivor's id.")
    url = serializers.URLField(help_text="The survivor.")


class HistoryChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    before = serializers.JSONField(allow_null=True, help_text="Ids for entities; lists for aliases and subjects.")
    after = serializers.JSONField(allow_null=True)


@answer_example(examples.HISTORY_ENTRY)
class HistoryEntrySerializer(serializers.Serializer):
    """One recorded change: who, when, why, and each field before and after."""

    id = serializers.IntegerField()
    at = serializers.DateTimeField()
    by = serializers.CharField(allow_null=True, help_text="The user; null for extraction and loads.")
    action = serializers.ChoiceField(choices=["created", "changed", "deleted"])
    note = serializers.CharField(allow_blank=True)
    changes = HistoryChangeSerializer(many=True)
