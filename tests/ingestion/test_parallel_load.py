"""load_seeds on several worker processes: the rows of a serial load, true counts, progress lines."""

import hashlib
import json
from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, Entity, Source
from claims.models import Measure
from ingestion.corpus import corpus_write
from ingestion.progress import Progress
from tests.ingestion.test_ingest_jobs import rows

pytestmark = pytest.mark.django_db


def test_generated_corpus_is_deterministic_and_varied(tmp_path):
    first = corpus_write(articles=120, seed=5, output=tmp_path / "a", per_file=50)
    second = corpus_write(articles=120, seed=5, output=tmp_path / "b", per_file=50)
    assert [p.name for p in first] == ["corpus-5-0001.jsonl", "corpus-5-0002.jsonl", "corpus-5-0003.jsonl"]
    digest = lambda files: hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()  # noqa: E731
    assert digest(first) == digest(second)
    records = [json.loads(line) for path in first for line in path.read_text().splitlines()]
    assert len(records) == 120
    assert all(350 <= len(r["body"].split()) <= 800 for r in records)
    assert len({r["source"] for r in records}) >= 5
    assert len({r["published_at"][:4] for r in records}) >= 4
    assert any('," ' in r["body"] and " said" in r["body"] for r in records)
    assert 1 <= sum("/copy/" in r["url"] for r in records) <= 20  # some wire copies of a recent story


def test_a_parallel_load_leaves_the_rows_of_a_serial_load_and_reports_true_counts(tmp_path):
    corpus = corpus_write(articles=60, seed=9, output=tmp_path / "corpus")
    out, err = StringIO(), StringIO()
    call_command("load_seeds", *map(str, corpus), "--workers", "2", "--progress-every", "0", stdout=out, stderr=err)
    parallel = rows()
    created = Entity.objects.count()
    summary = out.getvalue()
    assert "loaded 60 (new 60, updated 0), unchanged 0, failed 0" in summary
    assert f"entities created {created}, named {created} (distinct)" in summary
    copies = Article.objects.exclude(duplicate_of=None).count()
    assert copies >= 1 and f"near-copies of a story {copies}" in summary
    assert "progress: 60/60 documents" in err.getvalue()  # not a terminal: plain lines

    again = StringIO()
    call_command("load_seeds", *map(str, corpus), "--workers", "2", stdout=again, stderr=StringIO())
    assert "unchanged 60" in again.getvalue() and "entities created 0" in again.getvalue()
    assert rows() == parallel

    for model in (Article, Entity, Measure, Source):
        model.objects.all().delete()
    call_command("load_seeds", *map(str, corpus), "--workers", "1", stdout=StringIO(), stderr=StringIO())
    assert rows() == parallel


def test_progress_on_a_terminal_is_a_bar_with_rate_and_eta():
    class Terminal(StringIO):
        def isatty(self):
            return True

    stream = Terminal()
    progress = Progress(stream, total=4)
    for status in ["created", "created", "unchanged", "failed"]:
        progress(status)
    progress.close()
    assert "4/4" in stream.getvalue() and "doc/s" in stream.getvalue() and "\r" in stream.getvalue()
