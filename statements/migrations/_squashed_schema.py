"""What migrations 0001–0029 leave in a database beyond the models' own tables, written out in
full for 0001_squashed_0029: the full-text index, the data's version, the claim tally's and the
facets' tables, the kept search prefixes' counts, and the triggers and functions that keep them.

Taken from a database migrated step by step (the statements in the order they were made there,
triggers last), except where a migration's helper still writes the final SQL (the data
version's triggers, migration 0020's counting turn, migration 0029's kept prefixes): that helper is called instead.
tests/test_squashed_migration.py checks that a database migrated through the
squashed migration has exactly the schema and rows of one migrated step by step, on both
databases. A later migration changes these objects as any migration does, by its own SQL.
"""

from importlib import import_module

from statements.migrations import _search_prefix_counts as search_prefix_counts
from statements.migrations._data_version import version_triggers

counting_turn = import_module("statements.migrations.0020_counting_turn")


def sqlite_version_triggers(*tables: str) -> list[str]:
    return [sql for table in tables for sql in version_triggers(table)[0]["sqlite"]]


def sqlite_version_triggers_dropped(*tables: str) -> list[str]:
    return [sql for table in tables for sql in version_triggers(table)[1]["sqlite"]]


def postgresql_version_triggers(*tables: str) -> list[str]:
    return [sql for table in tables for sql in version_triggers(table)[0]["postgresql"]]


# The tables whose writes move the data version; on SQLite their triggers were made in two
# migrations, around the search index's, and fire in that order.
VERSIONED_FIRST = (
    "statements_claim_topics",
    "statements_outlet",
    "statements_topic",
    "statements_post",
    "statements_official",
    "statements_positionchange",
)
VERSIONED_LATER = (
    "statements_statement",
    "statements_claim",
    "statements_report",
    "statements_evidence",
)


