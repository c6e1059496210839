"""On PostgreSQL, the claim tally's marked cells are counted again once at the end of each
statement that writes rows, not once a row (statements/migrations/_claim_tally_postgres.py). SQLite
has no statement triggers: there it stays once a row, and writers of many rows pause it."""

from django.db import migrations

from statements.migrations import _claim_tally_postgres as postgres
from statements.migrations._per_database import per_database


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0015_claim_tally"),
    ]

    operations = [
        per_database(
            {"sqlite": [], "postgresql": postgres.ONCE_A_STATEMENT},
            {"sqlite": [], "postgresql": postgres.ONCE_A_ROW},
        ),
    ]
