"""Store a document and what the pipeline extracted from it: the one place that writes articles.

Called by `load_seeds`, the articles API and the Celery workers alike. Each document is stored in one
transaction: either everything extracted from it is written, or nothing is. The cost of storing one
article does not grow with the database: entities are resolved for the whole article in a few queries,
measures are updated incrementally (claims/services.py), near-duplicates are found through an index.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from articles.models import Article, ArticleBand, ArticleFingerprint, Entity, EntityAlias, Mention, Quote, Source
from articles.services import entity_counts_change, entity_counts_of
from articles.slugs import SUFFIX_ROOM, name_slug, slug_candidates
from claims.models import Claim
from claims.services import measures_assign, story_figures
from extraction import EXTRACTOR_VERSION, Document, Extraction
from extraction import types as extracted
from extraction.gazetteer import lookup_place
from extraction.types import figure_or_none

from .duplicates import Fingerprint, similarity
from .locks import advisory_locks_take
from .prepare import PreparedDocument, content_hash, document_check, document_prepare
from .reconcile import extractions_realign

__all__ = ["CREATED", "UNCHANGED", "UPDATED", "IngestResult", "article_ingest", "article_store", "content_hash",
           "entities_resolve", "entity_resolve", "source_get_or_create"]

CREATED, UNCHANGED, UPDATED = "created", "unchanged", "updated"
# Candidates an article's LSH bands bring up are confirmed on their signatures; the most similar few suffice.
DUPLICATE_CANDIDATES = 20
BAND_HOLDERS = 50


@dataclass
class IngestResult:
    article: Article
    status: str  # created, unchanged or updated
    counts: dict[str, int] = field(default_factory=dict)
    created_entities: list[int] = field(default_factory=list)  # ids of the entities this article created
    entities: set[int] = field(default_factory=set)  # ids of every entity it names


def article_ingest(*, document: Document) -> IngestResult:
    """Extract and store one document; loading the same content again changes nothing."""
    document_check(document)
    existing = Article.objects.filter(content_hash=content_hash(document)).first()
    if existing is not None:
        return IngestResult(existing, UNCHANGED)
    return article_store(prepared=document_prepare(document))  # extraction is CPU work, outside the transaction


def article_store(*, prepared: PreparedDocument) -> IngestResult:
    """Store a prepared document in one transaction (idempotent on its content hash)."""
    try:
        with transaction.atomic():
            if prepared.document.url:
                # Writers of one url take turns: the second finds the first's article and updates it, where
                # both would otherwise insert it and the second fail on the url's unique constraint.
                advisory_locks_take(names=[f"article-url:{prepared.document.url}"])
            existing = Article.objects.filter(content_hash=prepared.digest).first()
            if existing is not None:
                return IngestResult(existing, UNCHANGED)
            return _store(prepared)
    except IntegrityError:
        # A concurrent loader stored the same content first: that is the "unchanged" case.
        existing = Article.objects.filter(content_hash=prepared.digest).first()
        if existing is None:
            raise
        return IngestResult(existing, UNCHANGED)


def _store(prepared: PreparedDocument) -> IngestResult:
    document = prepared.document
    source = source_get_or_create(name=document.source) if document.source else None
    fields = {
        "source": source,
        "title": document.title,
        "subtitle": document.subtitle or "",
        "body": document.body,
        "published_at": document.published_at,
        "content_hash": prepared.digest,
        "word_count": len(document.text.split()),
        "extractor_version": EXTRACTOR_VERSION,
    }
    article = Article.objects.select_for_update().filter(url=document.url).first() if document.url else None
    if article is not None:
        # The same URL with new content: its quotes and claims keep their ids and editors' corrections
        # (ingestion/reconcile.py), realigned to the new text; its fingerprint is taken again.
        old_text = article.text
        article.bands.all().delete()
        ArticleFingerprint.objects.filter(article=article).delete()
        fields["duplicate_of_id"] = _story_of(prepared.fingerprint, exclude=article.pk)
        for name, value in fields.items():
            setattr(article, name, value)
        article.save()
        _fingerprint_store(article, prepared.fingerprint)
        stored: list[IngestResult] = []

        def store() -> dict[str, int]:
            stored.append(_store_extraction(article, document.text, prepared.extraction, counted=False))
            return stored[0].counts

        extractions_realign(article=article, old_text=old_text, store=store)
        result = stored[0]
        result.status = UPDATED
        return result
    fields["duplicate_of_id"] = _story_of(prepared.fingerprint)
    article = Article.objects.create(url=document.url, **fields)
    _fingerprint_store(article, prepared.fingerprint)
    result = _store_extraction(article, document.text, prepared.extraction)
    result.status = CREATED
    return result


def _story_of(fingerprint: Fingerprint, exclude: int | None = None) -> int | None:
    """The first article of the story this text is a near-copy of, or None. The candidates are the articles
    sharing most LSH bands, confirmed on their MinHash signatures."""
    shared = Counter(article_id for article_id in _band_holders(fingerprint.bands) if article_id != exclude)
    candidates = [article_id for article_id, _ in sorted(shared.items(), key=lambda item: (-item[1], item[0]))]
    if not candidates:
        return None
    threshold = settings.NEAR_DUPLICATE_SIMILARITY
    scored = [
        (similarity(fingerprint.signature, row.signature), -row.article_id, row)
        for row in ArticleFingerprint.objects.filter(article_id__in=candidates[:DUPLICATE_CANDIDATES])
        .select_related("article").only("signature", "article__duplicate_of_id")
    ]
    scored = [item for item in scored if item[0] >= threshold]
    if not scored:
        return None
    best = max(scored, key=lambda item: item[:2])[2].article
    # A copy of a copy belongs to the story's first article.
    return best.duplicate_of_id or best.pk


def _band_holders(keys: tuple[int, ...]) -> list[int]:
    """The first BAND_HOLDERS articles holding each key: one query of bounded index ranges. A key that
    boilerplate shares among thousands of articles then costs what a rare one does, and a story's first
    article, stored before its copies, is among the first holders of its keys."""
    table = connection.ops.quote_name(ArticleBand._meta.db_table)
    ranges = " UNION ALL ".join(
        f"SELECT article_id FROM (SELECT article_id FROM {table} WHERE key = %s ORDER BY article_id LIMIT "
        f"{BAND_HOLDERS}) AS band_{number}" for number in range(len(keys)))
    with connection.cursor() as cursor:
        cursor.execute(ranges, list(keys))
        return [row[0] for row in cursor.fetchall()]


def _fingerprint_store(article: Article, fingerprint: Fingerprint) -> None:
    ArticleFingerprint.objects.create(article=article, signature=fingerprint.signature)
    ArticleBand.objects.bulk_create([ArticleBand(article=article, key=key) for key in set(fingerprint.bands)])


def _store_extraction(article: Article, text: str, extraction: Extraction, *, counted: bool = True) -> IngestResult:
    """Store an extraction of the article's text: entities, mentions, quotes, claims and their measures. The
    entities' kept counts move by what was stored, unless `counted` is False (a re-extraction counts the
    difference once it has folded the new rows into the old: ingestion/reconcile.py)."""
    length = len(text)
    places = _subject_places(extraction)
    resolution = entities_resolve(entities=[*extraction.entities, *places])
    rows = resolution.rows
    rows_by_name = {item.name: row for item, row in zip(extraction.entities, rows, strict=False)}
    place_rows = {item.name: row for item, row in zip(places, rows[len(extraction.entities):], strict=True)}
    mentions: dict[tuple[int, int], Mention] = {}
    for item in extraction.entities:
        entity = rows_by_name[item.name]
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
    rows_create_with_history(quotes, Quote)  # the audit starts at creation, by whoever posted the article

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
            published_at=article.published_at,
        ))
        subjects.append([rows_by_name[name] for name in item.subjects if name in rows_by_name])
    measure_subjects = [_subject_entity(item.subject, rows_by_name, place_rows, extraction)
                        for item in extraction.claims]
    for about, subject in zip(subjects, measure_subjects, strict=True):
        if subject is not None and subject not in about:
            about.append(subject)
    repeated = story_figures(story_id=article.duplicate_of_id) if article.duplicate_of_id else None
    measures_assign(claims=claims, subjects=measure_subjects, repeated=repeated)
    for claim in claims:
        claim.vocabulary_set()  # bulk_create does not call save()
    rows_create_with_history(claims, Claim)
    through = Claim.subjects.through
    through.objects.bulk_create(
        [through(claim_id=claim.pk, entity_id=entity.pk) for claim, about in zip(claims, subjects, strict=True) for entity in
         {e.pk: e for e in about}.values()]
    )
    if counted:
        entity_counts_change(entity_counts_of(mentioned=[m.entity_id for m in mentions.values()],
                                              speakers=[q.speaker_id for q in quotes],
                                              claimants=[c.claimant_id for c in claims]))
    counts = {"entities": len({row.pk for row in rows_by_name.values()}), "mentions": len(mentions),
              "quotes": len(quotes), "claims": len(claims)}
    return IngestResult(article, CREATED, counts, created_entities=resolution.created,
                        entities={row.pk for row in rows})


def rows_create_with_history(rows: list, model) -> None:
    """Insert rows and their "created" audit records (django-simple-history), as bulk_create_with_history does.

    That function builds a Python object per record; here one INSERT ... SELECT copies the rows just written
    into the history table, which takes a quarter off the writer's CPU per article (about 40 quotes and 40
    claims each)."""
    model.objects.bulk_create(rows)
    if not rows or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    history = model.history.model
    user = history.get_default_history_user(rows[0])  # the request's user (the poster), or none for a load
    name = connection.ops.quote_name

    def typed(field_name: str) -> str:  # a parameter cast to its column's type, so that SELECT yields it typed
        return f"CAST(%s AS {history._meta.get_field(field_name).db_type(connection)})"

    columns = ", ".join(name(field.column) for field in history.tracked_fields)
    key = name(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {name(history._meta.db_table)} ({columns}, related_changes, history_change_reason, "
            f"history_date, history_type, history_user_id) "
            f"SELECT {columns}, {typed('related_changes')}, {typed('history_change_reason')}, "
            f"{typed('history_date')}, {typed('history_type')}, {typed('history_user')} "
            f"FROM {name(model._meta.db_table)} WHERE {key} IN ({', '.join(['%s'] * len(rows))}) ORDER BY {key}",
            ["[]", "", timezone.now(), "+", user.pk if user else None, *[row.pk for row in rows]],
        )


def _subject_places(extraction: Extraction) -> list[extracted.Entity]:
    """Places that claims are about but the article does not name as entities: found in the gazetteer."""
    names, places = {item.name for item in extraction.entities}, {}
    aliases = {alias for item in extraction.entities for alias in item.aliases}
    for claim in extraction.claims:
        name = claim.subject
        if not name or name in names or name in aliases or name in places:
            continue
        place = lookup_place(name)
        if place is not None:
            places[name] = extracted.Entity(name=name, type="LOCATION", country_code=place.country_code or None,
                                            latitude=place.latitude, longitude=place.longitude)
    return list(places.values())


def _subject_entity(name: str | None, rows_by_name: dict[str, Entity], place_rows: dict[str, Entity],
                    extraction: Extraction) -> Entity | None:
    """The entity a claim's subject names: one of the article's, or the country from the gazetteer."""
    if not name:
        return None
    if name in rows_by_name:
        return rows_by_name[name]
    for item in extraction.entities:
        if name in item.aliases and item.name in rows_by_name:
            return rows_by_name[item.name]
    return place_rows.get(name)


def _check_span(start: int, end: int, length: int, what: str) -> None:
    if not 0 <= start < end <= length:
        raise ValueError(f"{what} offsets {start}:{end} fall outside the article text of {length} characters")


def source_get_or_create(*, name: str) -> Source:
    slug = name_slug(name, max_length=200, fallback="source")
    source, _ = Source.objects.get_or_create(slug=slug, defaults={"name": name[:200]})
    return source


def normalize_name(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").replace(".", "").split())


@dataclass
class Resolution:
    rows: list[Entity]  # the stored entity of each extracted one, in order
    created: list[int]  # ids of the entities created


@dataclass(eq=False)
class _Known:
    """What resolution needs of a stored (or about to be stored) entity."""

    row: Entity
    names: set[str]  # its normalized names among those this article uses
    multiword: bool  # whether any of its names has more than one word
    rank: tuple  # the order the database lists entities in (name, id); new ones after


def entity_resolve(*, entity: extracted.Entity) -> Entity:
    """The stored entity an extracted one names, created or enriched as needed."""
    return entities_resolve(entities=[entity]).rows[0]


@transaction.atomic(savepoint=False)  # the name locks below last until the caller's transaction ends
def entities_resolve(*, entities: list[extracted.Entity]) -> Resolution:
    """The stored entity each extracted one names, created or enriched as needed, in a few queries for all.

    Names and aliases are matched case-insensitively within a type. A person known by a full name is matched
    only on a full name, so that two people with the same surname are never merged through it; a bare surname
    joins a stored person only when exactly one has that surname (one that several share is an entity of
    its own, the same in every article). Places with the coordinates of a stored
    place (Kiev, Kyiv) are that place. The entities are resolved in order, each seeing those before it.

    Before creating entities, the transaction locks their names (on PostgreSQL) and resolves again: a
    concurrent transaction creating the same entity has committed it by then, and it is found, not created
    twice.
    """
    plan = _resolution_plan(entities)
    if connection.vendor == "postgresql":
        locked: set[str] = set()
        # Resolving again can (rarely) make another entity new, e.g. a surname that now names two people:
        # its names are locked in turn.
        while plan.claimed - locked:
            advisory_locks_take(names=plan.claimed - locked)
            locked |= plan.claimed
            plan = _resolution_plan(entities)
    _entities_insert([k.row for k in plan.new])
    EntityAlias.objects.bulk_create(
        [EntityAlias(entity=row, name=name[:300], normalized=key[:300]) for row, name, key in plan.aliases],
        ignore_conflicts=True,  # a name the entity already has (outside this article's names) stays once
    )
    Entity.objects.bulk_update(plan.changed.values(), ["name", "country_code", "latitude", "longitude"])
    return Resolution(plan.rows, [k.row.pk for k in plan.new])


@dataclass
class _Plan:
    """What resolving an article's entities will write, worked out from the stored entities alone."""

    rows: list[Entity] = field(default_factory=list)
    new: list[_Known] = field(default_factory=list)
    changed: dict[int, Entity] = field(default_factory=dict)
    aliases: list[tuple] = field(default_factory=list)  # (entity, name, normalized name) to insert
    # The lock names of the entities to create: every name another article could find them by (their names,
    # a person's surname, a place's coordinates).
    claimed: set[str] = field(default_factory=set)


