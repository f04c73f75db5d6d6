from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ingestion.loader import load_paths


class Command(BaseCommand):
    help = (
        "Load articles from seed text files (.txt), JSON Lines (.jsonl) or JSON (.json): run extraction and "
        "store everything. Each document is one transaction; loading the same content again changes nothing. "
        "Of records that share a url, the last one read is stored and the others are reported as superseded. "
        "Exits non-zero when any document failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="Files or folders (default: seeds/).")

    def handle(self, *args, paths, **options):
        paths = paths or [Path(settings.BASE_DIR) / "seeds"]
        report = load_paths(paths, on_failure=lambda message: self.stderr.write(f"failed: {message}"))
        statuses, extracted = report.statuses, report.extracted
        for message in report.superseded:
            self.stdout.write(f"superseded: {message}")
        self.stdout.write(
            f"loaded {statuses['created'] + statuses['updated']} (new {statuses['created']}, "
            f"updated {statuses['updated']}), unchanged {statuses['unchanged']}, failed {statuses['failed']}, "
            f"superseded {statuses['superseded']}; "
            f"extracted {extracted['entities']} entities, {extracted['quotes']} quotes, {extracted['claims']} claims"
        )
        if statuses["failed"]:
            raise CommandError(f"{statuses['failed']} document(s) could not be loaded")
