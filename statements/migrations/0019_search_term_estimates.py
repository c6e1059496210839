"""On PostgreSQL, a search term's matches are taken from the planner's statistics when they are
more than a tenth away from the bound on common terms (statements/public/common_terms.py), and
counted only near it. Counting them exactly reads every matching row of the index table to check
it: at a million claims, 70,000 pages and 350–750 ms for a word in a sixth of the claims, on
every new word. The function is volatile: PostgreSQL allows EXPLAIN in no other kind."""

from importlib import import_module

from django.db import migrations

from statements.migrations._per_database import per_database

ESTIMATED_MATCHES = """CREATE FUNCTION claim_search_matches(
    query text, most bigint, estimated_past bigint
) RETURNS bigint AS $$
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
END $$ LANGUAGE plpgsql VOLATILE SET enable_seqscan = off"""

# The function as migration 0018 made it, for going back.
COUNTED_MATCHES = import_module("statements.migrations.0018_search_term_matches").TERM_MATCHES


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0018_search_term_matches"),
    ]

    operations = [
        per_database(
            {
                "sqlite": [],
                "postgresql": [
                    "DROP FUNCTION claim_search_matches(text, bigint)",
                    ESTIMATED_MATCHES,
                ],
            },
            {
                "sqlite": [],
                "postgresql": [
                    "DROP FUNCTION claim_search_matches(text, bigint, bigint)",
                    COUNTED_MATCHES,
                ],
            },
        ),
    ]
