"""A claim's `text` is called `summary`, as on the site and in the exports; drafts may leave it
empty until they go to review.

The full-text index of migration 0002 reads the column by name, in SQLite's triggers and in
PostgreSQL's refresh function, so both are made again around the rename; the index's own
column was called `summary` from the start and its rows stay as they are.
"""

from django.db import migrations, models

from statements.migrations._claim_search import SQLITE_TRIGGERS, postgres_refresh, sqlite_triggers

SUMMARY_HELP = (
    "One neutral sentence in our words: what position does this express? "
    "Required before the statement goes to review."
)


def drop_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for trigger in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}", params=None)


def index_column(column: str):
    """Make the index read the claim's column of that name again."""

    def apply(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        build = {"sqlite": sqlite_triggers, "postgresql": postgres_refresh}[vendor]
        for sql in build(column):
            schema_editor.execute(sql, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("statements", "0010_official_descriptions")]

    operations = [
        migrations.RunPython(drop_sqlite_triggers, index_column("text")),
        migrations.RenameField(model_name="claim", old_name="text", new_name="summary"),
        migrations.RenameField(model_name="historicalclaim", old_name="text", new_name="summary"),
        migrations.AlterField(
            model_name="claim",
            name="summary",
            field=models.TextField(blank=True, help_text=SUMMARY_HELP),
        ),
        migrations.AlterField(
            model_name="historicalclaim",
            name="summary",
            field=models.TextField(blank=True, help_text=SUMMARY_HELP),
        ),
        migrations.RunPython(index_column("summary"), drop_sqlite_triggers),
    ]
