"""Text in, structured data out: the whole extraction pipeline."""

from __future__ import annotations

from .claims import extract_claims
from .entities import EntityIndex, extract_entities
from .models import NameTyper, configured_typer
from .quotes import extract_quotes
from .text import split_sentences
from .types import Document, Extraction

# Stored with every article, so that articles read by an older extractor can be found and re-read.
EXTRACTOR_VERSION = "rules-1.0"


def extract(document: Document, typer: NameTyper | None = None) -> Extraction:
    """Everything the pipeline reads from one document. `typer` (default: the model configured by
    NEWSAPI_SPACY_MODEL, usually none) types the names the rules leave untyped."""
    text = document.text
    sentences = split_sentences(text)
    entities = extract_entities(text, sentences, typer or configured_typer())
    index = EntityIndex(entities)
    quotes, attributions = extract_quotes(text, sentences, index)
    claims = extract_claims(text, sentences, index, quotes, attributions)
    return Extraction(document=document, entities=tuple(entities), quotes=tuple(quotes), claims=tuple(claims))
