"""SQL for migration 0014, where a statement's text moves into its reports and a claim's span into
its evidence: the full-text index reads every report's evidence, and the database refuses
evidence that is not its report's text at its span.

A claim's row in the index (migration 0002) holds the quotes and the words of all its evidence,
its summary, and the statement's headline with every report's headline as printed.
"""

from statements.migrations._data_version import version_triggers

SQLITE_REFILL = """INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
    SELECT c.id,
        coalesce((SELECT group_concat(e.quote, ' ') FROM statements_evidence e
            WHERE e.claim_id = c.id), ''),
        c.summary,
        coalesce((SELECT group_concat(
                substr(r.source_text, e.span_start + 1, e.span_end - e.span_start), ' ')
            FROM statements_evidence e JOIN statements_report r ON r.id = e.report_id
            WHERE e.claim_id = c.id), ''),
        s.headline || ' ' || coalesce((SELECT group_concat(r.headline_as_printed, ' ')
            FROM statements_report r WHERE r.statement_id = s.id), '')
    FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id"""


def sqlite_refresh(where: str) -> str:
    """Index again the claims `where` selects (it may name the claim c and the statement s)."""
    return f"""DELETE FROM claim_search WHERE rowid IN (SELECT c.id FROM statements_claim c
            JOIN statements_statement s ON s.id = c.statement_id WHERE {where});
        {SQLITE_REFILL} WHERE {where};"""


def sqlite_refresh_claim(claim_id: str) -> str:
    """Index one claim again. Its old row is deleted by rowid: FTS5 looks a rowid up only when
    compared with a value, and would scan the whole index for `rowid IN (subquery)`."""
    return f"""DELETE FROM claim_search WHERE rowid = {claim_id};
        {SQLITE_REFILL} WHERE c.id = {claim_id};"""


SQLITE_SEARCH_TRIGGERS = {
    "claim_search_insert": f"""AFTER INSERT ON statements_claim BEGIN
        {SQLITE_REFILL} WHERE c.id = new.id;
    END""",
    "claim_search_update": f"""AFTER UPDATE ON statements_claim BEGIN
        DELETE FROM claim_search WHERE rowid = old.id;
        {sqlite_refresh_claim("new.id")}
    END""",
    "claim_search_delete": """AFTER DELETE ON statements_claim BEGIN
        DELETE FROM claim_search WHERE rowid = old.id;
    END""",
    "claim_search_statement_update": f"""AFTER UPDATE OF headline ON statements_statement BEGIN
        {sqlite_refresh("s.id = new.id")}
    END""",
    "claim_search_report_update": f"""AFTER UPDATE OF headline_as_printed, source_text
        ON statements_report BEGIN
        {sqlite_refresh("s.id = new.statement_id")}
    END""",
    # A report's headline as printed is indexed with every claim of its statement.
    "claim_search_report_insert": f"""AFTER INSERT ON statements_report BEGIN
        {sqlite_refresh("s.id = new.statement_id")}
    END""",
    "claim_search_report_delete": f"""AFTER DELETE ON statements_report BEGIN
        {sqlite_refresh("s.id = old.statement_id")}
    END""",
    **{
        f"claim_search_evidence_{event}": f"""AFTER {event.upper()} ON statements_evidence BEGIN
        {sqlite_refresh_claim(f"{row}.claim_id")}
    END"""
        for event, row in (("insert", "new"), ("update", "new"), ("delete", "old"))
    },
}

# The claim must be of the report's statement, the span inside the report's text, and a quote
# the text at the span.
EVIDENCE_FITS = """EXISTS (SELECT 1 FROM statements_report r
    JOIN statements_claim c ON c.statement_id = r.statement_id
    WHERE r.id = new.report_id AND c.id = new.claim_id
        AND new.span_end <= length(r.source_text)
        AND (new.quote = '' OR new.quote = CASE WHEN new.span_end > new.span_start
            THEN substr(r.source_text, new.span_start + 1, new.span_end - new.span_start) END))"""
