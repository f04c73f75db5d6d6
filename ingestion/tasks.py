"""Celery tasks: one document of an ingest job per task (the logic is ingestion/jobs.py)."""

from celery import shared_task
from celery.signals import worker_process_init
from django.db import InterfaceError, OperationalError

from .jobs import item_fail, item_ingest
from .prepare import worker_start

MAX_RETRIES = 5


@worker_process_init.connect
def _load_pipeline(**_):
    """Each worker process loads the extraction pipeline once, before its first document."""
    worker_start()


@shared_task(bind=True, name="ingestion.tasks.ingest_document", acks_late=True, reject_on_worker_lost=True,
             max_retries=MAX_RETRIES)
def ingest_document(self, item_id: int) -> str:
    """Store one queued document. Acknowledged only when done (a killed worker's message is delivered again);
    retried with backoff when the database is briefly unavailable or a deadlock aborts the transaction."""
    try:
        return item_ingest(item_id=item_id)
    except (OperationalError, InterfaceError) as error:
        if self.request.retries >= MAX_RETRIES:
            return item_fail(item_id=item_id, reason=f"could not be stored after {MAX_RETRIES} retries: {error}")
        raise self.retry(exc=error, countdown=min(2 ** self.request.retries, 30)) from error
