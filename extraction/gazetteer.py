"""Place and first-name lookups, read once from the TSV files in `data/`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lexicon import COUNTRY_ALIASES, KNOWN_REGIONS

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # country, region, city
    country_code: str
    latitude: float | None
    longitude: float | None
    population: int
    group: str  # one id per real place: alternate names share it


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Each name to its most prominent place: countries, then regions, then the most populous city."""
    rank = {"country": 0, "region": 1, "city": 2}
    best: dict[str, Place] = {}
    with open(DATA / "places.tsv", encoding="utf-8") as source:
        for line in source:
            if line.startswith("#"):
                continue
            name, kind, country, lat, lon, population, group = line.rstrip("\n").split("\t")
            place = Place(name, kind, country, float(lat) if lat else None, float(lon) if lon else None,
                          int(population or 0), group)
            current = best.get(name)
            if current is None or (rank[kind], -place.population) < (rank[current.kind], -current.population):
                best[name] = place
    by_group_country = {p.name: p for p in best.values() if p.kind == "country"}
    for name, country_code in KNOWN_REGIONS.items():
        best.setdefault(name, Place(name, "region", country_code, None, None, 0, f"r:{name}"))
    for alias, canonical in COUNTRY_ALIASES.items():
        target = by_group_country.get(canonical) or best.get(canonical)
        if target is not None:
            best[alias] = Place(alias, target.kind, target.country_code, target.latitude, target.longitude,
                                target.population, target.group)
    return best


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name to "m", "f" or "?"."""
    names = {}
    with open(DATA / "first_names.tsv", encoding="utf-8") as source:
        for line in source:
            if not line.startswith("#"):
                name, gender = line.rstrip("\n").split("\t")
                names[name] = gender
    return names


def lookup_place(name: str) -> Place | None:
    return places().get(name)