SQLITE_MADE = [
    """CREATE VIRTUAL TABLE claim_search USING fts5(
        quote, summary, evidence, headline, tokenize = 'unicode61 remove_diacritics 0'
    )""",
    'CREATE TABLE data_version (id integer PRIMARY KEY CHECK (id = 1), token integer NOT NULL)',
    """CREATE TABLE claim_tally_dirty (
    official_id bigint NOT NULL, month date NOT NULL, PRIMARY KEY (official_id, month))""",
    """CREATE TABLE claim_tally_switch (
        id integer PRIMARY KEY CHECK (id = 1), paused integer NOT NULL CHECK (paused IN (0, 1)))""",
    """CREATE TABLE claim_facets (
    claim_id integer PRIMARY KEY,
    official_id integer NOT NULL,
    month date NOT NULL,
    statement_id integer NOT NULL,
    topics text NOT NULL,
    outlets text NOT NULL)""",
    'CREATE INDEX claim_topics_topic_claim ON statements_claim_topics (topic_id, claim_id)',
    'CREATE INDEX claim_facets_cell ON claim_facets (official_id, month)',
    *sqlite_version_triggers(*VERSIONED_FIRST),
    """CREATE TRIGGER claim_search_insert AFTER INSERT ON statements_claim BEGIN
        INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
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
    FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id WHERE c.id = new.id;
    END""",
    """CREATE TRIGGER claim_search_delete AFTER DELETE ON statements_claim BEGIN
        DELETE FROM claim_search WHERE rowid = old.id;
    END""",
    """CREATE TRIGGER claim_search_statement_update AFTER UPDATE OF headline ON statements_statement BEGIN
        DELETE FROM claim_search WHERE rowid IN (SELECT c.id FROM statements_claim c
            JOIN statements_statement s ON s.id = c.statement_id WHERE s.id = new.id);
        INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
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
    FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id WHERE s.id = new.id;
    END""",
    """CREATE TRIGGER claim_search_report_update AFTER UPDATE OF headline_as_printed, source_text
        ON statements_report BEGIN
        DELETE FROM claim_search WHERE rowid IN (SELECT c.id FROM statements_claim c
            JOIN statements_statement s ON s.id = c.statement_id WHERE s.id = new.statement_id);
        INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
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
    FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id WHERE s.id = new.statement_id;
    END""",
    """CREATE TRIGGER claim_search_report_insert AFTER INSERT ON statements_report BEGIN
        DELETE FROM claim_search WHERE rowid IN (SELECT c.id FROM statements_claim c
            JOIN statements_statement s ON s.id = c.statement_id WHERE s.id = new.statement_id);
        INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
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
    FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id WHERE s.id = new.statement_id;
    END""",
    """CREATE TRIGGER claim_search_report_delete AFTER DELETE ON statements_report BEGIN
        DELETE FROM claim_search WHERE rowid IN (SELECT c.id FROM statements_claim c
            JOIN statements_statement s ON s.id = c.statement_id WHERE s.id = old.statement_id);
        INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
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
    FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id WHERE s.id = old.statement_id;
    END""",
    """CREATE TRIGGER claim_search_evidence_insert AFTER INSERT ON statements_evidence BEGIN
        DELETE FROM claim_search WHERE rowid = new.claim_id;
        INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
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
    FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id WHERE c.id = new.claim_id;
    END""",
    """CREATE TRIGGER claim_search_evidence_update AFTER UPDATE ON statements_evidence BEGIN
        DELETE FROM claim_search WHERE rowid = new.claim_id;
        INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
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
    FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id WHERE c.id = new.claim_id;
    END""",
    """CREATE TRIGGER claim_search_evidence_delete AFTER DELETE ON statements_evidence BEGIN
        DELETE FROM claim_search WHERE rowid = old.claim_id;
        INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
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
    FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id WHERE c.id = old.claim_id;
    END""",
    """CREATE TRIGGER evidence_fits_report_insert BEFORE INSERT ON statements_evidence
        WHEN NOT EXISTS (SELECT 1 FROM statements_report r
    JOIN statements_claim c ON c.statement_id = r.statement_id
    WHERE r.id = new.report_id AND c.id = new.claim_id
        AND new.span_end <= length(r.source_text)
        AND (new.quote = '' OR new.quote = CASE WHEN new.span_end > new.span_start
            THEN substr(r.source_text, new.span_start + 1, new.span_end - new.span_start) END)) BEGIN
        SELECT RAISE(ABORT, 'evidence must be a span of a report of its claim''s statement, with the report''s exact words');
    END""",
    """CREATE TRIGGER evidence_fits_report_update BEFORE UPDATE ON statements_evidence
        WHEN NOT EXISTS (SELECT 1 FROM statements_report r
    JOIN statements_claim c ON c.statement_id = r.statement_id
    WHERE r.id = new.report_id AND c.id = new.claim_id
        AND new.span_end <= length(r.source_text)
        AND (new.quote = '' OR new.quote = CASE WHEN new.span_end > new.span_start
            THEN substr(r.source_text, new.span_start + 1, new.span_end - new.span_start) END)) BEGIN
        SELECT RAISE(ABORT, 'evidence must be a span of a report of its claim''s statement, with the report''s exact words');
    END""",
    """CREATE TRIGGER report_text_kept BEFORE UPDATE OF source_text ON statements_report
        WHEN new.source_text <> old.source_text
            AND EXISTS (SELECT 1 FROM statements_evidence WHERE report_id = old.id) BEGIN
        SELECT RAISE(ABORT, 'the text of a report cannot change once evidence points into it');
    END""",
    *sqlite_version_triggers(*VERSIONED_LATER),
    """CREATE TRIGGER claim_tally_statement_insert AFTER INSERT ON statements_statement
    WHEN new.status = 'published' BEGIN
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT new.official_id, substr(new.date, 1, 7) || '-01';
    END""",
    """CREATE TRIGGER claim_tally_statement_update AFTER UPDATE OF status, official_id, date, venue_id ON statements_statement
    WHEN (old.status = 'published' OR new.status = 'published') AND (old.status IS NOT new.status OR old.official_id IS NOT new.official_id
    OR old.date IS NOT new.date OR old.venue_id IS NOT new.venue_id) BEGIN
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT old.official_id, substr(old.date, 1, 7) || '-01';
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT new.official_id, substr(new.date, 1, 7) || '-01';
    END""",
    """CREATE TRIGGER claim_tally_statement_delete AFTER DELETE ON statements_statement
    WHEN old.status = 'published' BEGIN
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT old.official_id, substr(old.date, 1, 7) || '-01';
    END""",
    """CREATE TRIGGER claim_tally_claim_insert AFTER INSERT ON statements_claim
    WHEN EXISTS (SELECT 1 FROM statements_statement
        WHERE id = new.statement_id AND status = 'published') BEGIN
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT official_id, substr(date, 1, 7) || '-01' FROM statements_statement
        WHERE id = new.statement_id AND status = 'published';
    END""",
    """CREATE TRIGGER claim_tally_claim_update AFTER UPDATE OF statement_id ON statements_claim
    WHEN old.statement_id IS NOT new.statement_id BEGIN
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT official_id, substr(date, 1, 7) || '-01' FROM statements_statement
        WHERE id = old.statement_id AND status = 'published';
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT official_id, substr(date, 1, 7) || '-01' FROM statements_statement
        WHERE id = new.statement_id AND status = 'published';
    END""",
    """CREATE TRIGGER claim_tally_claim_delete AFTER DELETE ON statements_claim
    WHEN EXISTS (SELECT 1 FROM statements_statement
        WHERE id = old.statement_id AND status = 'published') BEGIN
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT official_id, substr(date, 1, 7) || '-01' FROM statements_statement
        WHERE id = old.statement_id AND status = 'published';
    END""",
    """CREATE TRIGGER claim_tally_topic_link_insert AFTER INSERT ON statements_claim_topics
    WHEN EXISTS (SELECT 1 FROM statements_statement s
        JOIN statements_claim c ON c.statement_id = s.id
        WHERE c.id = new.claim_id AND s.status = 'published') BEGIN
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT s.official_id, substr(s.date, 1, 7) || '-01' FROM statements_statement s
        JOIN statements_claim c ON c.statement_id = s.id
        WHERE c.id = new.claim_id AND s.status = 'published';
    END""",
    """CREATE TRIGGER claim_tally_topic_link_update AFTER UPDATE ON statements_claim_topics
    WHEN old.claim_id IS NOT new.claim_id OR old.topic_id IS NOT new.topic_id BEGIN
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT s.official_id, substr(s.date, 1, 7) || '-01' FROM statements_statement s
        JOIN statements_claim c ON c.statement_id = s.id
        WHERE c.id = old.claim_id AND s.status = 'published';
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT s.official_id, substr(s.date, 1, 7) || '-01' FROM statements_statement s
        JOIN statements_claim c ON c.statement_id = s.id
        WHERE c.id = new.claim_id AND s.status = 'published';
    END""",
    """CREATE TRIGGER claim_tally_topic_link_delete AFTER DELETE ON statements_claim_topics
    WHEN EXISTS (SELECT 1 FROM statements_statement s
        JOIN statements_claim c ON c.statement_id = s.id
        WHERE c.id = old.claim_id AND s.status = 'published') BEGIN
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT s.official_id, substr(s.date, 1, 7) || '-01' FROM statements_statement s
        JOIN statements_claim c ON c.statement_id = s.id
        WHERE c.id = old.claim_id AND s.status = 'published';
    END""",
    """CREATE TRIGGER claim_tally_report_insert AFTER INSERT ON statements_report
    WHEN new.outlet_id IS NOT NULL AND EXISTS (SELECT 1 FROM statements_statement
        WHERE id = new.statement_id AND status = 'published') BEGIN
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT official_id, substr(date, 1, 7) || '-01' FROM statements_statement
        WHERE id = new.statement_id AND status = 'published';
    END""",
    """CREATE TRIGGER claim_tally_report_update AFTER UPDATE OF outlet_id, statement_id ON statements_report
    WHEN old.outlet_id IS NOT new.outlet_id OR old.statement_id IS NOT new.statement_id BEGIN
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT official_id, substr(date, 1, 7) || '-01' FROM statements_statement
        WHERE id = old.statement_id AND status = 'published';
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT official_id, substr(date, 1, 7) || '-01' FROM statements_statement
        WHERE id = new.statement_id AND status = 'published';
    END""",
    """CREATE TRIGGER claim_tally_report_delete AFTER DELETE ON statements_report
    WHEN old.outlet_id IS NOT NULL AND EXISTS (SELECT 1 FROM statements_statement
        WHERE id = old.statement_id AND status = 'published') BEGIN
        INSERT OR REPLACE INTO claim_tally_dirty (official_id, month) SELECT official_id, substr(date, 1, 7) || '-01' FROM statements_statement
        WHERE id = old.statement_id AND status = 'published';
    END""",
    """CREATE TRIGGER claim_facets_claim_insert AFTER INSERT ON statements_claim
    WHEN (SELECT paused FROM claim_tally_switch) = 0 AND (1) BEGIN
        DELETE FROM claim_facets WHERE claim_id = new.id;
        INSERT OR REPLACE INTO claim_facets (claim_id, official_id, month, statement_id, topics, outlets)
    SELECT c.id, s.official_id, substr(s.date, 1, 7) || '-01', s.id, coalesce((SELECT group_concat(ct.topic_id, ' ') FROM statements_claim_topics ct
        WHERE ct.claim_id = c.id), ''), coalesce((SELECT group_concat(o.outlet, ' ') FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL), '')
    FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = 'published' AND c.id = new.id
    ;
    END""",
    """CREATE TRIGGER claim_facets_claim_update AFTER UPDATE OF statement_id ON statements_claim
    WHEN (SELECT paused FROM claim_tally_switch) = 0 AND (old.statement_id IS NOT new.statement_id) BEGIN
        DELETE FROM claim_facets WHERE claim_id = new.id;
        INSERT OR REPLACE INTO claim_facets (claim_id, official_id, month, statement_id, topics, outlets)
    SELECT c.id, s.official_id, substr(s.date, 1, 7) || '-01', s.id, coalesce((SELECT group_concat(ct.topic_id, ' ') FROM statements_claim_topics ct
        WHERE ct.claim_id = c.id), ''), coalesce((SELECT group_concat(o.outlet, ' ') FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL), '')
    FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = 'published' AND c.id = new.id
    ;
    END""",
    """CREATE TRIGGER claim_facets_claim_delete AFTER DELETE ON statements_claim
    WHEN (SELECT paused FROM claim_tally_switch) = 0 AND (1) BEGIN
        DELETE FROM claim_facets WHERE claim_id = old.id;
    END""",
    """CREATE TRIGGER claim_facets_topic_link_insert AFTER INSERT ON statements_claim_topics
    WHEN (SELECT paused FROM claim_tally_switch) = 0 AND (1) BEGIN
        DELETE FROM claim_facets WHERE claim_id = new.claim_id;
        INSERT OR REPLACE INTO claim_facets (claim_id, official_id, month, statement_id, topics, outlets)
    SELECT c.id, s.official_id, substr(s.date, 1, 7) || '-01', s.id, coalesce((SELECT group_concat(ct.topic_id, ' ') FROM statements_claim_topics ct
        WHERE ct.claim_id = c.id), ''), coalesce((SELECT group_concat(o.outlet, ' ') FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL), '')
    FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = 'published' AND c.id = new.claim_id
    ;
    END""",
    """CREATE TRIGGER claim_facets_topic_link_update AFTER UPDATE ON statements_claim_topics
    WHEN (SELECT paused FROM claim_tally_switch) = 0 AND (old.claim_id IS NOT new.claim_id OR old.topic_id IS NOT new.topic_id) BEGIN
        DELETE FROM claim_facets WHERE claim_id = old.claim_id;
        INSERT OR REPLACE INTO claim_facets (claim_id, official_id, month, statement_id, topics, outlets)
    SELECT c.id, s.official_id, substr(s.date, 1, 7) || '-01', s.id, coalesce((SELECT group_concat(ct.topic_id, ' ') FROM statements_claim_topics ct
        WHERE ct.claim_id = c.id), ''), coalesce((SELECT group_concat(o.outlet, ' ') FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL), '')
    FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = 'published' AND c.id = old.claim_id
    ;
        DELETE FROM claim_facets WHERE claim_id = new.claim_id;
        INSERT OR REPLACE INTO claim_facets (claim_id, official_id, month, statement_id, topics, outlets)
    SELECT c.id, s.official_id, substr(s.date, 1, 7) || '-01', s.id, coalesce((SELECT group_concat(ct.topic_id, ' ') FROM statements_claim_topics ct
        WHERE ct.claim_id = c.id), ''), coalesce((SELECT group_concat(o.outlet, ' ') FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL), '')
    FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = 'published' AND c.id = new.claim_id
    ;
    END""",
    """CREATE TRIGGER claim_facets_topic_link_delete AFTER DELETE ON statements_claim_topics
    WHEN (SELECT paused FROM claim_tally_switch) = 0 AND (1) BEGIN
        DELETE FROM claim_facets WHERE claim_id = old.claim_id;
        INSERT OR REPLACE INTO claim_facets (claim_id, official_id, month, statement_id, topics, outlets)
    SELECT c.id, s.official_id, substr(s.date, 1, 7) || '-01', s.id, coalesce((SELECT group_concat(ct.topic_id, ' ') FROM statements_claim_topics ct
        WHERE ct.claim_id = c.id), ''), coalesce((SELECT group_concat(o.outlet, ' ') FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL), '')
    FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = 'published' AND c.id = old.claim_id
    ;
    END""",
    """CREATE TRIGGER claim_facets_statement_update AFTER UPDATE OF status, official_id, date, venue_id ON statements_statement
    WHEN (SELECT paused FROM claim_tally_switch) = 0 AND ((old.status IS NOT new.status OR old.official_id IS NOT new.official_id
    OR old.date IS NOT new.date OR old.venue_id IS NOT new.venue_id)) BEGIN
        DELETE FROM claim_facets WHERE statement_id = new.id;
        INSERT OR REPLACE INTO claim_facets (claim_id, official_id, month, statement_id, topics, outlets)
    SELECT c.id, s.official_id, substr(s.date, 1, 7) || '-01', s.id, coalesce((SELECT group_concat(ct.topic_id, ' ') FROM statements_claim_topics ct
        WHERE ct.claim_id = c.id), ''), coalesce((SELECT group_concat(o.outlet, ' ') FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL), '')
    FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = 'published' AND s.id = new.id
    ;
    END""",
    """CREATE TRIGGER claim_facets_statement_delete AFTER DELETE ON statements_statement
    WHEN (SELECT paused FROM claim_tally_switch) = 0 AND (1) BEGIN
        DELETE FROM claim_facets WHERE statement_id = old.id;
    END""",
    """CREATE TRIGGER claim_facets_report_insert AFTER INSERT ON statements_report
    WHEN (SELECT paused FROM claim_tally_switch) = 0 AND (new.outlet_id IS NOT NULL) BEGIN
        DELETE FROM claim_facets WHERE statement_id = new.statement_id;
        INSERT OR REPLACE INTO claim_facets (claim_id, official_id, month, statement_id, topics, outlets)
    SELECT c.id, s.official_id, substr(s.date, 1, 7) || '-01', s.id, coalesce((SELECT group_concat(ct.topic_id, ' ') FROM statements_claim_topics ct
        WHERE ct.claim_id = c.id), ''), coalesce((SELECT group_concat(o.outlet, ' ') FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL), '')
    FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = 'published' AND s.id = new.statement_id
    ;
    END""",
    """CREATE TRIGGER claim_facets_report_update AFTER UPDATE OF outlet_id, statement_id ON statements_report
    WHEN (SELECT paused FROM claim_tally_switch) = 0 AND (old.outlet_id IS NOT new.outlet_id OR old.statement_id IS NOT new.statement_id) BEGIN
        DELETE FROM claim_facets WHERE statement_id = old.statement_id;
        INSERT OR REPLACE INTO claim_facets (claim_id, official_id, month, statement_id, topics, outlets)
    SELECT c.id, s.official_id, substr(s.date, 1, 7) || '-01', s.id, coalesce((SELECT group_concat(ct.topic_id, ' ') FROM statements_claim_topics ct
        WHERE ct.claim_id = c.id), ''), coalesce((SELECT group_concat(o.outlet, ' ') FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL), '')
    FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = 'published' AND s.id = old.statement_id
    ;
        DELETE FROM claim_facets WHERE statement_id = new.statement_id;
        INSERT OR REPLACE INTO claim_facets (claim_id, official_id, month, statement_id, topics, outlets)
    SELECT c.id, s.official_id, substr(s.date, 1, 7) || '-01', s.id, coalesce((SELECT group_concat(ct.topic_id, ' ') FROM statements_claim_topics ct
        WHERE ct.claim_id = c.id), ''), coalesce((SELECT group_concat(o.outlet, ' ') FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL), '')
    FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = 'published' AND s.id = new.statement_id
    ;
    END""",
    """CREATE TRIGGER claim_facets_report_delete AFTER DELETE ON statements_report
    WHEN (SELECT paused FROM claim_tally_switch) = 0 AND (old.outlet_id IS NOT NULL) BEGIN
        DELETE FROM claim_facets WHERE statement_id = old.statement_id;
        INSERT OR REPLACE INTO claim_facets (claim_id, official_id, month, statement_id, topics, outlets)
    SELECT c.id, s.official_id, substr(s.date, 1, 7) || '-01', s.id, coalesce((SELECT group_concat(ct.topic_id, ' ') FROM statements_claim_topics ct
        WHERE ct.claim_id = c.id), ''), coalesce((SELECT group_concat(o.outlet, ' ') FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL), '')
    FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = 'published' AND s.id = old.statement_id
    ;
    END""",
    """CREATE TRIGGER claim_tally_recount AFTER INSERT ON claim_tally_dirty
    WHEN (SELECT paused FROM claim_tally_switch) = 0 BEGIN
        INSERT INTO statements_claimtallysum (part, record, month, claims, statements)
    SELECT part, record, min(month), -sum(claims), -sum(statements)
    FROM (SELECT 0 AS part, official_id AS record, NULL AS month, claims, statements
        FROM statements_claimtally WHERE (official_id = new.official_id AND month = new.month) AND topic_id IS NULL AND outlet_id IS NULL
        UNION ALL SELECT 1 AS part, topic_id AS record, NULL AS month, claims, statements
        FROM statements_claimtally WHERE (official_id = new.official_id AND month = new.month) AND topic_id IS NOT NULL AND outlet_id IS NULL
        UNION ALL SELECT 2 AS part, outlet_id AS record, NULL AS month, claims, statements
        FROM statements_claimtally WHERE (official_id = new.official_id AND month = new.month) AND topic_id IS NULL AND outlet_id IS NOT NULL
        UNION ALL SELECT 3 AS part, (CAST(substr(month, 1, 4) AS integer) * 12 + CAST(substr(month, 6, 2) AS integer) - 1) AS record, month, claims, statements
        FROM statements_claimtally WHERE (official_id = new.official_id AND month = new.month) AND topic_id IS NULL AND outlet_id IS NULL) AS p WHERE true
    GROUP BY part, record ORDER BY part, record
    ON CONFLICT (part, record) DO UPDATE SET
        claims = statements_claimtallysum.claims + excluded.claims,
        statements = statements_claimtallysum.statements + excluded.statements;
        DELETE FROM statements_claimtally WHERE official_id = new.official_id AND month = new.month;
        INSERT INTO statements_claimtally (official_id, month, topic_id, outlet_id, claims, statements)
SELECT k.official, k.month, CAST(NULL AS bigint), CAST(NULL AS bigint), count(*),
            count(DISTINCT k.statement)
        FROM (SELECT c.id AS claim, s.id AS statement, s.official_id AS official,
            substr(s.date, 1, 7) || '-01' AS month, s.venue_id AS venue
        FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
        WHERE s.status = 'published' AND s.official_id = new.official_id AND s.date BETWEEN new.month AND substr(new.month, 1, 7) || '-31') k GROUP BY k.official, k.month
    UNION ALL SELECT t.official, t.month, t.topic, NULL, count(*), count(DISTINCT t.statement)
        FROM (SELECT k.claim, k.statement, k.official, k.month, ct.topic_id AS topic
        FROM (SELECT c.id AS claim, s.id AS statement, s.official_id AS official,
            substr(s.date, 1, 7) || '-01' AS month, s.venue_id AS venue
        FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
        WHERE s.status = 'published' AND s.official_id = new.official_id AND s.date BETWEEN new.month AND substr(new.month, 1, 7) || '-31') k JOIN statements_claim_topics ct ON ct.claim_id = k.claim) t GROUP BY t.official, t.month, t.topic
    UNION ALL SELECT u.official, u.month, NULL, u.outlet, count(*), count(DISTINCT u.statement)
        FROM (SELECT k.claim, k.statement, k.official, k.month, k.venue AS outlet
            FROM (SELECT c.id AS claim, s.id AS statement, s.official_id AS official,
            substr(s.date, 1, 7) || '-01' AS month, s.venue_id AS venue
        FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
        WHERE s.status = 'published' AND s.official_id = new.official_id AND s.date BETWEEN new.month AND substr(new.month, 1, 7) || '-31') k WHERE k.venue IS NOT NULL
        UNION SELECT k.claim, k.statement, k.official, k.month, r.outlet_id
            FROM (SELECT c.id AS claim, s.id AS statement, s.official_id AS official,
            substr(s.date, 1, 7) || '-01' AS month, s.venue_id AS venue
        FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
        WHERE s.status = 'published' AND s.official_id = new.official_id AND s.date BETWEEN new.month AND substr(new.month, 1, 7) || '-31') k JOIN statements_report r ON r.statement_id = k.statement
            WHERE r.outlet_id IS NOT NULL) u GROUP BY u.official, u.month, u.outlet
    UNION ALL SELECT t.official, t.month, t.topic, u.outlet, count(*),
            count(DISTINCT t.statement)
        FROM (SELECT k.claim, k.statement, k.official, k.month, ct.topic_id AS topic
        FROM (SELECT c.id AS claim, s.id AS statement, s.official_id AS official,
            substr(s.date, 1, 7) || '-01' AS month, s.venue_id AS venue
        FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
        WHERE s.status = 'published' AND s.official_id = new.official_id AND s.date BETWEEN new.month AND substr(new.month, 1, 7) || '-31') k JOIN statements_claim_topics ct ON ct.claim_id = k.claim) t JOIN (SELECT k.claim, k.statement, k.official, k.month, k.venue AS outlet
            FROM (SELECT c.id AS claim, s.id AS statement, s.official_id AS official,
            substr(s.date, 1, 7) || '-01' AS month, s.venue_id AS venue
        FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
        WHERE s.status = 'published' AND s.official_id = new.official_id AND s.date BETWEEN new.month AND substr(new.month, 1, 7) || '-31') k WHERE k.venue IS NOT NULL
        UNION SELECT k.claim, k.statement, k.official, k.month, r.outlet_id
            FROM (SELECT c.id AS claim, s.id AS statement, s.official_id AS official,
            substr(s.date, 1, 7) || '-01' AS month, s.venue_id AS venue
        FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
        WHERE s.status = 'published' AND s.official_id = new.official_id AND s.date BETWEEN new.month AND substr(new.month, 1, 7) || '-31') k JOIN statements_report r ON r.statement_id = k.statement
            WHERE r.outlet_id IS NOT NULL) u ON u.claim = t.claim
        GROUP BY t.official, t.month, t.topic, u.outlet;
        INSERT INTO statements_claimtallysum (part, record, month, claims, statements)
    SELECT part, record, min(month), sum(claims), sum(statements)
    FROM (SELECT 0 AS part, official_id AS record, NULL AS month, claims, statements
        FROM statements_claimtally WHERE (official_id = new.official_id AND month = new.month) AND topic_id IS NULL AND outlet_id IS NULL
        UNION ALL SELECT 1 AS part, topic_id AS record, NULL AS month, claims, statements
        FROM statements_claimtally WHERE (official_id = new.official_id AND month = new.month) AND topic_id IS NOT NULL AND outlet_id IS NULL
        UNION ALL SELECT 2 AS part, outlet_id AS record, NULL AS month, claims, statements
        FROM statements_claimtally WHERE (official_id = new.official_id AND month = new.month) AND topic_id IS NULL AND outlet_id IS NOT NULL
        UNION ALL SELECT 3 AS part, (CAST(substr(month, 1, 4) AS integer) * 12 + CAST(substr(month, 6, 2) AS integer) - 1) AS record, month, claims, statements
        FROM statements_claimtally WHERE (official_id = new.official_id AND month = new.month) AND topic_id IS NULL AND outlet_id IS NULL) AS p WHERE true
    GROUP BY part, record ORDER BY part, record
    ON CONFLICT (part, record) DO UPDATE SET
        claims = statements_claimtallysum.claims + excluded.claims,
        statements = statements_claimtallysum.statements + excluded.statements;
        DELETE FROM claim_tally_dirty WHERE official_id = new.official_id AND month = new.month;
    END""",
    """CREATE TRIGGER claim_tally_sums_emptied AFTER DELETE ON statements_claimtally
    WHEN NOT EXISTS (SELECT 1 FROM statements_claimtally) BEGIN
        DELETE FROM statements_claimtallysum;
    END""",
    """CREATE TRIGGER claim_search_update
    AFTER UPDATE OF summary, statement_id ON statements_claim
    WHEN old.summary IS NOT new.summary OR old.statement_id IS NOT new.statement_id BEGIN
        DELETE FROM claim_search WHERE rowid = old.id;
        DELETE FROM claim_search WHERE rowid = new.id;
        INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
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
    FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id WHERE c.id = new.id;
    END""",
    'INSERT INTO data_version (id, token) VALUES (1, random())',
    'INSERT INTO claim_tally_switch (id, paused) VALUES (1, 0)',
]


