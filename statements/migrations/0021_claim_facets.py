"""On PostgreSQL, each published claim's facets in one narrow row, kept with the claim tally and
filled from the data already stored (statements/migrations/_claim_facets.py)."""

from django.db import migrations

from statements.migrations import _claim_facets as facets
from statements.migrations._per_database import per_database


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0020_counting_turn"),
    ]

    operations = [
        per_database(
            {"sqlite": [], "postgresql": facets.FORWARD},
            {"sqlite": [], "postgresql": facets.BACKWARD},
        ),
    ]
