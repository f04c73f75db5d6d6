"""Editors' writes to claims and entities: corrections, rejections, claims extraction missed, entity merges.

They live in the claims app because each of them can move figures between measures: every write ends with
the measures it touched recounted by claims.services, so that measures stay correct after every change."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from articles.history import history_baseline, history_mark
from articles.models import Article, Entity, EntityAlias, ItemStatus, Mention, Quote
from articles.services import entity_article_counts_recount, source_named_by_editor, span_check, verify
from ingestion.services import normalize_name

from .models import Claim, Measure
from .services import figures_remeasure, measures_refresh

CLAIM_FIELDS = {"claimant", "claimant_text", "value", "qualifier", "unit", "predicate", "subjects", "status",
                "verified"}
ENTITY_FIELDS = {"name", "type", "aliases", "country_code", "latitude", "longitude", "verified"}


def claim_measure_sync(*, claim: Claim, subject: Entity | None, stale: set[int]) -> None:
    """Give an active figure its measure (claims.services) and take any other claim out of measures;
    then recount the measures it left."""
    claim.skip_history_when_saving = True  # derived fields: the edit itself is the audited change
    try:
        if claim.status == ItemStatus.ACTIVE and claim.value is not None and claim.unit:
            figures_remeasure(claims=[claim], subjects=[subject])
        elif claim.measure_id is not None or claim.lower is not None or claim.upper is not None:
            claim.measure, claim.lower, claim.upper, claim.lower_open, claim.upper_open = None, None, None, False, False
            claim.save(update_fields=["measure", "lower", "upper", "lower_open", "upper_open"])
    finally:
        del claim.skip_history_when_saving
    measures_refresh(ids={pk for pk in stale if pk is not None})


def _measure_subject(claim: Claim, subjects: list[Entity] | None) -> Entity | None:
    """Whose the figure is: the measure's subject while it stays among the claim's subjects, else the first."""
    current = claim.measure.subject if claim.measure_id and claim.measure else None
    if subjects is None:
        return current if current is not None else claim.subjects.order_by("name").first()
    if current is not None and current in subjects:
        return current
    return subjects[0] if subjects else None


@transaction.atomic
def claim_correct(*, claim: Claim, by, changes: dict[str, Any], note: str = "") -> Claim:
    """Change a claim's claimant, figure (value, qualifier, unit, predicate), subjects or status."""
    unknown = set(changes) - CLAIM_FIELDS
    if unknown:
        raise ValueError(f"not correctable: {', '.join(sorted(unknown))}")
    claim = Claim.objects.select_for_update(of=("self",)).select_related("measure__subject").get(pk=claim.pk)
    history_baseline(claim)
    old_measure = claim.measure_id
    verified = changes.pop("verified", True)
    subjects = changes.pop("subjects", None)
    for name, value in changes.items():
        setattr(claim, name, value)
    if claim.value is None:
        claim.qualifier = ""
    source_named_by_editor(claim, changes, "claimant")
    verify(claim, by=by, verified=verified)
    related = []
    if subjects is not None:
        before = sorted(claim.subjects.values_list("pk", flat=True))
        after = sorted({entity.pk for entity in subjects})
        if before != after:
            claim.subjects.set(after)
            related.append({"field": "subjects", "before": before, "after": after})
    history_mark(claim, by=by, note=note, related_changes=related)
    claim.save()
    claim_measure_sync(claim=claim, subject=_measure_subject(claim, subjects), stale={old_measure})
    return claim


@transaction.atomic
def claim_add(*, article: Article, start: int, end: int, by, claimant: Entity | None = None,
              claimant_text: str = "", value: float | None = None, qualifier: str = "", unit: str = "",
              predicate: str = "", subjects: list[Entity] | None = None, quote: Quote | None = None,
              note: str = "") -> Claim:
    """A claim extraction missed, at these offsets of the article's text; a figure joins its measure."""
    text = span_check(article=article, start=start, end=end)
    claim = Claim(
        article=article, text=text, claimant=claimant, claimant_text=claimant_text, quote=quote, value=value,
        qualifier=qualifier if value is not None else "", unit=unit, predicate=predicate, start=start, end=end,
        published_at=article.published_at,  # measures place a figure in time by it (claims/services.py)
    )
    source_named_by_editor(claim, {"claimant": claimant} if claimant or claimant_text else {}, "claimant")
    verify(claim, by=by)
    history_mark(claim, by=by, note=note)
    claim.save()
    subjects = list(subjects or [])
    claim.subjects.set(subjects)
    claim_measure_sync(claim=claim, subject=subjects[0] if subjects else None, stale=set())
    return claim


def _alias_names(entity: Entity) -> list[str]:
    own = normalize_name(entity.name)
    return sorted(alias.name for alias in entity.alias_set.all() if alias.normalized != own)


