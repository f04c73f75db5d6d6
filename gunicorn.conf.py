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
# Workers are replaced after this many requests, a safety net should memory ever grow. Not oftener: a replaced
# worker opens a new database connection and warms its caches again, and at 2,000 requests this happened every
# few seconds under load and set the p99 (160-340 ms against 47-52 ms at 20,000 on the article list). A
# worker's memory levelled at 134 MB after 7,000 requests and stayed there for 35,000 (BENCHMARKS.md).
max_requests = 100_000
max_requests_jitter = 10_000
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
# Each worker listens on its own socket and the kernel spreads new connections over them. On one shared socket
# the worker that waited last took nearly every connection of a pool opened at once, and a keep-alive
# connection stays with its worker: under load one core idled while the other queued requests (the article
# list at 240-340 requests/s instead of 500-770). A worker being replaced drops the connections still waiting
# in its own socket's queue, which is why workers are replaced rarely (max_requests above).
reuse_port = True
