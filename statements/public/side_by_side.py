"""Two read queries of one request run at once, the second on a helper thread's own connection.

SQLite and PostgreSQL both let Python's other threads run while a query works, so a request
whose counting takes hundreds of milliseconds can use a second core. The helper's connection is
opened for the query and closed after it, so none is left open between requests.
"""

from concurrent.futures import ThreadPoolExecutor, wait
from threading import Lock

from django.db import connections

helper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="side-by-side")
# One request of this process uses the helper at a time; the others run their queries in turn.
helper_free = Lock()

Query = tuple[str, tuple]


def fetched(alias: str, query: Query) -> list[tuple]:
    with connections[alias].cursor() as cursor:
        cursor.execute(*query)
        return cursor.fetchall()


def fetched_by_helper(alias: str, query: Query) -> list[tuple]:
    try:
        return fetched(alias, query)
    finally:
        connections[alias].close()


def rows_side_by_side(alias: str, first: Query, second: Query) -> tuple[list, list]:
    """The rows of both queries: at once when the helper is free, else one after the other. Not
    at once inside a transaction either, whose writes another connection would not see, nor on
    a connection this thread opened outside the settings, which the helper cannot open."""
    alone = connections[alias].in_atomic_block or alias not in connections.settings
    if alone or not helper_free.acquire(blocking=False):
        return fetched(alias, first), fetched(alias, second)
    try:
        later = helper.submit(fetched_by_helper, alias, second)
        try:
            rows = fetched(alias, first)
        finally:
            wait([later])
    finally:
        helper_free.release()
    return rows, later.result()
