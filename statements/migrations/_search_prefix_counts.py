"""SQL for migration 0029: on PostgreSQL, the facet keys of the claims matching each common
prefix, counted and kept on write, so that the counts of a search for one common word are read,
not grouped from a fifth of a million claims (statements/public/keyed_counts.py).

`search_prefix` lists the prefixes kept (statements/ops/search_prefixes.py chooses them: those
whose matches take longer to count than to read). `search_prefix_counts` holds, for each, the
matching published claims per facet key (migration 0021) — per official, topic and outlet — and
per month, with the month's statements that have a matching claim: a few hundred rows a prefix.

The claims' facet rows are the one place every change of a claim's words or keys passes
through, so a statement trigger on them adds what each write brought and takes away what it
removed: a claim matches a prefix when one of its words begins with it, as a text query's
prefix (`'work':*`) matches; a statement counts in its month while any of its claims matches,
which the trigger looks up among the statement's claims for each statement a write touched.
Emptied facet rows (TRUNCATE) empty the counts. A key whose count falls to zero is removed.
"""

from statements.migrations._claim_facets import MONTH_SHIFT, PART_SHIFT, PARTS

SHORTEST = 3  # as the search's shortest prefix (statements/public/search.py)

TABLES = [
    "CREATE TABLE search_prefix (prefix text PRIMARY KEY)",
    """CREATE TABLE search_prefix_counts (
        prefix text NOT NULL REFERENCES search_prefix ON DELETE CASCADE,
        key bigint NOT NULL,
        claims integer NOT NULL,
        statements integer NOT NULL,
        PRIMARY KEY (prefix, key))""",
    "CREATE INDEX search_prefix_counts_zero ON search_prefix_counts (prefix) WHERE claims = 0",
]


def month_key(key: str) -> str:
    """A statement's key (migration 0021) without its statement: the key of its month."""
    return f"(({key} >> {MONTH_SHIFT}) << {MONTH_SHIFT})"


def is_statement(key: str) -> str:
    return f"{key} >> {PART_SHIFT} = {PARTS['statements']}"


def folded(key: str) -> str:
    """The key a count is kept under: a statement's is its month's."""
    return f"CASE WHEN {is_statement(key)} THEN {month_key(key)} ELSE {key} END"


# Each facet row's kept prefixes: those its words begin with, each once.
ROW_PREFIXES = f"""SELECT DISTINCT kept.prefix
    FROM unnest(tsvector_to_array(changed.words)) word
    CROSS JOIN generate_series({SHORTEST}, length(word)) letters
    JOIN search_prefix kept ON kept.prefix = left(word, letters)"""
# How many claims of a statement, in the month of its key, match a prefix now.
STATEMENT_MATCHES = f"""SELECT count(*) AS claims
    FROM statements_claim c JOIN claim_facets f ON f.claim_id = c.id
    WHERE c.statement_id = (moved.key & ((1::bigint << {MONTH_SHIFT}) - 1))
        AND moved.key = ANY(f.keys)
        AND EXISTS (SELECT 1 FROM unnest(tsvector_to_array(f.words)) word
            WHERE starts_with(word, moved.prefix))"""


def counted(rows: str) -> str:
    """Add what the changed facet rows `rows` selects (sign, words, keys) brought or took away:
    the claims per prefix and key, and the statements per prefix and month, a statement counting
    once while any of its claims matches (as many as before the change, less those taken away)."""
    return f"""WITH changed AS ({rows}),
    pairs AS (
        SELECT prefixes.prefix, key, changed.sign FROM changed
        CROSS JOIN LATERAL ({ROW_PREFIXES}) prefixes
        CROSS JOIN LATERAL unnest(changed.keys) key
    ),
    claim_changes AS (
        SELECT prefix, {folded("key")} AS key, sum(sign) AS claims, 0 AS statements
        FROM pairs GROUP BY 1, 2
    ),
    statement_changes AS (
        SELECT moved.prefix, {month_key("moved.key")} AS key, 0 AS claims,
            (now.claims > 0)::int - (now.claims - moved.claims > 0)::int AS statements
        FROM (
            SELECT prefix, key, sum(sign) AS claims FROM pairs
            WHERE {is_statement("key")} GROUP BY 1, 2
        ) moved
        CROSS JOIN LATERAL ({STATEMENT_MATCHES}) now
    )
    INSERT INTO search_prefix_counts AS kept (prefix, key, claims, statements)
    SELECT prefix, key, sum(claims), sum(statements) FROM (
        SELECT * FROM claim_changes UNION ALL SELECT * FROM statement_changes
    ) changes GROUP BY 1, 2 HAVING sum(claims) <> 0 OR sum(statements) <> 0
    ON CONFLICT (prefix, key) DO UPDATE SET claims = kept.claims + excluded.claims,
        statements = kept.statements + excluded.statements;
    DELETE FROM search_prefix_counts WHERE claims = 0;"""


