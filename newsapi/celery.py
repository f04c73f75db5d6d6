"""The Celery application: `celery -A newsapi worker` runs the ingestion tasks (ingestion/tasks.py)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsapi.settings")

app = Celery("newsapi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
