"""The claim tally's triggers on PostgreSQL (see _claim_tally.py): row triggers that mark the
cells a change touches, and claim_tally_refresh(), which counts the marked cells again unless a
writer of many rows paused it for its transaction: called by each row trigger (migration 0015),
then once at the end of each statement by a statement trigger on each table (migration 0016)."""

from statements.migrations._claim_tally import (
    DIRTY_TABLE,
    MONTH_OF,
    PUBLISHED,
    flush,
    rebuild,
)

PAUSED = "current_setting('claim_tally.paused', true) = 'on'"


def mark(official: str, day: str) -> str:
    """Mark the cell of an official and a day."""
    return f"""INSERT INTO claim_tally_dirty (official_id, month)
            VALUES ({official}, {MONTH_OF["postgresql"](day)}) ON CONFLICT DO NOTHING"""


# A plan kept for the session would be the one made for the tables as they were at its first
# use: with the tables nearly empty (a new database, the first batch of generated rows), a plan
# kept while they grow to a million rows. The recount is planned for the tables as they are.
PLANNED_EACH_TIME = "SET plan_cache_mode = force_custom_plan"


def row_functions(refresh_each_row: bool, create: str = "CREATE") -> list[str]:
    """The row triggers' functions: each marks the cells a row's change touches, and counted
    them again at once before migration 0016, which leaves that to the end of the statement."""
    refresh = "PERFORM claim_tally_refresh();" if refresh_each_row else ""
    changed_row = (
        ("claim_or_report", "{row}.statement_id"),
        ("topic_link", "(SELECT statement_id FROM statements_claim WHERE id = {row}.claim_id)"),
    )
    return [
        f"""{create} FUNCTION claim_tally_statement_changed() RETURNS trigger AS $$
    BEGIN
        IF tg_op IN ('UPDATE', 'DELETE') THEN
            {mark("old.official_id", "old.date")};
        END IF;
        IF tg_op IN ('INSERT', 'UPDATE') THEN
            {mark("new.official_id", "new.date")};
        END IF;
        {refresh}
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
        *(
            f"""{create} FUNCTION claim_tally_{name}_changed() RETURNS trigger AS $$
    BEGIN
        IF tg_op IN ('UPDATE', 'DELETE') THEN
            PERFORM claim_tally_mark_statement({statement.format(row="old")});
        END IF;
        IF tg_op IN ('INSERT', 'UPDATE') THEN
            PERFORM claim_tally_mark_statement({statement.format(row="new")});
        END IF;
        {refresh}
        RETURN NULL;
    END $$ LANGUAGE plpgsql"""
            for name, statement in changed_row
        ),
    ]


def flush_function(statements: list[str], create: str = "CREATE", first: str = "") -> str:
    """claim_tally_flush(): the marked cells' `statements` run, the cells locked first. Two
    transactions recounting one cell at once would each delete the rows they see and insert
    their own count: the cells are locked first, in one order, until the commit. `first` runs
    before the cells are locked."""
    body = ";\n        ".join(statements)
    return f"""{create} FUNCTION claim_tally_flush() RETURNS void AS $$
    BEGIN
        {first}
        PERFORM pg_advisory_xact_lock(hashtextextended(
            'claim_tally ' || official_id || ' ' || month, 0))
        FROM (SELECT official_id, month FROM claim_tally_dirty
            ORDER BY official_id, month) AS cells;
        {body};
    END $$ LANGUAGE plpgsql {PLANNED_EACH_TIME}"""


FUNCTIONS = [
    flush_function(flush("postgresql")),
    # The marked cells, counted again now unless a writer of many rows paused the recount.
    f"""CREATE FUNCTION claim_tally_refresh() RETURNS void AS $$
    BEGIN
        IF NOT coalesce({PAUSED}, false) AND EXISTS (SELECT 1 FROM claim_tally_dirty) THEN
            PERFORM claim_tally_flush();
        END IF;
    END $$ LANGUAGE plpgsql""",
    # The statement is found by its key alone: asked for its key and its status at once, a
    # planner that believes the table empty (freshly migrated, or before its first ANALYZE)
    # reads every published statement instead.
    f"""CREATE FUNCTION claim_tally_mark_statement(marked bigint) RETURNS void AS $$
    DECLARE
        found record;
    BEGIN
        SELECT official_id, date, status INTO found FROM statements_statement WHERE id = marked;
        IF found.status = {PUBLISHED} THEN
            {mark("found.official_id", "found.date")};
        END IF;
    END $$ LANGUAGE plpgsql""",
    *row_functions(refresh_each_row=True),
]


# name: (table, when it fires, condition, function)
TRIGGERS = {
    "statement_insert": (
        "statements_statement",
        "AFTER INSERT",
        f"new.status = {PUBLISHED}",
        "statement_changed",
    ),
    "statement_update": (
        "statements_statement",
        "AFTER UPDATE OF status, official_id, date, venue_id",
        f"""(old.status = {PUBLISHED} OR new.status = {PUBLISHED})
            AND (old.status, old.official_id, old.date, old.venue_id)
            IS DISTINCT FROM (new.status, new.official_id, new.date, new.venue_id)""",
        "statement_changed",
    ),
    "statement_delete": (
        "statements_statement",
        "AFTER DELETE",
        f"old.status = {PUBLISHED}",
        "statement_changed",
    ),
    "claim_insert_delete": (
        "statements_claim",
        "AFTER INSERT OR DELETE",
        "",
        "claim_or_report_changed",
    ),
    "claim_update": (
        "statements_claim",
        "AFTER UPDATE OF statement_id",
        "old.statement_id IS DISTINCT FROM new.statement_id",
        "claim_or_report_changed",
    ),
    "topic_link_insert_delete": (
        "statements_claim_topics",
        "AFTER INSERT OR DELETE",
        "",
        "topic_link_changed",
    ),
    "topic_link_update": (
        "statements_claim_topics",
        "AFTER UPDATE",
        "(old.claim_id, old.topic_id) IS DISTINCT FROM (new.claim_id, new.topic_id)",
        "topic_link_changed",
    ),
    "report_insert": (
        "statements_report",
        "AFTER INSERT",
        "new.outlet_id IS NOT NULL",
        "claim_or_report_changed",
    ),
    "report_update": (
        "statements_report",
        "AFTER UPDATE OF outlet_id, statement_id",
        "(old.outlet_id, old.statement_id) IS DISTINCT FROM (new.outlet_id, new.statement_id)",
        "claim_or_report_changed",
    ),
    "report_delete": (
        "statements_report",
        "AFTER DELETE",
        "old.outlet_id IS NOT NULL",
        "claim_or_report_changed",
    ),
}


def trigger(name: str) -> str:
    table, event, condition, function = TRIGGERS[name]
    when = f"WHEN ({condition})" if condition else ""
    return f"""CREATE TRIGGER claim_tally_{name} {event} ON {table} FOR EACH ROW {when}
        EXECUTE FUNCTION claim_tally_{function}()"""


FUNCTION_NAMES = [
    "claim_tally_statement_changed()",
    "claim_tally_claim_or_report_changed()",
    "claim_tally_topic_link_changed()",
    "claim_tally_mark_statement(bigint)",
    "claim_tally_refresh()",
    "claim_tally_flush()",
]

# Since migration 0016, the marked cells are counted once at the end of each statement that
# wrote rows, not once a row: a statement inserting 2,500 claims of one month counted that month
# 2,500 times (11 s of a 12 s insert), now once.
TABLES = sorted({table for table, *_ in TRIGGERS.values()})
ONCE_A_STATEMENT = [
    *row_functions(refresh_each_row=False, create="CREATE OR REPLACE"),
    """CREATE FUNCTION claim_tally_statement_done() RETURNS trigger AS $$
    BEGIN
        PERFORM claim_tally_refresh();
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    *(
        f"""CREATE TRIGGER claim_tally_done AFTER INSERT OR UPDATE OR DELETE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION claim_tally_statement_done()"""
        for table in TABLES
    ),
]
ONCE_A_ROW = [
    *(f"DROP TRIGGER claim_tally_done ON {table}" for table in TABLES),
    "DROP FUNCTION claim_tally_statement_done()",
    *row_functions(refresh_each_row=True, create="CREATE OR REPLACE"),
]

FORWARD = [
    DIRTY_TABLE,
    *FUNCTIONS,
    *(trigger(name) for name in TRIGGERS),
    *rebuild("postgresql"),
]
BACKWARD = [
    *(
        f"DROP TRIGGER IF EXISTS claim_tally_{name} ON {table}"
        for name, (table, *_) in TRIGGERS.items()
    ),
    *(f"DROP FUNCTION IF EXISTS {name}" for name in FUNCTION_NAMES),
    "DROP TABLE claim_tally_dirty",
]