POSTGRESQL_MADE = [
    """CREATE TABLE claim_facets (
    claim_id bigint NOT NULL,
    official_id bigint NOT NULL,
    month date NOT NULL,
    keys bigint[] NOT NULL,
    words tsvector DEFAULT ''::tsvector NOT NULL
)""",
    """CREATE TABLE claim_search (
    claim_id bigint NOT NULL,
    document tsvector NOT NULL
)""",
    """CREATE TABLE claim_tally_dirty (
    official_id bigint NOT NULL,
    month date NOT NULL
)""",
    """CREATE TABLE data_version (
    id integer NOT NULL,
    token bigint NOT NULL,
    CONSTRAINT data_version_id_check CHECK ((id = 1))
)""",
    """ALTER TABLE ONLY claim_facets
    ADD CONSTRAINT claim_facets_pkey PRIMARY KEY (claim_id)""",
    """ALTER TABLE ONLY claim_search
    ADD CONSTRAINT claim_search_pkey PRIMARY KEY (claim_id)""",
    """ALTER TABLE ONLY claim_tally_dirty
    ADD CONSTRAINT claim_tally_dirty_pkey PRIMARY KEY (official_id, month)""",
    """ALTER TABLE ONLY data_version
    ADD CONSTRAINT data_version_pkey PRIMARY KEY (id)""",
    'CREATE INDEX claim_facets_cell ON claim_facets USING btree (official_id, month)',
    'CREATE INDEX claim_facets_words ON claim_facets USING gin (words)',
    'CREATE INDEX claim_search_document ON claim_search USING gin (document)',
    'CREATE INDEX claim_topics_topic_claim ON statements_claim_topics USING btree (topic_id, claim_id)',
    """CREATE OR REPLACE FUNCTION claim_search_claim_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
        PERFORM claim_search_refresh(ARRAY[new.id]);
        RETURN NULL;
    END $function$
""",
    """CREATE OR REPLACE FUNCTION claim_search_claim_deleted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
        DELETE FROM claim_search WHERE claim_id = old.id;
        RETURN NULL;
    END $function$
""",
    """CREATE OR REPLACE FUNCTION claim_search_claims_added()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
        BEGIN
            PERFORM claim_search_refresh(ARRAY(SELECT id FROM new_claims));
            RETURN NULL;
        END $function$
""",
    """CREATE OR REPLACE FUNCTION claim_search_evidence_rows_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
        BEGIN
            IF tg_op IN ('UPDATE', 'DELETE') THEN
                PERFORM claim_search_refresh(ARRAY(SELECT DISTINCT claim_id FROM old_evidence));
            END IF;
            IF tg_op IN ('INSERT', 'UPDATE') THEN
                PERFORM claim_search_refresh(ARRAY(SELECT DISTINCT claim_id FROM new_evidence));
            END IF;
            RETURN NULL;
        END $function$
""",
    """CREATE OR REPLACE FUNCTION claim_search_matches(query text, most bigint, estimated_past bigint)
 RETURNS bigint
 LANGUAGE plpgsql
 SET enable_seqscan TO 'off'
 SET work_mem TO '32MB'
AS $function$
DECLARE
    plan json;
    estimate bigint;
BEGIN
    IF most > estimated_past THEN
        EXECUTE format(
            'EXPLAIN (FORMAT JSON) SELECT 1 FROM claim_search WHERE document @@ to_tsquery(%L, %L)',
            'simple', query
        ) INTO plan;
        estimate := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
        IF estimate < most * 9 / 10 OR estimate > most * 11 / 10 THEN
            RETURN estimate;
        END IF;
    END IF;
    RETURN (SELECT COUNT(*) FROM (
        SELECT 1 FROM claim_search WHERE document @@ to_tsquery('simple', query) LIMIT most
    ) AS found);
END $function$
""",
    """CREATE OR REPLACE FUNCTION claim_search_refresh(claim_ids bigint[])
 RETURNS void
 LANGUAGE sql
AS $function$
        INSERT INTO claim_search (claim_id, document)
        SELECT c.id, 
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

        FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id
        WHERE c.id = ANY(claim_ids)
        ON CONFLICT (claim_id) DO UPDATE SET document = excluded.document;
        UPDATE claim_facets f SET words = strip(s.document) FROM claim_search s
        WHERE s.claim_id = f.claim_id AND f.claim_id = ANY(claim_ids)
            AND f.words IS DISTINCT FROM strip(s.document);
    $function$
""",
    """CREATE OR REPLACE FUNCTION claim_search_report_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    DECLARE
        statement bigint := CASE WHEN tg_op = 'DELETE' THEN old.statement_id
            ELSE new.statement_id END;
    BEGIN
        PERFORM claim_search_refresh(
            ARRAY(SELECT id FROM statements_claim WHERE statement_id = statement)
        );
        RETURN NULL;
    END $function$
""",
    """CREATE OR REPLACE FUNCTION claim_search_statement_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
        PERFORM claim_search_refresh(
            ARRAY(SELECT id FROM statements_claim WHERE statement_id = new.id)
        );
        RETURN NULL;
    END $function$
""",
    """CREATE OR REPLACE FUNCTION claim_tally_claim_or_report_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
        IF tg_op IN ('UPDATE', 'DELETE') THEN
            PERFORM claim_tally_mark_statement(old.statement_id);
        END IF;
        IF tg_op IN ('INSERT', 'UPDATE') THEN
            PERFORM claim_tally_mark_statement(new.statement_id);
        END IF;
        
        RETURN NULL;
    END $function$
""",
    """CREATE OR REPLACE FUNCTION claim_tally_flush()
 RETURNS void
 LANGUAGE plpgsql
 SET plan_cache_mode TO 'force_custom_plan'
AS $function$
    BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('claim_tally_sums', 0));
        PERFORM pg_advisory_xact_lock(hashtextextended(
            'claim_tally ' || official_id || ' ' || month, 0))
        FROM (SELECT official_id, month FROM claim_tally_dirty
            ORDER BY official_id, month) AS cells;
        INSERT INTO statements_claimtallysum (part, record, month, claims, statements)
    SELECT part, record, min(month), -sum(claims), -sum(statements)
    FROM (SELECT 0 AS part, official_id AS record, CAST(NULL AS date) AS month, claims, statements
        FROM statements_claimtally WHERE ((official_id, month) IN (SELECT official_id, month FROM claim_tally_dirty)) AND topic_id IS NULL AND outlet_id IS NULL
        UNION ALL SELECT 1 AS part, topic_id AS record, CAST(NULL AS date) AS month, claims, statements
        FROM statements_claimtally WHERE ((official_id, month) IN (SELECT official_id, month FROM claim_tally_dirty)) AND topic_id IS NOT NULL AND outlet_id IS NULL
        UNION ALL SELECT 2 AS part, outlet_id AS record, CAST(NULL AS date) AS month, claims, statements
        FROM statements_claimtally WHERE ((official_id, month) IN (SELECT official_id, month FROM claim_tally_dirty)) AND topic_id IS NULL AND outlet_id IS NOT NULL
        UNION ALL SELECT 3 AS part, (extract(year FROM month)::bigint * 12 + extract(month FROM month)::bigint - 1) AS record, month, claims, statements
        FROM statements_claimtally WHERE ((official_id, month) IN (SELECT official_id, month FROM claim_tally_dirty)) AND topic_id IS NULL AND outlet_id IS NULL) AS p WHERE true
    GROUP BY part, record ORDER BY part, record
    ON CONFLICT (part, record) DO UPDATE SET
        claims = statements_claimtallysum.claims + excluded.claims,
        statements = statements_claimtallysum.statements + excluded.statements;
        DELETE FROM statements_claimtally WHERE (official_id, month) IN (SELECT official_id, month FROM claim_tally_dirty);
        INSERT INTO statements_claimtally (official_id, month, topic_id, outlet_id, claims, statements)
WITH k AS (SELECT c.id AS claim, s.id AS statement, s.official_id AS official,
            date_trunc('month', s.date::timestamp)::date AS month, s.venue_id AS venue
        FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
        WHERE s.status = 'published' AND s.id IN (SELECT st.id FROM claim_tally_dirty d
        CROSS JOIN statements_statement st WHERE st.official_id = d.official_id
            AND st.date >= d.month AND st.date < (d.month + interval '1 month')::date)),
t AS (SELECT k.claim, k.statement, k.official, k.month, ct.topic_id AS topic
        FROM k k JOIN statements_claim_topics ct ON ct.claim_id = k.claim),
u AS (SELECT k.claim, k.statement, k.official, k.month, k.venue AS outlet
            FROM k k WHERE k.venue IS NOT NULL
        UNION SELECT k.claim, k.statement, k.official, k.month, r.outlet_id
            FROM k k JOIN statements_report r ON r.statement_id = k.statement
            WHERE r.outlet_id IS NOT NULL)
SELECT k.official, k.month, CAST(NULL AS bigint), CAST(NULL AS bigint), count(*),
            count(DISTINCT k.statement)
        FROM k k GROUP BY k.official, k.month
    UNION ALL SELECT t.official, t.month, t.topic, NULL, count(*), count(DISTINCT t.statement)
        FROM t t GROUP BY t.official, t.month, t.topic
    UNION ALL SELECT u.official, u.month, NULL, u.outlet, count(*), count(DISTINCT u.statement)
        FROM u u GROUP BY u.official, u.month, u.outlet
    UNION ALL SELECT t.official, t.month, t.topic, u.outlet, count(*),
            count(DISTINCT t.statement)
        FROM t t JOIN u u ON u.claim = t.claim
        GROUP BY t.official, t.month, t.topic, u.outlet;
        INSERT INTO statements_claimtallysum (part, record, month, claims, statements)
    SELECT part, record, min(month), sum(claims), sum(statements)
    FROM (SELECT 0 AS part, official_id AS record, CAST(NULL AS date) AS month, claims, statements
        FROM statements_claimtally WHERE ((official_id, month) IN (SELECT official_id, month FROM claim_tally_dirty)) AND topic_id IS NULL AND outlet_id IS NULL
        UNION ALL SELECT 1 AS part, topic_id AS record, CAST(NULL AS date) AS month, claims, statements
        FROM statements_claimtally WHERE ((official_id, month) IN (SELECT official_id, month FROM claim_tally_dirty)) AND topic_id IS NOT NULL AND outlet_id IS NULL
        UNION ALL SELECT 2 AS part, outlet_id AS record, CAST(NULL AS date) AS month, claims, statements
        FROM statements_claimtally WHERE ((official_id, month) IN (SELECT official_id, month FROM claim_tally_dirty)) AND topic_id IS NULL AND outlet_id IS NOT NULL
        UNION ALL SELECT 3 AS part, (extract(year FROM month)::bigint * 12 + extract(month FROM month)::bigint - 1) AS record, month, claims, statements
        FROM statements_claimtally WHERE ((official_id, month) IN (SELECT official_id, month FROM claim_tally_dirty)) AND topic_id IS NULL AND outlet_id IS NULL) AS p WHERE true
    GROUP BY part, record ORDER BY part, record
    ON CONFLICT (part, record) DO UPDATE SET
        claims = statements_claimtallysum.claims + excluded.claims,
        statements = statements_claimtallysum.statements + excluded.statements;
        DELETE FROM claim_facets WHERE (official_id, month) IN (SELECT official_id, month FROM claim_tally_dirty) AND claim_id NOT IN
            (SELECT c.id FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = 'published' AND s.id IN (SELECT st.id FROM claim_tally_dirty d
        CROSS JOIN statements_statement st WHERE st.official_id = d.official_id
            AND st.date >= d.month AND st.date < (d.month + interval '1 month')::date));
        INSERT INTO claim_facets (claim_id, official_id, month, keys, words)
    SELECT c.id, s.official_id, date_trunc('month', s.date::timestamp)::date, ARRAY[((1::bigint << 56) | s.official_id), ((4::bigint << 56) | ((extract(year FROM s.date)::bigint * 12 + extract(month FROM s.date)::bigint - 1) << 40) | s.id)]
        || ARRAY(SELECT ((2::bigint << 56) | ct.topic_id) FROM statements_claim_topics ct
            WHERE ct.claim_id = c.id)
        || ARRAY(SELECT ((3::bigint << 56) | o.outlet) FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL), strip(coalesce((SELECT document FROM claim_search WHERE claim_id = c.id), ''))
    FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = 'published' AND s.id IN (SELECT st.id FROM claim_tally_dirty d
        CROSS JOIN statements_statement st WHERE st.official_id = d.official_id
            AND st.date >= d.month AND st.date < (d.month + interval '1 month')::date)
    ON CONFLICT (claim_id) DO UPDATE SET official_id = excluded.official_id, month = excluded.month, keys = excluded.keys, words = excluded.words WHERE (claim_facets.official_id, claim_facets.month, claim_facets.keys, claim_facets.words)
        IS DISTINCT FROM (excluded.official_id, excluded.month, excluded.keys, excluded.words);
        DELETE FROM claim_tally_dirty;
    END $function$
""",
    """CREATE OR REPLACE FUNCTION claim_tally_mark_statement(marked bigint)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
    DECLARE
        found record;
    BEGIN
        SELECT official_id, date, status INTO found FROM statements_statement WHERE id = marked;
        IF found.status = 'published' THEN
            INSERT INTO claim_tally_dirty (official_id, month)
            VALUES (found.official_id, date_trunc('month', found.date::timestamp)::date) ON CONFLICT DO NOTHING;
        END IF;
    END $function$
""",
    """CREATE OR REPLACE FUNCTION claim_tally_refresh()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
    BEGIN
        IF NOT coalesce(current_setting('claim_tally.paused', true) = 'on', false) AND EXISTS (SELECT 1 FROM claim_tally_dirty) THEN
            PERFORM claim_tally_flush();
        END IF;
    END $function$
""",
    """CREATE OR REPLACE FUNCTION claim_tally_statement_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
        IF tg_op IN ('UPDATE', 'DELETE') THEN
            INSERT INTO claim_tally_dirty (official_id, month)
            VALUES (old.official_id, date_trunc('month', old.date::timestamp)::date) ON CONFLICT DO NOTHING;
        END IF;
        IF tg_op IN ('INSERT', 'UPDATE') THEN
            INSERT INTO claim_tally_dirty (official_id, month)
            VALUES (new.official_id, date_trunc('month', new.date::timestamp)::date) ON CONFLICT DO NOTHING;
        END IF;
        
        RETURN NULL;
    END $function$
""",
    """CREATE OR REPLACE FUNCTION claim_tally_statement_done()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
        PERFORM claim_tally_refresh();
        RETURN NULL;
    END $function$
""",
    """CREATE OR REPLACE FUNCTION claim_tally_topic_link_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
        IF tg_op IN ('UPDATE', 'DELETE') THEN
            PERFORM claim_tally_mark_statement((SELECT statement_id FROM statements_claim WHERE id = old.claim_id));
        END IF;
        IF tg_op IN ('INSERT', 'UPDATE') THEN
            PERFORM claim_tally_mark_statement((SELECT statement_id FROM statements_claim WHERE id = new.claim_id));
        END IF;
        
        RETURN NULL;
    END $function$
""",
    """CREATE OR REPLACE FUNCTION claims_emptied()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
        TRUNCATE claim_facets, claim_search;
        RETURN NULL;
    END $function$
""",
    counting_turn.COUNTING_TURN,
    """CREATE OR REPLACE FUNCTION data_version_replace()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
        UPDATE data_version SET token = (random() * 9e18)::bigint;
        RETURN NULL;
    END $function$
""",
    """CREATE OR REPLACE FUNCTION evidence_fits_report()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM statements_report r
    JOIN statements_claim c ON c.statement_id = r.statement_id
    WHERE r.id = new.report_id AND c.id = new.claim_id
        AND new.span_end <= length(r.source_text)
        AND (new.quote = '' OR new.quote = CASE WHEN new.span_end > new.span_start
            THEN substr(r.source_text, new.span_start + 1, new.span_end - new.span_start) END)) THEN
            RAISE EXCEPTION 'evidence must be a span of a report of its claim''s statement, with the report''s exact words'
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN new;
    END $function$
""",
    """CREATE OR REPLACE FUNCTION report_text_kept()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
        IF new.source_text <> old.source_text
            AND EXISTS (SELECT 1 FROM statements_evidence WHERE report_id = old.id) THEN
            RAISE EXCEPTION 'the text of a report cannot change once evidence points into it' USING ERRCODE = 'check_violation';
        END IF;
        RETURN new;
    END $function$
""",
    'CREATE TRIGGER claim_search_claim AFTER INSERT ON statements_claim REFERENCING NEW TABLE AS new_claims FOR EACH STATEMENT EXECUTE FUNCTION claim_search_claims_added()',
    'CREATE TRIGGER claim_search_claim_delete AFTER DELETE ON statements_claim FOR EACH ROW EXECUTE FUNCTION claim_search_claim_deleted()',
    'CREATE TRIGGER claim_search_claim_update AFTER UPDATE OF summary, statement_id ON statements_claim FOR EACH ROW WHEN (((old.summary IS DISTINCT FROM new.summary) OR (old.statement_id IS DISTINCT FROM new.statement_id))) EXECUTE FUNCTION claim_search_claim_changed()',
    'CREATE TRIGGER claim_tally_claim_insert_delete AFTER INSERT OR DELETE ON statements_claim FOR EACH ROW EXECUTE FUNCTION claim_tally_claim_or_report_changed()',
    'CREATE TRIGGER claim_tally_claim_update AFTER UPDATE OF statement_id ON statements_claim FOR EACH ROW WHEN ((old.statement_id IS DISTINCT FROM new.statement_id)) EXECUTE FUNCTION claim_tally_claim_or_report_changed()',
    'CREATE TRIGGER claim_tally_done AFTER INSERT OR DELETE OR UPDATE ON statements_claim FOR EACH STATEMENT EXECUTE FUNCTION claim_tally_statement_done()',
    'CREATE TRIGGER claims_emptied AFTER TRUNCATE ON statements_claim FOR EACH STATEMENT EXECUTE FUNCTION claims_emptied()',
    *postgresql_version_triggers(*sorted(VERSIONED_FIRST + VERSIONED_LATER)),
    'CREATE TRIGGER claim_tally_done AFTER INSERT OR DELETE OR UPDATE ON statements_claim_topics FOR EACH STATEMENT EXECUTE FUNCTION claim_tally_statement_done()',
    'CREATE TRIGGER claim_tally_topic_link_insert_delete AFTER INSERT OR DELETE ON statements_claim_topics FOR EACH ROW EXECUTE FUNCTION claim_tally_topic_link_changed()',
    'CREATE TRIGGER claim_tally_topic_link_update AFTER UPDATE ON statements_claim_topics FOR EACH ROW WHEN (((old.claim_id IS DISTINCT FROM new.claim_id) OR (old.topic_id IS DISTINCT FROM new.topic_id))) EXECUTE FUNCTION claim_tally_topic_link_changed()',
    'CREATE TRIGGER claim_search_evidence_delete AFTER DELETE ON statements_evidence REFERENCING OLD TABLE AS old_evidence FOR EACH STATEMENT EXECUTE FUNCTION claim_search_evidence_rows_changed()',
    'CREATE TRIGGER claim_search_evidence_insert AFTER INSERT ON statements_evidence REFERENCING NEW TABLE AS new_evidence FOR EACH STATEMENT EXECUTE FUNCTION claim_search_evidence_rows_changed()',
    'CREATE TRIGGER claim_search_evidence_update AFTER UPDATE ON statements_evidence REFERENCING OLD TABLE AS old_evidence NEW TABLE AS new_evidence FOR EACH STATEMENT EXECUTE FUNCTION claim_search_evidence_rows_changed()',
    'CREATE TRIGGER evidence_fits_report BEFORE INSERT OR UPDATE ON statements_evidence FOR EACH ROW EXECUTE FUNCTION evidence_fits_report()',
    'CREATE TRIGGER claim_search_report AFTER UPDATE OF headline_as_printed, source_text ON statements_report FOR EACH ROW EXECUTE FUNCTION claim_search_report_changed()',
    'CREATE TRIGGER claim_search_report_added_or_removed AFTER INSERT OR DELETE ON statements_report FOR EACH ROW EXECUTE FUNCTION claim_search_report_changed()',
    'CREATE TRIGGER claim_tally_done AFTER INSERT OR DELETE OR UPDATE ON statements_report FOR EACH STATEMENT EXECUTE FUNCTION claim_tally_statement_done()',
    'CREATE TRIGGER claim_tally_report_delete AFTER DELETE ON statements_report FOR EACH ROW WHEN ((old.outlet_id IS NOT NULL)) EXECUTE FUNCTION claim_tally_claim_or_report_changed()',
    'CREATE TRIGGER claim_tally_report_insert AFTER INSERT ON statements_report FOR EACH ROW WHEN ((new.outlet_id IS NOT NULL)) EXECUTE FUNCTION claim_tally_claim_or_report_changed()',
    'CREATE TRIGGER claim_tally_report_update AFTER UPDATE OF outlet_id, statement_id ON statements_report FOR EACH ROW WHEN (((old.outlet_id IS DISTINCT FROM new.outlet_id) OR (old.statement_id IS DISTINCT FROM new.statement_id))) EXECUTE FUNCTION claim_tally_claim_or_report_changed()',
    'CREATE TRIGGER report_text_kept BEFORE UPDATE OF source_text ON statements_report FOR EACH ROW EXECUTE FUNCTION report_text_kept()',
    'CREATE TRIGGER claim_search_statement AFTER UPDATE OF headline ON statements_statement FOR EACH ROW EXECUTE FUNCTION claim_search_statement_changed()',
    'CREATE TRIGGER claim_tally_done AFTER INSERT OR DELETE OR UPDATE ON statements_statement FOR EACH STATEMENT EXECUTE FUNCTION claim_tally_statement_done()',
    "CREATE TRIGGER claim_tally_statement_delete AFTER DELETE ON statements_statement FOR EACH ROW WHEN (((old.status)::text = 'published'::text)) EXECUTE FUNCTION claim_tally_statement_changed()",
    "CREATE TRIGGER claim_tally_statement_insert AFTER INSERT ON statements_statement FOR EACH ROW WHEN (((new.status)::text = 'published'::text)) EXECUTE FUNCTION claim_tally_statement_changed()",
    "CREATE TRIGGER claim_tally_statement_update AFTER UPDATE OF status, official_id, date, venue_id ON statements_statement FOR EACH ROW WHEN ((old.status = 'published' OR new.status = 'published') AND (old.status, old.official_id, old.date, old.venue_id) IS DISTINCT FROM (new.status, new.official_id, new.date, new.venue_id)) EXECUTE FUNCTION claim_tally_statement_changed()",
    *search_prefix_counts.FORWARD,
    'ALTER TABLE statements_statement RENAME CONSTRAINT statements_statement_uid_key TO statements_statement_uid_cfb3d368_uniq',
    'INSERT INTO data_version (id, token) VALUES (1, (random() * 9e18)::bigint)',
]


