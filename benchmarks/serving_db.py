"""The serving benchmark's database: about 100,000 articles with millions of mentions, quotes and claims.

Built once and reused (a marker table records how it was built); `--rebuild` builds it again.

Extracting 100,000 articles would take hours, so a few hundred generated articles (ingestion/corpus.py) are
loaded the normal way (`load_seeds`: extraction, entities, measures) and then copied in SQL until there are
about 100,000. Each copy gets ids of its own (original id + k x stride, so that references inside a copy
stay inside it), a unique url and content hash, a date shifted by k x 37 minutes, and the search vector of
its original (the same text). Afterwards the denormalised figures are recounted: measures (claim count,
range, dates), and whatever `migrate` keeps on entities.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
# Bump when the way the rows are made changes: an older database is then rebuilt.
BUILD_VERSION = 3
MARKER = "bench_serving_build"

# table -> {column: SQL expression for copy k} (others are copied as they are). Ids are shifted by the
# table's stride (its largest id before copying); so are references to rows of copied tables.
COPIED = {
    "articles_article": {
        "id": "t.id + k * {articles_article}",
        "url": "CASE WHEN t.url IS NULL THEN NULL ELSE t.url || '#copy-' || k END",
        "content_hash": "md5(t.content_hash || k) || md5(k || t.content_hash)",
        "published_at": "t.published_at - k * interval '37 minutes'",
        "duplicate_of_id": "t.duplicate_of_id + k * {articles_article}",
    },
    "articles_mention": {"id": "t.id + k * {articles_mention}", "article_id": "t.article_id + k * {articles_article}"},
    "articles_quote": {"id": "t.id + k * {articles_quote}", "article_id": "t.article_id + k * {articles_article}"},
    "claims_claim": {
        "id": "t.id + k * {claims_claim}",
        "article_id": "t.article_id + k * {articles_article}",
        "quote_id": "t.quote_id + k * {articles_quote}",
        "published_at": "t.published_at - k * interval '37 minutes'",
    },
    "claims_claim_subjects": {"id": "t.id + k * {claims_claim_subjects}", "claim_id": "t.claim_id + k * {claims_claim}"},
}


def admin_url(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def built(url: str) -> dict | None:
    """What the marker says about an existing database, or None when it must be built."""
    try:
        with psycopg.connect(url) as connection:
            row = connection.execute(f"SELECT version, articles, note FROM {MARKER}").fetchone()
    except psycopg.Error:
        return None
    if row is None or row[0] != BUILD_VERSION:
        return None
    return {"articles": row[1], "note": row[2]}


def manage(url: str, *args: str) -> None:
    env = dict(os.environ, DATABASE_URL=url, SECRET_KEY=os.environ.get("SECRET_KEY", "benchmark-only-secret-key"))
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def ensure(url: str, *, articles: int = 100_000, base: int = 400, rebuild: bool = False) -> dict:
    """The database at `url`, built if it is missing, stale or `rebuild` is asked; migrated either way."""
    found = None if rebuild else built(url)
    if found is not None:
        print(f"database {database_name(url)}: reused ({found['note']})")
        manage(url, "migrate", "--noinput", "-v0")  # this branch's schema (new indexes, denormalised columns)
        return found
    started = time.perf_counter()
    with psycopg.connect(admin_url(url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{database_name(url)}"')
    manage(url, "migrate", "--noinput", "-v0")
    corpus = Path(tempfile.mkdtemp(prefix="newsapi-serving-")) / "corpus"
    manage(url, "generate_corpus", "--articles", str(base), "--seed", "1", "--output", str(corpus))
    manage(url, "load_seeds", str(corpus), "--progress-every", "30")
    print(f"  {base} generated articles extracted and stored in {time.perf_counter() - started:.0f} s")
    note = multiply(url, articles)
    manage(url, "migrate", "--noinput", "-v0")
    with psycopg.connect(url, autocommit=True) as connection:
        recount(connection)
        connection.execute("VACUUM ANALYZE")  # visibility map for index-only scans, statistics for the planner
        total = connection.execute("SELECT count(*) FROM articles_article").fetchone()[0]
        connection.execute(f"CREATE TABLE {MARKER} (version int, articles int, note text)")
        connection.execute(f"INSERT INTO {MARKER} VALUES (%s, %s, %s)", (BUILD_VERSION, total, note))
    print(f"database {database_name(url)}: built in {time.perf_counter() - started:.0f} s ({note})")
    return {"articles": total, "note": note}


def multiply(url: str, articles: int) -> str:
    with psycopg.connect(url, autocommit=True) as connection:
        stored = connection.execute("SELECT count(*) FROM articles_article").fetchone()[0]
        copies = max(math.ceil(articles / stored) - 1, 0)
        strides = {table: connection.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
                   for table in COPIED}
        # Copies are exact: foreign keys hold by construction, and the search vector is the original's, so the
        # row triggers (foreign key checks, the search vector trigger) are skipped for the bulk insert.
        connection.execute("SET session_replication_role = replica")
        for table, changed in COPIED.items():
            started = time.perf_counter()
            columns = [row[0] for row in connection.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
                (table,))]
            select = [changed[c].format(**strides) if c in changed else f"t.{c}" for c in columns]
            quoted = ", ".join(f'"{c}"' for c in columns)
            connection.execute(
                f"INSERT INTO {table} ({quoted}) SELECT {', '.join(select)} "
                f"FROM {table} t CROSS JOIN generate_series(1, %s) AS k", (copies,))
            connection.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}")
            print(f"  {table}: x{copies + 1} in {time.perf_counter() - started:.0f} s")
        connection.execute("SET session_replication_role = DEFAULT")
        # Each claimant gave every figure once per copy.
        connection.execute("UPDATE claims_measureclaimant SET figure_count = figure_count * %s", (copies + 1,))
        counts = {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COPIED}
    return (f"{counts['articles_article']:,} articles, {counts['articles_mention']:,} mentions, "
            f"{counts['articles_quote']:,} quotes, {counts['claims_claim']:,} claims: {stored} extracted x{copies + 1}")


def recount(connection) -> None:
    """Measures' figures after copying: counts, ranges and dates from their claims (copies of one figure
    repeat its interval, so the conflict flags stand)."""
    connection.execute("""
        UPDATE claims_measure m SET claim_count = s.n, min_value = s.lo, max_value = s.hi,
            first_published_at = s.first, last_published_at = s.last
        FROM (SELECT measure_id, count(*) AS n, min(value) AS lo, max(value) AS hi,
                     min(published_at) AS first, max(published_at) AS last
              FROM claims_claim WHERE measure_id IS NOT NULL AND status = 'active' GROUP BY measure_id) s
        WHERE s.measure_id = m.id""")
    # Entities' denormalised article counts, where this branch's schema has them.
    if connection.execute("SELECT 1 FROM information_schema.columns WHERE table_name = 'articles_entity' "
                          "AND column_name = 'article_count'").fetchone():
        connection.execute("""
            UPDATE articles_entity e SET article_count = coalesce(s.n, 0)
            FROM articles_entity e2 LEFT JOIN (SELECT entity_id, count(DISTINCT article_id) AS n
                                               FROM articles_mention GROUP BY entity_id) s ON s.entity_id = e2.id
            WHERE e.id = e2.id""")
