"""Serving benchmark: the API on 100,000 articles under gunicorn, beside a no-framework floor.

    python benchmarks/serving.py [--duration 5] [--connections 10] [--rounds 3] [--only NAME ...]
                                 [--workers N] [--worker-class sync|gthread] [--threads N]
                                 [--export] [--rebuild]

1. Builds or reuses the database (benchmarks/serving_db.py; BENCH_SERVING_DATABASE_URL, default
   newsapi_bench100k on the local server).
2. Serves it twice with gunicorn.conf.py as production runs it (DEBUG off, Redis throttle counters, the
   throttle on at a rate no run reaches): the API, and the floor (benchmarks/floor.py: the same JSON from
   psycopg and orjson). Each endpoint's two bodies must be identical bytes.
3. For each endpoint: queries per request and sequential scans of large tables in their plans (Django's
   test client and EXPLAIN, in this process), then wrk on loopback with N connections against the API and
   the floor in turns: requests/s, p50, p99, and the API's share of the floor's requests/s. Every endpoint
   is measured in R rounds (--rounds, default 3), API first in one round and floor first in the next, and
   the round whose ratio is the median is printed: this machine's speed drifts by up to 2x within minutes.
4. --export: a CSV export of every claim of the newer half of the corpus (about 2 million rows) through the
   same server, streamed to the end: rows counted against the database and the completeness trailer checked.

wrk comes from Debian's package (installed by apt-get when missing).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from base64 import b64encode
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import serving_db  # noqa: E402

DATABASE_URL = os.environ.get("BENCH_SERVING_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsapi_bench100k")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
HOST = "newsapi.test"  # one Host header for both servers, so that their absolute links are the same bytes
API_PORT, FLOOR_PORT = 18611, 18612
LARGE_TABLES = {"articles_article", "articles_mention", "articles_quote", "claims_claim", "claims_claim_subjects",
                "articles_articleband", "claims_measureclaimant"}


def server_env(extra: dict) -> dict:
    return dict(
        os.environ, DATABASE_URL=DATABASE_URL, FLOOR_DATABASE_URL=DATABASE_URL, DEBUG="0",
        SECRET_KEY="benchmark-only-secret-key", ALLOWED_HOSTS=f"{HOST},127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0", CACHE_URL=REDIS_URL,
        # The throttle stays on (its Redis round trip is part of every request) at a rate no run reaches.
        THROTTLE_ANON_RATE="1000000000/minute", THROTTLE_USER_RATE="1000000000/minute", LOG_LEVEL="WARNING",
        **extra)


def serve(app: str, port: int, extra: dict, checkout: Path = ROOT, arguments: tuple[str, ...] = ()) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), app, "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
         *arguments],
        cwd=checkout, env=server_env(extra), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{app} did not start on port {port}")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def fetch(port: int, path: str) -> bytes:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": HOST})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()


def wrk_ensure() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    print("installing wrk (Debian package)")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)
    return shutil.which("wrk")


def wrk(binary: str, port: int, path: str, connections: int, duration: int) -> dict:
    output = subprocess.run(
        [binary, "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s",
         "-H", f"Host: {HOST}", f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {p: to_ms(v, u) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rate": rate, "p50": latency["50"], "p99": latency["99"], "errors": int(errors.group(1)) if errors else 0}


def to_ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def endpoints() -> list[tuple[str, str]]:
    """The benchmark's URLs, with parameters read from the database (the busiest speaker, a common unit ...)."""
    import psycopg

    with psycopg.connect(DATABASE_URL) as c:
        one = lambda sql: c.execute(sql).fetchone()  # noqa: E731
        entity, = one("SELECT id FROM articles_entity WHERE merged_into_id IS NULL ORDER BY article_count DESC, id "
                      "LIMIT 1")
        newest, = one("SELECT max(published_at) FROM articles_article")
        speaker, = one("SELECT speaker_id FROM articles_quote WHERE speaker_id IS NOT NULL GROUP BY speaker_id "
                       "ORDER BY count(*) DESC LIMIT 1")
        # The most common unit in the measures' vocabulary (`unit=` matches it in every wording).
        unit, = one("SELECT unit_normalised FROM claims_claim WHERE value IS NOT NULL AND id < 100000 "
                    "GROUP BY unit_normalised ORDER BY count(*) DESC LIMIT 1")
        # Words that are their own stem, so that searching the word finds exactly the documents counted.
        words = ("FROM ts_stat('SELECT search_vector FROM articles_article WHERE id <= 400') WHERE word ~ '^[a-z]{4,}$' "
                 "AND websearch_to_tsquery('english', word)::text = quote_literal(word)")
        common, = one(f"SELECT word {words} ORDER BY ndoc DESC, word LIMIT 1")
        rare, = one(f"SELECT word {words} ORDER BY ndoc, word LIMIT 1")
        article, = one("SELECT article_id FROM claims_claim WHERE article_id <= 400 GROUP BY article_id "
                       "ORDER BY count(*) DESC OFFSET 100 LIMIT 1")  # an ordinary article: many claims, not the most
        deep, = one("SELECT published_at FROM articles_article ORDER BY published_at DESC, id DESC OFFSET 50000 LIMIT 1")
    start = (newest.replace(day=1) - __import__("datetime").timedelta(days=90)).date().isoformat()
    cursor = b64encode(urlencode({"p": str(deep)}).encode("ascii")).decode("ascii")
    return [
        ("article list", "/api/v1/articles/"),
        ("articles by entity and dates", f"/api/v1/articles/?entity={entity}&published_after={start}"
                                         f"&published_before={newest.date().isoformat()}"),
        (f"search, common word ({common})", f"/api/v1/articles/?search={common}"),
        (f"search, rare word ({rare})", f"/api/v1/articles/?search={rare}"),
        ("quotes by speaker", f"/api/v1/quotes/?speaker={speaker}"),
        ("claims by unit and value range", f"/api/v1/claims/?{urlencode({'unit': unit})}&value_min=10&value_max=500"),
        ("article detail", f"/api/v1/articles/{article}/"),
        ("entities by article count", "/api/v1/entities/?ordering=-article_count"),
        ("entity detail", f"/api/v1/entities/{entity}/"),
        ("measures", "/api/v1/measures/"),
        ("deep cursor page (50,000th article)", f"/api/v1/articles/?{urlencode({'cursor': cursor})}"),
    ]


