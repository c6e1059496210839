"""On PostgreSQL, each claim's facet row also holds its words, so that the counts of a search
are grouped from the rows that match (statements/migrations/_claim_facet_words.py)."""

from django.db import migrations

from statements.migrations import _claim_facet_words as words
from statements.migrations._per_database import per_database


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0021_claim_facets"),
    ]

    operations = [
        per_database(
            {"sqlite": [], "postgresql": words.FORWARD},
            {"sqlite": [], "postgresql": words.BACKWARD},
        ),
    ]
