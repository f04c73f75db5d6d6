#!/usr/bin/env bash
# schemathesis with every check (`--checks all`) against gunicorn on loopback, as production runs it (DEBUG off,
# gunicorn.conf.py, PostgreSQL with the seed loaded), every request with an editor token, so that GET, POST and
# PATCH all reach the API (the ignored_auth check also sends them without it). Any failure fails the run. `make fuzz` runs it; so does .ci/run.
# Why a 400 can be right for schema-valid data, and the check that holds it to that: schemathesis.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

database_url=${FUZZ_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/newsapi_fuzz}
port=${FUZZ_PORT:-18766}
workdir=$(mktemp -d)
export DATABASE_URL="$database_url" SECRET_KEY=fuzz-only-secret-key DEBUG=0
# Plain HTTP on loopback; throttling raised so that the run tests the API, not the rate limit (429 is documented
# and accepted anyway). Queued ingestion goes to a queue of the run's own, deleted at the end.
export SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0 SECURE_COOKIES=0
export THROTTLE_ANON_RATE=1000000/minute THROTTLE_USER_RATE=1000000/minute CELERY_INGEST_QUEUE="fuzz-$$"

psql -q "${database_url%/*}/postgres" -c "DROP DATABASE IF EXISTS \"${database_url##*/}\" WITH (FORCE)" \
  -c "CREATE DATABASE \"${database_url##*/}\""
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_seeds
token=$(.venv/bin/python manage.py create_api_token fuzzer --role editor 2>/dev/null | tail -n 1)

.venv/bin/gunicorn -c gunicorn.conf.py --bind "127.0.0.1:$port" --workers 2 newsapi.wsgi:application \
  > "$workdir/gunicorn.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  .venv/bin/python -c "from newsapi.celery import app
with app.connection_for_write() as broker: broker.default_channel.queue_delete('$CELERY_INGEST_QUEUE')" \
    2>/dev/null || true
  rm -rf "$workdir"
}
trap cleanup EXIT
for _ in $(seq 60); do curl -fsS "http://127.0.0.1:$port/health/" >/dev/null 2>&1 && break; sleep 1; done

# A fixed seed: a failure in CI is reproduced by the same command. Extraction of a posted article can take
# seconds on a busy machine, hence the request timeout.
status=0
.venv/bin/schemathesis run "http://127.0.0.1:$port/api/schema/" --checks all \
  -H "Authorization: Token $token" --max-examples "${FUZZ_MAX_EXAMPLES:-25}" --seed "${FUZZ_SEED:-1}" \
  --request-timeout 60 --output-truncate false || status=$?
if [ "$status" -ne 0 ] && grep -q "Traceback" "$workdir/gunicorn.log"; then
  echo "server tracebacks:"; grep -A30 "Traceback" "$workdir/gunicorn.log" | head -120
fi
exit "$status"
