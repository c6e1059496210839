"""A new database goes through 0001_squashed_0029; one made before it went through the 29
migrations one by one. Both end with the same tables, columns, constraints, indexes, triggers
(in the same order), functions and rows, on either database."""

import re
import sqlite3
from collections import defaultdict
from urllib.parse import urlsplit

import psycopg
import pytest
from django.db import connection

from tests.throwaway_database import manage, postgres_database

pytestmark = pytest.mark.slow

STEP_BY_STEP = """
from django.core.management import call_command
from tests.migration_steps import migrate_to
migrate_to()
call_command("migrate", verbosity=0)
"""
# Rows that differ by design: ids given in another order, a random token, and the squashed
# migration recorded beside the 29 it replaces (compared by name below).
BY_NATURAL_KEY = {
    "permissions": """SELECT ct.app_label, ct.model, p.codename, p.name FROM auth_permission p
        JOIN django_content_type ct ON ct.id = p.content_type_id""",
    "group permissions": """SELECT g.name, p.codename FROM auth_group g
        JOIN auth_group_permissions gp ON gp.group_id = g.id
        JOIN auth_permission p ON p.id = gp.permission_id""",
    "data version": "SELECT count(*) FROM data_version",
}
COMPARED_BY_KEY = {
    "auth_permission",
    "auth_group_permissions",
    "django_content_type",
    "django_migrations",
    "data_version",
    "sqlite_sequence",
}
SQUASHED = "0001_squashed_0029_search_prefix_counts"


def definitions(create_table: str) -> set[str]:
    """A table's columns and constraints, whatever their order."""
    body = create_table[create_table.index("(") + 1 : create_table.rindex(")")]
    return {part.strip() for part in re.split(r",(?![^(]*\))", body)}


def sqlite_schema(cursor) -> dict:
    rows = cursor.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid")
    objects, tables, triggers = set(), {}, defaultdict(list)
    for kind, name, table, sql in rows.fetchall():
        if kind == "table" and sql and not sql.startswith("CREATE VIRTUAL"):
            tables[name] = definitions(sql)
        else:  # whitespace aside: the squash writes some triggers as their helpers do
            objects.add((kind, name, table, " ".join(sql.split()) if sql else sql))
        if kind == "trigger":
            triggers[table].append(name)  # SQLite fires them in the order they were made
    return {"objects": objects, "tables": tables, "triggers": dict(triggers)}


POSTGRES_CATALOG = {
    "columns": """SELECT table_name, column_name, data_type, is_nullable, column_default
        FROM information_schema.columns WHERE table_schema = 'public'""",
    "constraints": """SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace""",
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    "triggers": """SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid)
        FROM pg_trigger WHERE NOT tgisinternal""",
    "functions": """SELECT oid::regprocedure::text, pg_get_functiondef(oid)
        FROM pg_proc WHERE pronamespace = 'public'::regnamespace""",
    "sequences": "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'",
}


def postgres_schema(cursor) -> dict:
    found = {}
    for name, sql in POSTGRES_CATALOG.items():
        cursor.execute(sql)
        found[name] = set(cursor.fetchall())
    return found


def table_names(cursor, vendor: str) -> list[str]:
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return sorted(name for (name,) in cursor.fetchall())


def contents(cursor, vendor: str) -> dict:
    rows = {}
    for table in table_names(cursor, vendor):
        if table not in COMPARED_BY_KEY:
            cursor.execute(f'SELECT * FROM "{table}"')
            rows[table] = sorted(map(repr, cursor.fetchall()))
    for name, sql in BY_NATURAL_KEY.items():
        cursor.execute(sql)
        rows[name] = sorted(cursor.fetchall())
    cursor.execute(f"SELECT app, name FROM django_migrations WHERE name <> '{SQUASHED}'")
    rows["migrations"] = sorted(cursor.fetchall())
    return rows


def snapshot(url: str) -> dict:
    """The schema and the rows of the database at `url`."""
    if url.startswith("sqlite:"):
        database = sqlite3.connect(urlsplit(url).path)
        cursor = database.cursor()
        found = sqlite_schema(cursor)
        found["rows"] = contents(cursor, "sqlite")
        database.close()
        return found
    with psycopg.connect(url) as database, database.cursor() as cursor:
        found = postgres_schema(cursor)
        found["rows"] = contents(cursor, "postgresql")
        return found


@pytest.fixture
def two_databases(tmp_path):
    if connection.vendor == "sqlite":
        yield [f"sqlite:///{tmp_path / name}.sqlite3" for name in ("squashed", "one_by_one")]
        return
    with postgres_database("squashed") as squashed, postgres_database("one_by_one") as steps:
        yield [squashed, steps]


def test_a_database_migrated_through_the_squash_is_one_migrated_step_by_step(two_databases):
    squashed, one_by_one = two_databases
    manage(squashed, "migrate", "--noinput", "-v0")
    manage(one_by_one, "shell", "-c", STEP_BY_STEP)
    made, stepped = snapshot(squashed), snapshot(one_by_one)
    assert made.keys() == stepped.keys()
    for part in made:
        assert made[part] == stepped[part], part
    assert "claim_tally_statement_insert" in repr(made)  # the triggers were compared
