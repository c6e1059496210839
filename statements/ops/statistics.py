"""Statistics for the query planner, gathered by ANALYZE after every migrate.

SQLite has none otherwise: it guesses that `status = 'published'` picks few statements and walks
that index instead of the official's, and a count over one official's claims reads every
statement. PostgreSQL's autovacuum gathers its own, in time.
"""

from django.db import connections
from django.db.models.signals import post_migrate


def gather_statistics(using: str) -> None:
    # PostgreSQL's autovacuum would get there too, but not straight after a bulk load.
    with connections[using].cursor() as cursor:
        cursor.execute("ANALYZE")


def gather_after_migrate(sender, using: str, plan=None, **kwargs) -> None:
    # Sent for every app; once is enough. `flush` sends it too, with no plan: an emptied
    # database has nothing to measure (and tests flush hundreds of times a run).
    if sender.name == "statements" and plan is not None:
        gather_statistics(using)


post_migrate.connect(gather_after_migrate, dispatch_uid="gather_statistics")
