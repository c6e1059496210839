"""The claim tally: published claims counted per official and month, per topic and per outlet,
kept exact by triggers on every write (statements/migrations/_claim_tally.py), and filled from
the data already stored. Public pages read their counts from it (statements/public/tally_counts.py)
instead of counting the claims."""

import django.db.models.deletion
from django.db import migrations, models

from statements.migrations import _claim_tally_postgres as postgres
from statements.migrations import _claim_tally_sqlite as sqlite
from statements.migrations._per_database import per_database


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0014_reports_and_evidence"),
    ]

    operations = [
        migrations.CreateModel(
            name="ClaimTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("month", models.DateField(help_text="The first day of the month.")),
                ("claims", models.PositiveIntegerField()),
                ("statements", models.PositiveIntegerField()),
                (
                    "official",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.official",
                    ),
                ),
                (
                    "outlet",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.outlet",
                    ),
                ),
                (
                    "topic",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.topic",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["official", "month", "topic", "outlet", "claims", "statements"],
                        name="claim_tally_official_month",
                    ),
                    models.Index(
                        fields=["topic", "outlet", "month", "official", "claims", "statements"],
                        name="claim_tally_topic_outlet",
                    ),
                    models.Index(
                        fields=["outlet", "topic", "month", "official", "claims", "statements"],
                        name="claim_tally_outlet_topic",
                    ),
                ],
            },
        ),
        per_database(
            {"sqlite": sqlite.FORWARD, "postgresql": postgres.FORWARD},
            {"sqlite": sqlite.BACKWARD, "postgresql": postgres.BACKWARD},
        ),
    ]
