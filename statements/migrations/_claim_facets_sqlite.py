"""SQL for migration 0024: on SQLite, each published claim's facets in one narrow row, kept with
the claim tally, so that the counts of a search are read from one row per match
(statements/public/facet_row_counts.py).

Counted from the claims, each match was looked up in the claims, its statement, its topic links
and its statement's reports, and grouped four times by SQLite's sorter. A row holds the claim's
official, month and statement, and its topics and outlets as numbers in text, which the count
splits. At a million claims the rows and their index take 58 MB.

- `topics`: the claim's topics;
- `outlets`: each outlet that was its statement's venue or reported it, once.

The rows are written where the tally is counted (statements/migrations/_claim_tally_sqlite.py):
every write that can move a count marks its cell, and the cell's rows are written again with its
count, or, while a writer of many rows has the tally paused, with the flush at the end. A claim
that moved out of a cell goes with the cell's old rows, which are found by the official and
month they were written with.
"""

from statements.migrations._claim_tally import MONTH_OF, PUBLISHED, flush, marked
from statements.migrations._claim_tally_sqlite import IN_THE_CELL, THE_CELL, recount_trigger

TABLE = """CREATE TABLE claim_facets (
    claim_id integer PRIMARY KEY,
    official_id integer NOT NULL,
    month date NOT NULL,
    statement_id integer NOT NULL,
    topics text NOT NULL,
    outlets text NOT NULL)"""
CELL_INDEX = "CREATE INDEX claim_facets_cell ON claim_facets (official_id, month)"

TOPICS = """coalesce((SELECT group_concat(ct.topic_id, ' ') FROM statements_claim_topics ct
        WHERE ct.claim_id = c.id), '')"""
OUTLETS = """coalesce((SELECT group_concat(o.outlet, ' ') FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL), '')"""


def written(statements_where: str) -> str:
    """The rows of the published claims of the statements `where` selects (naming it s)."""
    return f"""INSERT OR REPLACE INTO claim_facets
        (claim_id, official_id, month, statement_id, topics, outlets)
    SELECT c.id, s.official_id, {MONTH_OF["sqlite"]("s.date")}, s.id, {TOPICS}, {OUTLETS}
    FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = {PUBLISHED} AND {statements_where}"""


# In the recount trigger, for the cell it counts.
IN_THE_RECOUNT = (f"DELETE FROM claim_facets WHERE {THE_CELL}", written(IN_THE_CELL))

# Before the marks are cleared (the last statement of the tally's flush).
FLUSHED = [
    """DELETE FROM claim_facets WHERE (official_id, month) IN
        (SELECT official_id, month FROM claim_tally_dirty)""",
    written(marked("sqlite")),
]
REBUILT = ["DELETE FROM claim_facets", written("TRUE")]


def flush_with_facets() -> list[str]:
    """The tally's flush, with the marked cells' rows written again before the marks go."""
    *counted, cleared = flush("sqlite")
    return [*counted, *FLUSHED, cleared]

FORWARD = [
    TABLE,
    CELL_INDEX,
    "DROP TRIGGER claim_tally_recount",
    recount_trigger(also=IN_THE_RECOUNT),
    *REBUILT,
]
BACKWARD = [
    "DROP TRIGGER claim_tally_recount",
    recount_trigger(),
    "DROP TABLE claim_facets",
]
