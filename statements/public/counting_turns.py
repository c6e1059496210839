"""Counting that can wait gives way to results that cannot.

The counts the claim tally cannot answer take hundreds of milliseconds at a million claims; a
page of results takes tens. When several readers search at once on a small server, the counting
would take the cores the results need. On PostgreSQL, whose parallel workers already give one
counting query every core, the site's counting takes turns: each waits for a lock the database
holds for the whole site (at most TURN_WAIT_MS, then it counts anyway; migration 0020), so one
count runs at a time and the pages of results share the rest. At four readers of a million
claims, the first results of a new search word came in 286–301 ms p95 so, against 482–652
without turns, and the counts too came sooner (2.7 s p95 against 3.4–3.6), as fewer queries
shared the cores.

On SQLite no turn is taken: its heaviest counting, a view's counts in one pass, yields
instead by running on helper threads at a lower priority (statements/public/side_by_side.py).
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connections, transaction

COUNTING_LOCK = 160_016  # the site's own key among PostgreSQL's advisory locks
TURN_WAIT_MS = 5_000


@contextmanager
def counting_turn(alias: str) -> Iterator[None]:
    """Count in the block once it is this request's turn, on PostgreSQL; the turn ends with the
    block's transaction (or with the one the block is in)."""
    if connections[alias].vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=alias, savepoint=False):
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT counting_turn(%s, %s)", [COUNTING_LOCK, f"{TURN_WAIT_MS}ms"])
        yield
