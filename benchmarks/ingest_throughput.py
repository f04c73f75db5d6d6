"""Ingestion throughput into PostgreSQL: does loading stay linear, use every core, and scale out on workers?

    python benchmarks/ingest_throughput.py [--articles 20000] [--seed 1] [--workers N] [--window 2000]
                                           [--probe-size 100000] [--celery-articles 1000]

1. Generates a deterministic corpus (ingestion/corpus.py) of N articles.
2. Extraction alone on every core (the process pool load_seeds uses) over a sample of the corpus: the
   ceiling the loader is compared with, measured in the same run.
3. Loads the corpus into a fresh database (BENCH_DATABASE_URL, default newsapi_bench on the local server,
   dropped and created) with load_paths(workers=N), as `load_seeds` does: articles/s over the first and the
   last WINDOW articles and overall, and how busy the machine's cores were. On a server that runs without
   autovacuum, the benchmark does autovacuum's work while the loader runs (VacuumStandIn).
4. Loads it again: nothing may change.
5. The cost of storing one more article (store only; extraction done beforehand), measured at 1,000 stored
   articles and again after multiplying the rows in SQL to about --probe-size articles; each probe is rolled
   back, so it leaves nothing. The probe's articles are news arriving now, a minute apart after the newest
   stored article, and the multiplied copies are years of older news before the corpus: both probes meet the
   same number of recent figures per measure, and only the history behind them grows (what `--probe-size`
   asks about). Copies with the corpus's own dates would make every day five times as busy instead.
6. Celery: the same --celery-articles documents queued as an ingest job and stored by one worker process,
   then by two (empty database each time): the throughput ratio.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsapi_bench")
os.environ["DATABASE_URL"] = BENCH_URL
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsapi.settings")
os.environ.setdefault("CELERY_INGEST_QUEUE", f"ingest-bench-{os.getpid()}")


def database_recreate() -> None:
    import psycopg

    parts = urlsplit(BENCH_URL)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def cpu_times() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    fields = [float(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--window", type=int, default=2000)
    parser.add_argument("--extraction-sample", type=int, default=2000)
    parser.add_argument("--probe-size", type=int, default=100_000, help="0: no probe at scale")
    parser.add_argument("--probe-articles", type=int, default=100)
    parser.add_argument("--celery-articles", type=int, default=1000, help="0: no Celery comparison")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # figures appear as they are measured, also in a log file

    database_recreate()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from ingestion.corpus import corpus_write
    from ingestion.loader import load_paths
    from ingestion.prepare import documents_prepare, worker_start
    from ingestion.readers import read_paths
    from newsapi.celery import app

    call_command("migrate", verbosity=0)
    workdir = Path(tempfile.mkdtemp(prefix="newsapi-bench-"))
    started = time.perf_counter()
    corpus = corpus_write(articles=args.articles, seed=args.seed, output=workdir / "corpus")
    probe_corpus = corpus_write(articles=args.probe_articles, seed=args.seed + 1000, output=workdir / "probe")
    print(f"corpus: {args.articles} articles (seed {args.seed}) in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("SHOW autovacuum")
        autovacuum = cursor.fetchone()[0]
    print(f"machine: {os.cpu_count()} CPUs, workers: {args.workers}, database: PostgreSQL "
          f"{connection.cursor().connection.info.server_version}, autovacuum {autovacuum}")
    stand_in = None
    if autovacuum != "on":
        # The loader updates entity and measure rows for every article; without autovacuum their dead row
        # versions pile up (about 20 per live entity row over 20,000 articles) and later windows slow down.
        # Production servers run autovacuum (PostgreSQL's default), so the benchmark does its work here.
        stand_in = VacuumStandIn(BENCH_URL)
        print(f"  this server runs with autovacuum off, unlike PostgreSQL's default: the benchmark stands in "
              f"for it, vacuuming every {VacuumStandIn.EVERY:.0f} s the tables past autovacuum's default "
              f"threshold (50 + 20% of live rows dead)")

    # 2. Extraction alone on every core.
    documents = [r.document for r in read_paths(corpus) if r.document is not None]
    step = max(len(documents) // args.extraction_sample, 1)
    sample = documents[::step][:args.extraction_sample]
    with ProcessPoolExecutor(args.workers, mp_context=get_context("spawn"), initializer=worker_start) as pool:
        list(pool.map(documents_prepare, [[d] for d in documents[:args.workers]]))  # every worker started
        started = time.perf_counter()
        list(pool.map(documents_prepare, [sample[i:i + 8] for i in range(0, len(sample), 8)]))
        extraction_rate = len(sample) / (time.perf_counter() - started)
    print(f"extraction alone on {args.workers} processes: {extraction_rate:.1f} articles/s "
          f"({len(sample)} articles sampled across the corpus)")

    # 3. The load, with the store-cost probe at 1,000 articles (excluded from the rates).
    prepared_probe = [p for p in documents_prepare(
        [r.document for r in read_paths(probe_corpus) if r.document is not None]) if not isinstance(p, str)]
    stamps: list[float] = []
    probe = {}
    paused = [0.0]

    def on_document(_status):
        stamps.append(time.perf_counter() - paused[0])
        if len(stamps) == 1000 and args.probe_size:
            began = time.perf_counter()
            probe[1000] = store_cost(arriving_now(prepared_probe))
            paused[0] += time.perf_counter() - began

    busy0, total0 = cpu_times()
    started = time.perf_counter()
    if stand_in is not None:
        stand_in.start()
    report = load_paths(corpus, workers=args.workers, on_document=on_document)
    load_seconds = time.perf_counter() - started - paused[0]
    busy1, total1 = cpu_times()
    if stand_in is not None:
        stand_in.stop()
        print(f"  autovacuum's stand-in: {stand_in.runs} VACUUM runs of {stand_in.tables or 'no table'}")
    window = min(args.window, len(stamps) // 2)
    first = window / (stamps[window - 1] - started)
    last = window / (stamps[-1] - stamps[-window - 1])
    overall = len(stamps) / load_seconds
    cores_busy = (busy1 - busy0) / (total1 - total0) * (os.cpu_count() or 1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"load: {dict(report.statuses)} in {load_seconds:.1f} s; near-copies {report.duplicates}, "
          f"entities created {report.entities_created}")
    print(f"  first {window}: {first:.1f} articles/s; last {window}: {last:.1f} articles/s "
          f"(ratio {last / first:.2f}); overall {overall:.1f} articles/s = {overall / extraction_rate:.2f} x "
          f"extraction alone")
    steps = [round(window / (stamps[end - 1] - stamps[end - window - 1]), 1) if end > window else round(first, 1)
             for end in range(window, len(stamps) + 1, window)]
    print(f"  articles/s per {window}: {steps}")
    print(f"  cores busy on average: {cores_busy:.2f} of {os.cpu_count()}; loader peak memory {peak:.0f} MB")

    # 4. Again: nothing changes.
    counts = table_counts()
    started = time.perf_counter()
    again = load_paths(corpus, workers=args.workers)
    print(f"re-run: {dict(again.statuses)} in {time.perf_counter() - started:.1f} s; rows unchanged: "
          f"{table_counts() == counts}")

    # 5. One more article at scale.
    if args.probe_size:
        multiplied = rows_multiply(args.probe_size)
        probe[multiplied] = store_cost(arriving_now(prepared_probe))
        for size, seconds in sorted(probe.items()):
            print(f"store one more article at {size:,} articles: {seconds * 1000:.1f} ms "
                  f"(mean over {len(prepared_probe)}, extraction excluded, rolled back)")

    # 6. Celery: one worker process against two.
    if args.celery_articles:
        subset = workdir / "celery.jsonl"
        with subset.open("w") as out, corpus[0].open() as source:
            for number, line in enumerate(source):
                if number >= args.celery_articles:
                    break
                out.write(line)
        rates = {}
        for processes in (1, 2):
            rates[processes] = celery_rate(subset, processes, workdir)
            print(f"celery, {processes} worker process(es): {rates[processes]:.1f} articles/s "
                  f"({args.celery_articles} articles)")
        print(f"celery throughput ratio, 2 processes / 1: {rates[2] / rates[1]:.2f}")
        with app.connection_for_write() as broker:
            broker.default_channel.queue_delete(os.environ["CELERY_INGEST_QUEUE"])  # the run's own queue
    return 0


class VacuumStandIn(threading.Thread):
    """Autovacuum's work on a server that runs without it: every EVERY seconds, VACUUM the tables whose dead
    rows pass autovacuum's default threshold (autovacuum_vacuum_threshold 50 + scale factor 0.2)."""

    EVERY = 15.0

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.url, self.runs, self.tables = url, 0, set()
        self.stopped = threading.Event()

    def run(self) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as connection:
            while not self.stopped.wait(self.EVERY):
                due = [name for name, in connection.execute(
                    "SELECT relname FROM pg_stat_user_tables WHERE n_dead_tup > 50 + 0.2 * n_live_tup")]
                for name in due:
                    connection.execute(f'VACUUM "{name}"')
                    self.runs += 1
                    self.tables.add(name)

    def stop(self) -> None:
        self.stopped.set()
        self.join()


