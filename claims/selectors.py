"""Read queries of the claims app."""

from django.db.models import OuterRef, Prefetch, QuerySet

from articles import selectors as article_selectors
from articles.models import Entity

from .models import Claim


def claim_list() -> QuerySet:
    return Claim.objects.select_related("claimant", "article").prefetch_related(
        Prefetch("subjects", queryset=Entity.objects.order_by("name"))
    )


def article_claims() -> QuerySet:
    return Claim.objects.select_related("claimant").prefetch_related(
        Prefetch("subjects", queryset=Entity.objects.order_by("name"))
    ).order_by("start", "id")


def article_full() -> QuerySet:
    return article_selectors.article_detail().prefetch_related(Prefetch("claims", queryset=article_claims()))


def entity_full() -> QuerySet:
    return article_selectors.entity_detail().annotate(
        claim_count=article_selectors.count_subquery(Claim.objects.filter(claimant=OuterRef("pk")), "claimant")
    )
