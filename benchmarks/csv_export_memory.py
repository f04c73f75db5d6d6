"""Memory of the streaming CSV export as the number of claims grows.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsapi_bench python benchmarks/csv_export_memory.py

Fills the database named by DATABASE_URL (default: a new SQLite file in a temporary folder; it must be
a scratch database, since its claims are deleted and refilled) with claims, then streams
GET /api/v1/claims/?format=csv at 10,000, 50,000 and 100,000 rows and prints, for each, the rows and bytes
received, the time, and the peak Python memory the export allocated (tracemalloc). A streaming export
keeps the peak flat; one that built the whole file in memory would grow with the rows.
"""

import os
import sys
import tempfile
import time
import tracemalloc
import warnings
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsapi.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ["DEBUG"] = "0"  # DEBUG keeps every query in memory, which is not what is measured
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("THROTTLE_ANON_RATE", "1000/minute")
warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic here; WhiteNoise notes it

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from articles.models import Article, Entity  # noqa: E402
from claims.models import Claim  # noqa: E402

SIZES = [10_000, 50_000, 100_000]


def fill(target: int) -> None:
    article, _ = Article.objects.get_or_create(
        content_hash="benchmark", defaults={"title": "Benchmark article", "body": "A body.", "word_count": 2,
                                            "published_at": datetime(2025, 1, 1, tzinfo=UTC),
                                            "extractor_version": "bench"})
    claimant, _ = Entity.objects.get_or_create(slug="benchmark-claimant",
                                               defaults={"name": "Benchmark Claimant", "type": "PERSON"})
    missing = target - Claim.objects.count()
    batch = [
        Claim(article=article, claimant=claimant, claimant_text="the ministry", value=n % 1000, qualifier="exact",
              unit="soldier", predicate="killed", text=f"Claim number {n}, with a comma and \"quotes\".",
              start=0, end=7, lower=n % 1000, upper=n % 1000)
        for n in range(missing)
    ]
    Claim.objects.bulk_create(batch, batch_size=5000)


def stream(client: Client) -> tuple[int, int]:
    response = client.get("/api/v1/claims/?format=csv")
    assert response.status_code == 200 and response.streaming, response
    rows = size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        rows += chunk.count(b"\n")
    return rows - 2, size  # the header and the `#complete,N` trailer


def export(client: Client) -> tuple[int, int, float, float]:
    """Timed without tracing (tracemalloc slows Python down), then traced for the memory peak."""
    started = time.perf_counter()
    rows, size = stream(client)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    before, _ = tracemalloc.get_traced_memory()
    stream(client)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return rows, size, seconds, (peak - before) / 1e6


def main() -> int:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    Claim.objects.all().delete()
    client = Client()
    print(f"database: {django.db.connection.vendor}")
    print(f"{'rows':>8} {'bytes':>12} {'seconds':>8} {'rows/s':>8} {'peak MB':>8}")
    for size in SIZES:
        fill(size)
        rows, size_bytes, seconds, peak = export(client)
        print(f"{rows:>8,} {size_bytes:>12,} {seconds:>8.2f} {rows / seconds:>8,.0f} {peak:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