def table_counts() -> dict[str, int]:
    from articles.models import Article, ArticleBand, Entity, EntityAlias, Mention, Quote
    from claims.models import Claim, Measure, MeasureClaimant

    return {m.__name__: m.objects.count() for m in (Article, ArticleBand, Entity, EntityAlias, Mention, Quote,
                                                    Claim, Measure, MeasureClaimant)}


class _Rollback(Exception):
    pass


def store_cost(prepared) -> float:
    """Mean seconds to store each of these prepared articles, all rolled back afterwards."""
    from django.db import transaction

    from ingestion.services import article_store

    started = time.perf_counter()
    try:
        with transaction.atomic():
            for item in prepared:
                article_store(prepared=item)
            raise _Rollback
    except _Rollback:
        pass
    return (time.perf_counter() - started) / len(prepared)


def arriving_now(prepared: list) -> list:
    """The prepared articles dated a minute apart after the newest stored article."""
    from dataclasses import replace
    from datetime import timedelta

    from django.db.models import Max

    from articles.models import Article
    from ingestion.prepare import content_hash

    newest = Article.objects.aggregate(newest=Max("published_at"))["newest"]
    dated = []
    for minutes, item in enumerate(prepared, start=1):
        document = replace(item.document, published_at=newest + timedelta(minutes=minutes))
        dated.append(replace(item, document=document, digest=content_hash(document)))
    return dated


