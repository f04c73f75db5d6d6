"""New content at a known URL, or a re-extraction, without losing ids or editors' corrections.

The new extraction is stored beside the old items, then each new item that matches an old one
(ingestion/realign.py) is folded into it: the old id stays, with the new offsets and, unless an editor
verified it, the new machine fields. Verified items are never replaced: they are realigned to the new text,
and kept as `orphaned` (and reported) when their text is gone. Old machine items that match nothing are
removed. Measures are recounted by claims.services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from articles.history import history_mark
from articles.models import Article, ItemStatus, Quote
from articles.services import entity_article_counts_change
from claims.models import Claim
from claims.services import figures_remeasure, measures_refresh

from .realign import Item, OffsetMap, items_match, offset_map, span_realign

QUOTE_FIELDS = ["text", "kind", "speaker_id", "speaker_text", "cue", "sentence", "attribution", "confidence",
                "start", "end"]
CLAIM_FIELDS = ["text", "claimant_id", "claimant_text", "quote_id", "value", "qualifier", "unit", "predicate",
                "attribution", "confidence", "start", "end", "measure_id", "lower", "upper", "lower_open",
                "upper_open"]
# Derived from the figure: a change of these alone is not reported.
DERIVED = {"measure_id", "lower", "upper", "lower_open", "upper_open"}
NOTE = "extraction of new content"


@dataclass
class RealignReport:
    """What happened to an article's quotes and claims: "quote 12: ..." lines per outcome."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # verified items, realigned
    orphaned: list[str] = field(default_factory=list)  # verified items whose text is gone
    counts: dict[str, int] = field(default_factory=dict)  # what the extraction found

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.removed)} removed, {len(self.changed)} changed, "
                f"{len(self.kept)} verified kept, {len(self.orphaned)} orphaned")

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.orphaned)


def extractions_realign(*, article: Article, old_text: str, store: Callable[[], dict[str, int]]) -> RealignReport:
    """Replace the article's extraction by what `store()` writes for its current text, keeping ids.

    `article` already holds the new content; `old_text` is the text the stored offsets index. Runs inside the
    caller's transaction."""
    old_quotes = list(article.quotes.order_by("start", "id"))
    old_claims = list(article.claims.order_by("start", "id"))
    stale = {claim.measure_id for claim in old_claims}
    # Mentions are no resource of their own (no ids, no edits): the new extraction writes them again.
    named = set(article.mentions.values_list("entity_id", flat=True))
    article.mentions.all().delete()
    entity_article_counts_change(entity_ids=named, delta=-1)
    report = RealignReport(counts=store())
    new_text = article.text
    offsets = offset_map(old_text, new_text)

    new_quotes = list(article.quotes.exclude(pk__in=[q.pk for q in old_quotes]).order_by("start", "id"))
    texts = (old_text, new_text)
    quote_survivor = _fold("quote", old_quotes, new_quotes, QUOTE_FIELDS, offsets, texts, report, {})
    for new_pk, old_pk in quote_survivor.items():
        Claim.objects.filter(quote_id=new_pk).update(quote_id=old_pk)
    Quote.objects.filter(pk__in=list(quote_survivor)).delete()

    new_claims = list(article.claims.exclude(pk__in=[c.pk for c in old_claims]).order_by("start", "id"))
    stale |= {claim.measure_id for claim in new_claims}
    claim_survivor = _fold("claim", old_claims, new_claims, CLAIM_FIELDS, offsets, texts, report, quote_survivor)
    Claim.objects.filter(pk__in=list(claim_survivor)).delete()
    measures_refresh(ids={pk for pk in stale if pk is not None})
    return report


def _item(row, text: str) -> Item:
    """A row as matching reads it: the characters its offsets select (a claim's figure, a quote), then the
    fields that tell items of the same characters apart."""
    if isinstance(row, Claim):
        key = (row.text, row.value, row.unit, row.predicate, row.claimant_id, row.claimant_text)
    else:
        key = (row.text, row.kind, row.speaker_id, row.speaker_text)
    if row.status == ItemStatus.ORPHANED:
        # Its offsets index a text before the current one: a quote is found again by its own text; a claim's
        # figure cannot be told from its offsets any more, so it waits for an editor.
        return Item(row.text if isinstance(row, Quote) else "", row.start, row.end, key)
    return Item(text[row.start:row.end], row.start, row.end, key)


