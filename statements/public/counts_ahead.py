"""Counts made while the results are: a results fragment sent without its facet counts starts
counting them on a thread of its worker, and the request for those counts, which may reach any
worker, waits for that work rather than doing it again.

A mark in the shared cache says the counting is under way; the thread keeps each count as
`ViewCounts` always does and then lifts the mark. If the worker stops before that, the mark
lapses and the request counts for itself, as it does when no thread was free to start.
"""

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from threading import Lock

from django.db import connections
from django.http import QueryDict

from statements.public.counting import ViewCounts
from statements.public.filters import ClaimFilter
from statements.public.versions import kept_key, kept_values

logger = logging.getLogger(__name__)
counter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="counts-ahead")
counter_free = Lock()  # one view's counts at a time: a busy worker does not queue more
UNDER_WAY_SECONDS = 10  # at most this long does a request wait for counts under way
WAIT_STEP_SECONDS = 0.01


def mark(counts: ViewCounts) -> str:
    filterset = counts.filterset
    return kept_key(filterset.version, ("counts under way", filterset.key()))


def start_counting(counts: ViewCounts, params: QueryDict, facets: list[str]) -> None:
    """Count these facets of the view, and its totals, on the counting thread if it is free.
    Not from inside a transaction, whose writes the thread's own connection would not see."""
    if connections[counts.filterset.queryset.db].in_atomic_block:
        return
    if not counter_free.acquire(blocking=False):
        return
    key = mark(counts)
    if not kept_values.add(key, True, timeout=UNDER_WAY_SECONDS):  # under way elsewhere
        counter_free.release()
        return
    counter.submit(counted, params.copy(), facets, key)


def counted(params: QueryDict, facets: list[str], key: str) -> None:
    try:
        ViewCounts(ClaimFilter(params)).facets(facets)
    except Exception:
        logger.exception("Counting ahead failed; the request for the counts will count them")
    finally:
        kept_values.delete(key)
        connections.close_all()
        counter_free.release()


def wait_while_counted(counts: ViewCounts) -> None:
    """Return once no worker is counting this view, or after UNDER_WAY_SECONDS."""
    key = mark(counts)
    deadline = time.monotonic() + UNDER_WAY_SECONDS
    while kept_values.has_key(key) and time.monotonic() < deadline:
        time.sleep(WAIT_STEP_SECONDS)
