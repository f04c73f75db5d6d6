"""Editors' writes to quotes: corrections, confirmations, rejections and quotes extraction missed.

Every write is audited (articles/history.py) and leaves the quote `verified`: extraction never replaces it."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Count, F
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


def entity_article_counts_change(*, entity_ids: set[int], delta: int) -> None:
    """One article more (delta 1) or fewer (-1) mentions each of these entities: their `article_count` moves.

    Called inside the transaction that writes or deletes the article's mentions. The rows are locked in id
    order first, so that two articles naming the same entities never wait on each other in a cycle."""
    ids = sorted(entity_ids)
    if not ids:
        return
    list(Entity.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
    Entity.objects.filter(pk__in=ids).update(article_count=F("article_count") + delta)


def entity_article_counts_recount(*, entity_ids: set[int] | None = None) -> int:
    """Count again, from the mentions, the articles that mention each of these entities (all: None)."""
    entities = Entity.objects.all() if entity_ids is None else Entity.objects.filter(pk__in=entity_ids)
    counts = dict(Mention.objects.filter(entity__in=entities).order_by().values("entity")
                  .annotate(n=Count("article", distinct=True)).values_list("entity", "n"))
    changed = []
    for entity in entities.only("pk", "article_count"):
        if entity.article_count != counts.get(entity.pk, 0):
            entity.article_count = counts.get(entity.pk, 0)
            changed.append(entity)
    Entity.objects.bulk_update(changed, ["article_count"], batch_size=1000)
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
    verified = changes.pop("verified", True)
    for name, value in changes.items():
        setattr(quote, name, value)
    source_named_by_editor(quote, changes, "speaker")
    verify(quote, by=by, verified=verified)
    history_mark(quote, by=by, note=note)
    quote.save()
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
    return quote
