from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from knox.models import AuthToken

from newsapi.roles import READER, ROLES, user_role_set


class Command(BaseCommand):
    help = (
        "Create a new API token for USERNAME (creating the user when needed) with the given role, and print it "
        "once: only its digest is stored. Send it as 'Authorization: Token KEY'. Roles: reader (a higher rate "
        "limit), ingest (may post articles), editor (may also correct quotes, claims and entities)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=ROLES, default=READER, help="The user's role (default: reader).")

    def handle(self, *args, username, role, **options):
        user, _ = get_user_model().objects.get_or_create(username=username)
        user_role_set(user=user, role=role)
        _, key = AuthToken.objects.create(user=user)
        self.stdout.write(key)
