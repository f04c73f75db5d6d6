import sys

from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from extraction import EXTRACTOR_VERSION
from ingestion.reextract import article_reextract, articles_outdated


class Command(BaseCommand):
    help = (
        "Re-extract stored articles with the current extractor (one transaction each). Quotes and claims of "
        "the same text keep their ids; verified items (corrected or confirmed by editors) are never replaced, "
        "and are reported as orphaned when their text is gone. Prints what was added, removed and changed. "
        "Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--outdated", action="store_true",
                            help=f"Articles whose extractor_version is not the current one ({EXTRACTOR_VERSION}).")
        parser.add_argument("--article", type=int, action="append", default=[], metavar="ID",
                            help="This article (repeatable).")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")

    def handle(self, *args, outdated, article, dry_run, **options):
        if not outdated and not article:
            raise CommandError("say which articles: --outdated, --article ID, or both")
        ids = list(articles_outdated().values_list("id", flat=True)) if outdated else []
        missing = sorted(set(article) - set(Article.objects.filter(pk__in=article).values_list("id", flat=True)))
        if missing:
            raise CommandError(f"no article with id {', '.join(map(str, missing))}")
        ids = sorted(set(ids) | set(article))
        totals = {"added": 0, "removed": 0, "changed": 0, "kept": 0, "orphaned": 0}
        failed = 0
        for done, article_id in enumerate(ids, start=1):
            self._progress(done, len(ids))
            try:
                report = article_reextract(article_id=article_id, dry_run=dry_run)
            except Exception as error:  # one article's fault is its own, reported; the others still run
                failed += 1
                self.stderr.write(f"failed: article {article_id}: {type(error).__name__}: {error}")
                continue
            self.stdout.write(f"article {article_id}: {report.summary()}")
            for outcome in totals:
                lines = getattr(report, outcome)
                totals[outcome] += len(lines)
                for line in lines:
                    self.stdout.write(f"  {outcome}: {line}")
        what = "would re-extract" if dry_run else "re-extracted"
        self.stdout.write(
            f"{what} {len(ids) - failed} article(s) with {EXTRACTOR_VERSION}: {totals['added']} added, "
            f"{totals['removed']} removed, {totals['changed']} changed, {totals['kept']} verified kept, "
            f"{totals['orphaned']} orphaned" + (", nothing written (dry run)" if dry_run else "")
        )
        if failed:
            raise CommandError(f"{failed} article(s) could not be re-extracted")

    def _progress(self, done: int, total: int) -> None:
        """A progress bar on stderr, so that stdout stays the report."""
        width = 30
        filled = width * done // total
        end = "\n" if done == total else ""
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=end)
        if hasattr(sys.stderr, "flush"):
            sys.stderr.flush()