SQLITE_DROPPED = [
    *sqlite_version_triggers_dropped(*VERSIONED_FIRST, *VERSIONED_LATER),
    'DROP TRIGGER claim_search_insert',
    'DROP TRIGGER claim_search_delete',
    'DROP TRIGGER claim_search_statement_update',
    'DROP TRIGGER claim_search_report_update',
    'DROP TRIGGER claim_search_report_insert',
    'DROP TRIGGER claim_search_report_delete',
    'DROP TRIGGER claim_search_evidence_insert',
    'DROP TRIGGER claim_search_evidence_update',
    'DROP TRIGGER claim_search_evidence_delete',
    'DROP TRIGGER evidence_fits_report_insert',
    'DROP TRIGGER evidence_fits_report_update',
    'DROP TRIGGER report_text_kept',
    'DROP TRIGGER claim_tally_statement_insert',
    'DROP TRIGGER claim_tally_statement_update',
    'DROP TRIGGER claim_tally_statement_delete',
    'DROP TRIGGER claim_tally_claim_insert',
    'DROP TRIGGER claim_tally_claim_update',
    'DROP TRIGGER claim_tally_claim_delete',
    'DROP TRIGGER claim_tally_topic_link_insert',
    'DROP TRIGGER claim_tally_topic_link_update',
    'DROP TRIGGER claim_tally_topic_link_delete',
    'DROP TRIGGER claim_tally_report_insert',
    'DROP TRIGGER claim_tally_report_update',
    'DROP TRIGGER claim_tally_report_delete',
    'DROP TRIGGER claim_facets_claim_insert',
    'DROP TRIGGER claim_facets_claim_update',
    'DROP TRIGGER claim_facets_claim_delete',
    'DROP TRIGGER claim_facets_topic_link_insert',
    'DROP TRIGGER claim_facets_topic_link_update',
    'DROP TRIGGER claim_facets_topic_link_delete',
    'DROP TRIGGER claim_facets_statement_update',
    'DROP TRIGGER claim_facets_statement_delete',
    'DROP TRIGGER claim_facets_report_insert',
    'DROP TRIGGER claim_facets_report_update',
    'DROP TRIGGER claim_facets_report_delete',
    'DROP TRIGGER claim_tally_recount',
    'DROP TRIGGER claim_tally_sums_emptied',
    'DROP TRIGGER claim_search_update',
    'DROP INDEX claim_topics_topic_claim',
    'DROP INDEX claim_facets_cell',
    'DROP TABLE claim_search',
    'DROP TABLE data_version',
    'DROP TABLE claim_tally_dirty',
    'DROP TABLE claim_tally_switch',
    'DROP TABLE claim_facets',
]


