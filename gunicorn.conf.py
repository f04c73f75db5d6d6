"""gunicorn settings (gunicorn reads ./gunicorn.conf.py by itself; the Dockerfile and compose run from here).

gunicorn answers some requests before Django sees them, in plain text that no setting turns into JSON: a
request line longer than limit_request_line (414), too many or too large headers (431/400), a malformed
request (400). The limits below are gunicorn's largest accepted values, so that every request a client
should send reaches the app and gets the API's JSON errors. A request still running after `timeout` seconds
has its worker killed: the client's connection is closed with no answer (a proxy in front shows 502/504).
"""

import gc
import os

# The longest request line and header gunicorn accepts: long filter and cursor URLs still reach Django.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Extracting a 1 MB article takes seconds; a request past this is stuck, and its worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Workers are replaced after this many requests, so that memory stays flat over days.
max_requests = 2000
max_requests_jitter = 200
# The app is imported once, in the master, and each worker is a fork of it: a replaced worker starts in
# milliseconds instead of re-importing Django, DRF and the project (about a second of CPU, during which its
# share of requests waited: at a few hundred requests a second a worker is replaced every few seconds, and
# those waits were the API's p99). Nothing opens a connection at import (database, Redis, broker and the
# spaCy model are all opened on first use), so no socket is shared between forks. New code needs a restart,
# not a HUP.
preload_app = True


def when_ready(server):
    # Objects of the imported app live as long as the process: kept out of the garbage collector's scans, and
    # so never written to by them, their pages stay shared between the forked workers.
    gc.freeze()

# Worker model, chosen by measurement (BENCHMARKS.md, "Serving ... second pass": sync with 2 or 4 processes,
# gthread with 2 x 2, 2 x 4 and 4 x 2 on 2 cores): gthread workers, one process per core and a few threads
# each. Four processes (sync or gthread) did worst; 2 and 4 threads were level within the noise of the run,
# and 4 keep requests answered while long exports stream. A thread waiting on PostgreSQL or Redis lets another run, and the worker's main thread
# keeps answering gunicorn's heartbeat while a request runs, so a long streamed CSV export is never cut by
# `timeout` (with sync workers a response still streaming after `timeout` seconds had its worker killed and
# the client got a silently truncated 200). `timeout` then only replaces a worker whose main loop is stuck.
# (gunicorn runs gthread for "sync" too whenever threads > 1.)
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("GUNICORN_WORKERS", str(os.cpu_count() or 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Clients that keep connections open (load balancers, SDKs) skip a TCP handshake per request.
keepalive = 5
