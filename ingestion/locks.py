"""Transaction-scoped advisory locks on PostgreSQL, for writes that a unique constraint alone cannot order.

Two transactions that each see no entity named "Quillmere Institute" both create one: neither sees the
other's row until it commits. A lock on the name, taken before looking again, makes the second wait for the
first to commit and then find its row. The locks are released when the transaction ends. Other databases
(SQLite) serialise writers on their own and take none.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.db import connection


def lock_key(name: str) -> int:
    """A signed 64-bit key for a name (a collision only makes two unrelated writers wait for each other)."""
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def advisory_locks_take(*, names: Iterable[str]) -> None:
    """Wait for, then hold until the end of the current transaction, a lock on each name.

    Keys are taken in ascending order, so that two transactions wanting overlapping sets never wait for each
    other in a circle."""
    if connection.vendor != "postgresql":
        return
    if not connection.in_atomic_block:
        raise RuntimeError("advisory locks are held until the end of a transaction: take them inside one")
    keys = sorted({lock_key(name) for name in names})
    if keys:
        with connection.cursor() as cursor:
            # unnest yields the keys in the array's (sorted) order, and each lock is taken as its row is read.
            cursor.execute("SELECT pg_advisory_xact_lock(key) FROM unnest(%s::bigint[]) AS key", [keys])
