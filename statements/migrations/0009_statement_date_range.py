"""Statements dated from 1900: the model checks through next year, the database a fixed range.
Source and homepage addresses only http or https (validation only, nothing in the database)."""

import datetime
from importlib import import_module

import django.core.validators
from django.db import migrations, models

import statements.models

web_address = django.core.validators.URLValidator(
    message="Enter a web address starting with http:// or https://.", schemes=["http", "https"]
)
from statements.migrations import _claim_search as claim_search
from statements.migrations._per_database import per_database

# The data version's triggers on statements, as migration 0005 made them.
data_version = import_module("statements.migrations.0005_data_version")

# SQLite rebuilds the statement table to add a CHECK constraint: the triggers that name it are
# set aside for the change (dropping the old table would drop its own) and put back after it.
SQLITE_TRIGGERS_ON_STATEMENTS = {
    "claim_search_insert": claim_search.SQLITE_FORWARD[1],
    "claim_search_update": claim_search.SQLITE_FORWARD[2],
    "claim_search_statement_update": claim_search.SQLITE_FORWARD[4],
    **{
        f"data_version_statements_statement_{event}": data_version.SQLITE_FORWARD[2 + index]
        for index, event in enumerate(data_version.EVENTS)
    },
}

drop_triggers = {
    "sqlite": [f"DROP TRIGGER {name}" for name in SQLITE_TRIGGERS_ON_STATEMENTS],
    "postgresql": [],
}
create_triggers = {"sqlite": list(SQLITE_TRIGGERS_ON_STATEMENTS.values()), "postgresql": []}


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0008_edit_versions"),
    ]

    operations = [
        per_database(drop_triggers, create_triggers),
        migrations.AlterField(
            model_name="historicalstatement",
            name="date",
            field=models.DateField(
                db_index=True,
                help_text="When was it said?",
                validators=[statements.models.validate_statement_date],
            ),
        ),
        migrations.AlterField(
            model_name="statement",
            name="date",
            field=models.DateField(
                db_index=True,
                help_text="When was it said?",
                validators=[statements.models.validate_statement_date],
            ),
        ),
        migrations.AddConstraint(
            model_name="statement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("date__gte", datetime.date(1900, 1, 1)),
                    ("date__lte", datetime.date(2999, 12, 31)),
                ),
                name="statement_date_in_range",
                violation_error_message="Give a date from 1 January 1900 to 31 December 2999.",
            ),
        ),
        per_database(create_triggers, drop_triggers),
        migrations.AlterField(
            model_name="historicalstatement",
            name="source_url",
            field=models.URLField(blank=True, max_length=1000, validators=[web_address]),
        ),
        migrations.AlterField(
            model_name="outlet",
            name="homepage",
            field=models.URLField(blank=True, validators=[web_address]),
        ),
        migrations.AlterField(
            model_name="statement",
            name="source_url",
            field=models.URLField(blank=True, max_length=1000, validators=[web_address]),
        ),
    ]
