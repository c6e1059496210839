"""Where each statement's article begins: just past the leading date marker, when there is one.

The source text stays exactly as received; pages show it from `body_start`.
"""

import re

from django.db import migrations, models

from statements.migrations._claim_search import SQLITE_TRIGGERS, sqlite_triggers

BODY_START_HELP = (
    "Where the article's own words begin in the source text, past the date marker and any page "
    "furniture copied with it. Pages show the text from here; offsets into the source text are "
    "unchanged. Left at 0, it is set to just after the date marker."
)
# As statements.models.DATE_MARKER; a migration keeps its own copy of what it relies on.
DATE_MARKER = re.compile(r"\s*date \d{4}-\d{2}(?:-\d{2})?\s*")
BATCH = 2000

# SQLite rebuilds the table to add a column: the search triggers that name it are set aside, and
# the table's own triggers (search, and the data's version of migration 0005) are put back.
VERSION_TRIGGERS = [
    f"""CREATE TRIGGER data_version_statements_statement_{event}
        AFTER {event.upper()} ON statements_statement BEGIN
        UPDATE data_version SET token = random();
    END"""
    for event in ("insert", "update", "delete")
]
TRIGGER_NAMES = [
    *SQLITE_TRIGGERS,
    *(f"data_version_statements_statement_{event}" for event in ("insert", "update", "delete")),
]


def set_triggers_aside(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name in TRIGGER_NAMES:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}", params=None)


def put_triggers_back(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        set_triggers_aside(apps, schema_editor)
        for sql in [*sqlite_triggers("summary"), *VERSION_TRIGGERS]:
            schema_editor.execute(sql, params=None)


def start_after_marker(apps, schema_editor):
    Statement = apps.get_model("statements", "Statement")
    marked = Statement.objects.filter(source_text__contains="date ").only("id", "source_text")
    changed = []
    for statement in marked.iterator(chunk_size=BATCH):
        match = DATE_MARKER.match(statement.source_text)
        if match:
            statement.body_start = match.end()
            changed.append(statement)
        if len(changed) == BATCH:
            Statement.objects.bulk_update(changed, ["body_start"])
            changed = []
    Statement.objects.bulk_update(changed, ["body_start"])


class Migration(migrations.Migration):
    dependencies = [("statements", "0011_claim_summary")]

    operations = [
        migrations.RunPython(set_triggers_aside, put_triggers_back),
        migrations.AddField(
            model_name="statement",
            name="body_start",
            field=models.PositiveIntegerField(default=0, help_text=BODY_START_HELP),
        ),
        migrations.AddField(
            model_name="historicalstatement",
            name="body_start",
            field=models.PositiveIntegerField(default=0, help_text=BODY_START_HELP),
        ),
        migrations.RunPython(put_triggers_back, set_triggers_aside),
        migrations.RunPython(start_after_marker, migrations.RunPython.noop),
    ]
