"""Posts (the titles an official held) change the data's version too: official pages show them,
and public pages are now kept as rendered per version (statements/public/views/kept.py)."""

from django.db import migrations

from statements.migrations._per_database import per_database

TABLE = "statements_post"
EVENTS = ["insert", "update", "delete"]

SQLITE_FORWARD = [
    f"""CREATE TRIGGER data_version_{TABLE}_{event} AFTER {event.upper()} ON {TABLE} BEGIN
        UPDATE data_version SET token = random();
    END"""
    for event in EVENTS
]
SQLITE_BACKWARD = [f"DROP TRIGGER data_version_{TABLE}_{event}" for event in EVENTS]

POSTGRES_FORWARD = [
    f"""CREATE TRIGGER data_version_{TABLE}
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION data_version_replace()"""
]
POSTGRES_BACKWARD = [f"DROP TRIGGER data_version_{TABLE} ON {TABLE}"]


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0006_statement_status_official_date"),
    ]

    operations = [
        per_database(
            {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD},
            {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD},
        ),
    ]
