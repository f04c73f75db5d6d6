"""Store a document and what the pipeline extracted from it: the one place that writes articles.

Called by `load_seeds`, the articles API and any worker alike. Each document
is stored in one transaction: either everything extracted from it is written,
or nothing is.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from articles.models import Article, Entity, EntityAlias, Mention, Quote, Source
from articles.slugs import name_slug, slug_candidates
from claims.models import Claim
from claims.services import measures_assign
from extraction import EXTRACTOR_VERSION, Document, DocumentError, Extraction, extract
from extraction import types as extracted
from extraction.gazetteer import lookup_place
from extraction.types import figure_or_none

from .reconcile import extractions_realign

CREATED, UNCHANGED, UPDATED = "created", "unchanged", "updated"


@dataclass
class IngestResult:
    article: Article
    status: str  # created, unchanged or updated
    counts: dict[str, int] = field(default_factory=dict)


def content_hash(document: Document) -> str:
    """Same title, subtitle, body and date: same hash, whatever file or request it came from."""
    published = document.published_at.isoformat() if document.published_at else ""
    payload = json.dumps([document.title, document.subtitle or "", document.body, published], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def article_ingest(*, document: Document) -> IngestResult:
    """Extract and store one document; loading the same content again changes nothing."""
    if document.published_at is None:
        raise DocumentError("the article has no date; published_at is needed to store it", field="published_at")
    digest = content_hash(document)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is not None:
        return IngestResult(existing, UNCHANGED)
    extraction = extract(document)  # CPU work, outside the transaction
    try:
        with transaction.atomic():
            return _store(document, extraction, digest)
    except IntegrityError:
        # A concurrent loader stored the same content first: that is the "unchanged" case.
        existing = Article.objects.filter(content_hash=digest).first()
        if existing is None:
            raise
        return IngestResult(existing, UNCHANGED)


def _store(document: Document, extraction: Extraction, digest: str) -> IngestResult:
    source = source_get_or_create(name=document.source) if document.source else None
    fields = {
        "source": source,
        "title": document.title,
        "subtitle": document.subtitle or "",
        "body": document.body,
        "published_at": document.published_at,
        "content_hash": digest,
        "word_count": len(document.text.split()),
        "extractor_version": EXTRACTOR_VERSION,
    }
    article = Article.objects.select_for_update().filter(url=document.url).first() if document.url else None
    if article is not None:
        # The same URL with new content: its quotes and claims keep their ids and editors' corrections
        # (ingestion/reconcile.py), realigned to the new text.
        old_text = article.text
        for name, value in fields.items():
            setattr(article, name, value)
        article.save()
        counts = extractions_realign(
            article=article, old_text=old_text, store=lambda: _store_extraction(article, document.text, extraction)
        ).counts
        return IngestResult(article, UPDATED, counts)
    article = Article.objects.create(url=document.url, **fields)
    counts = _store_extraction(article, document.text, extraction)
    return IngestResult(article, CREATED, counts)


def _store_extraction(article: Article, text: str, extraction: Extraction) -> dict[str, int]:
    length = len(text)
    rows_by_name: dict[str, Entity] = {}
    mentions: dict[tuple[int, int], Mention] = {}
    for item in extraction.entities:
        entity = entity_resolve(entity=item)
        rows_by_name[item.name] = entity
        for mention in item.mentions:
            _check_span(mention.start, mention.end, length, "mention")
            # One entity per span: the first (fullest) entity keeps a span two entities claim.
            mentions.setdefault((mention.start, mention.end), Mention(
                article=article, entity=entity, text=mention.text[:300], start=mention.start, end=mention.end))
    Mention.objects.bulk_create(mentions.values())

    quotes = []
    for item in extraction.quotes:
        _check_span(item.start, item.end, length, "quote")
        quotes.append(Quote(
            article=article, text=item.text, kind=item.kind,
            speaker=rows_by_name.get(item.speaker) if item.speaker_is_entity else None,
            speaker_text=(item.speaker_text or item.speaker or "")[:300], cue=(item.cue or "")[:100],
            start=item.start, end=item.end, sentence=item.sentence,
            attribution=item.attribution or "", confidence=item.confidence,
        ))
    Quote.objects.bulk_create(quotes)

    claims, subjects = [], []
    for item in extraction.claims:
        _check_span(item.start, item.end, length, "claim")
        value = figure_or_none(item.value)  # a figure past MAX_FIGURE is dropped: the claim is kept without one
        claims.append(Claim(
            article=article, text=item.text,
            claimant=rows_by_name.get(item.claimant) if item.claimant_is_entity else None,
            claimant_text=(item.claimant_text or item.claimant or "")[:300],
            quote=quotes[item.quote_index] if item.quote_index is not None else None,
            value=value, qualifier=item.qualifier or "" if value is not None else "",
            unit=(item.unit or "")[:100], predicate=(item.predicate or "")[:100],
            start=item.start, end=item.end, attribution=item.attribution or "", confidence=item.confidence,
        ))
        subjects.append([rows_by_name[name] for name in item.subjects if name in rows_by_name])
    Claim.objects.bulk_create(claims)
    measure_subjects = [_subject_entity(item.subject, rows_by_name, extraction) for item in extraction.claims]
    for about, subject in zip(subjects, measure_subjects, strict=True):
        if subject is not None and subject not in about:
            about.append(subject)
    measures_assign(claims=claims, subjects=measure_subjects)
    through = Claim.subjects.through
    through.objects.bulk_create(
        [through(claim_id=claim.pk, entity_id=entity.pk) for claim, about in zip(claims, subjects, strict=True) for entity in
         {e.pk: e for e in about}.values()]
    )
    return {"entities": len(rows_by_name), "mentions": len(mentions), "quotes": len(quotes), "claims": len(claims)}


def _subject_entity(name: str | None, rows_by_name: dict[str, Entity], extraction: Extraction) -> Entity | None:
    """The entity a claim's subject names: one of the article's, or the country from the gazetteer."""
    if not name:
        return None
    if name in rows_by_name:
        return rows_by_name[name]
    for item in extraction.entities:
        if name in item.aliases and item.name in rows_by_name:
            return rows_by_name[item.name]
    place = lookup_place(name)
    if place is None:
        return None
    return entity_resolve(entity=extracted.Entity(
        name=name, type="LOCATION", country_code=place.country_code or None, latitude=place.latitude,
        longitude=place.longitude,
    ))


def _check_span(start: int, end: int, length: int, what: str) -> None:
    if not 0 <= start < end <= length:
        raise ValueError(f"{what} offsets {start}:{end} fall outside the article text of {length} characters")


def source_get_or_create(*, name: str) -> Source:
    slug = name_slug(name, max_length=200, fallback="source")
    source, _ = Source.objects.get_or_create(slug=slug, defaults={"name": name[:200]})
    return source


def normalize_name(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").replace(".", "").split())


def entity_resolve(*, entity: extracted.Entity) -> Entity:
    """The stored entity an extracted one names, created or enriched as needed.

    Names and aliases are matched case-insensitively within a type. A person
    known by a full name is matched only on a full name, so that two people
    with the same surname are never merged through it; a bare surname joins
    a stored person only when exactly one has that surname.
    """
    names = [entity.name, *entity.aliases]
    keys = {normalize_name(n) for n in names}
    candidates = list(
        Entity.objects.filter(type=entity.type, alias_set__normalized__in=keys).distinct().prefetch_related("alias_set")
    )
    if entity.type == "PERSON" and len(entity.name.split()) > 1:
        # A person stored so far only by surname ("Okonjo") gets the full name when exactly one matches.
        surname = normalize_name(entity.name.split()[-1])
        candidates += [c for c in Entity.objects.filter(type="PERSON", alias_set__normalized=surname)
                       .prefetch_related("alias_set") if c not in candidates]
    match = _choose(entity, candidates)
    if match is None and entity.type == "LOCATION" and entity.latitude is not None:
        # Transliterations of one gazetteer place (Kiev, Kyiv) share its coordinates.
        match = Entity.objects.filter(type="LOCATION", latitude=entity.latitude, longitude=entity.longitude).first()
    if match is None:
        match = _entity_create(entity)
    _add_names(match, names, entity)
    return match


def _choose(entity: extracted.Entity, candidates: list[Entity]) -> Entity | None:
    if not candidates:
        return None
    if entity.type != "PERSON":
        return candidates[0]
    full = {normalize_name(n) for n in (entity.name, *entity.aliases) if len(n.split()) > 1}
    if full:
        for candidate in candidates:
            if full & {a.normalized for a in candidate.alias_set.all() if len(a.normalized.split()) > 1}:
                return candidate
        surname_only = [c for c in candidates if all(len(a.normalized.split()) == 1 for a in c.alias_set.all())]
        return surname_only[0] if len(surname_only) == 1 else None
    return candidates[0] if len(candidates) == 1 else None


def _entity_create(entity: extracted.Entity) -> Entity:
    for slug in slug_candidates(Entity, entity.name, fallback="entity"):
        if Entity.objects.filter(slug=slug).exists():
            continue
        try:
            with transaction.atomic():
                return Entity.objects.create(
                    name=entity.name[:300], type=entity.type, slug=slug, country_code=entity.country_code or "",
                    latitude=entity.latitude, longitude=entity.longitude,
                )
        except IntegrityError:
            continue  # another loader took this slug a moment ago
    raise AssertionError("slug_candidates never runs out")


def _add_names(row: Entity, names: list[str], entity: extracted.Entity) -> None:
    known = set(row.alias_set.values_list("normalized", flat=True))
    new = []
    for name in names:
        key = normalize_name(name)
        if key and key not in known:
            known.add(key)
            new.append(EntityAlias(entity=row, name=name[:300], normalized=key[:300]))
    if normalize_name(row.name) not in known:
        new.append(EntityAlias(entity=row, name=row.name, normalized=normalize_name(row.name)))
    EntityAlias.objects.bulk_create(new, ignore_conflicts=True)
    # The fullest name any article uses becomes the entity's name.
    if len(entity.name.split()) > len(row.name.split()) or (not row.country_code and entity.country_code):
        if len(entity.name.split()) > len(row.name.split()):
            row.name = entity.name[:300]
        row.country_code = row.country_code or entity.country_code or ""
        if row.latitude is None and entity.latitude is not None:
            row.latitude, row.longitude = entity.latitude, entity.longitude
        row.save(update_fields=["name", "country_code", "latitude", "longitude"])
