"""Serializers for claims, and the article and entity resources extended with their claims."""

from rest_framework import serializers

from articles.api.serializers import (
    ArticleBriefSerializer,
    ArticleDetailSerializer,
    EntityBriefSerializer,
    EntityDetailSerializer,
)
from claims.models import Claim


class ArticleClaimSerializer(serializers.ModelSerializer):
    claimant = EntityBriefSerializer(read_only=True, allow_null=True, help_text="The claimant entity, when named.")
    subjects = EntityBriefSerializer(many=True, read_only=True, help_text="Entities the claim is about.")
    quote = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True, help_text="Quote it was made in.")

    class Meta:
        model = Claim
        fields = ["id", "text", "claimant", "claimant_text", "quote", "value", "qualifier", "unit", "predicate",
                  "subjects", "start", "end"]


class ClaimSerializer(ArticleClaimSerializer):
    article = ArticleBriefSerializer(read_only=True)

    class Meta(ArticleClaimSerializer.Meta):
        fields = [*ArticleClaimSerializer.Meta.fields, "article"]


class ArticleFullSerializer(ArticleDetailSerializer):
    claims = ArticleClaimSerializer(many=True, read_only=True)

    class Meta(ArticleDetailSerializer.Meta):
        fields = [*ArticleDetailSerializer.Meta.fields, "claims"]


class EntityFullSerializer(EntityDetailSerializer):
    claim_count = serializers.IntegerField(read_only=True, help_text="Claims it made.")

    class Meta(EntityDetailSerializer.Meta):
        fields = [*EntityDetailSerializer.Meta.fields, "claim_count"]
