"""Writes of the claims app: measures for figures, and the figures each measure keeps current."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction

from articles.models import Entity

from .measures import CONFLICTING, Interval, interval, measure_key, measure_of, relation
from .models import Claim, Measure


def comparison_window() -> timedelta:
    """Figures are compared when their articles are at most this far apart (the same event)."""
    return timedelta(days=settings.CLAIM_COMPARISON_WINDOW_DAYS)


def claim_interval(claim: Claim) -> Interval:
    return Interval(claim.lower, claim.upper, claim.lower_open, claim.upper_open)


@transaction.atomic
def measures_assign(*, claims: list[Claim], subjects: list[Entity | None]) -> set[int]:
    """Give each figure its measure and interval; returns the ids of the measures touched."""
    touched: set[int] = set()
    for claim, subject in zip(claims, subjects, strict=True):
        if claim.value is None or not claim.unit:
            continue
        predicate, unit = measure_of(claim.predicate, claim.unit)
        subject_name = subject.name if subject else ""
        measure, _ = Measure.objects.get_or_create(
            key=measure_key(predicate, unit, subject.slug if subject else None),
            defaults={"predicate": predicate, "unit": unit, "subject": subject, "subject_name": subject_name},
        )
        bounds = interval(claim.value, claim.qualifier)
        claim.measure = measure
        claim.lower, claim.upper = bounds.lower, bounds.upper
        claim.lower_open, claim.upper_open = bounds.lower_open, bounds.upper_open
        claim.save(update_fields=["measure", "lower", "upper", "lower_open", "upper_open"])
        touched.add(measure.pk)
    measures_refresh(ids=touched)
    return touched


def measures_refresh(*, ids: set[int]) -> None:
    """Refresh these measures; one left with no figure (its article was corrected) is deleted."""
    for pk in sorted(ids):  # a fixed order, so that concurrent loaders lock measures alike
        measure = Measure.objects.select_for_update().filter(pk=pk).first()
        if measure is None:
            continue
        if not measure.claims.exists():
            measure.delete()
            continue
        measure_refresh(measure=measure)


def measure_refresh(*, measure: Measure) -> Measure:
    """Recount a measure's figures, claimants, range, dates and whether two figures conflict."""
    claims = list(measure.claims.select_related("article").order_by("article__published_at", "id"))
    values = [c.value for c in claims if c.value is not None]
    dates = [c.article.published_at for c in claims]
    measure.claim_count = len(claims)
    measure.claimant_count = len({claimant_key(c) for c in claims})
    measure.min_value = min(values) if values else None
    measure.max_value = max(values) if values else None
    measure.first_published_at = min(dates) if dates else None
    measure.last_published_at = max(dates) if dates else None
    measure.has_conflict = has_conflict([(c.article.published_at, claim_interval(c)) for c in claims])
    measure.save()
    return measure


def has_conflict(dated: list[tuple]) -> bool:
    """Whether two intervals within the comparison window of each other fail to overlap.

    Intervals overlap pairwise exactly when the highest lower bound does not pass the lowest upper
    bound, so one forward scan per figure, over the figures of its window, is enough."""
    dated = sorted(dated, key=lambda item: item[0])
    window = comparison_window()
    for i, (start, first) in enumerate(dated):
        highest_lower, lowest_upper = Interval(first.lower, None, first.lower_open), Interval(None, first.upper,
                                                                                              upper_open=first.upper_open)
        for moment, other in dated[i + 1:]:
            if moment - start > window:
                break
            highest_lower = _higher_lower(highest_lower, other)
            lowest_upper = _lower_upper(lowest_upper, other)
            if relation(highest_lower, lowest_upper) == CONFLICTING:
                return True
    return False


def _higher_lower(current: Interval, other: Interval) -> Interval:
    if other.lower is None:
        return current
    if current.lower is None or other.lower > current.lower or (other.lower == current.lower and other.lower_open):
        return Interval(other.lower, None, other.lower_open)
    return current


def _lower_upper(current: Interval, other: Interval) -> Interval:
    if other.upper is None:
        return current
    if current.upper is None or other.upper < current.upper or (other.upper == current.upper and other.upper_open):
        return Interval(None, other.upper, upper_open=other.upper_open)
    return current


def claimant_key(claim: Claim) -> str:
    """One claimant: the entity when there is one, else the source as worded, else the article's own voice."""
    if claim.claimant_id:
        return f"entity:{claim.claimant_id}"
    return f"text:{claim.claimant_text.lower()}" if claim.claimant_text else "article"
