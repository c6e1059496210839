"""A full-text index of claims, kept in step with them by the database's own triggers.

SQLite gets an FTS5 table, PostgreSQL a tsvector table with a GIN index. Each indexes a claim's
quote, summary, evidence (its span of the source text) and its statement's headline, keyed by
the claim's id.
"""

from django.db import migrations

from statements.migrations._claim_search import (
    POSTGRES_BACKWARD,
    POSTGRES_FORWARD,
    SQLITE_BACKWARD,
    SQLITE_FORWARD,
)
from statements.migrations._per_database import per_database


class Migration(migrations.Migration):
    dependencies = [("statements", "0001_initial")]

    operations = [
        per_database(
            {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD},
            {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD},
        )
    ]