EVIDENCE_REFUSED = (
    "evidence must be a span of a report of its claim's statement, with the report's exact words"
)
TEXT_KEPT = "the text of a report cannot change once evidence points into it"

SQLITE_GUARD_TRIGGERS = {
    **{
        f"evidence_fits_report_{event}": f"""BEFORE {event.upper()} ON statements_evidence
        WHEN NOT {EVIDENCE_FITS} BEGIN
        SELECT RAISE(ABORT, '{EVIDENCE_REFUSED.replace("'", "''")}');
    END"""
        for event in ("insert", "update")
    },
    "report_text_kept": f"""BEFORE UPDATE OF source_text ON statements_report
        WHEN new.source_text <> old.source_text
            AND EXISTS (SELECT 1 FROM statements_evidence WHERE report_id = old.id) BEGIN
        SELECT RAISE(ABORT, '{TEXT_KEPT}');
    END""",
}

OLD_SEARCH_TRIGGERS = [
    "claim_search_insert",
    "claim_search_update",
    "claim_search_statement_update",
]
# The delete trigger of migration 0002, which SQLite drops with the claims table it rebuilds.
OLD_DELETE_TRIGGER = """CREATE TRIGGER claim_search_delete AFTER DELETE ON statements_claim BEGIN
        DELETE FROM claim_search WHERE rowid = old.id;
    END"""
REBUILT_TABLES = ["statements_statement", "statements_claim"]
NEW_TABLES = ["statements_report", "statements_evidence"]


def version_sql(tables: list[str], vendor: str) -> tuple[list[str], list[str]]:
    forward, backward = [], []
    for table in tables:
        add, remove = version_triggers(table)
        forward += add[vendor]
        backward += remove[vendor]
    return forward, backward


def sqlite_forward() -> list[str]:
    triggers = {**SQLITE_SEARCH_TRIGGERS, **SQLITE_GUARD_TRIGGERS}
    return [
        *(f"CREATE TRIGGER {name} {body}" for name, body in triggers.items()),
        "DELETE FROM claim_search",
        SQLITE_REFILL,
        *version_sql(REBUILT_TABLES + NEW_TABLES, "sqlite")[0],
    ]


def sqlite_backward() -> list[str]:
    triggers = [*SQLITE_SEARCH_TRIGGERS, *SQLITE_GUARD_TRIGGERS]
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name in triggers),
        *version_sql(NEW_TABLES, "sqlite")[1],
        *(f"DROP TRIGGER IF EXISTS data_version_{t}_{e}" for t in REBUILT_TABLES for e in EVENTS),
    ]


EVENTS = ["insert", "update", "delete"]

POSTGRES_DOCUMENT = """
    to_tsvector('simple', coalesce((SELECT string_agg(e.quote, ' ') FROM statements_evidence e
        WHERE e.claim_id = c.id), '')) ||
    to_tsvector('simple', coalesce(c.summary, '')) ||
    to_tsvector('simple', coalesce((SELECT string_agg(
            substr(r.source_text, e.span_start + 1, e.span_end - e.span_start), ' ')
        FROM statements_evidence e JOIN statements_report r ON r.id = e.report_id
        WHERE e.claim_id = c.id), '')) ||
    to_tsvector('simple', coalesce(s.headline, '') || ' ' || coalesce((SELECT
        string_agg(r.headline_as_printed, ' ') FROM statements_report r
        WHERE r.statement_id = s.id), ''))
"""



def search_refresh_function(then: str = "") -> str:
    """claim_search_refresh(): the documents of these claims written again, and `then` run."""
    return f"""CREATE OR REPLACE FUNCTION claim_search_refresh(claim_ids bigint[]) RETURNS void AS $$
        INSERT INTO claim_search (claim_id, document)
        SELECT c.id, {POSTGRES_DOCUMENT}
        FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id
        WHERE c.id = ANY(claim_ids)
        ON CONFLICT (claim_id) DO UPDATE SET document = excluded.document;
        {then}
    $$ LANGUAGE sql"""


