"""The extraction pipeline: plain Python, no Django (a test keeps it so).

    from extraction import extract, parse_seed_text
    result = extract(parse_seed_text(open("seeds/article.txt").read()))
"""

from .document import DocumentError, decode_text, document_from_record, parse_seed_text
from .pipeline import EXTRACTOR_VERSION, extract
from .types import Claim, Document, Entity, Extraction, Mention, Quote

__all__ = [
    "EXTRACTOR_VERSION", "Claim", "Document", "DocumentError", "Entity", "Extraction", "Mention", "Quote",
    "decode_text", "document_from_record", "extract", "parse_seed_text",
]