def _fold(kind: str, old: list, new: list, fields: list[str], offsets: OffsetMap, texts: tuple[str, str],
          report: RealignReport, quote_survivor: dict[int, int]) -> dict[int, int]:
    """Fold matched new items into old ones; returns {new id: old id} of the new rows to delete."""
    old_text, new_text = texts
    old_items = [_item(o, old_text) for o in old]
    pairs = items_match(old_items, [_item(n, new_text) for n in new], offsets)
    survivor, matched_old, matched_new = {}, set(), set()
    for i, j in pairs:
        item, machine = old[i], new[j]
        matched_old.add(i)
        matched_new.add(j)
        survivor[machine.pk] = item.pk
        if item.verified:
            _keep_verified(kind, item, (machine.start, machine.end), report)
            continue
        values = {name: getattr(machine, name) for name in fields}
        if values.get("quote_id") in quote_survivor:
            values["quote_id"] = quote_survivor[values["quote_id"]]
        differing = [name for name in fields if getattr(item, name) != values[name]]
        for name, value in values.items():
            setattr(item, name, value)
        if item.status == ItemStatus.ORPHANED:  # a machine item is never orphaned, but be safe
            item.status, differing = ItemStatus.ACTIVE, [*differing, "status"]
        if isinstance(item, Claim):
            item.subjects.set(list(machine.subjects.values_list("pk", flat=True)))
        if differing:
            history_mark(item, by=None, note=NOTE)
            item.save()
            shown = [name.removesuffix("_id") for name in differing if name not in DERIVED]
            if shown:
                report.changed.append(f"{kind} {item.pk}: {', '.join(shown)}")
    for j, machine in enumerate(new):
        if j not in matched_new:
            report.added.append(f"{kind} {machine.pk}: {_excerpt(machine.text)}")
    for i, item in enumerate(old):
        if i in matched_old:
            continue
        if not item.verified:
            report.removed.append(f"{kind} {item.pk}: {_excerpt(item.text)}")
            item.delete()
            continue
        span = span_realign(offsets, item.start, item.end, old_items[i].text, new_text)
        if span is not None and isinstance(item, Claim) and item.text not in new_text:
            span = None  # its figure is still there, but the sentence that made the claim is not
        _keep_verified(kind, item, span, report)
    return survivor


def _keep_verified(kind: str, item, span: tuple[int, int] | None, report: RealignReport) -> None:
    """A verified item stays: at its new offsets, or orphaned (out of any measure) when its text is gone."""
    if span is None:
        if item.status != ItemStatus.ORPHANED:
            item.status = ItemStatus.ORPHANED
            if isinstance(item, Claim):
                item.measure, item.lower, item.upper, item.lower_open, item.upper_open = None, None, None, False, False
            history_mark(item, by=None, note=f"{NOTE}: its text is gone from the article")
            item.save()
        report.orphaned.append(f"{kind} {item.pk}: {_excerpt(item.text)}")
        return
    moved = (item.start, item.end) != span
    revived = item.status == ItemStatus.ORPHANED
    if moved or revived:
        item.start, item.end = span
        if revived:
            item.status = ItemStatus.ACTIVE
        history_mark(item, by=None, note=f"{NOTE}: realigned")
        item.save()
        if revived and isinstance(item, Claim) and item.value is not None and item.unit:
            item.skip_history_when_saving = True
            figures_remeasure(claims=[item], subjects=[item.subjects.order_by("name").first()])
            del item.skip_history_when_saving
    report.kept.append(f"{kind} {item.pk}: {span[0]}:{span[1]}" + (" (back from orphaned)" if revived else ""))


def _excerpt(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= length else text[: length - 1] + "…")
