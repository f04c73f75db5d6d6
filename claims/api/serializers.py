"""Serializers for claims, and the article and entity resources extended with their claims."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.api.serializers import (
    ArticleBriefSerializer,
    ArticleDetailSerializer,
    EntityBriefSerializer,
    EntityDetailSerializer,
)
from claims.measures import refines, relation
from claims.models import Claim, Measure
from claims.services import claim_interval, claimant_key


class IntervalSerializer(serializers.Serializer):
    """The values a figure allows: `null` bounds are unbounded; open bounds exclude the value."""

    lower = serializers.FloatField(allow_null=True)
    upper = serializers.FloatField(allow_null=True)
    lower_open = serializers.BooleanField()
    upper_open = serializers.BooleanField()


class ArticleClaimSerializer(serializers.ModelSerializer):
    claimant = EntityBriefSerializer(read_only=True, allow_null=True, help_text="The claimant entity, when named.")
    subjects = EntityBriefSerializer(many=True, read_only=True, help_text="Entities the claim is about.")
    quote = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True, help_text="Quote it was made in.")
    measure = serializers.SlugRelatedField(slug_field="key", read_only=True, allow_null=True,
                                           help_text="The measure of a figure: see /api/v1/measures/{key}/.")
    interval = serializers.SerializerMethodField(help_text="The values the figure allows; null for qualitative claims.")

    class Meta:
        model = Claim
        fields = ["id", "text", "claimant", "claimant_text", "attribution", "confidence", "quote", "value", "qualifier",
                  "unit", "predicate", "subjects", "measure", "interval", "start", "end"]

    @extend_schema_field(IntervalSerializer(allow_null=True))
    def get_interval(self, claim):
        return None if claim.value is None else IntervalSerializer(claim_interval(claim)).data


class ClaimSerializer(ArticleClaimSerializer):
    article = ArticleBriefSerializer(read_only=True)

    class Meta(ArticleClaimSerializer.Meta):
        fields = [*ArticleClaimSerializer.Meta.fields, "article"]


class ArticleFullSerializer(ArticleDetailSerializer):
    claims = ArticleClaimSerializer(many=True, read_only=True)

    class Meta(ArticleDetailSerializer.Meta):
        fields = [*ArticleDetailSerializer.Meta.fields, "claims"]


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


class MeasureSerializer(serializers.ModelSerializer):
    subject = EntityBriefSerializer(read_only=True, allow_null=True, help_text="Whose or where.")

    class Meta:
        model = Measure
        fields = ["key", "predicate", "unit", "subject", "subject_name", "claim_count", "claimant_count", "min_value",
                  "max_value", "has_conflict", "first_published_at", "last_published_at"]


class FigureSerializer(serializers.ModelSerializer):
    """One figure a claimant gave for a measure."""

    claim = serializers.IntegerField(source="id", read_only=True)
    interval = serializers.SerializerMethodField()
    article = ArticleBriefSerializer(read_only=True)

    class Meta:
        model = Claim
        fields = ["claim", "value", "qualifier", "interval", "predicate", "text", "article"]

    @extend_schema_field(IntervalSerializer)
    def get_interval(self, claim):
        return IntervalSerializer(claim_interval(claim)).data


class ClaimantFiguresSerializer(serializers.Serializer):
    claimant = EntityBriefSerializer(allow_null=True, help_text="The claimant entity, when named.")
    claimant_text = serializers.CharField(help_text="The claimant as worded; empty for the article's own voice.")
    figures = FigureSerializer(many=True, help_text="Oldest first.")


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


class EntityFullSerializer(EntityDetailSerializer):
    """An entity with the claims it made and the measures whose subject it is."""

    claim_count = serializers.IntegerField(read_only=True, help_text="Claims it made.")
    measure_count = serializers.IntegerField(read_only=True, help_text="Measures whose subject it is.")
    measures = MeasureSerializer(
        many=True, read_only=True, source="top_measures",
        help_text="The 50 most-claimed measures whose subject it is; /entities/{id}/measures/ lists all.",
    )

    class Meta(EntityDetailSerializer.Meta):
        fields = [*EntityDetailSerializer.Meta.fields, "claim_count", "measure_count", "measures"]
