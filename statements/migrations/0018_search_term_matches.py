"""On PostgreSQL, a function that counts a search term's matches up to a bound through the
full-text index (statements/public/common_terms.py): asked with a bound it cannot know when
planning, the planner chose to read every row of the index table, even for a rare word."""

from django.db import migrations

from statements.migrations._per_database import per_database

TERM_MATCHES = """CREATE FUNCTION claim_search_matches(query text, most bigint) RETURNS bigint AS $$
    SELECT COUNT(*) FROM (
        SELECT 1 FROM claim_search WHERE document @@ to_tsquery('simple', query) LIMIT most
    ) AS found
$$ LANGUAGE sql STABLE SET enable_seqscan = off"""


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0017_report_statement_outlet"),
    ]

    operations = [
        per_database(
            {"sqlite": [], "postgresql": [TERM_MATCHES]},
            {"sqlite": [], "postgresql": ["DROP FUNCTION claim_search_matches(text, bigint)"]},
        ),
    ]
