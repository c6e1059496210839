"""On PostgreSQL, the exact count of a search term's matches near the bound on common terms
(migration 0019) gets the memory its bitmap needs. With the server's default `work_mem` of
4 MB, the bitmap of a term's 240,000 matches at a million claims went lossy, and 300,000 rows
were read again to check them: 311–413 ms on the term's first search. With 32 MB it stays exact,
which it does up to several million claims: 171–190 ms."""

from django.db import migrations

from statements.migrations._per_database import per_database

FUNCTION = "claim_search_matches(text, bigint, bigint)"


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0022_claim_facet_words"),
    ]

    operations = [
        per_database(
            {"sqlite": [], "postgresql": [f"ALTER FUNCTION {FUNCTION} SET work_mem = '32MB'"]},
            {"sqlite": [], "postgresql": [f"ALTER FUNCTION {FUNCTION} RESET work_mem"]},
        ),
    ]
