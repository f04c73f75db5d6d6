"""Text in, structured data out: the whole extraction pipeline, one call per stage."""

from __future__ import annotations

from .claims import extract_claims
from .document import DocumentError
from .entities import extract_entities
from .entity_index import EntityIndex
from .quotes import extract_quotes
from .text import Text
from .types import Document, Extraction

# Longer texts are refused: extraction is linear in length, but one document must not hold a worker for
# minutes. 1,000,000 characters is about 170,000 words, far beyond any news article.
MAX_TEXT_CHARS = 1_000_000

# Stored with every article, so that articles read by an older extractor can be found and re-read.
EXTRACTOR_VERSION = "spacy-2.2"


def extract(document: Document, nlp=None) -> Extraction:
    """Everything the pipeline reads from one document. `nlp` (default: the pipeline NEWSAPI_NLP_MODEL
    names) is the spaCy pipeline that parses it."""
    if len(document.text) > MAX_TEXT_CHARS:
        raise DocumentError(
            f"the article is {len(document.text):,} characters long; extraction reads at most {MAX_TEXT_CHARS:,}"
        )
    text = Text(document.text, nlp)
    entities = extract_entities(text)
    index = EntityIndex(entities, text)
    quotes, attributions = extract_quotes(text, index)
    claims = extract_claims(text, index, quotes, attributions)
    return Extraction(document=document, entities=tuple(entities), quotes=tuple(quotes), claims=tuple(claims))
