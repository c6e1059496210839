"""A dense search's first pages on SQLite, found by walking the view's other claims in timeline
order and keeping those among the search's matches, which each process keeps in memory.

Walked in SQL, every match went into a temporary index before the walk began: 17–35 ms for a
word in a tenth of a million claims, the most of its page's time. Here the matches are read
once per version of the data, as one text of keys that NumPy parses (the same work); the
page asked again, in either order, or the next one walks against them at once.
PostgreSQL walks in SQL still, checking each claim's own document in about 4 µs.
"""

from collections import OrderedDict
from threading import Lock

import numpy
from django.db.models import QuerySet

from statements.public.search import Term, matching_ids
from statements.public.side_by_side import fetched

# The matches kept in each process, newest used last; a word in a quarter of a million claims
# takes 2 MB.
MEMORY = 32 * 2**20
kept_matches: OrderedDict[tuple, numpy.ndarray] = OrderedDict()
kept_lock = Lock()
# Read into Python, a walked claim costs 3–7 µs, twice SQL's own walk or more: a search is
# walked so when its matches are one claim in twenty or more, where listing them in SQL's
# temporary index costs more.
IN_MEMORY_SHARE = 20
# The walk reads a quarter more claims than the matches' share says it will need, then twice
# as many each time; past the third read, the rest of the view in one.
MARGIN = 1.25
FEWEST_READ = 128
READS_BEFORE_THE_REST = 3


def walked_in_memory(matches: tuple[int, ...], claims: int) -> bool:
    """Whether a dense search is walked so, given each term's matches and how many claims
    there are (common_terms.Narrowing)."""
    return bool(matches) and min(matches) * IN_MEMORY_SHARE >= claims


def search_matches(alias: str, version: str, terms: tuple[Term, ...]) -> numpy.ndarray:
    """The sorted keys of every claim, published or not, that matches every term."""
    key = (alias, version, terms)
    with kept_lock:
        if key in kept_matches:
            kept_matches.move_to_end(key)
            return kept_matches[key]
    sql, params = matching_ids(alias, terms)
    ((text,),) = fetched(alias, (f"SELECT group_concat(rowid, ' ') FROM ({sql})", params))
    matches = numpy.sort(numpy.fromstring(text or "", dtype=numpy.int64, sep=" "))
    with kept_lock:
        kept_matches[key] = matches
        while sum(kept.nbytes for kept in kept_matches.values()) > MEMORY and kept_matches:
            kept_matches.popitem(last=False)
    return matches


class WalkedMatches:
    """The keys of a view's claims that match a search, in the view's order: `keys` are the
    claims the view's other filters let through, `matches` the search's, `claims` about how
    many claims there are in all."""

    def __init__(self, keys: QuerySet, matches: numpy.ndarray, claims: int) -> None:
        self.keys, self.matches, self.claims = keys, matches, claims

    def __getitem__(self, window: slice) -> list[int]:
        wanted = window.stop
        found: list[int] = []
        start, size = 0, self.first_read(wanted)
        for reads in range(1, READS_BEFORE_THE_REST + 2):
            rest = reads > READS_BEFORE_THE_REST
            read = keys_read(self.keys[start:] if rest else self.keys[start : start + size])
            found += read[among(read, self.matches)][: wanted - len(found)].tolist()
            if len(found) >= wanted or rest or read.size < size:
                break
            start, size = start + size, size * 2
        return found[window]

    def reverse(self) -> "WalkedMatches":
        """The same walk from the other end of the view (paging.NearerEndPaginator)."""
        return WalkedMatches(self.keys.reverse(), self.matches, self.claims)

    def first_read(self, wanted: int) -> int:
        claims_per_match = self.claims / max(1, self.matches.size)
        return max(FEWEST_READ, int(wanted * claims_per_match * MARGIN))


def keys_read(keys: QuerySet) -> numpy.ndarray:
    """The keys, read by the cursor: through Django's iterator, 8 µs a key."""
    rows = fetched(keys.db, keys.query.get_compiler(using=keys.db).as_sql())
    return numpy.fromiter((key for (key,) in rows), dtype=numpy.int64, count=len(rows))


def among(keys: numpy.ndarray, matches: numpy.ndarray) -> numpy.ndarray:
    """Which of the keys are among the sorted matches."""
    if not matches.size:
        return numpy.zeros(keys.size, dtype=bool)
    places = numpy.searchsorted(matches, keys).clip(max=matches.size - 1)
    return matches[places] == keys


def forget_kept_matches() -> None:
    """Drop the matches this process keeps, as when it starts."""
    with kept_lock:
        kept_matches.clear()
