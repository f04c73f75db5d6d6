"""Where one API request spends its time: the benchmark's database, the production settings, in this process.

    python benchmarks/profile_request.py PATH [--requests 200] [--sort tottime] [--lines 40]

Calls the WSGI application directly (no server, no network between client and app; PostgreSQL and Redis as
`make bench` uses them), reports wall and CPU time per request and the queries one request runs, then the
same requests again under cProfile. Example: `python benchmarks/profile_request.py /api/v1/articles/182/`.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import serving  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help="the request's path and query, e.g. /api/v1/claims/?unit=person")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--sort", default="cumulative", help="cProfile order: cumulative, tottime ...")
    parser.add_argument("--lines", type=int, default=40)
    parser.add_argument("--no-profile", action="store_true", help="timings only")
    args = parser.parse_args()
    os.environ.update(serving.server_env({}))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsapi.settings")
    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    application = get_wsgi_application()
    path, _, query = args.path.partition("?")

    def request() -> bytes:
        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": serving.HOST,
                   "SERVER_PORT": "80", "HTTP_HOST": serving.HOST, "wsgi.url_scheme": "http",
                   "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr, "REMOTE_ADDR": "127.0.0.1"}
        status = []
        body = b"".join(application(environ, lambda line, headers, exc_info=None: status.append(line)))
        if not status[0].startswith("200"):
            raise SystemExit(f"{args.path}: {status[0]}: {body[:300]!r}")
        return body

    for _ in range(5):
        request()
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.requests):
        body = request()
    wall, cpu = (time.perf_counter() - started) / args.requests, (time.process_time() - cpu) / args.requests
    with CaptureQueriesContext(connection) as captured:
        request()
    print(f"{args.path}: {wall * 1000:.2f} ms per request, {cpu * 1000:.2f} ms of it CPU in this process; "
          f"{len(captured)} queries; {len(body):,} bytes")
    if not args.no_profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.requests):
            request()
        profile.disable()
        pstats.Stats(profile).sort_stats(args.sort).print_stats(args.lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
