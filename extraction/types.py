"""The pipeline's data: plain frozen dataclasses, no Django."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Document:
    """An article as read from a file or a request, before extraction."""

    title: str
    body: str
    published_at: datetime | None = None
    subtitle: str | None = None
    url: str | None = None
    source: str | None = None

    @property
    def text(self) -> str:
        """The one string all offsets index: title, subtitle (when present), body."""
        parts = [self.title, self.subtitle, self.body] if self.subtitle else [self.title, self.body]
        return PARAGRAPH_BREAK.join(parts)

    @property
    def body_start(self) -> int:
        return len(self.text) - len(self.body)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    name: str
    type: str  # PERSON, ORGANIZATION, LOCATION, PRODUCT
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    gender: str | None = None  # "m", "f" or None: used to resolve pronouns


@dataclass(frozen=True)
class Quote:
    text: str
    kind: str  # direct, partial, indirect
    speaker: str | None  # the entity's name, or the source as worded, or None
    speaker_text: str | None
    cue: str | None
    start: int
    end: int
    sentence: str
    speaker_is_entity: bool = False
    attribution: str | None = None  # how the speaker was found: one of attribution.METHODS, None when not
    confidence: float | None = None  # that method's measured accuracy on the development sets


@dataclass(frozen=True)
class Claim:
    text: str
    claimant: str | None
    claimant_text: str | None
    start: int
    end: int
    value: float | None = None
    qualifier: str | None = None  # exact, approximately, at_least, more_than, at_most, less_than
    unit: str | None = None
    predicate: str | None = None
    quote_index: int | None = None  # index into Extraction.quotes when made inside a quote
    claimant_is_entity: bool = False
    subjects: tuple[str, ...] = ()  # names of entities the claim is about
    subject: str | None = None  # whose the counted things are, or where: "Ukraine" for "Ukrainian soldiers"
    attribution: str | None = None  # how the claimant was found: one of attribution.METHODS, None when not
    confidence: float | None = None  # that method's measured accuracy on the development sets


@dataclass(frozen=True)
class Extraction:
    document: Document
    entities: tuple[Entity, ...] = field(default_factory=tuple)
    quotes: tuple[Quote, ...] = field(default_factory=tuple)
    claims: tuple[Claim, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        """The extraction contract of design.md: what `manage.py extract` prints."""
        document = self.document
        return {
            "article": {
                "title": document.title,
                "subtitle": document.subtitle,
                "published_at": _iso(document.published_at),
                "body": document.body,
                "url": document.url,
                "source": document.source,
            },
            "entities": [
                {
                    "name": entity.name,
                    "type": entity.type,
                    "aliases": list(entity.aliases),
                    "country_code": entity.country_code,
                    "latitude": entity.latitude,
                    "longitude": entity.longitude,
                    "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in entity.mentions],
                }
                for entity in self.entities
            ],
            "quotes": [
                {
                    "text": quote.text,
                    "kind": quote.kind,
                    "speaker": quote.speaker,
                    "speaker_text": quote.speaker_text,
                    "cue": quote.cue,
                    "attribution": quote.attribution,
                    "confidence": quote.confidence,
                    "start": quote.start,
                    "end": quote.end,
                }
                for quote in self.quotes
            ],
            "claims": [
                {
                    "text": claim.text,
                    "claimant": claim.claimant,
                    "claimant_text": claim.claimant_text,
                    "attribution": claim.attribution,
                    "confidence": claim.confidence,
                    "value": _number(claim.value),
                    "qualifier": claim.qualifier if _number(claim.value) is not None else None,
                    "unit": claim.unit,
                    "predicate": claim.predicate,
                    "subjects": list(claim.subjects),
                    "subject": claim.subject,
                    "start": claim.start,
                    "end": claim.end,
                }
                for claim in self.claims
            ],
        }


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.isoformat().replace("+00:00", "Z")


# The largest figure kept. Reading digits has no limit of its own (400 nines are float('inf')); no news figure
# is larger, and past 2**53 a JSON reader loses its digits. A larger figure is dropped: see `figure_or_none`.
MAX_FIGURE = 10**15


def figure_or_none(value: float | None) -> float | None:
    """The value when it is a finite figure within ±MAX_FIGURE, else None (the claim is kept without one)."""
    if value is None or not math.isfinite(value) or abs(value) > MAX_FIGURE:
        return None
    return value


def _number(value: float | None) -> float | int | None:
    value = figure_or_none(value)
    if value is not None and float(value).is_integer():
        return int(value)
    return value
