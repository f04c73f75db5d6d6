"""Stable ids across new content and re-extraction: pure functions, no database.

Offsets of the old text are mapped to the new one through a word-level diff (difflib), and the items of the
old extraction are matched to the new one's: items of the same text are the same item, the nearest one to
where the diff moved it first, then the one whose fields agree most.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True)
class OffsetMap:
    """Where each character of the old text went in the new one: runs of unchanged text, sorted."""

    # (old_start, new_start, length) of each unchanged run
    runs: tuple[tuple[int, int, int], ...]

    def position(self, offset: int) -> int | None:
        """The new offset of an old character, or None when the diff changed it."""
        index = bisect_right([run[0] for run in self.runs], offset) - 1
        if index >= 0:
            old, new, length = self.runs[index]
            if offset < old + length:
                return new + offset - old
        return None

    def estimate(self, offset: int) -> int:
        """The new offset of an old character, or where its changed region now starts."""
        index = bisect_right([run[0] for run in self.runs], offset) - 1
        if index < 0:
            return 0
        old, new, length = self.runs[index]
        return new + min(offset - old, length)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The new offsets of an old span when its first and last characters both survived."""
        first, last = self.position(start), self.position(end - 1)
        if first is None or last is None or last < first:
            return None
        return first, last + 1


def _tokens(text: str) -> tuple[list[str], list[int]]:
    tokens, starts = [], []
    for match in _TOKEN.finditer(text):
        tokens.append(match.group())
        starts.append(match.start())
    return tokens, starts


def offset_map(old: str, new: str) -> OffsetMap:
    """Diff two texts word by word (fast on long articles) and keep the runs both share."""
    if old == new:
        return OffsetMap(((0, 0, len(old)),))
    old_tokens, old_starts = _tokens(old)
    new_tokens, new_starts = _tokens(new)
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    runs = []
    for a, b, size in matcher.get_matching_blocks():
        if size == 0:
            continue
        old_start, new_start = old_starts[a], new_starts[b]
        old_end = old_starts[a + size] if a + size < len(old_starts) else len(old)
        runs.append((old_start, new_start, old_end - old_start))
    return OffsetMap(tuple(runs))


def span_realign(offsets: OffsetMap, start: int, end: int, text: str, new_text: str) -> tuple[int, int] | None:
    """Where an item's text stands in the new text: where the diff moved it, else its nearest occurrence to
    there; None when the text is gone."""
    moved = offsets.span(start, end)
    if moved is not None and new_text[moved[0]:moved[1]] == text:
        return moved
    if not text:
        return None
    near = offsets.estimate(start)
    best = None
    found = new_text.find(text)
    while found != -1:
        if best is None or abs(found - near) < abs(best - near):
            best = found
        found = new_text.find(text, found + 1)
    return None if best is None else (best, best + len(text))


@dataclass(frozen=True)
class Item:
    """What matching reads of a quote or claim: its text, offsets and the fields that tell items apart."""

    text: str
    start: int
    end: int
    fields: tuple = ()


def items_match(old: Sequence[Item], new: Sequence[Item], offsets: OffsetMap) -> list[tuple[int, int]]:
    """Pairs (old index, new index) of the same item: same text, then nearest to where the diff moved the old
    one, then most fields in common; each item in at most one pair."""
    by_text: dict[str, list[int]] = {}
    for j, item in enumerate(new):
        by_text.setdefault(item.text, []).append(j)
    candidates = []
    for i, item in enumerate(old):
        near = offsets.estimate(item.start)
        for j in by_text.get(item.text, []):
            other = new[j]
            differing = sum(1 for a, b in zip(item.fields, other.fields, strict=False) if a != b)
            candidates.append((abs(other.start - near), differing, i, j))
    pairs, used_old, used_new = [], set(), set()
    for _, _, i, j in sorted(candidates):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    return sorted(pairs)
