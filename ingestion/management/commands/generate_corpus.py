from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingestion.corpus import corpus_write


class Command(BaseCommand):
    help = (
        "Write a deterministic corpus of generated news articles as JSON Lines (for benchmarks): recurring "
        "people, organisations and places, quotes and figures, dates over six years, several sources, about 6% "
        "wire copies of a recent story. The same --seed gives the same files."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--output", type=Path, default=Path("corpus"), help="Folder for the .jsonl files.")
        parser.add_argument("--per-file", type=int, default=5000,
                            help="Articles per file (the loader reads files of up to 50 MB).")

    def handle(self, *args, articles, seed, output, per_file, **options):
        if articles < 1 or per_file < 1:
            raise CommandError("--articles and --per-file must be at least 1")
        files = corpus_write(articles=articles, seed=seed, output=output, per_file=per_file)
        self.stdout.write(f"wrote {articles} articles to {len(files)} file(s) in {output}")
