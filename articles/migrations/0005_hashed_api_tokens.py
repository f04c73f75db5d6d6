"""API tokens move from rest_framework.authtoken (keys stored in clear) to django-rest-knox (SHA-512 digests).

Each existing key is stored as knox stores its own, so that clients keep working, and the clear-text table is
emptied: a copy of the database no longer holds credentials."""

import hashlib

from django.db import migrations

LEGACY_TABLE = "authtoken_token"


def hash_legacy_tokens(apps, schema_editor):
    connection = schema_editor.connection
    if LEGACY_TABLE not in connection.introspection.table_names():
        return
    AuthToken = apps.get_model("knox", "AuthToken")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, user_id FROM {LEGACY_TABLE}")
        rows = cursor.fetchall()
        for key, user_id in rows:
            AuthToken.objects.get_or_create(
                digest=hashlib.sha512(key.encode("utf-8")).hexdigest(),
                defaults={"token_key": key[:15], "user_id": user_id, "expiry": None},
            )
        cursor.execute(f"DELETE FROM {LEGACY_TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_attribution"),
        ("knox", "0009_extend_authtoken_field"),
    ]

    operations = [migrations.RunPython(hash_legacy_tokens, migrations.RunPython.noop)]
