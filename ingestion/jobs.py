"""Ingest jobs: queue documents for the Celery workers, and ingest one queued document (the task's body).

A job's documents are rows (IngestItem); a task message carries only a row's id. Storing the article and
marking its row done happen in one transaction, so that:
- a worker killed mid-document leaves no partial article and its row pending; RabbitMQ hands the
  unacknowledged message (acks_late) to the next worker, which stores the document;
- a message delivered twice finds its row done and does nothing: every document is stored once.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from articles.models import Article
from extraction import Document, DocumentError
from newsapi.celery import app

from .models import IngestItem, IngestJob, ItemStatus, JobStatus
from .prepare import content_hash, document_check, document_prepare
from .readers import read_paths
from .services import UNCHANGED, article_store

CHUNK = 1000  # rows per INSERT when a job is created
TASK = "ingestion.tasks.ingest_document"


class QueueUnavailable(Exception):
    """The broker could not be reached: the job's documents are marked failed, nothing else is stored."""


def document_record(document: Document) -> dict:
    return {"title": document.title, "subtitle": document.subtitle, "body": document.body,
            "published_at": document.published_at.isoformat() if document.published_at else None,
            "url": document.url, "source": document.source}


def document_from_record(record: dict) -> Document:
    published = record.get("published_at")
    return Document(title=record["title"], body=record["body"], subtitle=record.get("subtitle"),
                    published_at=datetime.fromisoformat(published) if published else None,
                    url=record.get("url"), source=record.get("source"))


def job_create(*, documents: list[tuple[str, Document | None, str | None]], origin: str) -> IngestJob:
    """A job for these (location, document, read error) entries; the readable ones are queued for the workers
    once the job is committed. Raises QueueUnavailable when the broker cannot be reached."""
    with transaction.atomic():
        job = IngestJob.objects.create(origin=origin, total=len(documents))
        rows = []
        for position, (location, document, error) in enumerate(documents, start=1):
            if document is not None and error is None:
                try:
                    document_check(document)
                except DocumentError as problem:
                    document, error = None, str(problem)
            rows.append(IngestItem(
                job=job, position=position, location=location[:1200],
                document=document_record(document) if document is not None else None,
                status=ItemStatus.PENDING if error is None else ItemStatus.FAILED, error=error or "",
            ))
        IngestItem.objects.bulk_create(rows, batch_size=CHUNK)
    pending = list(job.items.filter(status=ItemStatus.PENDING).order_by("position").values_list("pk", flat=True))
    _enqueue(job, pending)
    job_finish_check(job_id=job.pk)  # a job with nothing to do (all unreadable) is finished now
    job.refresh_from_db()
    return job


def _enqueue(job: IngestJob, item_ids: list[int]) -> None:
    try:
        with app.connection_for_write(settings.CELERY_BROKER_URL) as broker:
            broker.ensure_connection(max_retries=2, interval_start=0, interval_step=0.5)
            producer = app.amqp.Producer(broker)
            for item_id in item_ids:
                app.send_task(TASK, args=(item_id,), producer=producer, queue=settings.CELERY_TASK_DEFAULT_QUEUE)
    except (BrokerError, OSError) as error:
        IngestItem.objects.filter(job=job, status=ItemStatus.PENDING).update(
            status=ItemStatus.FAILED, error=f"could not be queued: {error}")
        job_finish_check(job_id=job.pk)
        raise QueueUnavailable(f"the task queue cannot be reached: {error}") from error


def job_enqueue_paths(*, paths: list[Path]) -> IngestJob:
    """A job for every document under `paths` (what `load_seeds --queue` does)."""
    entries = [(result.location, result.document, result.error) for result in read_paths(paths)]
    return job_create(documents=entries, origin="load_seeds")


def item_ingest(*, item_id: int) -> str:
    """Ingest one queued document; returns its status. Idempotent: a row already done is left as it is."""
    item = IngestItem.objects.filter(pk=item_id).first()
    if item is None or item.status != ItemStatus.PENDING:
        return item.status if item else "missing"
    IngestJob.objects.filter(pk=item.job_id, status=JobStatus.QUEUED).update(status=JobStatus.RUNNING,
                                                                           started_at=timezone.now())
    IngestItem.objects.filter(pk=item_id).update(attempts=item.attempts + 1)
    try:
        document = document_from_record(item.document)
        prepared = None if _stored(document) else document_prepare(document)  # CPU work outside the transaction
    except (DocumentError, KeyError, TypeError, ValueError) as error:
        return item_fail(item_id=item_id, reason=str(error))
    try:
        with transaction.atomic():
            locked = IngestItem.objects.select_for_update().get(pk=item_id)
            if locked.status != ItemStatus.PENDING:
                return locked.status  # another delivery of this message finished it meanwhile
            if prepared is None:
                locked.article, locked.status = Article.objects.get(content_hash=content_hash(document)), UNCHANGED
            else:
                result = article_store(prepared=prepared)
                locked.article, locked.status = result.article, result.status
            locked.save(update_fields=["article", "status", "updated_at"])
    except ValueError as error:
        return item_fail(item_id=item_id, reason=f"could not be stored: {error}")
    except DatabaseError as error:
        if _transient(error):
            raise  # the task retries
        return item_fail(item_id=item_id, reason=f"could not be stored: {error}")
    job_finish_check(job_id=item.job_id)
    return locked.status


def _stored(document: Document) -> bool:
    return Article.objects.filter(content_hash=content_hash(document)).exists()


def _transient(error: DatabaseError) -> bool:
    return isinstance(error, OperationalError | InterfaceError)


def item_fail(*, item_id: int, reason: str) -> str:
    updated = IngestItem.objects.filter(pk=item_id, status=ItemStatus.PENDING).update(
        status=ItemStatus.FAILED, error=reason[:5000])
    item = IngestItem.objects.filter(pk=item_id).values_list("job_id", "status").first()
    if item is not None:
        job_finish_check(job_id=item[0])
    return ItemStatus.FAILED if updated else (item[1] if item else "missing")


def job_finish_check(*, job_id: int) -> None:
    """A job with no pending document left is finished (run after each document's transaction)."""
    if not IngestItem.objects.filter(job_id=job_id, status=ItemStatus.PENDING).exists():
        IngestJob.objects.filter(pk=job_id).exclude(status=JobStatus.FINISHED).update(
            status=JobStatus.FINISHED, finished_at=timezone.now())
