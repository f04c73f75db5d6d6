# The Celery app is loaded with Django, so that tasks are registered wherever they are sent from.
from .celery import app as celery_app

__all__ = ["celery_app"]
