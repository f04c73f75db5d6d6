from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = "Print an API token for USERNAME (creating the user when needed). Send it as 'Authorization: Token KEY'."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user, _ = get_user_model().objects.get_or_create(username=username)
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
