"""Statistics for SQLite's query planner, which has none unless ANALYZE gathers them.

Without them SQLite guesses that `status = 'published'` picks few statements and walks that
index instead of the official's, and a count over one official's claims reads every statement.
PostgreSQL's autovacuum gathers its own.
"""

from django.db import connections
from django.db.models.signals import post_migrate


def gather_statistics(using: str) -> None:
    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def gather_after_migrate(sender, using: str, **kwargs) -> None:
    if sender.name == "statements":  # sent for every app; once is enough
        gather_statistics(using)


post_migrate.connect(gather_after_migrate, dispatch_uid="gather_statistics")
