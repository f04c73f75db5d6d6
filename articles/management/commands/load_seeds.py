from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ingestion.jobs import QueueUnavailable, job_enqueue_paths
from ingestion.loader import LoadInterrupted, default_workers, load_paths
from ingestion.progress import Progress
from ingestion.readers import count_documents


class Command(BaseCommand):
    help = (
        "Load articles from seed text files (.txt), JSON Lines (.jsonl) or JSON (.json): run extraction and "
        "store everything. Extraction runs in --workers processes; each document is stored in one transaction; "
        "loading the same content again changes nothing. Of records that share a url, the last one read is stored "
        "and the others are reported as superseded. With --queue, the documents go to the Celery workers as an "
        "ingest job instead. Exits non-zero when any document failed, and stops (non-zero) when the database "
        "connection is lost; a re-run loads the rest."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="Files or folders (default: seeds/).")
        parser.add_argument("--workers", type=int, default=default_workers(),
                            help="Extraction processes (default: the CPUs this process may use; 1: no pool).")
        parser.add_argument("--queue", action="store_true",
                            help="Enqueue the documents for the Celery workers and print the ingest job.")
        parser.add_argument("--progress-every", type=float, default=10.0,
                            help="Seconds between progress lines when not on a terminal (default 10).")

    def handle(self, *args, paths, workers, queue, progress_every, **options):
        paths = paths or [Path(settings.BASE_DIR) / "seeds"]
        if workers < 1:
            raise CommandError("--workers must be at least 1")
        if queue:
            return self.enqueue(paths)
        progress = Progress(self.stderr._out, count_documents(paths), every_seconds=progress_every)
        try:
            report = load_paths(paths, workers=workers, on_document=progress,
                                on_failure=lambda message: self.stderr.write(f"failed: {message}"))
        except LoadInterrupted as interrupted:
            self.summary(interrupted.report)
            raise CommandError(str(interrupted)) from None
        finally:
            progress.close()
        self.summary(report)
        if report.statuses["failed"]:
            raise CommandError(f"{report.statuses['failed']} document(s) could not be loaded")

    def summary(self, report):
        for message in report.superseded:
            self.stdout.write(f"superseded: {message}")
        statuses, stored = report.statuses, report.stored
        rate = sum(statuses.values()) / report.seconds if report.seconds else 0.0
        self.stdout.write(
            f"loaded {statuses['created'] + statuses['updated']} (new {statuses['created']}, "
            f"updated {statuses['updated']}), unchanged {statuses['unchanged']}, failed {statuses['failed']}, "
            f"superseded {statuses['superseded']}; "
            f"near-copies of a story {report.duplicates}; entities created {report.entities_created}, "
            f"named {len(report.entities_named)} (distinct); stored {stored['mentions']} mentions, "
            f"{stored['quotes']} quotes, {stored['claims']} claims; {report.seconds:.1f} s, {rate:.1f} documents/s"
        )

    def enqueue(self, paths):
        try:
            job = job_enqueue_paths(paths=paths)
        except QueueUnavailable as error:
            raise CommandError(f"{error}; nothing was queued (load without --queue, or start the broker)") from None
        unreadable = job.items.filter(status="failed").count()
        self.stdout.write(f"ingest job {job.pk}: {job.total - unreadable} document(s) queued, {unreadable} could not "
                          f"be read; follow it at /api/v1/ingest-jobs/{job.pk}/")
        for item in job.items.filter(status="failed").order_by("position"):
            self.stderr.write(f"failed: {item.location}: {item.error}")
        if unreadable:
            raise CommandError(f"{unreadable} document(s) could not be read (see the job's errors)")
