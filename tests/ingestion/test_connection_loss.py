"""The database going away mid-load, for real: the loader's backend terminated, the database refusing
connections. The load stops with a clear message instead of failing every later document; a re-run loads
the rest."""

import json
import subprocess
import sys
import time

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from articles.models import Article
from ingestion.loader import BATCH, LoadInterrupted, load_paths
from tests import workers

pytestmark = pytest.mark.django_db(transaction=True)


def write_feed(folder, count: int):
    records = [{
        "title": f"Harbour report {number}",
        "body": f"Inspectors counted {number + 2} damaged boats in the harbour on day {number}, the mayor said.",
        "published_at": "2025-05-06T12:00:00Z",
    } for number in range(count)]
    (folder / "feed.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return folder


def admin(sql: str, params: list | None = None) -> None:
    """A statement from a connection of its own to the server's maintenance database, as an operator's."""
    with psycopg.connect(workers.test_database_url(), dbname="postgres", autocommit=True) as operator:
        operator.execute(sql, params)


def terminate(pids_query: str, params: list) -> None:
    admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE {pids_query}", params)


# After the 3rd document the next one is being stored when the connection is found gone; after the 8th (a
# whole batch) it is the query of which next documents are stored already, between two documents.
@pytest.mark.parametrize("stored_before", [3, BATCH])
def test_a_terminated_connection_stops_the_load_and_a_rerun_completes(tmp_path, stored_before):
    feed = write_feed(tmp_path, 2 * BATCH)
    done = []

    def on_document(status):
        done.append(status)
        if len(done) == stored_before:
            terminate("pid = %s", [connection.connection.info.backend_pid])

    with pytest.raises(LoadInterrupted, match="the database connection was lost") as stopped:
        load_paths([feed], workers=1, on_document=on_document)
    report = stopped.value.report
    assert report.statuses["created"] == stored_before
    assert report.statuses["failed"] == 0 and report.failures == []
    assert f"{stored_before} document(s) were stored before it" in str(stopped.value)

    again = load_paths([feed], workers=1)
    assert again.statuses["unchanged"] == stored_before
    assert again.statuses["created"] == 2 * BATCH - stored_before
    assert again.statuses["failed"] == 0
    assert Article.objects.count() == 2 * BATCH


def load_seeds(folder) -> subprocess.Popen:
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": workers.test_database_url(), "SECRET_KEY": settings.SECRET_KEY,
           "SECURE_SSL_REDIRECT": "0"}
    return subprocess.Popen([sys.executable, "manage.py", "load_seeds", str(folder), "--workers", "1"], cwd=workers.ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_load_seeds_stops_with_a_clear_message_when_the_database_goes_away(tmp_path):
    total = 150
    feed = write_feed(tmp_path, total)
    database = connection.settings_dict["NAME"]
    loader = load_seeds(feed)
    try:
        deadline = time.monotonic() + 120
        while Article.objects.count() < 5:
            assert loader.poll() is None, loader.communicate()
            assert time.monotonic() < deadline, "the loader stored nothing"
            time.sleep(0.05)
        # The database refuses connections and the loader's is cut: the database has gone away for it (this
        # test's own connection stays, to count and to restore).
        admin(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        terminate("datname = %s AND pid <> %s", [database, connection.connection.info.backend_pid])
        out, err = loader.communicate(timeout=120)
    finally:
        admin(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
        if loader.poll() is None:
            loader.kill()
            loader.wait()
    assert loader.returncode == 1, (out, err)
    assert "the database connection was lost" in err and "the load stopped" in err
    assert "run it again once the database is back" in err
    # No document is blamed for the database.
    assert not [line for line in err.splitlines() if line.startswith("failed: ")] and "failed 0" in out
    stored = Article.objects.count()
    assert 5 <= stored < total

    rerun = load_seeds(feed)
    out, err = rerun.communicate(timeout=180)
    assert rerun.returncode == 0, err
    assert f"loaded {total - stored} (new {total - stored}" in out and f"unchanged {stored}" in out
    assert Article.objects.count() == total
