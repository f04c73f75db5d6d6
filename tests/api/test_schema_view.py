"""The schema endpoint under threads (gunicorn's gthread workers): drf-spectacular loads its extensions lazily
and without a lock, so a fresh process whose first requests generate the schema at once must still answer
every one of them. The race needs a process that has not generated the schema yet, hence the subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FIRST_REQUESTS_AT_ONCE = """
import json, threading
import django
django.setup()
from django.test import Client

threads = 8
barrier = threading.Barrier(threads)
statuses = []

def fetch():
    client = Client(raise_request_exception=False)
    barrier.wait()
    statuses.append(client.get("/api/schema/?format=json").status_code)

workers = [threading.Thread(target=fetch) for _ in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
print(json.dumps(sorted(statuses)))
"""


def test_a_fresh_process_answers_concurrent_first_schema_requests():
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="newsapi.settings", DEBUG="0", ALLOWED_HOSTS="testserver",
               LOG_LEVEL="CRITICAL")
    done = subprocess.run([sys.executable, "-c", FIRST_REQUESTS_AT_ONCE], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [200] * 8
