"""Posts (the titles an official held) change the data's version too: official pages show them,
and public pages are now kept as rendered per version (statements/public/views/kept.py)."""

from django.db import migrations

from statements.migrations._data_version import version_triggers
from statements.migrations._per_database import per_database

ADD_TRIGGERS, REMOVE_TRIGGERS = version_triggers("statements_post")


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0006_statement_status_official_date"),
    ]

    operations = [
        per_database(ADD_TRIGGERS, REMOVE_TRIGGERS),
    ]
