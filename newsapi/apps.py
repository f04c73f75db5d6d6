from django.apps import AppConfig


class NewsapiConfig(AppConfig):
    """The project package itself: settings-wide wiring that belongs to no one app."""

    name = "newsapi"

    def ready(self):
        from .db import connect_signals

        connect_signals()
