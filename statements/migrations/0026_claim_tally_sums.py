"""The claim tally added up over every official and month, kept with it by the recount, for the
counts of the unfiltered timeline (statements/migrations/_claim_tally_sums.py)."""

from django.db import migrations, models

from statements.migrations import _claim_facets as facets
from statements.migrations import _claim_tally_sums as sums
from statements.migrations._claim_tally_postgres import flush_function
from statements.migrations._claim_tally_sqlite import recount_trigger
from statements.migrations._per_database import per_database

POSTGRES_FACETS = facets.flushed(with_words=True, only_changed=True)

FORWARD = {
    "sqlite": [
        "DROP TRIGGER claim_tally_recount",
        recount_trigger(**sums.IN_THE_RECOUNT),
        sums.SQLITE_EMPTIED,
        *sums.rebuilt("sqlite"),
    ],
    "postgresql": [
        flush_function(
            sums.flush_with_sums("postgresql", POSTGRES_FACETS),
            create="CREATE OR REPLACE",
            first=sums.POSTGRES_LOCK,
        ),
        *sums.rebuilt("postgresql"),
    ],
}
BACKWARD = {
    "sqlite": [
        "DROP TRIGGER claim_tally_sums_emptied",
        "DROP TRIGGER claim_tally_recount",
        recount_trigger(),
    ],
    "postgresql": [
        flush_function(
            facets.flush_with_facets(with_words=True, only_changed=True),
            create="CREATE OR REPLACE",
        ),
    ],
}


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0025_facet_rows_only_where_changed"),
    ]

    operations = [
        migrations.CreateModel(
            name="ClaimTallySum",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "part",
                    models.PositiveSmallIntegerField(
                        choices=[(0, "Officials"), (1, "Topic"), (2, "Outlet"), (3, "Months")]
                    ),
                ),
                ("record", models.BigIntegerField()),
                (
                    "month",
                    models.DateField(
                        help_text="The first day of the month, for a month.", null=True
                    ),
                ),
                ("claims", models.BigIntegerField()),
                ("statements", models.BigIntegerField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("part", "record"), name="claim_tally_sum_key")
                ],
            },
        ),
        per_database(FORWARD, BACKWARD),
    ]
