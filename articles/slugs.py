"""Slugs for names in any script: transliterated to ASCII, and unique in their table however many share one.

`slugify("Владимир Путин")` is empty (Django keeps ASCII letters only), so every name in another script used
to fall back to one base slug and, after 49 of them, ran out of suffixes. anyascii transliterates every
script ("Владимир Путин" → vladimir-putin, "新华社" → xinhuashe), and a name it leaves empty gets a digest of
itself, so a slug is always found.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterator

from anyascii import anyascii
from django.db import models
from django.utils.text import slugify

# Room left at the end of a slug for "-<number>" or "-<8 hex digits>".
SUFFIX_ROOM = 21


def name_slug(name: str, *, max_length: int, fallback: str) -> str:
    """The name transliterated and slugified; `fallback-<digest of the name>` when nothing of it remains."""
    slug = slugify(anyascii(name))[:max_length].strip("-")
    return slug or f"{fallback}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"


def slug_candidates(model: type[models.Model], name: str, *, fallback: str) -> Iterator[str]:
    """Slugs to try for a new row, best first: the name's own, then the next number after those taken, then
    random suffixes. Never runs out; the caller skips those taken since (another writer may take one)."""
    max_length = model._meta.get_field("slug").max_length
    base = name_slug(name, max_length=max_length - SUFFIX_ROOM, fallback=fallback)
    yield base
    numbered = re.compile(rf"{re.escape(base)}-(\d{{1,19}})")
    taken = model.objects.filter(slug__startswith=f"{base}-").values_list("slug", flat=True)
    numbers = [int(match.group(1)) for slug in taken if (match := numbered.fullmatch(slug))]
    yield f"{base}-{max(numbers, default=1) + 1}"
    while True:
        yield f"{base}-{secrets.token_hex(4)}"
