"""The counts of a view on PostgreSQL, grouped from the facet keys of the claims it shows
(migration 0021, statements/migrations/_claim_facets.py) in one pass.

Each matched claim's keys are unnested and counted in one GROUP BY over one narrow table, which
PostgreSQL splits across its parallel workers; then the statements' keys are added up per month.
Grouped from the claims and their statements, topic links and reports instead, the four counts
ran in one process after the matches were found: at a million claims, a word in a fifth of them
took 1.1–1.2 s, and takes 0.6 s so (bench/README.md, part 11). A search of words and prefixes
alone is matched on the facet rows' own words (migration 0022), which saves finding the matches
in the search table and joining them to their keys: 0.3 s (part 12). A search for one common
prefix reads the keys of its matches kept on write instead (migration 0029).
"""

from datetime import date

from django.db import connections
from django.db.models import QuerySet

from statements.migrations._claim_facets import MONTH_SHIFT, PART_SHIFT, PARTS
from statements.public.search import Term, matching_ids, postgres_query

# The count each part of a key serves: a statement's key counts its month.
SERVES = {"months": "statements", "officials": "officials", "topic": "topic", "outlet": "outlet"}
NAMES = {PARTS[part]: count for count, part in SERVES.items()}
RECORD_MASK = (1 << PART_SHIFT) - 1
MONTH_MASK = (1 << (PART_SHIFT - MONTH_SHIFT)) - 1

PART_AND_VALUE = f"""(key >> {PART_SHIFT})::int AS part,
    CASE WHEN key >> {PART_SHIFT} = {PARTS["statements"]}
        THEN (key >> {MONTH_SHIFT}) & {MONTH_MASK} ELSE key & {RECORD_MASK} END AS value"""
# The keys are unnested in the select list: as a function scan joined to each claim, PostgreSQL
# set up a scan per claim, and the query took a tenth longer. Every part is counted: a condition
# on the keys would keep PostgreSQL from grouping them in its workers.
GROUPED = f"""WITH keyed AS (
    SELECT key, count(*) AS claims FROM (
        SELECT unnest(f.keys) AS key FROM claim_facets f WHERE {{matched}}
    ) unnested GROUP BY key)
SELECT {PART_AND_VALUE}, sum(claims)::bigint, count(*)
FROM keyed GROUP BY 1, 2"""
# A month's key holds its claims and statements already (migration 0029).
KEPT = f"""SELECT {PART_AND_VALUE}, claims::bigint, statements::bigint
FROM search_prefix_counts WHERE prefix = %s"""


def keyed_sql(
    claims: QuerySet,
    searched: tuple[Term, ...] = (),
    official: int | None = None,
    *,
    kept_prefix: str | None = None,
) -> tuple[str, tuple]:
    """The query of every part (months, officials, topic, outlet) of these claims; if they are a
    search's published matches alone (or of the `official`, a key), of its `searched` terms'
    matches: the keys are those of published claims, so the claims and their statements need
    not be read to know; if they are a search for a `kept_prefix` alone, its kept counts."""
    if not searched:
        ids = claims.order_by().values("id")
        sql, params = ids.query.get_compiler(using=claims.db).as_sql()
        return GROUPED.format(matched=f"f.claim_id IN ({sql})"), tuple(params)
    if kept_prefix is not None:
        return KEPT, (kept_prefix,)
    if not any(len(term.words) > 1 for term in searched):
        matched, params = "f.words @@ to_tsquery('simple', %s)", [postgres_query(list(searched))]
    else:  # a phrase: its words' positions are in the search table alone
        sql, params = matching_ids(claims.db, searched)
        matched = f"f.claim_id IN ({sql})"
    if official is not None:
        matched, params = f"{matched} AND f.official_id = %s", [*params, official]
    return GROUPED.format(matched=matched), tuple(params)


def kept_prefix(alias: str, searched: tuple[Term, ...], official: int | None) -> str | None:
    """The prefix searched, if the search is of one prefix alone and its counts are kept."""
    if official is not None or len(searched) != 1 or not searched[0].prefix:
        return None
    prefix = searched[0].words[0].lower()
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT prefix FROM search_prefix WHERE prefix = %s", [prefix])
        return prefix if cursor.fetchone() else None


def as_counted(rows: list[tuple], parts: list[str]) -> list[tuple]:
    """The grouped keys of the parts named as (part, month, record, claims, statements) rows,
    as one pass gives them (statements/public/one_pass_counts.py): the statements' keys per
    month, the others' claims per record."""
    found = []
    for number, value, claims, groups in rows:
        part = NAMES[number]
        if part not in parts:
            continue
        if part == "months":
            year, month = divmod(value, 12)
            found.append((part, date(year, month + 1, 1), None, claims, groups))
        else:
            found.append((part, None, value, claims, 0))
    return found
