"""SQL for migration 0024: on SQLite, each published claim's facets in one narrow row, kept with
the claim tally, so that the counts of a search are read from one row per match
(statements/public/facet_row_counts.py).

Counted from the claims, each match was looked up in the claims, its statement, its topic links
and its statement's reports, and grouped four times by SQLite's sorter. A row holds the claim's
official, month and statement, and its topics and outlets as numbers in text, which the count
splits. At a million claims the rows and their index take 58 MB.

- `topics`: the claim's topics;
- `outlets`: each outlet that was its statement's venue or reported it, once.

Since migration 0025 the rows follow each claim: a trigger on each write that can change a row
writes again the rows of the claims it touches (`FOLLOWING`). While a writer of many rows has
the tally paused (statements/migrations/_claim_tally_sqlite.py), those triggers wait, and the
flush at the end writes the rows of every marked cell where they changed. A claim that moved
out of a cell goes with the cell's old rows, which are found by the official and month they
were written with. (Migration 0024 wrote a cell's rows again with its count.)
"""

from statements.migrations._claim_tally import MARKED_CELLS, MONTH_OF, PUBLISHED, marked
from statements.migrations._claim_tally_sqlite import (
    IN_THE_CELL,
    RUNNING,
    STATEMENT_MOVED,
    THE_CELL,
    recount_trigger,
)

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


COLUMNS = ("official_id", "month", "statement_id", "topics", "outlets")
# The flush after a pause writes a marked cell's rows only where they changed (migration 0025).
ONLY_IF_CHANGED = f"""ON CONFLICT (claim_id) DO UPDATE SET
        {", ".join(f"{column} = excluded.{column}" for column in COLUMNS)}
    WHERE ({", ".join(COLUMNS)}) IS NOT ({", ".join(f"excluded.{column}" for column in COLUMNS)})"""


def published_claims(statements_where: str) -> str:
    return f"""FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = {PUBLISHED} AND {statements_where}"""


def written(statements_where: str, only_changed: bool = False) -> str:
    """The rows of the published claims of the statements `where` selects (naming it s)."""
    insert = "INSERT INTO" if only_changed else "INSERT OR REPLACE INTO"
    return f"""{insert} claim_facets (claim_id, {", ".join(COLUMNS)})
    SELECT c.id, s.official_id, {MONTH_OF["sqlite"]("s.date")}, s.id, {TOPICS}, {OUTLETS}
    {published_claims(statements_where)}
    {ONLY_IF_CHANGED if only_changed else ""}"""


def kept(cells_where: str, statements_where: str) -> list[str]:
    """The rows of the cells `cells_where` names, made what the claims of the statements
    `statements_where` selects give: the rows of claims gone from them deleted, the others
    written where they changed."""
    return [
        f"""DELETE FROM claim_facets WHERE {cells_where} AND claim_id NOT IN
            (SELECT c.id {published_claims(statements_where)})""",
        written(statements_where, only_changed=True),
    ]


# In the recount trigger, for the cell it counts (migration 0024 to 0025).
IN_THE_RECOUNT = (f"DELETE FROM claim_facets WHERE {THE_CELL}", written(IN_THE_CELL))

# Before the marks are cleared (the last statement of the tally's flush).
FLUSHED = kept(MARKED_CELLS, marked("sqlite"))
REBUILT = ["DELETE FROM claim_facets", written("TRUE")]


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


# Since migration 0025 the rows follow each claim: a write rewrites the rows of the claims it
# touches, not its whole cell. SQLite runs a trigger once a row, so a cell rewritten for each
# claim saved into it made a statement of 2,500 claims take five times as long to store.
def gone(where: str) -> str:
    return f"DELETE FROM claim_facets WHERE {where}"


# Deleted before they are written: an INSERT OR IGNORE that fires a trigger (Django adds topic
# links so) makes the trigger's own INSERT OR REPLACE ignore the row it would replace.
def claim_rewritten(claim_id: str) -> list[str]:
    return [gone(f"claim_id = {claim_id}"), written(f"c.id = {claim_id}")]


def statement_rewritten(statement_id: str) -> list[str]:
    return [gone(f"statement_id = {statement_id}"), written(f"s.id = {statement_id}")]


# name: (when it fires, on what condition, what it writes)
FOLLOWING = {
    "claim_insert": ("AFTER INSERT ON statements_claim", "1", claim_rewritten("new.id")),
    "claim_update": (
        "AFTER UPDATE OF statement_id ON statements_claim",
        "old.statement_id IS NOT new.statement_id",
        claim_rewritten("new.id"),
    ),
    "claim_delete": ("AFTER DELETE ON statements_claim", "1", [gone("claim_id = old.id")]),
    "topic_link_insert": (
        "AFTER INSERT ON statements_claim_topics",
        "1",
        claim_rewritten("new.claim_id"),
    ),
    "topic_link_update": (
        "AFTER UPDATE ON statements_claim_topics",
        "old.claim_id IS NOT new.claim_id OR old.topic_id IS NOT new.topic_id",
        [*claim_rewritten("old.claim_id"), *claim_rewritten("new.claim_id")],
    ),
    "topic_link_delete": (
        "AFTER DELETE ON statements_claim_topics",
        "1",
        claim_rewritten("old.claim_id"),
    ),
    "statement_update": (
        "AFTER UPDATE OF status, official_id, date, venue_id ON statements_statement",
        STATEMENT_MOVED,
        statement_rewritten("new.id"),
    ),
    "statement_delete": (
        "AFTER DELETE ON statements_statement",
        "1",
        [gone("statement_id = old.id")],
    ),
    "report_insert": (
        "AFTER INSERT ON statements_report",
        "new.outlet_id IS NOT NULL",
        statement_rewritten("new.statement_id"),
    ),
    "report_update": (
        "AFTER UPDATE OF outlet_id, statement_id ON statements_report",
        "old.outlet_id IS NOT new.outlet_id OR old.statement_id IS NOT new.statement_id",
        [*statement_rewritten("old.statement_id"), *statement_rewritten("new.statement_id")],
    ),
    "report_delete": (
        "AFTER DELETE ON statements_report",
        "old.outlet_id IS NOT NULL",
        statement_rewritten("old.statement_id"),
    ),
}


def following_trigger(name: str) -> str:
    """While the tally is paused, the marked cells' rows are written at the end instead."""
    event, condition, statements = FOLLOWING[name]
    body = "".join(f"\n        {sql};" for sql in statements)
    return f"""CREATE TRIGGER claim_facets_{name} {event}
    WHEN {RUNNING} AND ({condition}) BEGIN{body}
    END"""


FOLLOWING_FORWARD = [
    "DROP TRIGGER claim_tally_recount",
    recount_trigger(),
    *(following_trigger(name) for name in FOLLOWING),
]
FOLLOWING_BACKWARD = [
    *(f"DROP TRIGGER claim_facets_{name}" for name in FOLLOWING),
    "DROP TRIGGER claim_tally_recount",
    recount_trigger(IN_THE_RECOUNT),
]