def queries_and_plans(paths: list[str], checkout: Path) -> dict[str, tuple[int | str, list[str]]]:
    """Queries per request (Django's test client) and the large tables any of them scans sequentially."""
    os.environ.update(server_env({}))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsapi.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, found = Client(HTTP_HOST=HOST), {}
    for path in paths:
        client.get(path)  # warm
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        scans = set()
        with connection.cursor() as cursor:
            for query in captured.captured_queries:
                if query["sql"].lstrip().upper().startswith("SELECT"):
                    cursor.execute("EXPLAIN (FORMAT JSON) " + query["sql"])
                    scans |= sequential_scans(cursor.fetchone()[0][0]["Plan"])
        found[path] = (len(captured), sorted(scans & LARGE_TABLES))
    connection.close()
    return found


def sequential_scans(plan: dict) -> set[str]:
    found = {plan["Relation Name"]} if plan.get("Node Type") == "Seq Scan" else set()
    for child in plan.get("Plans", []):
        found |= sequential_scans(child)
    return found


def export_run() -> None:
    """Every claim of the newer half of the corpus (about 2 million at 100,000 articles) as CSV, read to the end."""
    import psycopg

    with psycopg.connect(DATABASE_URL) as c:
        total, = c.execute("SELECT count(*) FROM claims_claim").fetchone()
        since, = c.execute("SELECT a.published_at::date FROM claims_claim c JOIN articles_article a "
                           "ON a.id = c.article_id ORDER BY a.published_at DESC LIMIT 1 OFFSET %s", (total // 2,)).fetchone()
        expected, = c.execute("SELECT count(*) FROM claims_claim c JOIN articles_article a ON a.id = c.article_id "
                              "WHERE c.status = 'active' AND a.published_at >= %s", (since,)).fetchone()
    path = f"/api/v1/claims/?format=csv&published_after={since.isoformat()}"
    started = time.perf_counter()
    request = urllib.request.Request(f"http://127.0.0.1:{API_PORT}{path}", headers={"Host": HOST})
    records, last = 0, []
    with urllib.request.urlopen(request, timeout=3600) as response:
        for record in csv.reader(io.TextIOWrapper(response, encoding="utf-8", newline="")):
            records, last = records + 1, record
    seconds = time.perf_counter() - started
    trailer = ",".join(last)
    rows = records - 2  # the header and the trailer
    print(f"export {path}: {rows:,} rows of {expected:,} expected in {seconds:.0f} s "
          f"({rows / seconds:,.0f} rows/s); trailer {trailer!r}; "
          f"{'COMPLETE' if rows == expected and trailer == f'#complete,{expected}' else 'INCOMPLETE'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per endpoint, server and round")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds per endpoint: the round of median ratio to the floor is printed")
    parser.add_argument("--only", nargs="*", help="endpoint names starting with these words")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: gunicorn.conf.py)")
    parser.add_argument("--worker-class", help="gunicorn worker class (default: gunicorn.conf.py)")
    parser.add_argument("--threads", type=int, help="threads per gthread worker (default: gunicorn.conf.py)")
    parser.add_argument("--export", action="store_true", help="also export about 2 million claims as CSV")
    parser.add_argument("--no-floor", action="store_true", help="measure the API only")
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument("--api-checkout", type=Path, default=ROOT,
                        help="serve the API from another checkout of the project (a 'before' measurement)")
    parser.add_argument("--gunicorn-args", default="", help="more gunicorn arguments for the API, e.g. '--workers 3'")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)

    serving_db.ensure(DATABASE_URL, rebuild=args.rebuild)
    binary = wrk_ensure()
    chosen = endpoints()
    if args.only:
        chosen = [(name, path) for name, path in chosen if any(name.startswith(word) for word in args.only)]
    extra = {key: str(value) for key, value in {"GUNICORN_WORKERS": args.workers, "GUNICORN_WORKER_CLASS":
             args.worker_class, "GUNICORN_THREADS": args.threads}.items() if value}
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; gunicorn {extra or 'as configured'}; "
          f"wrk 1 thread, {args.connections} connections, {args.duration} s per endpoint, server and round, "
          f"{args.rounds} rounds (the median ratio's printed)")
    if args.api_checkout.resolve() == ROOT:
        counted = queries_and_plans([path for _, path in chosen], args.api_checkout)
    else:  # another checkout's code cannot be imported beside this one: its requests are only timed
        counted = {path: ("-", ["not examined"]) for _, path in chosen}
    api = serve("newsapi.wsgi:application", API_PORT, extra, args.api_checkout, tuple(args.gunicorn_args.split()))
    floor = None if args.no_floor else serve("benchmarks.floor:application", FLOOR_PORT, extra)
    results = []
    try:
        for name, path in chosen:
            same = None
            if floor is not None:
                same = fetch(API_PORT, path) == fetch(FLOOR_PORT, path)
            rounds = []
            for turn in range(args.rounds):
                fetch(API_PORT, path)
                measured = {}
                # API and floor in turns, each first every other round: a drift of the machine's speed during
                # a round (the floor's rate has moved 2x between runs minutes apart) weighs on both alike.
                for server in (("api", "floor") if turn % 2 == 0 else ("floor", "api")):
                    if server == "api" or floor is not None:
                        port = API_PORT if server == "api" else FLOOR_PORT
                        measured[server] = wrk(binary, port, path, args.connections, args.duration)
                rounds.append(measured)
            chosen_round = median_round(rounds)
            results.append((name, path, same, chosen_round))
            row(name, counted[path], same, chosen_round)
        if args.export:
            export_run()
    finally:
        stop(api)
        if floor is not None:
            stop(floor)
    failed = [name for name, _, same, _ in results if same is False]
    if failed:
        print(f"NOT BYTE-IDENTICAL to the floor: {', '.join(failed)}")
    return 1 if failed else 0


