"""Two read queries of one request run at once, each on a helper thread's own connection.

SQLite and PostgreSQL both let Python's other threads run while a query works, so a request
whose counting takes hundreds of milliseconds can use a second core. The helpers' connections
are opened for the query and closed after it, so none is left open between requests.

Counts can wait; a search's first results cannot. On Linux, where each thread has a nice value
of its own, the helpers run at a lower priority than the requests' threads: under load they
take the cores the requests leave, and alone on the machine they run as fast as any thread.
The counts use them on SQLite only (statements/public/one_pass_counts.py): PostgreSQL runs a
large query in parallel processes of its own, which keep their priority, and there the
counting takes turns instead (statements/public/counting_turns.py).
"""

import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from functools import partial
from typing import TypeVar

from django.db import connections

HELPERS_NICENESS = 10


def yield_to_requests() -> None:
    """Lower the calling helper thread's priority below the requests' threads, where the
    system sets it per thread."""
    if sys.platform == "linux":
        thread = threading.get_native_id()
        niceness = os.getpriority(os.PRIO_PROCESS, thread) + HELPERS_NICENESS
        os.setpriority(os.PRIO_PROCESS, thread, min(niceness, 19))


helpers = ThreadPoolExecutor(
    max_workers=2, thread_name_prefix="side-by-side", initializer=yield_to_requests
)
# One request of this process uses the helpers at a time; the others run their queries in turn.
helpers_free = threading.Lock()

Query = tuple[str, tuple]
T = TypeVar("T")
U = TypeVar("U")


def fetched(alias: str, query: Query) -> list[tuple]:
    with connections[alias].cursor() as cursor:
        cursor.execute(*query)
        return cursor.fetchall()


def done_by_helper(alias: str, work: Callable[[str], T]) -> T:
    try:
        return work(alias)
    finally:
        connections[alias].close()


def side_by_side(alias: str, first: Callable[[str], T], second: Callable[[str], U]) -> tuple[T, U]:
    """What both pieces of work give, each run on the database `alias`: at once when the
    helpers are free, else one after the other. Not at once inside a transaction either, whose
    writes another connection would not see, nor on a connection this thread opened outside the
    settings, which a helper cannot open."""
    alone = connections[alias].in_atomic_block or alias not in connections.settings
    if alone or not helpers_free.acquire(blocking=False):
        return first(alias), second(alias)
    try:
        both = [helpers.submit(done_by_helper, alias, work) for work in (first, second)]
        try:
            return both[0].result(), both[1].result()
        finally:
            wait(both)  # free again only when both are done, even if one failed
    finally:
        helpers_free.release()


def rows_side_by_side(alias: str, first: Query, second: Query) -> tuple[list, list]:
    """The rows of both queries, at once when they can be."""
    return side_by_side(alias, partial(fetched, query=first), partial(fetched, query=second))
