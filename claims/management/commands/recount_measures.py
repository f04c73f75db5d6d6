from django.core.management.base import BaseCommand

from claims.services import measures_recount


class Command(BaseCommand):
    help = (
        "Recompute every measure's statistics (counts, claimants, range, dates, conflicting pairs) from its "
        "figures. Loading keeps them current incrementally; run this after changing CLAIM_COMPARISON_WINDOW_DAYS "
        "or to repair them. Reads every figure of every measure, one measure per transaction."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"recounted {measures_recount()} measure(s)")
