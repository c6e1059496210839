"""The claim tally's triggers on SQLite (see _claim_tally.py). A trigger on each table marks the
cells a change touches; a trigger on the marks counts a marked cell again at once, unless a
writer of many rows paused it (`claim_tally_switch`). SQLite has no stored functions, so that
one trigger's body holds the whole recount."""

from statements.migrations._claim_tally import (
    DIRTY_TABLE,
    IN_MONTH,
    MONTH_OF,
    PUBLISHED,
    TALLY,
    rebuild,
    recount,
)

RUNNING = "(SELECT paused FROM claim_tally_switch) = 0"


def cell_of_statement(row: str) -> str:
    return f"SELECT {row}.official_id, {MONTH_OF['sqlite'](f'{row}.date')}"


def cell_of_statement_id(statement_id: str) -> str:
    return f"""SELECT official_id, {MONTH_OF["sqlite"]("date")} FROM statements_statement
        WHERE id = {statement_id} AND status = {PUBLISHED}"""


def cell_of_claim_id(claim_id: str) -> str:
    return f"""SELECT s.official_id, {MONTH_OF["sqlite"]("s.date")} FROM statements_statement s
        JOIN statements_claim c ON c.statement_id = s.id
        WHERE c.id = {claim_id} AND s.status = {PUBLISHED}"""


def is_published(statement_id: str) -> str:
    return f"""EXISTS (SELECT 1 FROM statements_statement
        WHERE id = {statement_id} AND status = {PUBLISHED})"""


def claim_is_published(claim_id: str) -> str:
    return f"""EXISTS (SELECT 1 FROM statements_statement s
        JOIN statements_claim c ON c.statement_id = s.id
        WHERE c.id = {claim_id} AND s.status = {PUBLISHED})"""


STATEMENT_MOVED = """(old.status IS NOT new.status OR old.official_id IS NOT new.official_id
    OR old.date IS NOT new.date OR old.venue_id IS NOT new.venue_id)"""

# name: (when it fires, on what condition, the cells it marks)
MARKING_TRIGGERS = {
    "statement_insert": (
        "AFTER INSERT ON statements_statement",
        f"new.status = {PUBLISHED}",
        [cell_of_statement("new")],
    ),
    "statement_update": (
        "AFTER UPDATE OF status, official_id, date, venue_id ON statements_statement",
        f"(old.status = {PUBLISHED} OR new.status = {PUBLISHED}) AND {STATEMENT_MOVED}",
        [cell_of_statement("old"), cell_of_statement("new")],
    ),
    "statement_delete": (
        "AFTER DELETE ON statements_statement",
        f"old.status = {PUBLISHED}",
        [cell_of_statement("old")],
    ),
    "claim_insert": (
        "AFTER INSERT ON statements_claim",
        is_published("new.statement_id"),
        [cell_of_statement_id("new.statement_id")],
    ),
    "claim_update": (
        "AFTER UPDATE OF statement_id ON statements_claim",
        "old.statement_id IS NOT new.statement_id",
        [cell_of_statement_id(f"{row}.statement_id") for row in ("old", "new")],
    ),
    "claim_delete": (
        "AFTER DELETE ON statements_claim",
        is_published("old.statement_id"),
        [cell_of_statement_id("old.statement_id")],
    ),
    "topic_link_insert": (
        "AFTER INSERT ON statements_claim_topics",
        claim_is_published("new.claim_id"),
        [cell_of_claim_id("new.claim_id")],
    ),
    "topic_link_update": (
        "AFTER UPDATE ON statements_claim_topics",
        "old.claim_id IS NOT new.claim_id OR old.topic_id IS NOT new.topic_id",
        [cell_of_claim_id(f"{row}.claim_id") for row in ("old", "new")],
    ),
    "topic_link_delete": (
        "AFTER DELETE ON statements_claim_topics",
        claim_is_published("old.claim_id"),
        [cell_of_claim_id("old.claim_id")],
    ),
    "report_insert": (
        "AFTER INSERT ON statements_report",
        f"new.outlet_id IS NOT NULL AND {is_published('new.statement_id')}",
        [cell_of_statement_id("new.statement_id")],
    ),
    "report_update": (
        "AFTER UPDATE OF outlet_id, statement_id ON statements_report",
        "old.outlet_id IS NOT new.outlet_id OR old.statement_id IS NOT new.statement_id",
        [cell_of_statement_id(f"{row}.statement_id") for row in ("old", "new")],
    ),
    "report_delete": (
        "AFTER DELETE ON statements_report",
        f"old.outlet_id IS NOT NULL AND {is_published('old.statement_id')}",
        [cell_of_statement_id("old.statement_id")],
    ),
}


def marking_trigger(name: str) -> str:
    # OR REPLACE, so that a mark fires the recount below even if one was left behind.
    event, condition, cells = MARKING_TRIGGERS[name]
    marks = "\n        ".join(
        f"INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) {cell};" for cell in cells
    )
    return f"""CREATE TRIGGER claim_tally_{name} {event}
    WHEN {condition} BEGIN
        {marks}
    END"""


THE_CELL = "official_id = new.official_id AND month = new.month"
IN_THE_CELL = f"s.official_id = new.official_id AND {IN_MONTH['sqlite']('s.date', 'new.month')}"


def recount_trigger(also: tuple[str, ...] = (), before: tuple[str, ...] = ()) -> str:
    """The trigger that counts a marked cell again: `before` runs first, `also` after."""
    first, then = ("".join(f"\n        {sql};" for sql in part) for part in (before, also))
    return f"""CREATE TRIGGER claim_tally_recount AFTER INSERT ON claim_tally_dirty
    WHEN {RUNNING} BEGIN{first}
        DELETE FROM {TALLY} WHERE {THE_CELL};
        {recount("sqlite", IN_THE_CELL, named=False)};{then}
        DELETE FROM claim_tally_dirty WHERE {THE_CELL};
    END"""


FORWARD = [
    DIRTY_TABLE,
    """CREATE TABLE claim_tally_switch (
        id integer PRIMARY KEY CHECK (id = 1), paused integer NOT NULL CHECK (paused IN (0, 1)))""",
    "INSERT INTO claim_tally_switch (id, paused) VALUES (1, 0)",
    recount_trigger(),
    *(marking_trigger(name) for name in MARKING_TRIGGERS),
    *rebuild("sqlite"),
]
BACKWARD = [
    *(f"DROP TRIGGER IF EXISTS claim_tally_{name}" for name in MARKING_TRIGGERS),
    "DROP TRIGGER IF EXISTS claim_tally_recount",
    "DROP TABLE claim_tally_switch",
    "DROP TABLE claim_tally_dirty",
]
