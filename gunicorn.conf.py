"""gunicorn settings (gunicorn reads ./gunicorn.conf.py by itself; the Dockerfile and compose run from here).

gunicorn answers some requests before Django sees them, in plain text that no setting turns into JSON: a
request line longer than limit_request_line (414), too many or too large headers (431/400), a malformed
request (400). The limits below are gunicorn's largest accepted values, so that every request a client
should send reaches the app and gets the API's JSON errors. A request still running after `timeout` seconds
has its worker killed: the client's connection is closed with no answer (a proxy in front shows 502/504).
"""

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

# Worker model, chosen by measurement (BENCHMARKS.md, "Serving"): gthread workers, one process per core and a
# few threads each. A thread waiting on PostgreSQL or Redis lets another run, and the worker's main thread
# keeps answering gunicorn's heartbeat while a request runs, so a long streamed CSV export is never cut by
# `timeout` (with sync workers a response still streaming after `timeout` seconds had its worker killed and
# the client got a silently truncated 200). `timeout` then only replaces a worker whose main loop is stuck.
# (gunicorn runs gthread for "sync" too whenever threads > 1.)
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("GUNICORN_WORKERS", str(os.cpu_count() or 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Clients that keep connections open (load balancers, SDKs) skip a TCP handshake per request.
keepalive = 5
