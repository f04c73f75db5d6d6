"""The CPU part of ingesting a document: extraction, content hash and fingerprint. No database and no Django,
so that it runs in worker processes (`load_seeds --workers N`) while the main process writes."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime

from extraction import Document, DocumentError, Extraction, extract

from .duplicates import Fingerprint, fingerprint


@dataclass(frozen=True)
class PreparedDocument:
    """A document with everything computed from it before it is stored."""

    document: Document
    digest: str
    extraction: Extraction
    fingerprint: Fingerprint


def content_hash(document: Document) -> str:
    """Same title, subtitle, body and date: same hash, whatever file or request it came from."""
    published = document.published_at.isoformat() if document.published_at else ""
    payload = json.dumps([document.title, document.subtitle or "", document.body, published], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def document_check(document: Document) -> None:
    if document.published_at is None:
        raise DocumentError("the article has no date; published_at is needed to store it", field="published_at")


def document_prepare(document: Document) -> PreparedDocument:
    document_check(document)
    return PreparedDocument(document=document, digest=content_hash(document), extraction=extract(document),
                            fingerprint=fingerprint(document.body))


def worker_start(niceness: int = 0) -> None:
    """Process-pool initializer: load whatever extraction loads (models, word lists) once per process,
    before the first real document, by extracting a short one. `niceness` lowers the process's CPU priority."""
    if niceness:
        os.nice(niceness)
    extract(Document(title="Warm-up", body="The minister said 3 people were hurt in Paris.",
                     published_at=datetime(2025, 1, 1, tzinfo=UTC)))


def documents_prepare(documents: list[Document]) -> list[PreparedDocument | str]:
    """Prepare a batch in a worker process; a document that cannot be prepared comes back as its error."""
    prepared: list[PreparedDocument | str] = []
    for document in documents:
        try:
            prepared.append(document_prepare(document))
        except DocumentError as error:
            prepared.append(str(error))
        except Exception as error:  # one document's extraction failure must not stop the pool
            prepared.append(f"extraction failed: {type(error).__name__}: {error}")
    return prepared
