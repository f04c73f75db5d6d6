"""Re-extract stored articles with the current extractor, keeping ids and editors' corrections."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet

from articles.models import Article
from extraction import EXTRACTOR_VERSION, extract
from extraction.document import build_document

from .reconcile import RealignReport, extractions_realign
from .services import _store_extraction


class _DryRun(Exception):
    def __init__(self, report: RealignReport):
        self.report = report


def articles_outdated() -> QuerySet:
    """Articles extracted by another extractor version than the current one."""
    return Article.objects.exclude(extractor_version=EXTRACTOR_VERSION).order_by("id")


def article_reextract(*, article_id: int, dry_run: bool = False) -> RealignReport:
    """Run the current extractor on a stored article and fold the result into its quotes and claims, in one
    transaction (rolled back with `dry_run`, which reports what a run would do). Running it again changes
    nothing."""
    article = Article.objects.select_related("source").get(pk=article_id)
    document = build_document(
        title=article.title, body=article.body, published_at=article.published_at, subtitle=article.subtitle,
        url=article.url, source=article.source.name if article.source else None,
    )
    extraction = extract(document)  # CPU work, outside the transaction
    try:
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=article_id)
            if article.text != document.text:
                raise ValueError(f"article {article_id} changed while it was being extracted; run again")
            report = extractions_realign(
                article=article, old_text=article.text,
                store=lambda: _store_extraction(article, document.text, extraction, counted=False).counts,
            )
            if article.extractor_version != EXTRACTOR_VERSION:
                article.extractor_version = EXTRACTOR_VERSION
                article.save(update_fields=["extractor_version", "updated_at"])
            if dry_run:
                raise _DryRun(report)
    except _DryRun as rolled_back:
        return rolled_back.report
    return report
