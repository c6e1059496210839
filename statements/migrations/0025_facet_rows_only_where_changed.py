"""Facet rows are written only where a write changed them: on SQLite the rows of the claims it
touches, not its whole cell; on PostgreSQL the tally's flush leaves the rows of the cell's other
claims as they were (statements/migrations/_claim_facets*.py)."""

from django.db import migrations

from statements.migrations import _claim_facets as facets
from statements.migrations import _claim_facets_sqlite as sqlite_facets
from statements.migrations._claim_tally_postgres import flush_function
from statements.migrations._per_database import per_database


def postgres_flush(only_changed: bool) -> list[str]:
    statements = facets.flush_with_facets(with_words=True, only_changed=only_changed)
    return [flush_function(statements, create="CREATE OR REPLACE")]


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0024_claim_facets_sqlite"),
    ]

    operations = [
        per_database(
            {"sqlite": sqlite_facets.FOLLOWING_FORWARD, "postgresql": postgres_flush(True)},
            {"sqlite": sqlite_facets.FOLLOWING_BACKWARD, "postgresql": postgres_flush(False)},
        ),
    ]
