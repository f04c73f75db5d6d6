"""A load run: 50 concurrent clients for two minutes against gunicorn on loopback, as production runs it.

    python benchmarks/load_run.py [--clients 50] [--duration 120] [--articles 300]

1. Builds a database (LOAD_DATABASE_URL, default newsapi_loadrun on the local server, dropped and created):
   migrations, the seed articles, and --articles generated ones (`generate_corpus` + `load_seeds`).
2. Starts gunicorn on 127.0.0.1 with gunicorn.conf.py (its workers and threads) and the production settings
   (DEBUG off), plain HTTP
   (no HTTPS redirect on loopback), throttle counters in Redis as production keeps them, with the rates
   raised so that the run measures the API and not the rate limit.
3. After a --warmup (every worker loads the extraction model at its first post), runs --clients concurrent
   clients (asyncio, one httpx connection pool) for --duration seconds over a mix
   of requests: lists with filters, details, full-text search, CSV export, the schema, article posts with an
   ingest token, and bad inputs that must get a 4xx.
4. Prints requests, requests/s, errors (5xx, connection errors, timeouts, and a bad input that did not get a
   4xx) that must all be 0, p50/p99 latency per kind of request, and the RSS of every gunicorn worker sampled
   every few seconds (first, middle and last sample of each), to show that memory stays flat.
Exits non-zero when there was any error. Every request goes to 127.0.0.1 only, and the run stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LOAD_URL = os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsapi_loadrun")


def server_environment(port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": LOAD_URL,
        "DEBUG": "0",
        "SECRET_KEY": "load-run-only-secret-key",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Loopback speaks plain HTTP: no redirect to HTTPS, no HSTS, no secure-only cookies.
        "SECURE_SSL_REDIRECT": "0", "SECURE_HSTS_SECONDS": "0", "SECURE_COOKIES": "0",
        # Production keeps throttle counters in Redis (a database of this run's own); the rates are raised so
        # that 50 clients from one address are not answered 429.
        "CACHE_URL": os.environ.get("LOAD_CACHE_URL", "redis://127.0.0.1:6379/9"),
        "THROTTLE_ANON_RATE": "10000000/minute", "THROTTLE_USER_RATE": "10000000/minute",
        "LOG_LEVEL": "WARNING",
    }


def database_recreate() -> None:
    import psycopg

    parts = urlsplit(LOAD_URL)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def database_build(env: dict[str, str], articles: int, workdir: Path) -> str:
    """Migrate, load the seed and generated articles; returns an ingest token."""
    database_recreate()
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_seeds")
    if articles:
        manage(env, "generate_corpus", "--articles", str(articles), "--seed", "7", "--output", str(workdir / "corpus"))
        print(manage(env, "load_seeds", str(workdir / "corpus")).strip().splitlines()[-1])
    return manage(env, "create_api_token", "load-run", "--role", "ingest").strip().splitlines()[-1]


# --- the server and its workers' memory ---------------------------------------------------------------------

def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class MemorySampler(threading.Thread):
    """The RSS of every worker of the gunicorn master, every `interval` seconds."""

    def __init__(self, master: int, interval: float):
        super().__init__(daemon=True)
        self.master, self.interval = master, interval
        self.samples: dict[int, list[tuple[float, float]]] = defaultdict(list)  # pid -> [(seconds, MB)]
        self.totals: list[float] = []  # all workers together, at each sample
        self.started = time.perf_counter()
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            now = time.perf_counter() - self.started
            total = 0.0
            for pid in children(self.master):
                value = rss_mb(pid)
                if value is not None:
                    self.samples[pid].append((now, value))
                    total += value
            self.totals.append(total)
            self.stopping.wait(self.interval)


# --- the clients ---------------------------------------------------------------------------------------------

@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter = field(default_factory=Counter)
    sent: int = 0
    errors: Counter = field(default_factory=Counter)  # kind of error -> count
    examples: dict[str, str] = field(default_factory=dict)  # kind of error -> one request that had it


@dataclass(frozen=True)
class Request:
    name: str
    method: str
    path: str
    weight: int
    bad: bool = False  # a bad input: must get a 4xx
    body: object = None
    token: bool = False


def request_mix(ids: dict[str, list]) -> list[Request]:
    article, entity, claim = (lambda: random.choice(ids["articles"])), (lambda: random.choice(ids["entities"])), (
        lambda: random.choice(ids["claims"]))
    return [
        Request("articles list", "GET", "/api/v1/articles/", 10),
        Request("articles filtered", "GET", "/api/v1/articles/?published_after=2021-01-01&ordering=-published_at"
                "&page_size=50", 8),
        Request("article detail", "GET", lambda: f"/api/v1/articles/{article()}/", 12),
        Request("search", "GET", lambda: "/api/v1/articles/?search=" + random.choice(
            ["minister", "ukraine", "company", "police", "election", "budget"]), 8),
        Request("claims filtered", "GET", "/api/v1/claims/?has_value=true&min_confidence=0.5", 6),
        Request("claim related", "GET", lambda: f"/api/v1/claims/{claim()}/related/", 4),
        Request("quotes filtered", "GET", "/api/v1/quotes/?kind=direct", 6),
        Request("entities filtered", "GET", "/api/v1/entities/?type=PERSON&ordering=name", 6),
        Request("entity detail", "GET", lambda: f"/api/v1/entities/{entity()}/", 8),
        Request("measures", "GET", "/api/v1/measures/?conflicting=true", 4),
        Request("CSV export", "GET", "/api/v1/articles/?format=csv&published_after=2023-01-01", 2),
        Request("schema", "GET", "/api/schema/", 1),
        Request("post article", "POST", "/api/v1/articles/", 2, token=True, body=lambda: {
            "title": f"Load run article {random.getrandbits(48):x}",
            "body": "The health minister said 12 hospitals reopened on Monday. \"We are back,\" she said. "
                    f"Officials counted {random.randint(100, 900)} patients in Kyiv.",
            "published_at": "2025-03-04T10:00:00Z", "source": "Load Run Wire"}),
        Request("bad page size", "GET", "/api/v1/articles/?page_size=0", 2, bad=True),
        Request("bad date", "GET", "/api/v1/claims/?published_after=yesterday", 2, bad=True),
        Request("forged cursor", "GET", "/api/v1/articles/?cursor=cD0yMDIy", 2, bad=True),
        Request("unknown parameter", "GET", "/api/v1/quotes/?colour=red", 1, bad=True),
        Request("unknown article", "GET", "/api/v1/articles/999999999/", 1, bad=True),
        Request("post without token", "POST", "/api/v1/articles/", 1, bad=True, body={"title": "x"}),
        Request("post bad body", "POST", "/api/v1/articles/", 1, bad=True, token=True, body={"title": 5}),
    ]


async def client(http: httpx.AsyncClient, mix: list[Request], weights: list[int], token: str, deadline: float,
                 results: Results) -> None:
    while time.perf_counter() < deadline:
        request = random.choices(mix, weights)[0]
        path = request.path() if callable(request.path) else request.path
        body = request.body() if callable(request.body) else request.body
        headers = {"Authorization": f"Token {token}"} if request.token else {}
        began = time.perf_counter()
        results.sent += 1
        try:
            response = await http.request(request.method, path, json=body, headers=headers)
            await response.aread()
        except httpx.TimeoutException:
            results.errors["timeout"] += 1
            results.examples.setdefault("timeout", f"{request.method} {path}")
            continue
        except httpx.HTTPError as error:
            kind = f"connection error ({type(error).__name__})"
            results.errors[kind] += 1
            results.examples.setdefault(kind, f"{request.method} {path}")
            continue
        results.latencies[request.name].append(time.perf_counter() - began)
        results.statuses[response.status_code] += 1
        if response.status_code == 429:
            continue  # the rate limit doing its job (raised for this run): not an error
        if response.status_code >= 500:
            kind = f"{response.status_code}"
        elif request.bad and not 400 <= response.status_code < 500:
            kind = f"bad input answered {response.status_code}"
        elif not request.bad and response.status_code >= 400:
            kind = f"valid request answered {response.status_code}"
        else:
            continue
        results.errors[kind] += 1
        results.examples.setdefault(kind, f"{request.method} {path}")


async def run_clients(base: str, clients: int, duration: float, token: str, results: Results) -> float:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=httpx.Timeout(30.0)) as http:
        ids = {
            "articles": [a["id"] for a in (await http.get("/api/v1/articles/?page_size=200")).json()["results"]],
            "entities": [e["id"] for e in (await http.get("/api/v1/entities/?page_size=200")).json()["results"]],
            "claims": [c["id"] for c in (await http.get("/api/v1/claims/?page_size=200")).json()["results"]],
        }
        mix = request_mix(ids)
        weights = [r.weight for r in mix]
        started = time.perf_counter()
        deadline = started + duration
        await asyncio.gather(*(client(http, mix, weights, token, deadline, results) for _ in range(clients)))
        return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=120.0, help="seconds of load")
    parser.add_argument("--warmup", type=float, default=20.0, help="seconds of load before the measured run")
    parser.add_argument("--articles", type=int, default=300, help="generated articles besides the seed")
    parser.add_argument("--port", type=int, default=18790)
    parser.add_argument("--sample-every", type=float, default=5.0, help="seconds between memory samples")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    random.seed(1)

    env = server_environment(args.port)
    workdir = Path(tempfile.mkdtemp(prefix="newsapi-load-"))
    started = time.perf_counter()
    token = database_build(env, args.articles, workdir)
    print(f"database: seed + {args.articles} generated articles in {time.perf_counter() - started:.0f} s")

    log = (workdir / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{args.port}",
         "newsapi.wsgi:application"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{base}/health/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        # Warm-up, not counted: every worker loads the extraction model at its first posted article and fills
        # its caches; memory is then followed over the measured run.
        asyncio.run(run_clients(base, args.clients, args.warmup, token, Results()))
        sampler = MemorySampler(server.pid, args.sample_every)
        sampler.start()
        results = Results()
        seconds = asyncio.run(run_clients(base, args.clients, args.duration, token, results))
        sampler.stopping.set()
        sampler.join()
    finally:
        server.terminate()
        server.wait(30)
        log.close()
    report(args, results, seconds, sampler, workdir / "gunicorn.log")
    return 1 if results.errors else 0


def report(args, results: Results, seconds: float, sampler: MemorySampler, log: Path) -> None:
    workers = sum(1 for samples in sampler.samples.values() if samples[0][0] < args.sample_every)
    total = results.sent
    every = [x for values in results.latencies.values() for x in values]
    print(f"\nload: {args.clients} clients for {seconds:.0f} s (after {args.warmup:.0f} s of warm-up) against gunicorn "
          f"({workers} workers as gunicorn.conf.py starts them, DEBUG off, PostgreSQL)")
    print(f"requests: {total}; {total / seconds:.1f} requests/s; p50 {percentile(every, 0.5):.0f} ms, "
          f"p99 {percentile(every, 0.99):.0f} ms")
    print(f"errors: {sum(results.errors.values())} {dict(results.errors) or ''}".rstrip())
    for kind, example in results.examples.items():
        print(f"  {kind}: e.g. {example}")
    print(f"statuses: {dict(sorted(results.statuses.items()))}")
    print(f"\n{'request':<20} {'count':>7} {'p50 ms':>8} {'p99 ms':>8}")
    for name, values in results.latencies.items():
        print(f"{name:<20} {len(values):>7} {percentile(values, 0.5):>8.0f} {percentile(values, 0.99):>8.0f}")
    print(f"\ngunicorn workers' RSS (MB), sampled every {args.sample_every:.0f} s; a worker is replaced after "
          "max_requests (gunicorn.conf.py), so some live for part of the run:")
    print(f"{'worker pid':>10} {'from s':>7} {'to s':>6} {'first':>7} {'middle':>7} {'last':>7} {'max':>7}")
    for pid, samples in sorted(sampler.samples.items(), key=lambda item: item[1][0][0]):
        values = [mb for _, mb in samples]
        print(f"{pid:>10} {samples[0][0]:>7.0f} {samples[-1][0]:>6.0f} {values[0]:>7.1f} "
              f"{values[len(values) // 2]:>7.1f} {values[-1]:>7.1f} {max(values):>7.1f}")
    totals = sampler.totals
    if totals:
        print(f"all workers together: first {totals[0]:.0f} MB, middle {totals[len(totals) // 2]:.0f} MB, "
              f"last {totals[-1]:.0f} MB, max {max(totals):.0f} MB")
    tracebacks = log.read_text().count("Traceback")
    print(f"server log: {tracebacks} traceback(s)")


if __name__ == "__main__":
    sys.exit(main())
