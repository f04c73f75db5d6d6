"""A WSGI app that streams six lines over three seconds, then a trailer (tests/test_gunicorn.py serves it)."""

import time


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])

    def lines():
        for number in range(6):
            time.sleep(0.5)
            yield f"line {number}\n".encode()
        yield b"#complete,6\n"

    return lines()