POSTGRES_FORWARD = [
    "DROP TRIGGER IF EXISTS claim_search_statement ON statements_statement",
    search_refresh_function(),
    """CREATE TRIGGER claim_search_statement AFTER UPDATE OF headline
        ON statements_statement FOR EACH ROW EXECUTE FUNCTION claim_search_statement_changed()""",
    """CREATE FUNCTION claim_search_report_changed() RETURNS trigger AS $$
    DECLARE
        statement bigint := CASE WHEN tg_op = 'DELETE' THEN old.statement_id
            ELSE new.statement_id END;
    BEGIN
        PERFORM claim_search_refresh(
            ARRAY(SELECT id FROM statements_claim WHERE statement_id = statement)
        );
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER claim_search_report AFTER UPDATE OF headline_as_printed, source_text
        ON statements_report FOR EACH ROW EXECUTE FUNCTION claim_search_report_changed()""",
    """CREATE TRIGGER claim_search_report_added_or_removed AFTER INSERT OR DELETE
        ON statements_report FOR EACH ROW EXECUTE FUNCTION claim_search_report_changed()""",
    """CREATE FUNCTION claim_search_evidence_changed() RETURNS trigger AS $$
    BEGIN
        IF tg_op IN ('UPDATE', 'DELETE') THEN
            PERFORM claim_search_refresh(ARRAY[old.claim_id]);
        END IF;
        IF tg_op IN ('INSERT', 'UPDATE') THEN
            PERFORM claim_search_refresh(ARRAY[new.claim_id]);
        END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER claim_search_evidence AFTER INSERT OR UPDATE OR DELETE
        ON statements_evidence FOR EACH ROW EXECUTE FUNCTION claim_search_evidence_changed()""",
    f"""CREATE FUNCTION evidence_fits_report() RETURNS trigger AS $$
    BEGIN
        IF NOT {EVIDENCE_FITS} THEN
            RAISE EXCEPTION '{EVIDENCE_REFUSED.replace("'", "''")}'
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN new;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER evidence_fits_report BEFORE INSERT OR UPDATE ON statements_evidence
        FOR EACH ROW EXECUTE FUNCTION evidence_fits_report()""",
    f"""CREATE FUNCTION report_text_kept() RETURNS trigger AS $$
    BEGIN
        IF new.source_text <> old.source_text
            AND EXISTS (SELECT 1 FROM statements_evidence WHERE report_id = old.id) THEN
            RAISE EXCEPTION '{TEXT_KEPT}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN new;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER report_text_kept BEFORE UPDATE OF source_text ON statements_report
        FOR EACH ROW EXECUTE FUNCTION report_text_kept()""",
    "SELECT claim_search_refresh(ARRAY(SELECT id FROM statements_claim))",
    *version_sql(NEW_TABLES, "postgresql")[0],
]

POSTGRES_BACKWARD = [
    *version_sql(NEW_TABLES, "postgresql")[1],
    "DROP TRIGGER report_text_kept ON statements_report",
    "DROP FUNCTION report_text_kept()",
    "DROP TRIGGER evidence_fits_report ON statements_evidence",
    "DROP FUNCTION evidence_fits_report()",
    "DROP TRIGGER claim_search_evidence ON statements_evidence",
    "DROP FUNCTION claim_search_evidence_changed()",
    "DROP TRIGGER claim_search_report_added_or_removed ON statements_report",
    "DROP TRIGGER claim_search_report ON statements_report",
    "DROP FUNCTION claim_search_report_changed()",
    "DROP TRIGGER claim_search_statement ON statements_statement",
]


def sqlite_set_aside_before() -> list[str]:
    """The triggers of migrations 0011/0012 that name columns this migration removes, and the
    data-version triggers SQLite would lose when it rebuilds the two tables."""
    names = [*OLD_SEARCH_TRIGGERS, "claim_search_delete"]
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name in names),
        *(f"DROP TRIGGER IF EXISTS data_version_{t}_{e}" for t in REBUILT_TABLES for e in EVENTS),
    ]
