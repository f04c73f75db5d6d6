import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from extraction import DocumentError, extract
from ingestion.readers import read_paths


class Command(BaseCommand):
    help = (
        "Run extraction on documents and print one JSON object per document (or write DIR/STEM.json per input "
        "file with --output-dir). Touches no database."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Files or folders to read.")
        parser.add_argument("--output-dir", type=Path, help="Write DIR/STEM.json per input file instead.")

    def handle(self, *args, paths, output_dir, **options):
        if output_dir is not None:
            output_dir.mkdir(parents=True, exist_ok=True)
        failed = 0
        for result in read_paths(paths):
            if result.error is not None:
                failed += 1
                self.stderr.write(f"failed: {result.location}: {result.error}")
                continue
            try:
                payload = extract(result.document).to_dict()
            except DocumentError as error:
                failed += 1
                self.stderr.write(f"failed: {result.location}: {error}")
                continue
            if output_dir is None:
                self.stdout.write(json.dumps(payload, ensure_ascii=False, allow_nan=False))
                continue
            # One file per input file; JSON Lines inputs get one per line.
            stem = result.path.stem if result.path.suffix == ".txt" or not result.line else f"{result.path.stem}-{result.line}"
            (output_dir / f"{stem}.json").write_text(json.dumps(payload, ensure_ascii=False, allow_nan=False, indent=2), encoding="utf-8")
        if failed:
            raise CommandError(f"{failed} document(s) could not be read")
