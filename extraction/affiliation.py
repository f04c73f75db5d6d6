"""Which country a nationality word, a place or a source belongs to.

Used to find whose a counted thing is: "Ukrainian soldiers" -> Ukraine; "his
troops" said by "Ukrainian President Volodymyr Zelensky" -> Ukraine; "Kiev
sources" -> Ukraine.
"""

from __future__ import annotations

from functools import lru_cache

from . import lexicon
from .gazetteer import lookup_place, places
from .lexicon import DEMONYMS
from .types import Entity


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Country name to ISO code, names of more than one word included."""
    return {name: place.country_code for name, place in places().items() if place.kind == "country"}


@lru_cache(maxsize=512)
def country_of_demonym(word: str) -> str | None:
    """"Ukrainian" -> "Ukraine", "Russians" -> "Russia"; None for words that name no single country."""
    word = word[:-1] if word.endswith("s") and word[:-1] in DEMONYMS else word
    if word in lexicon.NOT_NATIONAL or word not in DEMONYMS:
        return None
    if word in lexicon.IRREGULAR_DEMONYMS:
        return lexicon.IRREGULAR_DEMONYMS[word]
    best, best_length = None, 3
    for country in _countries():
        if " " in country:
            continue
        length = 0
        for a, b in zip(word.lower(), country.lower(), strict=False):
            if a != b:
                break
            length += 1
        if length > best_length or (length == best_length and best and len(country) < len(best)):
            best, best_length = country, length
    return best


def country_of_place(name: str) -> str | None:
    """The country a place name lies in ("Kiev" -> "Ukraine"); a country is its own."""
    place = lookup_place(name)
    if place is None or not place.country_code:
        return None
    if place.kind == "country":
        return _canonical_country(place.country_code)
    return _canonical_country(place.country_code)


@lru_cache(maxsize=512)
def _canonical_country(code: str) -> str | None:
    names = [name for name, c in _countries().items() if c == code]
    # The shortest common name: "Russia", not "Russian Federation".
    return min(names, key=len) if names else None


def country_of_entity(entity: Entity, text: str) -> str | None:
    """A source's country: a place is its own; "Russia's Defense Ministry" is Russia's; a person named
    after a nationality word or a country's possessive ("Ukrainian President Volodymyr Zelensky") is of it."""
    if entity.type == "LOCATION":
        return country_of_place(entity.name)
    if "'s " in entity.name:
        found = country_of_place(entity.name.split("'s ")[0])
        if found:
            return found
    for mention in entity.mentions:
        before = text[max(0, mention.start - 80):mention.start].replace("’", "'").split()
        for word in reversed(before[-6:]):
            clean = word.strip(",.;:\"“”")
            if clean.endswith("'s"):
                found = country_of_place(clean[:-2])
                if found:
                    return found
            found = country_of_demonym(clean)
            if found:
                return found
            if clean.endswith((".", ",", ";")) or word.endswith((".", ",", ";")):
                break
    return None


def country_of_phrase(phrase: str) -> str | None:
    """"Kiev sources", "Iraqi officials": the country of a place or nationality word in a worded source."""
    for word in phrase.replace("’", "'").split():
        clean = word.strip(",.;:\"“”").removesuffix("'s")
        found = country_of_place(clean) if clean[:1].isupper() else None
        found = found or country_of_demonym(clean)
        if found:
            return found
    return None
