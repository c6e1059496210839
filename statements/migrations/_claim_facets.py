"""SQL for migration 0021: on PostgreSQL, each published claim's facets in one narrow row, kept
with the claim tally, so that the counts of a search are grouped from one table in PostgreSQL's
parallel workers (statements/public/keyed_counts.py).

A row holds a claim's official and month (the claim tally's cell) and its keys: one number per
thing a facet counts it under, the part in the top byte and the record below it.

- 1: its official;
- 2: each of its topics;
- 3: each outlet that was its statement's venue or reported it, once;
- 4: its statement, with the month: the month's claims are the sum over its statements, and
  its statements their number. Month: year × 12 + month − 1, 16 bits from bit 40; the
  statement's key below.

The rows are written where the tally is (statements/migrations/_claim_tally_postgres.py): every
write that can move a count marks its cell, and claim_tally_flush() now also writes the marked
cells' rows again. A claim that moved out of a cell goes with the cell's old rows, which are
found by the official and month they were written with.

TRUNCATE fires no row trigger: the claims emptied so (Django's test flush does) now empty their
facet keys and their rows of the full-text index too, which were left behind before, and still
matched their words: the trial of a search term counted them (statements/public/common_terms.py).
"""

from statements.migrations._claim_tally import MARKED_CELLS, MONTH_OF, PUBLISHED, flush, marked
from statements.migrations._claim_tally_postgres import flush_function

PART_SHIFT = 56
MONTH_SHIFT = 40
PARTS = {"officials": 1, "topic": 2, "outlet": 3, "statements": 4}

TABLE = """CREATE TABLE claim_facets (
    claim_id bigint PRIMARY KEY,
    official_id bigint NOT NULL,
    month date NOT NULL,
    keys bigint[] NOT NULL)"""
CELL_INDEX = "CREATE INDEX claim_facets_cell ON claim_facets (official_id, month)"


def key(part: str, value: str) -> str:
    return f"(({PARTS[part]}::bigint << {PART_SHIFT}) | {value})"


MONTH_NUMBER = "(extract(year FROM s.date)::bigint * 12 + extract(month FROM s.date)::bigint - 1)"
STATEMENT_KEY = key("statements", f"({MONTH_NUMBER} << {MONTH_SHIFT}) | s.id")


CLAIM_KEYS = f"""ARRAY[{key("officials", "s.official_id")}, {STATEMENT_KEY}]
        || ARRAY(SELECT {key("topic", "ct.topic_id")} FROM statements_claim_topics ct
            WHERE ct.claim_id = c.id)
        || ARRAY(SELECT {key("outlet", "o.outlet")} FROM (
            SELECT s.venue_id AS outlet
            UNION SELECT r.outlet_id FROM statements_report r WHERE r.statement_id = s.id
        ) o WHERE o.outlet IS NOT NULL)"""
# A claim's words, for the counts of a search (migration 0022, _claim_facet_words.py).
CLAIM_WORDS = "strip(coalesce((SELECT document FROM claim_search WHERE claim_id = c.id), ''))"


def written(statements_where: str, with_words: bool = False, only_changed: bool = False) -> str:
    """The rows of the published claims of the statements `where` selects (naming it s); with
    `only_changed` (migration 0025), a row already there is written only if it changed."""
    values = {
        "claim_id": "c.id",
        "official_id": "s.official_id",
        "month": MONTH_OF["postgresql"]("s.date"),
        "keys": CLAIM_KEYS,
        **({"words": CLAIM_WORDS} if with_words else {}),
    }
    columns = list(values)[1:]
    kept = ", ".join(f"{column} = excluded.{column}" for column in columns)
    changed = f"""WHERE ({", ".join(f"claim_facets.{column}" for column in columns)})
        IS DISTINCT FROM ({", ".join(f"excluded.{column}" for column in columns)})"""
    return f"""INSERT INTO claim_facets ({", ".join(values)})
    SELECT {", ".join(values.values())}
    {published_claims(statements_where)}
    ON CONFLICT (claim_id) DO UPDATE SET {kept} {changed if only_changed else ""}"""


def published_claims(statements_where: str) -> str:
    return f"""FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
    WHERE s.status = {PUBLISHED} AND {statements_where}"""


# Before the marks are cleared (the last statement of the tally's flush). Since migration 0025
# only the rows that changed are written: rewriting a cell of 200 claims, words and all, for
# each claim saved into it took 80 ms a claim.
def flushed(with_words: bool = False, only_changed: bool = False) -> list[str]:
    if not only_changed:
        return [
            f"DELETE FROM claim_facets WHERE {MARKED_CELLS}",
            written(marked("postgresql"), with_words),
        ]
    return [
        f"""DELETE FROM claim_facets WHERE {MARKED_CELLS} AND claim_id NOT IN
            (SELECT c.id {published_claims(marked("postgresql"))})""",
        written(marked("postgresql"), with_words, only_changed=True),
    ]


def rebuilt(with_words: bool = False) -> list[str]:
    return ["TRUNCATE claim_facets", written("TRUE", with_words), "ANALYZE claim_facets"]


def flush_with_facets(with_words: bool = False, only_changed: bool = False) -> list[str]:
    *counted, cleared = flush("postgresql")
    return [*counted, *flushed(with_words, only_changed), cleared]


FORWARD = [
    TABLE,
    CELL_INDEX,
    """CREATE FUNCTION claims_emptied() RETURNS trigger AS $$
    BEGIN
        TRUNCATE claim_facets, claim_search;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER claims_emptied AFTER TRUNCATE ON statements_claim
        FOR EACH STATEMENT EXECUTE FUNCTION claims_emptied()""",
    flush_function(flush_with_facets(), create="CREATE OR REPLACE"),
    *rebuilt(),
]
BACKWARD = [
    flush_function(flush("postgresql"), create="CREATE OR REPLACE"),
    "DROP TRIGGER claims_emptied ON statements_claim",
    "DROP FUNCTION claims_emptied()",
    "DROP TABLE claim_facets",
]