def _resolution_plan(entities: list[extracted.Entity]) -> _Plan:
    keys = [{normalize_name(n) for n in (e.name, *e.aliases)} - {""} for e in entities]
    surnames = [normalize_name(e.name.split()[-1]) if e.type == "PERSON" and len(e.name.split()) > 1 else None
                for e in entities]
    by_name, by_place = _known_entities(entities, keys, surnames)
    plan = _Plan()
    for entity, names, surname in zip(entities, keys, surnames, strict=True):
        candidates = sorted({k for key in names for k in by_name[key] if k.row.type == entity.type},
                            key=lambda k: k.rank)
        if surname:
            candidates += sorted({k for k in by_name[surname] if k.row.type == "PERSON"} - set(candidates),
                                 key=lambda k: k.rank)
        match = _choose(entity, candidates)
        if match is None and entity.type == "LOCATION" and entity.latitude is not None:
            places = by_place.get((entity.latitude, entity.longitude))
            match = min(places, key=lambda k: k.rank) if places else None
        if match is None:
            match = _Known(Entity(name=entity.name[:300], type=entity.type, country_code=entity.country_code or "",
                                  latitude=entity.latitude, longitude=entity.longitude), set(), False, (1, len(plan.new)))
            plan.new.append(match)
            if entity.type == "LOCATION" and entity.latitude is not None:
                by_place.setdefault((entity.latitude, entity.longitude), []).append(match)
        plan.aliases += _names_add(match, entity, by_name)
        if match.row.pk is None:
            plan.claimed |= {f"entity:{key}" for key in (names | {surname}) - {None}}
            if entity.latitude is not None:
                plan.claimed.add(f"place:{entity.latitude},{entity.longitude}")
        if _enrich(match.row, entity) and match.row.pk is not None:
            plan.changed[match.row.pk] = match.row
        plan.rows.append(match.row)
    return plan


