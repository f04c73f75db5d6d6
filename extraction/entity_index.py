"""The entity index: which entity a span of text names, shared by attribution, quotes and claims."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict

from .candidates import PERSON
from .types import Entity

# How many distinct people before a pronoun are weighed as its antecedent, and how far back (characters)
# one is looked for: antecedents are near, and a bounded look keeps long documents linear.
PRONOUN_CANDIDATES = 3
MAX_ANTECEDENT_DISTANCE = 5_000
# How far before a name its title is looked for: "Senate Majority Leader Mitch McConnell".
TITLE_REACH = 40
# How far back "the company" or "the official" looks for what it stands for.
MAX_LOOKBACK = 20_000


class EntityIndex:
    """Which entity a span of text names, for attributing quotes and claims."""

    def __init__(self, entities: list[Entity], text=None):
        """`text` (a text.Text) lets look-ups consult the parse: subjects, noun phrases."""
        self.entities = entities
        self.text = text
        subject_heads = text.subject_heads() if text is not None else None
        # Where grammatical subjects' head words are: a person named as a subject is the likelier antecedent
        # of a later "he" or "she" than one named in passing (centering).
        self._subject_heads = subject_heads or []
        self._quoted_starts: list[int] = []  # quoted stretches, whose names are not antecedents
        self._quoted_ends: list[int] = []
        self._mentions = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda item: item[0]
        )
        self._starts = [mention[0] for mention in self._mentions]
        covered: list[list[int]] = []  # mention spans merged where they overlap
        for start, end, _ in self._mentions:
            if covered and start <= covered[-1][1]:
                covered[-1][1] = max(covered[-1][1], end)
            else:
                covered.append([start, end])
        self._covered_starts = [span[0] for span in covered]
        self._covered_ends = [span[1] for span in covered]
        self._gender: dict[str, str | None] = {e.name: e.gender for e in entities}
        self.by_name = {e.name: e for e in entities}
        self._by_surface: dict[str, Entity] = defaultdict(lambda: None)
        for entity in entities:
            for alias in (entity.name, *entity.aliases):
                self._by_surface.setdefault(alias, entity)

    def in_span(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        first = bisect_left(self._starts, start)
        found = []
        for mention in self._mentions[first:]:
            if mention[0] >= end:
                break
            if mention[1] <= end:
                found.append(mention)
        return found

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) grown to cover every mention it cuts into."""
        first = bisect_left(self._starts, start)
        for k in range(max(first - 3, 0), len(self._mentions)):
            mention_start, mention_end, _ = self._mentions[k]
            if mention_start >= end:
                break
            if mention_end > start:
                start, end = min(start, mention_start), max(end, mention_end)
        return start, end

    def _before(self, offset: int):
        """Mentions that end by `offset`, nearest first, no further back than MAX_LOOKBACK (a bisect and a
        bound, so that long articles stay linear)."""
        for k in range(bisect_left(self._starts, offset) - 1, -1, -1):
            if self._mentions[k][0] < offset - MAX_LOOKBACK:
                return
            if self._mentions[k][1] <= offset:
                yield self._mentions[k]

    def last_of_type_before(self, offset: int, type_: str) -> Entity | None:
        return next((entity for _, _, entity in self._before(offset) if entity.type == type_), None)

    def last_person_before(self, offset: int, gender: str | None = None) -> Entity | None:
        """The person a pronoun at `offset` most likely stands for: of a compatible gender, the last one
        named as a grammatical subject among the nearest PRONOUN_CANDIDATES, else the last one named."""
        nearest = None
        seen: list[Entity] = []
        for start, end, entity in self._before(offset):
            if start < offset - MAX_ANTECEDENT_DISTANCE:
                break
            if entity.type != PERSON or (gender is not None and entity.gender not in (None, gender)):
                continue
            if self._is_quoted(start):
                continue
            nearest = nearest or entity
            if self._is_subject(start, end):
                return entity
            if entity not in seen:
                seen.append(entity)
                if len(seen) >= PRONOUN_CANDIDATES:
                    break
        return nearest

    def mark_quoted(self, spans: list[tuple[int, int]]) -> None:
        """The article's quoted stretches: a person named inside a quote is seldom the "he" who said the
        quote after it ("“... make Kaine defend it,” he wrote")."""
        spans = sorted(spans)
        self._quoted_starts = [start for start, _ in spans]
        self._quoted_ends = [end for _, end in spans]

    def _is_quoted(self, position: int) -> bool:
        k = bisect_right(self._quoted_starts, position) - 1
        return k >= 0 and position < self._quoted_ends[k]

    def last_person_titled(self, offset: int, title: str) -> Entity | None:
        """The last person before `offset` named once right after `title` ("Mayor Bill de Blasio" for
        "the mayor"), looking no further back than MAX_LOOKBACK."""
        if self.text is None:
            return None
        title = title.lower()
        for start, _, entity in self._before(offset):
            if entity.type != PERSON or self._is_quoted(start):
                continue
            words_before = self.text.string[max(0, start - TITLE_REACH):start].lower().replace(".", " ").split()
            if title in words_before[-3:]:
                return entity
        return None

    def _is_subject(self, start: int, end: int) -> bool:
        k = bisect_left(self._subject_heads, start)
        return k < len(self._subject_heads) and self._subject_heads[k] < end

    def covers(self, offset: int) -> bool:
        """Whether a mention spans `offset` (the number in "S-300" or "Internet Explorer 6")."""
        k = bisect_right(self._covered_starts, offset) - 1
        return k >= 0 and offset < self._covered_ends[k]

    def bysurface(self, surface: str) -> Entity | None:
        return self._by_surface.get(surface)
