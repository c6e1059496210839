"""On SQLite, each published claim's facets in one narrow row, kept with the claim tally and
filled from the data already stored (statements/migrations/_claim_facets_sqlite.py)."""

from django.db import migrations

from statements.migrations import _claim_facets_sqlite as facets
from statements.migrations._per_database import per_database


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0023_search_term_memory"),
    ]

    operations = [
        per_database(
            {"sqlite": facets.FORWARD, "postgresql": []},
            {"sqlite": facets.BACKWARD, "postgresql": []},
        ),
    ]