def _known_entities(entities, keys, surnames) -> tuple[dict[str, list[_Known]], dict[tuple, list[_Known]]]:
    """The stored entities any of these names or coordinates could mean: two or three queries."""
    lookup = set().union(*keys, {s for s in surnames if s})
    pairs = list(EntityAlias.objects.filter(normalized__in=lookup).values_list("entity_id", "normalized")) if lookup \
        else []
    multiword = EntityAlias.objects.filter(entity=OuterRef("pk"), normalized__contains=" ")
    rows = Entity.objects.filter(pk__in={pk for pk, _ in pairs}).annotate(multiword=Exists(multiword)) \
        .order_by("name", "id")
    known = {row.pk: _Known(row, set(), row.multiword, (0, number)) for number, row in enumerate(rows)}
    by_name: dict[str, list[_Known]] = defaultdict(list)
    for pk, key in pairs:
        known[pk].names.add(key)
        by_name[key].append(known[pk])
    coordinates = {(e.latitude, e.longitude) for e in entities if e.type == "LOCATION" and e.latitude is not None}
    by_place: dict[tuple, list[_Known]] = {}
    if coordinates:
        places = Entity.objects.filter(type="LOCATION", latitude__in={lat for lat, _ in coordinates},
                                       longitude__in={lon for _, lon in coordinates}).order_by("name", "id")
        for number, row in enumerate(places):
            if (row.latitude, row.longitude) in coordinates:
                # An entity found both ways is one object, so that changes to it are seen by both.
                entry = known.get(row.pk) or _Known(row, set(), True, (0, len(known) + number))
                by_place.setdefault((row.latitude, row.longitude), []).append(entry)
    return by_name, by_place


