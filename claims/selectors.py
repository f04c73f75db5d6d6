"""Read queries of the claims app."""

from django.db.models import F, OuterRef, Prefetch, QuerySet

from articles import selectors as article_selectors
from articles.models import ItemStatus

from .models import SUBJECTS_PREFETCHED, Claim, Measure


def _claims_with_embedded_rows() -> QuerySet:
    """Claims with what every answer embeds: the claimant and subjects as briefs, the measure by its key, the
    verifying editor by username (their other columns stay in the database)."""
    measure_key_only = article_selectors.columns_left_out("measure", Measure, ("id", "key"))
    return Claim.objects.select_related("claimant", "measure", "verified_by").defer(
        *article_selectors.embedded_entity("claimant"), *measure_key_only, *article_selectors.embedded_editor(),
    ).prefetch_related(
        Prefetch("subjects", queryset=article_selectors.embedded_entities(), to_attr=SUBJECTS_PREFETCHED))


def subject_rows() -> QuerySet:
    """Rows of the claims' subjects table, each subject by name as `Claim.subjects_by_name` orders them (row
    answers read the subjects of a page of claims from it in one query)."""
    return Claim.subjects.through.objects.order_by("entity__name", "entity__id")


def claim_list() -> QuerySet:
    return _claims_with_embedded_rows().select_related("article").defer(*article_selectors.EMBEDDED_ARTICLE_DEFERRED)


def article_claims() -> QuerySet:
    """The claims an article stands by: rejected and orphaned ones are left out."""
    return _claims_with_embedded_rows().filter(status=ItemStatus.ACTIVE).order_by("start", "id")


def article_full() -> QuerySet:
    return article_selectors.article_detail().prefetch_related(Prefetch("claims", queryset=article_claims()))


ENTITY_DETAIL_MEASURES = 50


def top_measures() -> QuerySet:
    """Measures, most-claimed first: an entity's detail embeds the first ENTITY_DETAIL_MEASURES of those whose
    subject it is."""
    return measure_list().order_by("-claim_count", "id")


def entity_full() -> QuerySet:
    # The detail embeds the most-claimed measures only; /entities/{id}/measures/ pages through all of them.
    top = top_measures()[:ENTITY_DETAIL_MEASURES]
    # claim_count is a column kept by the services; an entity is the subject of a few measures at most.
    return article_selectors.entity_detail().annotate(
        measure_count=article_selectors.count_subquery(Measure.objects.filter(subject=OuterRef("pk")), "subject"),
    ).prefetch_related(Prefetch("measures", queryset=top, to_attr="top_measures"))


def measure_list() -> QuerySet:
    return Measure.objects.select_related("subject")


def measure_detail() -> QuerySet:
    figures = Claim.objects.select_related("article", "claimant").order_by("article__published_at", "id")
    return measure_list().prefetch_related(Prefetch("claims", queryset=figures))


def related_claims(claim: Claim, window) -> QuerySet:
    """Figures of the same measure from articles within `window` of this claim's article, itself excluded.

    The article's date is annotated onto each claim: cursor pages read their position from an attribute of
    the row, which a related field (`article__published_at`) is not."""
    annotated = claim_list().annotate(article_published_at=F("article__published_at"))
    if claim.measure_id is None:
        # Empty, but still carrying the annotation the cursor orders by.
        return annotated.none()
    published = claim.article.published_at
    return annotated.filter(
        measure_id=claim.measure_id,
        article__published_at__gte=published - window,
        article__published_at__lte=published + window,
    ).exclude(pk=claim.pk)
