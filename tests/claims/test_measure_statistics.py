"""Measure statistics kept incrementally: the same as a full recount, at a cost that does not grow."""

import random
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Measure, MeasureClaimant
from claims.services import measures_recount
from extraction import Document
from ingestion.prepare import document_prepare
from ingestion.services import article_ingest, article_store

pytestmark = pytest.mark.django_db

STATISTICS = ["claim_count", "claimant_count", "min_value", "max_value", "first_published_at", "last_published_at",
              "conflict_count", "has_conflict"]
SPEAKERS = ["Artur Hovhannisyan", "Shushan Stepanyan", "Vagif Dargahli"]
QUALIFIERS = ["", "more than ", "at least ", "no more than ", "about "]
WORDS = ["river", "valley", "ridge", "convoy", "checkpoint", "village", "bridge", "road", "station", "depot", "market",
         "hospital", "school", "farm", "factory", "harbour", "airfield", "tunnel", "hill", "forest", "plain",
         "crossing", "camp"]


def report(number: int, rng: random.Random, day: datetime, url: str | None = None) -> Document:
    """A short report of Azerbaijani losses; words of its own so that no two are near-duplicates."""
    speaker = rng.choice(SPEAKERS)
    figure = f"{rng.choice(QUALIFIERS)}{rng.randint(5, 200)}"
    scenery = " ".join(rng.sample(WORDS, 12))
    body = (f"Defence Ministry spokesman {speaker} said {figure} Azerbaijani soldiers were killed in the fighting "
            f"on Tuesday. Witnesses described the {scenery} in report {number}.")
    return Document(title=f"Losses reported, report {number}", body=body, published_at=day, url=url)


def snapshot():
    return {m.key: {name: getattr(m, name) for name in STATISTICS} for m in Measure.objects.order_by("key")}


def test_incremental_statistics_equal_a_full_recount_through_additions_and_corrections():
    rng = random.Random(7)
    start = datetime(2025, 9, 1, tzinfo=UTC)
    for number in range(40):
        day = start + timedelta(hours=rng.randint(0, 24 * 20))
        article_ingest(document=report(number, rng, day, url=f"https://example.org/{number % 25}"))
    incremental = snapshot()
    claimant_rows = sorted(MeasureClaimant.objects.values_list("measure__key", "key", "figure_count"))
    assert incremental["killed--soldier--azerbaijan"]["claim_count"] >= 20
    assert incremental["killed--soldier--azerbaijan"]["has_conflict"] is True
    measures_recount()
    assert snapshot() == incremental
    assert sorted(MeasureClaimant.objects.values_list("measure__key", "key", "figure_count")) == claimant_rows


def test_storing_a_figure_costs_the_same_queries_in_a_small_and_a_large_measure():
    rng = random.Random(3)
    day = datetime(2025, 9, 2, tzinfo=UTC)

    def queries_to_store(number):
        prepared = document_prepare(report(number, rng, day + timedelta(minutes=number)))
        with CaptureQueriesContext(connection) as captured:
            article_store(prepared=prepared)
        return len(captured)

    for number in range(3):
        article_ingest(document=report(number, rng, day))
    small = queries_to_store(3)
    for number in range(4, 60):
        article_ingest(document=report(number, rng, day + timedelta(minutes=number)))
    large = queries_to_store(60)
    assert Measure.objects.get(key="killed--soldier--azerbaijan").claim_count >= 55
    # At most one more: the signatures of near-duplicate candidates, when an LSH band brings one up.
    assert large <= small + 1
    assert small <= 25


def test_a_corrected_article_takes_its_figures_out_and_puts_the_new_ones_in():
    day = datetime(2025, 9, 2, tzinfo=UTC)
    body = "Defence Ministry spokesman Artur Hovhannisyan said {} Azerbaijani soldiers were killed on Tuesday."
    article_ingest(document=Document(title="Losses", body=body.format(120), published_at=day,
                                     url="https://example.org/losses"))
    article_ingest(document=Document(title="Denial", body="Azerbaijan's Defence Ministry said no more than 15 "
                                     "Azerbaijani soldiers were killed on Tuesday.", published_at=day))
    assert Measure.objects.get().has_conflict is True
    article_ingest(document=Document(title="Losses", body=body.format(12), published_at=day,
                                     url="https://example.org/losses"))
    measure = Measure.objects.get()
    assert (measure.claim_count, measure.claimant_count, measure.min_value, measure.max_value) == (2, 2, 12, 15)
    assert (measure.conflict_count, measure.has_conflict) == (0, False)
    before = snapshot()
    measures_recount()
    assert snapshot() == before


def test_recount_measures_repairs_statistics_after_the_window_changes(settings):
    day = datetime(2025, 9, 2, tzinfo=UTC)
    body = "Defence Ministry spokesman Artur Hovhannisyan said {} Azerbaijani soldiers were killed on Tuesday."
    article_ingest(document=Document(title="Losses", body=body.format(120), published_at=day))
    article_ingest(document=Document(title="Denial", body=body.format(15), published_at=day + timedelta(days=2)))
    assert Measure.objects.get().has_conflict is True
    settings.CLAIM_COMPARISON_WINDOW_DAYS = 1
    out = StringIO()
    call_command("recount_measures", stdout=out)
    assert "recounted 1 measure(s)" in out.getvalue()
    assert (Measure.objects.get().conflict_count, Measure.objects.get().has_conflict) == (0, False)
