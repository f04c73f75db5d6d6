"""gunicorn.conf.py as production runs it: a response that streams for longer than the worker timeout is
delivered whole (the CSV exports of millions of rows depend on it), and the request-line limit the schema
documents with its 414 is the one the server applies."""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

from newsapi.api.openapi_hooks import REQUEST_LINE_LIMIT

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn_serving(app: str, **env: str):
    """gunicorn with gunicorn.conf.py serving `app` on a free loopback port; yields the port."""
    port = free_port()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen([str(gunicorn), app, "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
                              cwd=ROOT, env={**os.environ, "GUNICORN_WORKERS": "1", **env},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_stream_longer_than_the_worker_timeout_is_not_cut():
    with gunicorn_serving("tests.slow_stream_app:application", GUNICORN_TIMEOUT="1") as port:
        started = time.monotonic()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
            body = response.read().decode()
        assert time.monotonic() - started > 2  # three times the worker timeout
        assert body.splitlines() == [f"line {n}" for n in range(6)] + ["#complete,6"]


def status_of_request_line(port: int, length: int) -> int:
    """The status gunicorn answers to a GET whose request line (without CRLF) is `length` bytes."""
    padding = length - len("GET /? HTTP/1.1")
    request_line = f"GET /?{'a' * padding} HTTP/1.1"
    assert len(request_line) == length
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(f"{request_line}\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
        status_line = connection.makefile("rb").readline().decode()
    return int(status_line.split()[1])


def test_the_request_line_limit_the_schema_documents_is_the_servers():
    with gunicorn_serving("tests.slow_stream_app:application") as port:
        assert status_of_request_line(port, REQUEST_LINE_LIMIT) == 200
        assert status_of_request_line(port, REQUEST_LINE_LIMIT + 1) == 414


def wait_until_both_workers_answer(port: int) -> None:
    """Each worker opens its listening socket once it has started; the first may answer alone for a moment."""
    seen, deadline = set(), time.monotonic() + 30
    while len(seen) < 2 and time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
            seen.add(response.read())
    assert len(seen) == 2, "the second worker never answered"


def test_keep_alive_connections_are_spread_over_the_workers():
    """A client pool's keep-alive connections stay with the worker that accepted them: with one listening socket
    shared by the workers, the last worker to wait took nearly all of them, and one core idled under load."""
    with gunicorn_serving("tests.worker_pid_app:application", GUNICORN_WORKERS="2") as port:
        wait_until_both_workers_answer(port)
        connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=30) for _ in range(20)]
        for connection in connections:  # all at once, as a pool opens them
            connection.connect()
        pids = []
        for connection in connections:
            connection.request("GET", "/")
            pids.append(connection.getresponse().read())
        for connection in connections:
            connection.close()
    served_by = Counter(pids)
    assert len(served_by) == 2, served_by
    assert min(served_by.values()) >= 3, served_by  # a fair coin gives fewer than 3 of 20 once in 5,000 runs