def _choose(entity: extracted.Entity, candidates: list[_Known]) -> _Known | None:
    if not candidates:
        return None
    if entity.type != "PERSON":
        return candidates[0]
    full = {normalize_name(n) for n in (entity.name, *entity.aliases) if len(n.split()) > 1}
    if full:
        for candidate in candidates:
            if full & {key for key in candidate.names if len(key.split()) > 1}:
                return candidate
        # A person known by the surname alone gains the full name only when nobody else has that surname: a
        # surname stored while several people shared it may mean any of them.
        return candidates[0] if len(candidates) == 1 and not candidates[0].multiword else None
    if len(candidates) == 1:
        return candidates[0]
    # A bare surname several people share is given to none of them, and is one entity of its own: the same
    # ambiguous surname in a later article is that entity again, not one more row (and one more candidate
    # every later article with that surname would read).
    ambiguous = [c for c in candidates if not c.multiword]
    return ambiguous[0] if ambiguous else None


def _names_add(match: _Known, entity: extracted.Entity, by_name: dict[str, list[_Known]]) -> list[tuple]:
    """The names of `entity` that `match` does not have yet (to insert), noted as known from now on."""
    added = []
    for name in (entity.name, *entity.aliases, match.row.name):
        key = normalize_name(name)
        if key and key not in match.names:
            match.names.add(key)
            match.multiword = match.multiword or len(key.split()) > 1
            by_name[key].append(match)
            added.append((match.row, name, key))
    return added


