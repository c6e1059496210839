"""Aliases split in two: other names (shown publicly) and descriptions (read by the importer only).

An alias that reads as a description — starting with a lowercase "the", as in "the presidential
aide" — moves to the new `descriptions` field; every other alias stays a name.
"""

from django.db import migrations, models

ALIASES_HELP = (
    "Other names a text uses for this person, one per line (“Hajiyev”, “Hikmat Hajiyev”). "
    "Shown on their page as “Also written as”."
)
DESCRIPTIONS_HELP = (
    "Phrases a text uses for this person instead of a name, one per line "
    "(“the presidential aide”). The importer reads them; pages never show them."
)


# SQLite rebuilds the table to add a column, and its triggers go with it: the ones that change
# the data's version (migration 0005) are put back.
VERSION_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS data_version_statements_official_{event}
        AFTER {event.upper()} ON statements_official BEGIN
        UPDATE data_version SET token = random();
    END"""
    for event in ("insert", "update", "delete")
]


def restore_version_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in VERSION_TRIGGERS:
            schema_editor.execute(sql, params=None)


def is_description(line: str) -> bool:
    return line.startswith("the ")


def split_aliases(apps, schema_editor):
    Official = apps.get_model("statements", "Official")
    for official in Official.objects.exclude(aliases=""):
        lines = [line.strip() for line in official.aliases.splitlines() if line.strip()]
        descriptions = [line for line in lines if is_description(line)]
        if not descriptions:
            continue
        official.aliases = "\n".join(line for line in lines if not is_description(line))
        official.descriptions = "\n".join(descriptions)
        official.save(update_fields=["aliases", "descriptions"])


def join_aliases(apps, schema_editor):
    Official = apps.get_model("statements", "Official")
    for official in Official.objects.exclude(descriptions=""):
        official.aliases = "\n".join(filter(None, [official.aliases, official.descriptions]))
        official.save(update_fields=["aliases"])


class Migration(migrations.Migration):
    dependencies = [("statements", "0009_statement_date_range")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_version_triggers),
        migrations.AddField(
            model_name="official",
            name="descriptions",
            field=models.TextField(blank=True, help_text=DESCRIPTIONS_HELP),
        ),
        migrations.AddField(
            model_name="historicalofficial",
            name="descriptions",
            field=models.TextField(blank=True, help_text=DESCRIPTIONS_HELP),
        ),
        migrations.AlterField(
            model_name="official",
            name="aliases",
            field=models.TextField(blank=True, help_text=ALIASES_HELP),
        ),
        migrations.AlterField(
            model_name="historicalofficial",
            name="aliases",
            field=models.TextField(blank=True, help_text=ALIASES_HELP),
        ),
        migrations.RunPython(restore_version_triggers, migrations.RunPython.noop),
        migrations.RunPython(split_aliases, join_aliases),
    ]
