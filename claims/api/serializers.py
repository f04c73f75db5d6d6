"""Serializers for claims, and the article and entity resources extended with their claims."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.api.serializers import (
    VERIFIED_FIELDS,
    ArticleBriefSerializer,
    ArticleDetailSerializer,
    EntityBriefSerializer,
    EntityDetailSerializer,
    StrictBooleanField,
    StrictCharField,
    StrictFloatField,
    StrictInputSerializer,
    StrictIntegerField,
    entity_field,
    note_field,
    verified_by_field,
)
from articles.models import Article, EditableStatus, Quote
from claims import selectors
from claims.measures import Interval, refines, relation
from claims.models import Claim, Measure, Qualifier
from claims.services import claim_interval, claimant_key
from extraction.types import MAX_FIGURE
from newsapi.api.rows import Annotated, ChildRows, Computed
from newsapi.api.serializers import ResponseSerializer, answer_example

from . import examples


class IntervalSerializer(serializers.Serializer):
    """The values a figure allows: `null` bounds are unbounded; open bounds exclude the value."""

    lower = serializers.FloatField(allow_null=True)
    upper = serializers.FloatField(allow_null=True)
    lower_open = serializers.BooleanField()
    upper_open = serializers.BooleanField()


def interval_data(interval) -> dict:
    """What IntervalSerializer writes, without building a serializer per row."""
    return {"lower": None if interval.lower is None else float(interval.lower),
            "upper": None if interval.upper is None else float(interval.upper),
            "lower_open": bool(interval.lower_open), "upper_open": bool(interval.upper_open)}


def figure_interval(value, lower, upper, lower_open, upper_open) -> dict | None:
    """A claim's `interval` from its columns: null for a qualitative claim."""
    return None if value is None else interval_data(Interval(lower, upper, lower_open, upper_open))


class ArticleClaimSerializer(ResponseSerializer):
    claimant = EntityBriefSerializer(read_only=True, allow_null=True, help_text="The claimant entity, when named.")
    subjects = EntityBriefSerializer(many=True, read_only=True, source="subjects_by_name",
                                     help_text="Entities the claim is about.")
    quote = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True, help_text="Quote it was made in.")
    measure = serializers.SlugRelatedField(slug_field="key", read_only=True, allow_null=True,
                                           help_text="The measure of a figure: see /api/v1/measures/{key}/.")
    interval = serializers.SerializerMethodField(help_text="The values the figure allows; null for qualitative claims.")
    verified_by = verified_by_field()
    row_fields = {
        "subjects": ChildRows(selectors.subject_rows, "claim", child_prefix="entity__"),
        "interval": Computed(("value", "lower", "upper", "lower_open", "upper_open"), figure_interval),
    }

    class Meta:
        model = Claim
        fields = ["id", "text", "claimant", "claimant_text", "attribution", "confidence", "quote", "value", "qualifier",
                  "unit", "predicate", "subjects", "measure", "interval", "start", "end", "status", *VERIFIED_FIELDS]
        extra_kwargs = {"attribution": {"help_text": "How the source was found; null when there is none."}}

    @extend_schema_field(IntervalSerializer(allow_null=True))
    def get_interval(self, claim):
        return figure_interval(claim.value, claim.lower, claim.upper, claim.lower_open, claim.upper_open)


@answer_example(examples.CLAIM)
class ClaimSerializer(ArticleClaimSerializer):
    article = ArticleBriefSerializer(read_only=True)

    class Meta(ArticleClaimSerializer.Meta):
        fields = [*ArticleClaimSerializer.Meta.fields, "article"]


@answer_example(examples.ARTICLE_FULL)
class ArticleFullSerializer(ArticleDetailSerializer):
    claims = ArticleClaimSerializer(many=True, read_only=True)
    row_fields = {**ArticleDetailSerializer.row_fields, "claims": ChildRows(selectors.article_claims, "article")}

    class Meta(ArticleDetailSerializer.Meta):
        fields = [*ArticleDetailSerializer.Meta.fields, "claims"]


@answer_example(examples.RELATED_CLAIM)
class RelatedClaimSerializer(ClaimSerializer):
    """A figure of the same measure, and how it stands to the figure asked about."""

    relation = serializers.SerializerMethodField(help_text="consistent: the intervals overlap; conflicting: not.")
    refines = serializers.SerializerMethodField(help_text="This figure narrows the other one down.")

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "relation", "refines"]

    @extend_schema_field(serializers.ChoiceField(choices=["consistent", "conflicting"]))
    def get_relation(self, claim):
        return relation(claim_interval(claim), claim_interval(self.context["base_claim"]))

    @extend_schema_field(serializers.BooleanField())
    def get_refines(self, claim):
        return refines(claim_interval(claim), claim_interval(self.context["base_claim"]))


@answer_example(examples.MEASURE)
class MeasureSerializer(ResponseSerializer):
    subject = EntityBriefSerializer(read_only=True, allow_null=True, help_text="Whose or where.")

    class Meta:
        model = Measure
        fields = ["key", "predicate", "unit", "subject", "subject_name", "claim_count", "claimant_count", "min_value",
                  "max_value", "has_conflict", "first_published_at", "last_published_at", "updated_at"]


class FigureSerializer(ResponseSerializer):
    """One figure a claimant gave for a measure."""

    claim = serializers.IntegerField(source="id", read_only=True)
    interval = serializers.SerializerMethodField()
    article = ArticleBriefSerializer(read_only=True)

    class Meta:
        model = Claim
        fields = ["claim", "value", "qualifier", "interval", "predicate", "text", "article"]

    @extend_schema_field(IntervalSerializer)
    def get_interval(self, claim):
        return interval_data(claim_interval(claim))


