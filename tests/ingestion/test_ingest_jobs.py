"""Ingest jobs on real Celery workers (subprocesses) against the local RabbitMQ: no eager mode."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Entity, EntityAlias, Mention, Quote, Source
from claims.models import Claim, Measure
from ingestion.corpus import corpus_write
from ingestion.jobs import job_enqueue_paths
from ingestion.loader import load_paths
from ingestion.models import IngestJob, ItemStatus
from tests.workers import job_wait

from .documents import BRIDGE_ARTICLE_JSON, HARBOUR_ARTICLE


def rows():
    """Every stored row by what it is, not by id: two loads of one corpus compare equal."""
    return {
        "articles": sorted(Article.objects.values_list("content_hash", "title", "url", "source__slug",
                                                       "duplicate_of__content_hash")),
        "entities": sorted(Entity.objects.values_list("slug", "name", "type", "country_code")),
        "aliases": sorted(EntityAlias.objects.values_list("entity__slug", "normalized")),
        "mentions": sorted(Mention.objects.values_list("article__content_hash", "start", "end", "entity__slug")),
        "quotes": sorted(Quote.objects.values_list("article__content_hash", "start", "end", "speaker__slug")),
        "claims": sorted(Claim.objects.values_list("article__content_hash", "start", "end", "claimant__slug",
                                                   "measure__key", "value", "lower", "upper"),
                         key=lambda row: tuple("" if v is None else str(v) for v in row)),
        "measures": sorted(Measure.objects.values_list("key", "claim_count", "claimant_count", "min_value",
                                                       "max_value", "conflict_count", "has_conflict")),
        "sources": sorted(Source.objects.values_list("slug", flat=True)),
    }


def test_load_seeds_queue_reports_unreadable_documents_and_the_worker_stores_the_rest(celery_worker_factory,
                                                                                       tmp_path):
    (tmp_path / "harbour.txt").write_text(HARBOUR_ARTICLE, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps(BRIDGE_ARTICLE_JSON) + "\n{not json\n", encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 document"):
        call_command("load_seeds", str(tmp_path), "--queue", stdout=out, stderr=err)
    job = IngestJob.objects.get()
    assert f"ingest job {job.pk}: 2 document(s) queued, 1 could not be read" in out.getvalue()
    assert "feed.jsonl:2: invalid JSON" in err.getvalue()
    assert Article.objects.count() == 0  # nothing is stored until a worker runs
    celery_worker_factory()
    job = job_wait(job.pk)
    statuses = dict(job.items.values_list("location", "status"))
    assert sorted(statuses.values()) == ["created", "created", "failed"]
    assert set(Article.objects.values_list("title", flat=True)) == {
        "Storm floods harbour town after 12 boats sink", "Bridge reopens after repairs"}
    # Queued again: each document is found stored, nothing changes.
    before = rows()
    again = job_enqueue_paths(paths=[tmp_path / "harbour.txt"])
    assert job_wait(again.pk).items.get().status == ItemStatus.UNCHANGED
    assert rows() == before


def test_a_worker_killed_mid_load_and_restarted_leaves_the_rows_of_an_uninterrupted_load(celery_worker_factory,
                                                                                         tmp_path):
    corpus = corpus_write(articles=80, seed=11, output=tmp_path / "corpus")
    job = job_enqueue_paths(paths=corpus)
    worker = celery_worker_factory()
    job_wait(job.pk, until=lambda job: job.items.exclude(status=ItemStatus.PENDING).count() >= 10)
    worker.kill()
    done = job.items.exclude(status=ItemStatus.PENDING).count()
    assert 10 <= done < 80, "the worker was to be killed mid-load"
    # What a killed worker leaves: finished documents and their articles, no article of an unfinished one.
    assert Article.objects.count() == job.items.filter(article__isnull=False).count()
    assert not job.items.filter(status=ItemStatus.PENDING, article__isnull=False).exists()
    celery_worker_factory()
    job = job_wait(job.pk)
    assert job.items.filter(status=ItemStatus.CREATED).count() == 80
    interrupted = rows()
    assert len(interrupted["articles"]) == 80

    for model in (Article, Entity, Measure, Source):
        model.objects.all().delete()
    report = load_paths(corpus, workers=1)
    assert report.statuses["created"] == 80
    assert rows() == interrupted
