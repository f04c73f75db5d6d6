"""gunicorn.conf.py as production runs it: a response that streams for longer than the worker timeout is
delivered whole (the CSV exports of millions of rows depend on it)."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_stream_longer_than_the_worker_timeout_is_not_cut():
    port = free_port()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    env = dict(os.environ, GUNICORN_TIMEOUT="1", GUNICORN_WORKERS="1")
    server = subprocess.Popen([str(gunicorn), "tests.slow_stream_app:application", "-c", "gunicorn.conf.py",
                               "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        started = time.monotonic()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
            body = response.read().decode()
        assert time.monotonic() - started > 2  # three times the worker timeout
        assert body.splitlines() == [f"line {n}" for n in range(6)] + ["#complete,6"]
    finally:
        server.terminate()
        server.wait(timeout=30)