def _enrich(row: Entity, entity: extracted.Entity) -> bool:
    """The fullest name any article uses becomes the entity's name; a place gains a country and coordinates."""
    # An entity an editor verified keeps the name the editor gave it.
    longer = len(entity.name.split()) > len(row.name.split()) and not row.verified
    if longer or (not row.country_code and entity.country_code):
        if longer:
            row.name = entity.name[:300]
        row.country_code = row.country_code or entity.country_code or ""
        if row.latitude is None and entity.latitude is not None:
            row.latitude, row.longitude = entity.latitude, entity.longitude
        return True
    return False


def _entities_insert(rows: list[Entity]) -> None:
    """Give new entities their names' slugs (in any script: articles/slugs.py) and insert them together, one
    query to see which slugs are free; a row whose slug is taken, or that a concurrent loader takes meanwhile,
    tries the next candidates alone."""
    if not rows:
        return
    max_length = Entity._meta.get_field("slug").max_length - SUFFIX_ROOM
    bases = [name_slug(row.name, max_length=max_length, fallback="entity") for row in rows]
    taken = set(Entity.objects.filter(slug__in=set(bases)).values_list("slug", flat=True))
    batch, alone = [], []
    for row, base in zip(rows, bases, strict=True):
        if base in taken:
            alone.append(row)
        else:
            row.slug = base
            taken.add(base)
            batch.append(row)
    try:
        with transaction.atomic():
            # In slug order, so that two transactions inserting some of the same slugs wait for each other
            # in one direction only (a circle would be a deadlock).
            Entity.objects.bulk_create(sorted(batch, key=lambda row: row.slug))
    except IntegrityError:
        for row in batch:
            row.pk = None
        alone = batch + alone
    for row in alone:
        _entity_insert(row)


def _entity_insert(row: Entity) -> None:
    for slug in slug_candidates(Entity, row.name, fallback="entity"):
        if Entity.objects.filter(slug=slug).exists():
            continue
        row.slug = slug
        try:
            with transaction.atomic():
                row.save(force_insert=True)
                return
        except IntegrityError:
            row.pk = None  # another loader took this slug a moment ago
