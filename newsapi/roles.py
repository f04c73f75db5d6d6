"""API roles: each token belongs to a user, and the user's role is a Django group granting permissions.

reader  reads at the token rate limit (THROTTLE_USER_RATE), nothing more
ingest  may also post articles
editor  may also correct quotes, claims and entities, add missed quotes and claims, and merge entities
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

READER, INGEST, EDITOR = "reader", "ingest", "editor"

# Permissions are named "app_label.codename"; a role holds those of the roles before it.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    READER: [],
    INGEST: ["articles.add_article"],
    EDITOR: [
        "articles.add_article",
        "articles.add_quote", "articles.change_quote",
        "articles.change_entity", "articles.delete_entity",
        "claims.add_claim", "claims.change_claim",
    ],
}
ROLES = list(ROLE_PERMISSIONS)


def roles_sync() -> None:
    """Create the role groups and give each exactly its permissions (those not created yet are skipped)."""
    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = []
        for name in names:
            app_label, codename = name.split(".")
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is not None:
                wanted.append(permission)
        group.permissions.set(wanted)


@transaction.atomic
def user_role_set(*, user, role: str) -> None:
    """Give the user this role and no other."""
    if role not in ROLE_PERMISSIONS:
        raise ValueError(f"unknown role {role!r}: choose from {', '.join(ROLES)}")
    roles_sync()
    user.groups.remove(*Group.objects.filter(name__in=ROLES).exclude(name=role))
    user.groups.add(Group.objects.get(name=role))


def sync_after_migrate(sender, **kwargs) -> None:
    """post_migrate receiver: the role groups exist on every migrated (or flushed) database."""
    roles_sync()
