"""The audit trail of quotes, claims and entities (django-simple-history), as the API shows it."""

from __future__ import annotations

from django.db import models
from simple_history.signals import pre_create_historical_record

ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
# Derived figures of a claim (its measure and interval) follow from value and qualifier: not an edit of their own.
NOT_SHOWN = {"measure", "lower", "upper", "lower_open", "upper_open"}


def history_mark(instance: models.Model, *, by, note: str = "", related_changes: list[dict] | None = None) -> None:
    """The next save of `instance` is recorded as made by `by`, with this note and these changes of related rows."""
    instance._history_user = by
    instance._change_reason = note or None
    instance._history_related_changes = related_changes or []


def history_baseline(instance: models.Model) -> None:
    """Rows the loader writes in bulk have no history yet: record them as extracted before their first edit."""
    manager = type(instance).history
    if manager.filter(id=instance.pk).exists():
        return
    stored = type(instance).objects.get(pk=instance.pk)
    stored._history_user = None
    manager.bulk_history_create([stored], default_change_reason="as extracted")


def record_related_changes(sender, instance, history_instance, **kwargs) -> None:
    """pre_create_historical_record receiver: store what `history_mark` said about related rows."""
    if hasattr(history_instance, "related_changes"):
        history_instance.related_changes = getattr(instance, "_history_related_changes", [])


pre_create_historical_record.connect(record_related_changes, dispatch_uid="newsapi-related-changes")


def history_entries(instance: models.Model) -> list[dict]:
    """Every recorded change of an item, newest first: who, when, why, and each field before and after."""
    records = list(type(instance).history.filter(id=instance.pk).select_related("history_user")
                   .order_by("history_date", "history_id"))
    entries, previous = [], None
    for record in records:
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            changes = [{"field": change.field, "before": change.old, "after": change.new}
                       for change in delta.changes if change.field not in NOT_SHOWN]
        changes += list(record.related_changes or [])
        entries.append({
            "id": record.history_id,
            "at": record.history_date,
            "by": record.history_user.get_username() if record.history_user else None,
            "action": ACTIONS.get(record.history_type, record.history_type),
            "note": record.history_change_reason or "",
            "changes": changes,
        })
        previous = record
    return entries[::-1]