OLD_ROWS = "SELECT -1 AS sign, words, keys FROM old_facets"
NEW_ROWS = "SELECT 1 AS sign, words, keys FROM new_facets"
# A write of more facet rows than this (the tally's rebuild after a move writes every row) has
# each kept prefix counted again from its matches instead: through the rows, a million claims
# would make some six hundred million (prefix, key) pairs. A session may set it lower.
RECOUNT_PAST = """coalesce(
    nullif(current_setting('search_prefix_counts.recount_past', true), '')::bigint, 50000)"""


def backfill(prefix: str, query: str) -> str:
    """A prefix's counts from the facet rows as they stand, as the trigger would have kept them:
    the claims whose words match the prefix as a text query does (`'work':*`), per key, and
    their statements per month."""
    return f"""INSERT INTO search_prefix_counts (prefix, key, claims, statements)
    SELECT {prefix}, {folded("key")}, sum(claims), count(*) FILTER (WHERE {is_statement("key")})
    FROM (
        SELECT key, count(*) AS claims FROM (
            SELECT unnest(keys) AS key FROM claim_facets
            WHERE words @@ to_tsquery('simple', {query})
        ) matched GROUP BY key
    ) per_key GROUP BY 2"""


# The text query the search sends for a prefix, as statements/ops/search_prefixes.py writes it.
QUERY_OF_KEPT_PREFIX = "'''' || replace(kept_prefix, '''', '''''') || ''':*'"


def counted_or_recounted(rows: str, tables: list[str]) -> str:
    changed = " + ".join(f"(SELECT count(*) FROM {table})" for table in tables)
    return f"""IF {changed} > {RECOUNT_PAST} THEN
            PERFORM search_prefix_counts_recount();
        ELSE
            {counted(rows)}
        END IF;"""


# A transition table is read only in the branch of the events that have it.
FUNCTIONS = [
    f"""CREATE FUNCTION search_prefix_counts_recount() RETURNS void AS $$
    DECLARE
        kept_prefix text;
    BEGIN
        DELETE FROM search_prefix_counts;
        FOR kept_prefix IN SELECT prefix FROM search_prefix LOOP
            {backfill("kept_prefix", QUERY_OF_KEPT_PREFIX)};
        END LOOP;
    END $$ LANGUAGE plpgsql""",
    f"""CREATE FUNCTION search_prefix_counts_changed() RETURNS trigger AS $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM search_prefix) THEN
            RETURN NULL;
        END IF;
        IF tg_op = 'INSERT' THEN
            {counted_or_recounted(NEW_ROWS, ["new_facets"])}
        ELSIF tg_op = 'DELETE' THEN
            {counted_or_recounted(OLD_ROWS, ["old_facets"])}
        ELSE
            {counted_or_recounted(f"{OLD_ROWS} UNION ALL {NEW_ROWS}", ["old_facets", "new_facets"])}
        END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE FUNCTION search_prefix_counts_emptied() RETURNS trigger AS $$
    BEGIN
        TRUNCATE search_prefix_counts;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
]
EVENTS = {
    "insert": "REFERENCING NEW TABLE AS new_facets",
    "update": "REFERENCING OLD TABLE AS old_facets NEW TABLE AS new_facets",
    "delete": "REFERENCING OLD TABLE AS old_facets",
}
TRIGGERS = [
    *(
        f"""CREATE TRIGGER search_prefix_counts_{event} AFTER {event.upper()} ON claim_facets
            {tables} FOR EACH STATEMENT EXECUTE FUNCTION search_prefix_counts_changed()"""
        for event, tables in EVENTS.items()
    ),
    """CREATE TRIGGER search_prefix_counts_truncate AFTER TRUNCATE ON claim_facets
        FOR EACH STATEMENT EXECUTE FUNCTION search_prefix_counts_emptied()""",
]

FORWARD = [*TABLES, *FUNCTIONS, *TRIGGERS]
BACKWARD = [
    *(f"DROP TRIGGER search_prefix_counts_{event} ON claim_facets" for event in EVENTS),
    "DROP TRIGGER search_prefix_counts_truncate ON claim_facets",
    "DROP FUNCTION search_prefix_counts_changed()",
    "DROP FUNCTION search_prefix_counts_recount()",
    "DROP FUNCTION search_prefix_counts_emptied()",
    "DROP TABLE search_prefix_counts",
    "DROP TABLE search_prefix",
]