def median_round(rounds: list[dict]) -> dict:
    """The round whose ratio to the floor is the median (its API rate's, without a floor)."""
    def key(measured):
        return measured["api"]["rate"] / measured["floor"]["rate"] if "floor" in measured else measured["api"]["rate"]
    return sorted(rounds, key=key)[(len(rounds) - 1) // 2]


HEADER_PRINTED = []


def row(name: str, counted: tuple[int | str, list[str]], same: bool | None, measured: dict) -> None:
    if not HEADER_PRINTED:
        print(f"{'endpoint':<40} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'queries':>7} {'floor/s':>8} "
              f"{'ratio':>6} {'same':>5}  seq scans")
        HEADER_PRINTED.append(True)
    a, f = measured["api"], measured.get("floor")
    ratio = f"{a['rate'] / f['rate']:.2f}" if f else "-"
    errors = f" ({a['errors']} errors)" if a["errors"] else ""
    print(f"{name[:40]:<40} {a['rate']:>7.0f} {a['p50']:>7.1f} {a['p99']:>7.1f} {counted[0]:>7} "
          f"{(f['rate'] if f else 0):>8.0f} {ratio:>6} {('yes' if same else 'NO') if same is not None else '-':>5}  "
          f"{', '.join(counted[1]) or 'none'}{errors}")


if __name__ == "__main__":
    sys.exit(main())
