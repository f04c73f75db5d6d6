"""Database connection tuning that belongs to no one app."""

import datetime

from django.db.backends.signals import connection_created

try:
    import psycopg
    from psycopg.adapt import Loader
    from psycopg.pq import Format
except ImportError:  # SQLite only
    psycopg = None


if psycopg is not None:
    TIMESTAMPTZ_OID = psycopg.postgres.types["timestamptz"].oid

    class UtcTimestamptzLoader(Loader):
        """psycopg's own timestamptz loader (its C one with psycopg[binary]) for a connection in UTC.

        Django registers a pure-Python subclass of psycopg's Python loader, which parses every timestamp in
        Python: a tenth of the CPU of a list request. psycopg's loader returns the same instants, already in the
        session's time zone, which Django set to UTC. The C class cannot be subclassed, so it is wrapped.
        """

        # Read by Django's DatabaseWrapper.create_cursor, which registers its own loader when this differs.
        timezone = datetime.UTC

        def __init__(self, oid, context=None):
            super().__init__(oid, context)
            self._loader = psycopg.adapters.get_loader(oid, Format.TEXT)(oid, context)
            # Bound here, so that psycopg calls the C method without a Python frame in between.
            self.load = self._loader.load

        def load(self, data):
            return self._loader.load(data)


def use_psycopg_timestamp_loader(sender, connection, **kwargs):
    if connection.vendor != "postgresql" or connection.timezone != UtcTimestamptzLoader.timezone:
        return
    connection.connection.adapters.register_loader(TIMESTAMPTZ_OID, UtcTimestamptzLoader)


def connect_signals():
    if psycopg is not None:
        connection_created.connect(use_psycopg_timestamp_loader, dispatch_uid="newsapi-timestamptz-loader")