class ClaimantFiguresSerializer(serializers.Serializer):
    claimant = EntityBriefSerializer(allow_null=True, help_text="The claimant entity, when named.")
    claimant_text = serializers.CharField(help_text="The claimant as worded; empty for the article's own voice.")
    figures = FigureSerializer(many=True, help_text="Oldest first.")


@answer_example(examples.MEASURE_DETAIL)
class MeasureDetailSerializer(MeasureSerializer):
    claimants = serializers.SerializerMethodField(help_text="Every claimant's figures for this measure, over time.")

    class Meta(MeasureSerializer.Meta):
        fields = [*MeasureSerializer.Meta.fields, "claimants"]

    @extend_schema_field(ClaimantFiguresSerializer(many=True))
    def get_claimants(self, measure):
        grouped: dict[str, dict] = {}
        for claim in measure.claims.all():  # prefetched, oldest first
            key = claimant_key(claim)
            if key not in grouped:
                grouped[key] = {"claimant": claim.claimant, "claimant_text": claim.claimant_text, "figures": []}
            grouped[key]["figures"].append(claim)
        return ClaimantFiguresSerializer(grouped.values(), many=True).data


@answer_example(examples.ENTITY_FULL)
class EntityFullSerializer(EntityDetailSerializer):
    """An entity with the claims it made and the measures whose subject it is."""

    claim_count = serializers.IntegerField(read_only=True, help_text="Claims it made.")
    measure_count = serializers.IntegerField(read_only=True, help_text="Measures whose subject it is.")
    measures = MeasureSerializer(
        many=True, read_only=True, source="top_measures",
        help_text="The 50 most-claimed measures whose subject it is; /entities/{id}/measures/ lists all.",
    )
    row_fields = {**EntityDetailSerializer.row_fields, "measure_count": Annotated(),
                  "measures": ChildRows(selectors.top_measures, "subject", limit=selectors.ENTITY_DETAIL_MEASURES)}

    class Meta(EntityDetailSerializer.Meta):
        fields = [*EntityDetailSerializer.Meta.fields, "claim_count", "measure_count", "measures"]


def figure_field(**options):
    return StrictFloatField(min_value=-MAX_FIGURE, max_value=MAX_FIGURE, allow_null=True, **options)


class FigureValidationMixin:
    """A figure has a qualifier, and a claim without a figure has none (as the database insists)."""

    def validate_qualifier(self, qualifier):
        return qualifier or ""  # null in the API, empty in the database

    def validate(self, attrs):
        claim = self.instance
        value = attrs.get("value", claim.value if claim else None)
        qualifier = attrs.get("qualifier", claim.qualifier if claim else "")
        if value is not None and not qualifier:
            raise serializers.ValidationError({"qualifier": ["A figure needs a qualifier: exact, approximately ..."]},
                                              code="incomplete_pair")
        if value is None and qualifier and "qualifier" in attrs:
            raise serializers.ValidationError({"qualifier": ["A claim without a value has no qualifier."]},
                                              code="incomplete_pair")
        return attrs


class ClaimCorrectionSerializer(FigureValidationMixin, StrictInputSerializer):
    """A correction of a claim. Figures move between measures as needed; the claim becomes verified (by you,
    now) unless `verified` is false."""

    claimant = entity_field("The claimant entity's id; null: none.", required=False, allow_null=True)
    claimant_text = StrictCharField(max_length=300, required=False, allow_blank=True, help_text="As worded.")
    value = figure_field(required=False, help_text="The figure; null makes it a qualitative claim.")
    qualifier = serializers.ChoiceField(choices=Qualifier.choices, required=False, allow_null=True,
                                        help_text="null with a null value: a qualitative claim.")
    unit = StrictCharField(max_length=100, required=False, allow_blank=True)
    predicate = StrictCharField(max_length=100, required=False, allow_blank=True)
    subjects = serializers.ListField(child=entity_field("An entity id."), required=False, max_length=50,
                                     help_text="Entity ids the claim is about: replaces the list.")
    status = serializers.ChoiceField(choices=EditableStatus.choices, required=False,
                                     help_text="rejected: wrong, hidden from lists and measures.")
    verified = StrictBooleanField(required=False, help_text="false hands the item back to extraction.")
    note = note_field()


class ClaimAdditionSerializer(FigureValidationMixin, StrictInputSerializer):
    """A claim extraction missed: its offsets in the article's `text`."""

    article = serializers.PrimaryKeyRelatedField(queryset=Article.objects.all(), help_text="The article's id.")
    start = StrictIntegerField(min_value=0)
    end = StrictIntegerField(min_value=1)
    claimant = entity_field("The claimant entity's id.", required=False, allow_null=True)
    claimant_text = StrictCharField(max_length=300, required=False, allow_blank=True, default="")
    value = figure_field(required=False, default=None)
    qualifier = serializers.ChoiceField(choices=Qualifier.choices, required=False, allow_null=True, default=None,
                                        help_text="How the figure is qualified; null for a qualitative claim.")
    unit = StrictCharField(max_length=100, required=False, allow_blank=True, default="")
    predicate = StrictCharField(max_length=100, required=False, allow_blank=True, default="")
    subjects = serializers.ListField(child=entity_field("An entity id."), required=False, max_length=50, default=list)
    quote = serializers.PrimaryKeyRelatedField(queryset=Quote.objects.all(), required=False, allow_null=True,
                                               default=None, help_text="The quote it was made in (same article).")
    note = note_field()

    def validate(self, attrs):
        attrs = super().validate(attrs)
        quote = attrs.get("quote")
        if quote is not None and quote.article_id != attrs["article"].pk:
            raise serializers.ValidationError({"quote": ["The quote belongs to another article."]})
        return attrs
