"""Which prefixes have their search counts kept on PostgreSQL (migration 0029): those matching at
least MIN_MATCHES published claims, where grouping the matches' keys takes longer than reading
them kept. Chosen from the words' own statistics, counted exactly once when added, and kept
current by the facet rows' trigger from then on.

A prefix is added under a share lock on the facet rows: writers wait for the count (about half a
second for a word in a fifth of a million claims) and no write falls between the count and the
trigger that keeps it.
"""

from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from statements.migrations._claim_facets import PART_SHIFT, PARTS
from statements.migrations._search_prefix_counts import SHORTEST, backfill
from statements.public.common_terms import COMMON_SHARE, FEWEST_MATCHES

MIN_MATCHES = 20_000

# Each prefix of the facet rows' words, with an upper bound of its claims (the sum of its
# words' claims) and a lower one (its commonest word's).
PREFIXES = f"""WITH words AS (
        SELECT word, ndoc FROM ts_stat('SELECT words FROM claim_facets')
        WHERE length(word) >= {SHORTEST}
    )
    SELECT left(word, letters) AS prefix, sum(ndoc) AS at_most, max(ndoc) AS at_least
    FROM words CROSS JOIN generate_series({SHORTEST}, length(word)) letters
    GROUP BY 1"""
# The search leaves out a term in more than a quarter of the claims (common_terms.py): a prefix
# whose commonest word is past that is never counted.
CANDIDATES = f"""SELECT prefix FROM ({PREFIXES}) prefixes
    WHERE at_most >= %s AND at_least <= (
        SELECT greatest((max(id) - min(id) + 1) / {COMMON_SHARE}, {FEWEST_MATCHES})
        FROM statements_claim)
    ORDER BY prefix"""
MATCHES = f"""SELECT coalesce(sum(claims), 0) FROM search_prefix_counts
    WHERE prefix = %s AND key >> {PART_SHIFT} = {PARTS["officials"]}"""


@dataclass(frozen=True)
class Kept:
    prefixes: int
    added: int
    dropped: int
    rows: int


def query_of(prefix: str) -> str:
    """The text query the search sends for the prefix (statements/public/search.py)."""
    return "'" + prefix.replace("'", "''") + "':*"


def is_one_word(cursor, prefix: str) -> bool:
    """Whether PostgreSQL reads the prefix's query as the prefix itself, one word, as the
    trigger matches it."""
    cursor.execute("SELECT to_tsquery('simple', %s)::text", [query_of(prefix)])
    return len(prefix) >= SHORTEST and cursor.fetchone()[0] == query_of(prefix)


def kept_prefixes(cursor) -> set[str]:
    cursor.execute("SELECT prefix FROM search_prefix")
    return {prefix for (prefix,) in cursor.fetchall()}


def add(using: str, prefix: str, min_matches: int) -> bool:
    """Keep the prefix's counts if it matches at least `min_matches` published claims and is
    not kept yet (a run of the command alongside this one may have added it)."""
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        if not is_one_word(cursor, prefix):
            return False
        cursor.execute("LOCK TABLE claim_facets IN SHARE MODE")
        cursor.execute(
            "INSERT INTO search_prefix (prefix) VALUES (%s) ON CONFLICT DO NOTHING RETURNING 1",
            [prefix],
        )
        if cursor.fetchone() is None:
            return False
        cursor.execute(backfill("%s", "%s"), [prefix, query_of(prefix)])
        cursor.execute(MATCHES, [prefix])
        if cursor.fetchone()[0] < min_matches:
            transaction.set_rollback(True, using=using)
            return False
    return True


def drop(using: str, prefixes: set[str]) -> None:
    with connections[using].cursor() as cursor:
        cursor.execute("DELETE FROM search_prefix WHERE prefix = ANY(%s)", [sorted(prefixes)])


def keep_search_counts(using: str = DEFAULT_DB_ALIAS, min_matches: int = MIN_MATCHES) -> Kept:
    """Keep the counts of every prefix that now matches `min_matches` claims or more, and stop
    keeping those that no longer can."""
    with connections[using].cursor() as cursor:
        cursor.execute(CANDIDATES, [min_matches])
        candidates = {prefix for (prefix,) in cursor.fetchall()}
        kept = kept_prefixes(cursor)
    added = sum(add(using, prefix, min_matches) for prefix in sorted(candidates - kept))
    drop(using, kept - candidates)
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_prefix")
        (prefixes,) = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM search_prefix_counts")
        (rows,) = cursor.fetchone()
    return Kept(prefixes, added, len(kept - candidates), rows)
