"""A version of the data that changes with it, and an index for counting claims by topic.

statements/public/counting.py keeps counts per version of the data. The version is a random token in
a one-row table that triggers replace whenever statements, claims, their topic links,
officials, outlets or topics change: row triggers on SQLite, statement triggers on PostgreSQL.
A random token rather than a counter, so that a change rolled back and a later one never
share a version.

On SQLite, a migration that rebuilds one of these tables drops its triggers with it: put them
back (tests/test_counting.py checks that every table still changes the version).
"""

from django.db import migrations

from statements.migrations._per_database import per_database

VERSIONED_TABLES = [
    "statements_statement",
    "statements_claim",
    "statements_claim_topics",
    "statements_official",
    "statements_outlet",
    "statements_topic",
]
EVENTS = ["insert", "update", "delete"]

SQLITE_FORWARD = [
    "CREATE TABLE data_version (id integer PRIMARY KEY CHECK (id = 1), token integer NOT NULL)",
    "INSERT INTO data_version (id, token) VALUES (1, random())",
    *(
        f"""CREATE TRIGGER data_version_{table}_{event} AFTER {event.upper()} ON {table} BEGIN
            UPDATE data_version SET token = random();
        END"""
        for table in VERSIONED_TABLES
        for event in EVENTS
    ),
]
SQLITE_BACKWARD = [
    *(
        f"DROP TRIGGER data_version_{table}_{event}"
        for table in VERSIONED_TABLES
        for event in EVENTS
    ),
    "DROP TABLE data_version",
]

POSTGRES_TOKEN = "(random() * 9e18)::bigint"
POSTGRES_FORWARD = [
    "CREATE TABLE data_version (id integer PRIMARY KEY CHECK (id = 1), token bigint NOT NULL)",
    f"INSERT INTO data_version (id, token) VALUES (1, {POSTGRES_TOKEN})",
    f"""CREATE FUNCTION data_version_replace() RETURNS trigger AS $$
    BEGIN
        UPDATE data_version SET token = {POSTGRES_TOKEN};
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    *(
        f"""CREATE TRIGGER data_version_{table}
            AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION data_version_replace()"""
        for table in VERSIONED_TABLES
    ),
]
POSTGRES_BACKWARD = [
    *(f"DROP TRIGGER data_version_{table} ON {table}" for table in VERSIONED_TABLES),
    "DROP FUNCTION data_version_replace()",
    "DROP TABLE data_version",
]

# The official or outlet counts of the claims on one topic start from its links.
TOPIC_INDEX_FORWARD = [
    "CREATE INDEX claim_topics_topic_claim ON statements_claim_topics (topic_id, claim_id)"
]
TOPIC_INDEX_BACKWARD = ["DROP INDEX claim_topics_topic_claim"]


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0004_editor_and_reviewer_groups"),
    ]

    operations = [
        per_database(
            {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD},
            {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD},
        ),
        per_database(
            {"sqlite": TOPIC_INDEX_FORWARD, "postgresql": TOPIC_INDEX_FORWARD},
            {"sqlite": TOPIC_INDEX_BACKWARD, "postgresql": TOPIC_INDEX_BACKWARD},
        ),
    ]