def _aliases_set(entity: Entity, names: list[str]) -> None:
    """The entity's names are exactly its name and these (the resolver matches articles' names on them)."""
    wanted: dict[str, str] = {}
    for name in [entity.name, *names]:
        key = normalize_name(name)
        if key:
            wanted.setdefault(key, name.strip()[:300])
    entity.alias_set.exclude(normalized__in=list(wanted)).delete()
    known = set(entity.alias_set.values_list("normalized", flat=True))
    EntityAlias.objects.bulk_create(
        [EntityAlias(entity=entity, name=name, normalized=key[:300]) for key, name in wanted.items() if key not in known]
    )


@transaction.atomic
def entity_correct(*, entity: Entity, by, changes: dict[str, Any], note: str = "") -> Entity:
    """Change an entity's name, type, aliases, country or coordinates; its slug stays, so links keep working."""
    unknown = set(changes) - ENTITY_FIELDS
    if unknown:
        raise ValueError(f"not correctable: {', '.join(sorted(unknown))}")
    entity = Entity.objects.select_for_update().get(pk=entity.pk)
    history_baseline(entity)
    verified = changes.pop("verified", True)
    aliases = changes.pop("aliases", None)
    before = _alias_names(entity)
    for name, value in changes.items():
        setattr(entity, name, value)
    if aliases is not None or "name" in changes:
        _aliases_set(entity, aliases if aliases is not None else before)
    after = _alias_names(entity)
    related = [{"field": "aliases", "before": before, "after": after}] if before != after else []
    verify(entity, by=by, verified=verified)
    history_mark(entity, by=by, note=note, related_changes=related)
    entity.save()
    if "name" in changes:
        Measure.objects.filter(subject=entity).update(subject_name=entity.name)
    return entity


@transaction.atomic
def entity_merge(*, duplicate: Entity, into: Entity, by, note: str = "") -> Entity:
    """Fold a duplicate into another entity: its mentions, quotes, claims (made and about), measures and
    aliases move; the duplicate stays as a pointer to the survivor, so its old id still answers."""
    if duplicate.pk == into.pk:
        raise ValueError("an entity cannot be merged into itself")
    first, second = sorted([duplicate.pk, into.pk])  # one lock order for concurrent merges
    locked = {e.pk: e for e in Entity.objects.select_for_update().filter(pk__in=[first, second])}
    duplicate, into = locked[duplicate.pk], locked[into.pk]
    if duplicate.merged_into_id or into.merged_into_id:
        raise ValueError("merged entities cannot be merged again: merge into the survivor")
    history_baseline(duplicate)
    history_baseline(into)
    now = timezone.now()
    reason = note or f"entity {duplicate.pk} merged into {into.pk}"

    Mention.objects.filter(entity=duplicate).update(entity=into)
    quotes = list(Quote.objects.filter(speaker=duplicate))
    for quote in quotes:
        quote.speaker, quote.updated_at = into, now
    bulk_update_with_history(quotes, Quote, ["speaker", "updated_at"], default_user=by, default_change_reason=reason)
    claims = list(Claim.objects.filter(claimant=duplicate))
    for claim in claims:
        claim.claimant, claim.updated_at = into, now
    bulk_update_with_history(claims, Claim, ["claimant", "updated_at"], default_user=by, default_change_reason=reason)
    touched = {claim.measure_id for claim in claims}

    through = Claim.subjects.through
    about_both = set(through.objects.filter(entity=into).values_list("claim_id", flat=True))
    through.objects.filter(entity=duplicate, claim_id__in=about_both).delete()
    through.objects.filter(entity=duplicate).update(entity=into)

    # Figures whose measure was about the duplicate move to the survivor's measure of the same predicate and unit.
    moved = list(Claim.objects.filter(measure__subject=duplicate).select_related("measure"))
    touched |= {claim.measure_id for claim in moved}
    for claim in moved:
        claim.skip_history_when_saving = True
    figures_remeasure(claims=moved, subjects=[into] * len(moved))
    Measure.objects.filter(subject=duplicate).update(subject=into, subject_name=into.name)

    aliases_before = _alias_names(into)
    known = set(into.alias_set.values_list("normalized", flat=True))
    duplicate.alias_set.filter(normalized__in=known).delete()
    duplicate.alias_set.update(entity=into)
    if not into.country_code and duplicate.country_code:
        into.country_code = duplicate.country_code
    if into.latitude is None and duplicate.latitude is not None:
        into.latitude, into.longitude = duplicate.latitude, duplicate.longitude
    Entity.objects.filter(merged_into=duplicate).update(merged_into=into)
    verify(into, by=by)
    history_mark(into, by=by, note=reason, related_changes=[
        {"field": "aliases", "before": aliases_before, "after": _alias_names(into)},
        {"field": "merged", "before": None, "after": duplicate.pk},
    ])
    into.save()

    # The duplicate keeps its name, type and slug (its old links answer with a pointer), and no coordinates,
    # so that entity resolution never matches it again.
    duplicate.merged_into, duplicate.latitude, duplicate.longitude = into, None, None
    verify(duplicate, by=by)
    history_mark(duplicate, by=by, note=reason)
    duplicate.save()
    measures_refresh(ids={pk for pk in touched if pk is not None})
    entity_article_counts_recount(entity_ids={into.pk, duplicate.pk})  # articles naming both count once
    into.refresh_from_db(fields=["article_count"])
    return into
