"""SQL for migration 0026: the claim tally added up over every official and month
(statements/models/claim_tally.py, `ClaimTallySum`), so that the counts of the unfiltered
timeline, the home page, are read from a few hundred rows instead of the tally's (850,000 at a
million claims, 150 ms to add up on SQLite after each edit).

Four parts, as the home page counts: the claims of each official, each topic, each outlet and
each month. A statement has one official and one date, so the rows of the tally's cells add up
exactly, statements too; a recount of a cell takes its old rows off the sums and adds its new
ones, in the same statement as the recount (on SQLite the recount trigger, on PostgreSQL the
tally's flush). A record's sum may fall to zero and stay; readers skip those.

On PostgreSQL every recount writes the same few rows, which two transactions could lock in
opposite orders: the flush first takes one lock for the sums, held until the commit, so
transactions that change counts are recounted one at a time (SQLite writes one at a time
anyway).
"""

from statements.migrations._claim_tally import MARKED_CELLS, TALLY, flush
from statements.migrations._claim_tally_sqlite import THE_CELL

SUMS = "statements_claimtallysum"
MONTH_NUMBER = {
    "sqlite": lambda day: (
        f"(CAST(substr({day}, 1, 4) AS integer) * 12 + CAST(substr({day}, 6, 2) AS integer) - 1)"
    ),
    "postgresql": lambda day: (
        f"(extract(year FROM {day})::bigint * 12 + extract(month FROM {day})::bigint - 1)"
    ),
}
NO_MONTH = {"sqlite": "NULL", "postgresql": "CAST(NULL AS date)"}
EVERY_CLAIM = "topic_id IS NULL AND outlet_id IS NULL"
# Each part's number is ClaimTallySum.Part's: (the tally's rows it adds up, its record).
PARTS = {
    0: (EVERY_CLAIM, "official_id"),
    1: ("topic_id IS NOT NULL AND outlet_id IS NULL", "topic_id"),
    2: ("topic_id IS NULL AND outlet_id IS NOT NULL", "outlet_id"),
    3: (EVERY_CLAIM, "month"),
}


def record_and_month(vendor: str, record: str) -> str:
    """A month's record is its number, year × 12 + month − 1; only a month has a month."""
    if record == "month":
        return f"{MONTH_NUMBER[vendor]('month')} AS record, month"
    return f"{record} AS record, {NO_MONTH[vendor]} AS month"


def added(vendor: str, rows_where: str, sign: str = "") -> str:
    """The tally's rows that `rows_where` selects added to the sums (with sign "-", taken off)."""
    parts = "\n        UNION ALL ".join(
        f"""SELECT {number} AS part, {record_and_month(vendor, record)}, claims, statements
        FROM {TALLY} WHERE ({rows_where}) AND {which}"""
        for number, (which, record) in PARTS.items()
    )
    # WHERE true: without a WHERE, SQLite would read ON CONFLICT as a join's ON.
    return f"""INSERT INTO {SUMS} (part, record, month, claims, statements)
    SELECT part, record, min(month), {sign}sum(claims), {sign}sum(statements)
    FROM ({parts}) AS p WHERE true
    GROUP BY part, record ORDER BY part, record
    ON CONFLICT (part, record) DO UPDATE SET
        claims = {SUMS}.claims + excluded.claims,
        statements = {SUMS}.statements + excluded.statements"""


def flush_with_sums(vendor: str, facets: list[str]) -> list[str]:
    """The tally's flush of the marked cells, the sums moved with it, and `facets` (the facet
    rows' statements) run before the marks are cleared."""
    deleted, recounted, cleared = flush(vendor)
    return [
        added(vendor, MARKED_CELLS, sign="-"),
        deleted,
        recounted,
        added(vendor, MARKED_CELLS),
        *facets,
        cleared,
    ]


def rebuilt(vendor: str) -> list[str]:
    return [f"DELETE FROM {SUMS}", added(vendor, "TRUE")]


# SQLite's recount trigger: taken off before the cell's rows go, added after its new ones.
IN_THE_RECOUNT = {
    "before": (added("sqlite", THE_CELL, sign="-"),),
    "also": (added("sqlite", THE_CELL),),
}
# Django's flush empties SQLite's tables one by one, in no set order: the sums emptied before
# the claims would then be taken below zero by the recounts the claims' deletion runs. So the
# sums are emptied whenever the tally is. (On PostgreSQL the flush truncates every table at once.)
SQLITE_EMPTIED = f"""CREATE TRIGGER claim_tally_sums_emptied AFTER DELETE ON {TALLY}
    WHEN NOT EXISTS (SELECT 1 FROM {TALLY}) BEGIN
        DELETE FROM {SUMS};
    END"""
POSTGRES_LOCK = "PERFORM pg_advisory_xact_lock(hashtextextended('claim_tally_sums', 0));"
