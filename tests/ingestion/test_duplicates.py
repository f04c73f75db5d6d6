"""Copies of one story are recognised on ingest, linked to its first article and counted once in measures."""

from datetime import UTC, datetime, timedelta

import pytest

from articles.models import Article
from claims.models import Claim, Measure
from extraction import Document
from ingestion.duplicates import fingerprint, similarity
from ingestion.services import article_ingest

pytestmark = pytest.mark.django_db

STORY = (
    "Defence Ministry spokesman Artur Hovhannisyan said 120 Azerbaijani soldiers were killed in the fighting near "
    "the border on Tuesday.\n\n"
    "The clashes began before dawn along a stretch of mountain road that both armies have fortified since the "
    "ceasefire of the previous autumn, according to residents of two nearby villages who spoke by telephone.\n\n"
    "Farmers said shells landed in orchards and on the roof of a school that had been closed for the summer. "
    "Local officials opened a sports hall for families who left their homes during the night, and volunteers "
    "brought blankets, bread and water from the regional capital.\n\n"
    "Diplomats in the capital called for restraint and asked both governments to return to talks that stalled "
    "in the spring over the route of a new highway and the exchange of prisoners."
)
OTHER_STORY = (
    "The city's main bridge reopened on Friday after eight months of repairs to its steel cables and deck.\n\n"
    "Engineer Tomasz Wojcik said 3 lanes were open again and that cyclists would get a separate path by winter. "
    "Commuters who had crossed the river by ferry since the spring welcomed the news, though some shop owners on "
    "the old quay said they would miss the crowds that the ferry landing had brought."
)


def copy_of(body: str, number: int) -> str:
    """A wire copy: a few words changed, a sentence trimmed, as desks do."""
    edited = body.replace("before dawn", "early in the morning").replace("telephone", "phone")
    if number % 2:
        edited = edited.replace("Farmers said", "Farmers told reporters")
    return edited


def ingest(title, body, hours=0, source=None):
    published = datetime(2025, 9, 2, 10, tzinfo=UTC) + timedelta(hours=hours)
    return article_ingest(document=Document(title=title, body=body, published_at=published, source=source)).article


def test_signatures_of_a_copy_are_close_and_of_another_story_far():
    original, copy, other = (fingerprint(text) for text in (STORY, copy_of(STORY, 1), OTHER_STORY))
    assert similarity(original.signature, copy.signature) > 0.75
    assert similarity(original.signature, other.signature) < 0.2
    assert len(set(original.bands) & set(copy.bands)) >= 3


def test_copies_of_one_story_are_linked_to_its_first_article_and_counted_once():
    first = ingest("Armenia reports heavy losses for Azerbaijan", STORY, source="Wire One")
    copies = [ingest(f"Border fighting: {number} dead reported", copy_of(STORY, number), hours=number,
                     source=f"Paper {number}") for number in range(1, 6)]
    unrelated = ingest("Bridge reopens after repairs", OTHER_STORY)
    assert first.duplicate_of_id is None and unrelated.duplicate_of_id is None
    assert {Article.objects.get(pk=c.pk).duplicate_of_id for c in copies} == {first.pk}
    measure = Measure.objects.get(key="killed--soldier--azerbaijan")
    assert (measure.claim_count, measure.claimant_count) == (1, 1)
    # Every copy keeps its own figure; only the first article's is the measure's.
    figures = Claim.objects.filter(value=120)
    assert figures.count() == 6
    assert list(figures.exclude(measure=None).values_list("article_id", flat=True)) == [first.pk]


def test_a_copy_with_a_new_figure_adds_that_figure():
    first = ingest("Armenia reports heavy losses for Azerbaijan", STORY)
    update = copy_of(STORY, 2).replace("said 120 Azerbaijani", "said 125 Azerbaijani")
    copy = ingest("Losses revised", update, hours=3)
    assert Article.objects.get(pk=copy.pk).duplicate_of_id == first.pk
    measure = Measure.objects.get(key="killed--soldier--azerbaijan")
    assert (measure.claim_count, measure.min_value, measure.max_value, measure.has_conflict) == (2, 120, 125, True)
