"""Measures: what a figure counts, so that figures from different sources can be compared.

A measure is (predicate, unit, subject): "killed / soldier / Ukraine". The
predicate is normalised to a small vocabulary so that "shot down", "knocked
out" and "neutralized" are one event; the unit is the head noun ("ground
infrastructure facility" and "ground facility" both count facilities).

A figure with its qualifier is an interval of the values it allows:

    exact 74          [74, 74]
    approximately 10  [9, 11]      (± APPROXIMATE_TOLERANCE of the value, at least ± 1)
    at_least 50       [50, ∞)
    more_than 70      (70, ∞)
    at_most 32        (-∞, 32]
    less_than 10      (-∞, 10)

Two figures for one measure are `consistent` when their intervals overlap and
`conflicting` when they do not; one `refines` the other when its interval lies
inside the other's and is narrower ("74" refines "more than 70").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

APPROXIMATE_TOLERANCE = 0.10

# Normalised predicates and the verbs that mean them.
PREDICATE_SYNONYMS: dict[str, set[str]] = {
    "killed": {"killed", "kill", "killing", "dead", "died", "die", "slain", "executed", "massacred", "murdered",
               "shot dead", "perished", "drowned", "lost their lives"},
    "wounded": {"wounded", "injured", "hurt", "wounding", "injuring", "maimed"},
    "destroyed": {"destroyed", "shot down", "knocked out", "neutralized", "neutralised", "eliminated", "downed",
                  "disabled", "wiped out", "incapacitated", "hit", "struck", "demolished", "sunk", "sank",
                  "burned", "razed", "taken out"},
    "damaged": {"damaged"},
    "captured": {"captured", "seized", "taken", "took", "occupied", "overran", "taken over"},
    "displaced": {"displaced", "fled", "uprooted", "forced out", "made homeless"},
    "evacuated": {"evacuated"},
    "arrested": {"arrested", "detained", "jailed", "imprisoned", "held", "rounded up"},
    "rescued": {"rescued", "saved", "freed", "released"},
    "missing": {"missing", "disappeared"},
    "rose": {"rose", "risen", "increased", "increase", "grew", "grown", "climbed", "jumped", "soared", "surged",
             "exceeded", "topped"},
    "fell": {"fell", "fallen", "dropped", "declined", "decreased", "decrease", "plunged", "slipped", "shrank",
             "reduced", "cut"},
}
_PREDICATE_OF = {word: canonical for canonical, words in PREDICATE_SYNONYMS.items() for word in words}
# Units that carry their own event: "50 deaths confirmed" counts people killed.
UNIT_EVENTS = {"death": ("killed", "person"), "fatality": ("killed", "person"), "dead": ("killed", "person"),
               "injury": ("wounded", "person"), "casualty": ("casualties", "person")}
UNIT_SYNONYMS = {"people": "person", "troop": "soldier", "serviceman": "soldier", "servicemember": "soldier"}


def normalize_predicate(predicate: str | None) -> str:
    """The canonical event of a predicate: "knocked out" -> "destroyed"; unknown verbs are kept as they are."""
    if not predicate:
        return ""
    words = predicate.lower().strip()
    if words in _PREDICATE_OF:
        return _PREDICATE_OF[words]
    head = words.split()[0]
    return _PREDICATE_OF.get(head, words)


def unit_head(unit: str | None) -> str:
    """What is counted, as one word: "ground infrastructure facility" -> "facility"."""
    if not unit:
        return ""
    head = unit.lower().split()[-1]
    return UNIT_SYNONYMS.get(head, head)


def measure_of(predicate: str | None, unit: str | None) -> tuple[str, str]:
    """(normalised predicate, unit head); a unit that names its event ("deaths") supplies it."""
    head = unit_head(unit)
    if head in UNIT_EVENTS:
        event, counted = UNIT_EVENTS[head]
        return event, counted
    return normalize_predicate(predicate), head


# The vocabulary the functions above know: every other word stands for itself.
_KNOWN_UNIT_WORDS = set(UNIT_SYNONYMS) | set(UNIT_SYNONYMS.values()) | set(UNIT_EVENTS)


def counted_unit(unit: str | None) -> str:
    """What a stated unit counts in its measure: "ground facility" -> "facility", "troops" -> "soldier"
    (as `measure_of` reads it), "deaths" -> "person"."""
    return measure_of(None, unit)[1]


def unit_words(unit: str) -> set[str]:
    """The last words of a stated unit that count what `unit` counts: "soldier" <- soldier, troop,
    serviceman, servicemember; "person" <- person, people, death, fatality, dead, injury, casualty."""
    counted = counted_unit(unit)
    return {word for word in _KNOWN_UNIT_WORDS | {counted} if counted_unit(word) == counted}


def event_unit_words(predicate: str) -> set[str]:
    """The last words of a stated unit that name this event themselves ("deaths" is `killed`)."""
    event = normalize_predicate(predicate)
    return {word for word in _KNOWN_UNIT_WORDS if unit_head(word) in UNIT_EVENTS
            and UNIT_EVENTS[unit_head(word)][0] == event}


def all_event_unit_words() -> set[str]:
    return {word for word in _KNOWN_UNIT_WORDS if unit_head(word) in UNIT_EVENTS}


def predicate_wordings(predicate: str) -> tuple[set[str], set[str]]:
    """How a stated predicate normalises to `predicate`'s event: (phrases that do as a whole, first words that
    do when the whole phrase is not in the vocabulary). "destroyed" <- "knocked out", "neutralized", ... as
    phrases and "destroyed", "downed", ... as first words ("destroyed completely")."""
    event = normalize_predicate(predicate)
    phrases = {phrase for phrase, canonical in _PREDICATE_OF.items() if canonical == event}
    if not phrases:
        phrases = {event}  # a verb outside the vocabulary stands for itself
    return phrases, {phrase for phrase in phrases if " " not in phrase and phrase in _PREDICATE_OF}


def known_predicate_phrases() -> set[str]:
    return set(_PREDICATE_OF)


def measure_key(predicate: str, unit: str, subject: str | None) -> str:
    """A stable, URL-safe key: "killed--soldier--ukraine" ("any" for no subject)."""
    parts = [predicate or "count", unit or "thing", subject or "any"]
    return "--".join(_slug(part) for part in parts)


def _slug(value: str) -> str:
    ascii_value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_value.lower()).strip("-") or "x"


@dataclass(frozen=True)
class Interval:
    """The values a figure allows; None is unbounded."""

    lower: float | None
    upper: float | None
    lower_open: bool = False
    upper_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        return _below_or_touching(self.lower, self.lower_open, other.upper, other.upper_open) and (
            _below_or_touching(other.lower, other.lower_open, self.upper, self.upper_open)
        )

    def contains(self, other: Interval) -> bool:
        lower_ok = self.lower is None or (
            other.lower is not None
            and (other.lower > self.lower or (other.lower == self.lower and (not self.lower_open or other.lower_open)))
        )
        upper_ok = self.upper is None or (
            other.upper is not None
            and (other.upper < self.upper or (other.upper == self.upper and (not self.upper_open or other.upper_open)))
        )
        return lower_ok and upper_ok

    def __str__(self) -> str:
        left = "(" if self.lower is None or self.lower_open else "["
        right = ")" if self.upper is None or self.upper_open else "]"
        low = "-inf" if self.lower is None else f"{self.lower:g}"
        high = "inf" if self.upper is None else f"{self.upper:g}"
        return f"{left}{low}, {high}{right}"


def _below_or_touching(low: float | None, low_open: bool, high: float | None, high_open: bool) -> bool:
    if low is None or high is None:
        return True
    return low < high or (low == high and not low_open and not high_open)


def interval(value: float, qualifier: str | None) -> Interval:
    qualifier = qualifier or "exact"
    if qualifier == "approximately":
        spread = max(abs(value) * APPROXIMATE_TOLERANCE, 1.0)
        return Interval(value - spread, value + spread)
    if qualifier == "at_least":
        return Interval(value, None)
    if qualifier == "more_than":
        return Interval(value, None, lower_open=True)
    if qualifier == "at_most":
        return Interval(None, value)
    if qualifier == "less_than":
        return Interval(None, value, upper_open=True)
    return Interval(value, value)


CONSISTENT, CONFLICTING = "consistent", "conflicting"


def relation(a: Interval, b: Interval) -> str:
    return CONSISTENT if a.overlaps(b) else CONFLICTING


def refines(a: Interval, b: Interval) -> bool:
    """a narrows b down: it lies inside b and is not b."""
    return b.contains(a) and a != b
