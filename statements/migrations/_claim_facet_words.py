"""SQL for migration 0022: on PostgreSQL, each claim's facet row (migration 0021) also holds the
claim's words, its full-text document stripped of positions, under an index of their own.

The counts of a search of words and prefixes are then grouped from the facet rows that match,
one narrow table, instead of finding the matches in the wider search table and joining them to
their keys (statements/public/keyed_counts.py). A phrase needs the words' positions, so it is
still matched in the search table.

The words are written with the rest of the row, from the search table, wherever the tally's
flush writes rows; and again by claim_search_refresh() when a claim's document changes and its
row is already there, but only if its words changed.
"""

from statements.migrations._claim_facets import flush_with_facets, rebuilt
from statements.migrations._claim_tally_postgres import flush_function
from statements.migrations._report_search import search_refresh_function

WORDS_KEPT = """UPDATE claim_facets f SET words = strip(s.document) FROM claim_search s
        WHERE s.claim_id = f.claim_id AND f.claim_id = ANY(claim_ids)
            AND f.words IS DISTINCT FROM strip(s.document);"""

FORWARD = [
    "ALTER TABLE claim_facets ADD COLUMN words tsvector NOT NULL DEFAULT ''",
    flush_function(flush_with_facets(with_words=True), create="CREATE OR REPLACE"),
    search_refresh_function(then=WORDS_KEPT),
    *rebuilt(with_words=True),
    "CREATE INDEX claim_facets_words ON claim_facets USING gin (words)",
]
BACKWARD = [
    search_refresh_function(),
    flush_function(flush_with_facets(), create="CREATE OR REPLACE"),
    "ALTER TABLE claim_facets DROP COLUMN words",
]
