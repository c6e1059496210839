"""A version on statements and claims, counting saves, for the admin's check of edits made meanwhile.

Django adds a NOT NULL column on SQLite by remaking the table, which would drop the full-text
and data-version triggers of migrations 0002, 0005 and 0007; SQLite's own ADD COLUMN keeps them.
"""

from django.db import migrations, models

TABLES = ("statement", "claim")


def version_field() -> models.Field:
    return models.PositiveIntegerField(
        default=1, editable=False, help_text="How many times has it been saved?"
    )


def add_columns(apps, schema_editor):
    for name in TABLES:
        model = apps.get_model("statements", name)
        field = model._meta.get_field("version")
        if schema_editor.connection.vendor != "sqlite":
            schema_editor.add_field(model, field)
            continue
        definition, params = schema_editor.column_sql(model, field, include_default=True)
        table, column = (schema_editor.quote_name(n) for n in (model._meta.db_table, field.column))
        schema_editor.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}", params)


def drop_columns(apps, schema_editor):
    for name in TABLES:
        model = apps.get_model("statements", name)
        field = model._meta.get_field("version")
        if schema_editor.connection.vendor != "sqlite":
            schema_editor.remove_field(model, field)
            continue
        table, column = (schema_editor.quote_name(n) for n in (model._meta.db_table, field.column))
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN {column}")


class Migration(migrations.Migration):
    dependencies = [("statements", "0007_data_version_posts")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(model_name=name, name="version", field=version_field())
                for name in TABLES
            ]
        ),
        migrations.RunPython(add_columns, drop_columns),
    ]
