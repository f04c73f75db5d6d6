"""An optional statistical recogniser that types the names the rules cannot.

The rules decide first. A capitalised run they leave untyped ("Zarko Vukelic"
with no title, first name or speech verb near it) can be offered to a
`NameTyper`: anything with a `type_name(sentence, start, end)` method that
returns PERSON, ORGANIZATION, LOCATION, PRODUCT or None. No pretrained model
can be installed on the machines this project targets, so the default is none;
set NEWSAPI_SPACY_MODEL to an installed spaCy pipeline's name or path to use
one (spaCy itself is then needed too).
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Protocol

SPACY_LABELS = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION",
                "PRODUCT": "PRODUCT"}


class NameTyper(Protocol):
    def type_name(self, sentence: str, start: int, end: int) -> str | None:
        """The type of sentence[start:end], or None when the model does not know it."""


class SpacyNameTyper:
    """Types a span by the entity a spaCy pipeline finds exactly there."""

    def __init__(self, model: str):
        import spacy  # only when configured: spaCy is not a dependency of the default pipeline

        self.nlp = spacy.load(model, disable=["parser", "lemmatizer"])

    def type_name(self, sentence: str, start: int, end: int) -> str | None:
        for entity in self.nlp(sentence).ents:
            if entity.start_char == start and entity.end_char == end:
                return SPACY_LABELS.get(entity.label_)
        return None


@lru_cache(maxsize=1)
def configured_typer() -> NameTyper | None:
    model = os.environ.get("NEWSAPI_SPACY_MODEL", "").strip()
    return SpacyNameTyper(model) if model else None
