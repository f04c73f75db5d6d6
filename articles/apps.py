from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from newsapi.roles import sync_after_migrate

        post_migrate.connect(sync_after_migrate, dispatch_uid="newsapi-roles-sync")
        from . import history  # noqa: F401  (connects the audit receiver)