def copy_sql(model, alias: str, overrides: dict[str, str], source: str) -> str:
    """INSERT ... SELECT of every column of `model` but its id (whatever columns the schema has now), each read
    from `alias` unless `overrides` gives its expression."""
    from django.db import connection

    columns = [f.column for f in model._meta.concrete_fields
               if not f.primary_key and not getattr(f, "generated", False)]
    quote = connection.ops.quote_name
    values = [overrides.get(column, f"{alias}.{quote(column)}") for column in columns]
    return (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
            f"SELECT {', '.join(values)} {source}")


def rows_multiply(target: int) -> int:
    """Copy articles with their mentions, claims (same measures: they grow too) and LSH rows, in SQL, until
    about `target` articles are stored. Copy k is dated k times the corpus's span (and a day) earlier: older
    news, as dense as the corpus, behind it. Returns the number of articles then."""
    from django.db import connection

    from articles.models import Article, ArticleBand, Mention
    from claims.models import Claim

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), max(id) FROM articles_article")
        count, top = cursor.fetchone()
        cursor.execute("SELECT extract(epoch FROM max(published_at) - min(published_at)) + 86400 "
                       "FROM articles_article")
        span, = cursor.fetchone()
        copies = max(target // count - 1, 0)
        started = time.perf_counter()
        for k in range(1, copies + 1):
            params = {"k": str(k), "top": top, "shift": float(span) * k}
            earlier = "{}.published_at - make_interval(secs => %(shift)s)"
            cursor.execute(copy_sql(Article, "a", {
                "url": "NULL", "content_hash": "md5(a.content_hash || %(k)s) || md5(%(k)s || a.content_hash)",
                "published_at": earlier.format("a"),
                "created_at": "now()", "updated_at": "now()", "duplicate_of_id": "NULL",
            }, "FROM articles_article a WHERE a.id <= %(top)s"), params)
            mapping = """FROM articles_article a JOIN articles_article n
                ON n.content_hash = md5(a.content_hash || %(k)s) || md5(%(k)s || a.content_hash)
                JOIN {table} x ON x.article_id = a.id WHERE a.id <= %(top)s"""
            for model, overrides in ((Mention, {}), (Claim, {"quote_id": "NULL", "published_at": earlier.format("x")}),
                                     (ArticleBand, {})):
                cursor.execute(copy_sql(model, "x", {"article_id": "n.id", **overrides},
                                        mapping.format(table=model._meta.db_table)), params)
        cursor.execute("ANALYZE")
        cursor.execute("SELECT count(*) FROM articles_article")
        total = cursor.fetchone()[0]
        cursor.execute("SELECT count(*), max(claim_count) FROM claims_claim c JOIN claims_measure m "
                       "ON m.id = c.measure_id GROUP BY m.id ORDER BY 1 DESC LIMIT 1")
        largest = cursor.fetchone()
    print(f"multiplied in SQL to {total:,} articles in {time.perf_counter() - started:.0f} s "
          f"(largest measure: {largest[0]:,} figures)")
    return total


def celery_rate(corpus: Path, processes: int, workdir: Path) -> float:
    from django.core.management import call_command
    from django.db import connection

    from ingestion.jobs import job_enqueue_paths
    from ingestion.models import JobStatus

    connection.close()
    database_recreate()  # an empty database for each run (deleting 100,000 articles row by row takes longer)
    call_command("migrate", verbosity=0)
    job = job_enqueue_paths(paths=[corpus])
    connection.close()
    env = dict(os.environ, DATABASE_CONN_MAX_AGE="60")
    with (workdir / f"worker-{processes}.log").open("w") as log:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "newsapi", "worker", "-Q", os.environ["CELERY_INGEST_QUEUE"],
             "--concurrency", str(processes), "--without-gossip", "--without-mingle", "--without-heartbeat",
             "--loglevel", "WARNING"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        first = None
        while True:
            job.refresh_from_db()
            done = job.items.exclude(status="pending").count()
            if first is None and done:
                first = (time.perf_counter(), done)  # from the first stored document: worker start-up excluded
            if job.status == JobStatus.FINISHED:
                break
            time.sleep(0.2)
        return (done - first[1]) / (time.perf_counter() - first[0])
    finally:
        worker.terminate()
        worker.wait(timeout=60)


if __name__ == "__main__":
    sys.exit(main())
