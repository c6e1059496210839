"""The full-text index of claims (migration 0002), kept in step with them by triggers: its SQL,
which migration 0003 also needs while SQLite rebuilds the statements table."""

SQLITE_EVIDENCE = "substr(s.source_text, c.span_start + 1, c.span_end - c.span_start)"

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE claim_search USING fts5(
        quote, summary, evidence, headline, tokenize = 'unicode61 remove_diacritics 0'
    )""",
    f"""CREATE TRIGGER claim_search_insert AFTER INSERT ON statements_claim BEGIN
        INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
        SELECT c.id, c.quote, c.text, {SQLITE_EVIDENCE}, s.headline
        FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id
        WHERE c.id = new.id;
    END""",
    f"""CREATE TRIGGER claim_search_update AFTER UPDATE ON statements_claim BEGIN
        DELETE FROM claim_search WHERE rowid = old.id;
        INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
        SELECT c.id, c.quote, c.text, {SQLITE_EVIDENCE}, s.headline
        FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id
        WHERE c.id = new.id;
    END""",
    """CREATE TRIGGER claim_search_delete AFTER DELETE ON statements_claim BEGIN
        DELETE FROM claim_search WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER claim_search_statement_update
        AFTER UPDATE OF headline, source_text ON statements_statement BEGIN
        DELETE FROM claim_search
            WHERE rowid IN (SELECT id FROM statements_claim WHERE statement_id = new.id);
        INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
        SELECT c.id, c.quote, c.text, {SQLITE_EVIDENCE}, s.headline
        FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id
        WHERE s.id = new.id;
    END""",
    f"""INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
        SELECT c.id, c.quote, c.text, {SQLITE_EVIDENCE}, s.headline
        FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id""",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER claim_search_statement_update",
    "DROP TRIGGER claim_search_delete",
    "DROP TRIGGER claim_search_update",
    "DROP TRIGGER claim_search_insert",
    "DROP TABLE claim_search",
]

POSTGRES_DOCUMENT = """
    to_tsvector('simple', coalesce(c.quote, '')) ||
    to_tsvector('simple', coalesce(c.text, '')) ||
    to_tsvector('simple', substr(s.source_text, c.span_start + 1, c.span_end - c.span_start)) ||
    to_tsvector('simple', coalesce(s.headline, ''))
"""

POSTGRES_FORWARD = [
    # No foreign key: Django's test flush truncates the claims table, which a reference forbids.
    # A delete trigger removes the row instead, and an upsert overwrites any row left behind.
    "CREATE TABLE claim_search (claim_id bigint PRIMARY KEY, document tsvector NOT NULL)",
    "CREATE INDEX claim_search_document ON claim_search USING gin (document)",
    f"""CREATE FUNCTION claim_search_refresh(claim_ids bigint[]) RETURNS void AS $$
        INSERT INTO claim_search (claim_id, document)
        SELECT c.id, {POSTGRES_DOCUMENT}
        FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id
        WHERE c.id = ANY(claim_ids)
        ON CONFLICT (claim_id) DO UPDATE SET document = excluded.document;
    $$ LANGUAGE sql""",
    """CREATE FUNCTION claim_search_claim_changed() RETURNS trigger AS $$
    BEGIN
        PERFORM claim_search_refresh(ARRAY[new.id]);
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER claim_search_claim AFTER INSERT OR UPDATE ON statements_claim
        FOR EACH ROW EXECUTE FUNCTION claim_search_claim_changed()""",
    """CREATE FUNCTION claim_search_claim_deleted() RETURNS trigger AS $$
    BEGIN
        DELETE FROM claim_search WHERE claim_id = old.id;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER claim_search_claim_delete AFTER DELETE ON statements_claim
        FOR EACH ROW EXECUTE FUNCTION claim_search_claim_deleted()""",
    """CREATE FUNCTION claim_search_statement_changed() RETURNS trigger AS $$
    BEGIN
        PERFORM claim_search_refresh(
            ARRAY(SELECT id FROM statements_claim WHERE statement_id = new.id)
        );
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER claim_search_statement AFTER UPDATE OF headline, source_text
        ON statements_statement FOR EACH ROW EXECUTE FUNCTION claim_search_statement_changed()""",
    "SELECT claim_search_refresh(ARRAY(SELECT id FROM statements_claim))",
]

POSTGRES_BACKWARD = [
    "DROP TRIGGER claim_search_statement ON statements_statement",
    "DROP FUNCTION claim_search_statement_changed()",
    "DROP TRIGGER claim_search_claim_delete ON statements_claim",
    "DROP FUNCTION claim_search_claim_deleted()",
    "DROP TRIGGER claim_search_claim ON statements_claim",
    "DROP FUNCTION claim_search_claim_changed()",
    "DROP FUNCTION claim_search_refresh(bigint[])",
    "DROP TABLE claim_search",
]


# The triggers and refresh function as migration 0011 made them again around the rename of the
# claim's `text` to `summary`, by that column's name; migrations 0012 and 0014 put them back.
SQLITE_TRIGGERS = (
    "claim_search_insert",
    "claim_search_update",
    "claim_search_statement_update",
)


def sqlite_triggers(column: str) -> list[str]:
    refill = f"""INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
        SELECT c.id, c.quote, c.{column}, {SQLITE_EVIDENCE}, s.headline
        FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id"""
    return [
        f"""CREATE TRIGGER claim_search_insert AFTER INSERT ON statements_claim BEGIN
            {refill} WHERE c.id = new.id;
        END""",
        f"""CREATE TRIGGER claim_search_update AFTER UPDATE ON statements_claim BEGIN
            DELETE FROM claim_search WHERE rowid = old.id;
            {refill} WHERE c.id = new.id;
        END""",
        f"""CREATE TRIGGER claim_search_statement_update
            AFTER UPDATE OF headline, source_text ON statements_statement BEGIN
            DELETE FROM claim_search
                WHERE rowid IN (SELECT id FROM statements_claim WHERE statement_id = new.id);
            {refill} WHERE s.id = new.id;
        END""",
    ]


def postgres_refresh(column: str) -> list[str]:
    return [
        f"""CREATE OR REPLACE FUNCTION claim_search_refresh(claim_ids bigint[]) RETURNS void AS $$
            INSERT INTO claim_search (claim_id, document)
            SELECT c.id,
                to_tsvector('simple', coalesce(c.quote, '')) ||
                to_tsvector('simple', coalesce(c.{column}, '')) ||
                to_tsvector('simple',
                    substr(s.source_text, c.span_start + 1, c.span_end - c.span_start)) ||
                to_tsvector('simple', coalesce(s.headline, ''))
            FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id
            WHERE c.id = ANY(claim_ids)
            ON CONFLICT (claim_id) DO UPDATE SET document = excluded.document;
        $$ LANGUAGE sql"""
    ]