POSTGRESQL_DROPPED = [
    *search_prefix_counts.BACKWARD,
    'DROP FUNCTION claim_search_claim_changed() CASCADE',
    'DROP FUNCTION claim_search_claim_deleted() CASCADE',
    'DROP FUNCTION claim_search_claims_added() CASCADE',
    'DROP FUNCTION claim_search_evidence_rows_changed() CASCADE',
    'DROP FUNCTION claim_search_matches(text,bigint,bigint) CASCADE',
    'DROP FUNCTION claim_search_refresh(bigint[]) CASCADE',
    'DROP FUNCTION claim_search_report_changed() CASCADE',
    'DROP FUNCTION claim_search_statement_changed() CASCADE',
    'DROP FUNCTION claim_tally_claim_or_report_changed() CASCADE',
    'DROP FUNCTION claim_tally_flush() CASCADE',
    'DROP FUNCTION claim_tally_mark_statement(bigint) CASCADE',
    'DROP FUNCTION claim_tally_refresh() CASCADE',
    'DROP FUNCTION claim_tally_statement_changed() CASCADE',
    'DROP FUNCTION claim_tally_statement_done() CASCADE',
    'DROP FUNCTION claim_tally_topic_link_changed() CASCADE',
    'DROP FUNCTION claims_emptied() CASCADE',
    'DROP FUNCTION counting_turn(bigint,text) CASCADE',
    'DROP FUNCTION data_version_replace() CASCADE',
    'DROP FUNCTION evidence_fits_report() CASCADE',
    'DROP FUNCTION report_text_kept() CASCADE',
    'DROP INDEX claim_topics_topic_claim',
    'DROP TABLE claim_facets CASCADE',
    'DROP TABLE claim_search CASCADE',
    'DROP TABLE claim_tally_dirty CASCADE',
    'DROP TABLE data_version CASCADE',
]
