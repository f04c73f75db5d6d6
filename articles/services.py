"""Editors' writes to quotes: corrections, confirmations, rejections and quotes extraction missed.

Every write is audited (articles/history.py) and leaves the quote `verified`: extraction never replaces it."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db import transaction
from django.db.models import Case, Count, F, IntegerField, Value, When
from django.utils import timezone

from .history import history_baseline, history_mark
from .models import Article, AttributionMethod, Entity, ItemStatus, Mention, Quote

QUOTE_FIELDS = {"speaker", "speaker_text", "kind", "cue", "status", "verified"}


class OffsetsOutsideText(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def span_check(*, article: Article, start: int, end: int) -> str:
    """The article's text between the offsets; offsets outside it, or empty, raise OffsetsOutsideText."""
    length = len(article.text)
    if not 0 <= start < length:
        raise OffsetsOutsideText("start", f"Must be from 0 to {length - 1}: the article's text has {length} characters.")
    if not start < end <= length:
        raise OffsetsOutsideText("end", f"Must be greater than start and at most {length}.")
    text = article.text[start:end]
    if not text.strip():
        raise OffsetsOutsideText("end", "The offsets select only white space.")
    return text


# Entity columns kept by the services that write mentions, quotes and claims (the claims app keeps claim_count).
ENTITY_COUNTS = ("article_count", "mention_count", "quote_count", "claim_count")


def entity_counts_change(changes: dict[str, dict[int, int]]) -> None:
    """Move entities' kept counts: {"mention_count": {entity id: +3, ...}, "article_count": {...}, ...}.

    Called inside the transaction that writes or deletes the rows counted. Every row is locked once, in id
    order, before any changes, so that two writes touching the same entities never wait on each other in a
    cycle; then one UPDATE moves every count of every entity (an article names tens of entities: one round
    trip each, or per group of equal changes, was a tenth of the loader's queries)."""
    per_entity: dict[int, dict[str, int]] = {}
    for field, deltas in changes.items():
        assert field in ENTITY_COUNTS, field
        for entity_id, delta in deltas.items():
            if entity_id is not None and delta:
                per_entity.setdefault(entity_id, {})[field] = delta
    if not per_entity:
        return
    ids = sorted(per_entity)
    list(Entity.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
    moved = {}
    for field in ENTITY_COUNTS:
        deltas = [When(pk=entity_id, then=Value(per_entity[entity_id][field]))
                  for entity_id in ids if per_entity[entity_id].get(field)]
        if deltas:
            moved[field] = F(field) + Case(*deltas, default=Value(0), output_field=IntegerField())
    Entity.objects.filter(pk__in=ids).update(**moved)


def entity_counts_of(*, mentioned: list[int], speakers: list[int | None], claimants: list[int | None]
                     ) -> dict[str, dict[int, int]]:
    """What one article's rows add to its entities' counts: the entity of each mention, the speaker of each quote,
    the claimant of each claim."""
    return {"article_count": dict.fromkeys(mentioned, 1), "mention_count": Counter(mentioned),
            "quote_count": Counter(speakers), "claim_count": Counter(claimants)}


def entity_counts_difference(after: dict[str, dict[int, int]], before: dict[str, dict[int, int]]
                             ) -> dict[str, dict[int, int]]:
    return {field: {entity_id: after.get(field, {}).get(entity_id, 0) - before.get(field, {}).get(entity_id, 0)
                    for entity_id in {*after.get(field, {}), *before.get(field, {})}}
            for field in {*after, *before}}


def entity_counts_recount(*, entity_ids: set[int] | None = None, claim_counts: dict[int, int] | None = None) -> int:
    """Count again, from the rows, each entity's articles, mentions and quotes (all entities: None), and set the
    claims it made from `claim_counts` (the claims app counts them: articles does not read claims)."""
    entities = Entity.objects.all() if entity_ids is None else Entity.objects.filter(pk__in=entity_ids)
    mentions = Mention.objects.filter(entity__in=entities).order_by().values("entity")
    articles = dict(mentions.annotate(n=Count("article", distinct=True)).values_list("entity", "n"))
    mention_counts = dict(mentions.annotate(n=Count("*")).values_list("entity", "n"))
    quotes = dict(Quote.objects.filter(speaker__in=entities).order_by().values("speaker").annotate(n=Count("*"))
                  .values_list("speaker", "n"))
    counted = {"article_count": articles, "mention_count": mention_counts, "quote_count": quotes}
    if claim_counts is not None:
        counted["claim_count"] = claim_counts
    changed = []
    for entity in entities.only("pk", *counted):
        values = {field: counts.get(entity.pk, 0) for field, counts in counted.items()}
        if any(getattr(entity, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(entity, field, value)
            changed.append(entity)
    Entity.objects.bulk_update(changed, list(counted), batch_size=1000)
    return len(changed)


def verify(item, *, by, verified: bool = True) -> None:
    """An edited item is verified by its editor, unless the edit says `verified: false` (back to the machine)."""
    item.verified = verified
    item.verified_by = by if verified else None
    item.verified_at = timezone.now() if verified else None


def source_named_by_editor(item, changes: dict[str, Any], entity_field: str) -> None:
    """A speaker or claimant an editor set is attributed to the editor, fully trusted."""
    if entity_field in changes or f"{entity_field}_text" in changes:
        item.attribution = AttributionMethod.EDITOR
        item.confidence = 1.0


@transaction.atomic
def quote_correct(*, quote: Quote, by, changes: dict[str, Any], note: str = "") -> Quote:
    """Change a quote's speaker, speaker as worded, kind, cue or status (`rejected` hides it from lists)."""
    unknown = set(changes) - QUOTE_FIELDS
    if unknown:
        raise ValueError(f"not correctable: {', '.join(sorted(unknown))}")
    quote = Quote.objects.select_for_update().get(pk=quote.pk)
    history_baseline(quote)
    speaker_before = quote.speaker_id
    verified = changes.pop("verified", True)
    for name, value in changes.items():
        setattr(quote, name, value)
    source_named_by_editor(quote, changes, "speaker")
    verify(quote, by=by, verified=verified)
    history_mark(quote, by=by, note=note)
    quote.save()
    if quote.speaker_id != speaker_before:
        entity_counts_change({"quote_count": {speaker_before: -1, quote.speaker_id: 1}})
    return quote


@transaction.atomic
def quote_add(*, article: Article, start: int, end: int, kind: str, by, speaker: Entity | None = None,
              speaker_text: str = "", cue: str = "", note: str = "") -> Quote:
    """A quote extraction missed, at these offsets of the article's text."""
    text = span_check(article=article, start=start, end=end)
    quote = Quote(
        article=article, text=text, kind=kind, speaker=speaker, speaker_text=speaker_text, cue=cue,
        start=start, end=end, sentence=text, status=ItemStatus.ACTIVE,
    )
    source_named_by_editor(quote, {"speaker": speaker} if speaker or speaker_text else {}, "speaker")
    verify(quote, by=by)
    history_mark(quote, by=by, note=note)
    quote.save()
    entity_counts_change({"quote_count": {quote.speaker_id: 1}})
    return quote
