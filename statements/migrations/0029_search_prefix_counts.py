"""On PostgreSQL, the facet keys of the claims matching each common prefix, kept on write, so that
the counts of a search for one common word are read, not grouped from the claims
(statements/migrations/_search_prefix_counts.py). No prefix is kept until
`manage.py keep_search_counts` chooses them. SQLite counts a search on its facet rows."""

from django.db import migrations

from statements.migrations import _search_prefix_counts as prefix_counts
from statements.migrations._per_database import per_database


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0028_claim_search_once_a_statement"),
    ]

    operations = [
        per_database(
            {"sqlite": [], "postgresql": prefix_counts.FORWARD},
            {"sqlite": [], "postgresql": prefix_counts.BACKWARD},
        ),
    ]
