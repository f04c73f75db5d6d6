"""A WSGI app that answers with the pid of the worker process serving it (tests/test_gunicorn.py serves it)."""

import os
import time


def application(environ, start_response):
    time.sleep(0.01)  # a request's worth of work, so that connections overlap
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(os.getpid()).encode()]
