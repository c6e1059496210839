"""A restore refuses a backup whose migrations or tables are not this code's, touching nothing."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import CommandError
from django.db import connection

from statements.models import Claim
from statements.ops import backup_postgres
from statements.ops.backup_schema import code_migrations, code_tables
from tests.test_backup import NEW_WORD, backed_up_seed, found, quoting, run, stored_rows
from tests.throwaway_database import manage, postgres_database

pytestmark = pytest.mark.django_db(transaction=True)


# An install that stopped at the statements' migration 0004, every other app up to date.
MIGRATED_TO_0004 = """
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader
from tests.migration_steps import migrate_to
migrate_to(("statements", "0004_editor_and_reviewer_groups"))
for app in sorted(MigrationLoader(None).migrated_apps - {"statements"}):
    call_command("migrate", app, verbosity=0)
"""


@contextmanager
def new_database(tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database on the tests' kind of database, removed after."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'old-install.sqlite3'}"
        return
    with postgres_database("old_install") as url:
        yield url


def refused_and_untouched(path: Path, *messages: str) -> None:
    Claim.objects.filter(pk=quoting("Khankendi").pk).update(summary=f"Changed: {NEW_WORD}.")
    before = stored_rows()
    with pytest.raises(CommandError) as refused:
        run("restore", str(path))
    for message in messages:
        assert message in str(refused.value)
    assert stored_rows() == before
    assert found(NEW_WORD) == 1


@pytest.mark.slow
def test_a_backup_taken_before_the_latest_migrations_is_refused(tmp_path):
    # Backed up by an older install: a database of its own, migrated forward to 0004 alone
    # (taking the test database back to 0004 and forward again took 15-19 s).
    old = tmp_path / "at-0004"
    with new_database(tmp_path) as url:
        manage(url, "shell", "-c", MIGRATED_TO_0004)
        manage(url, "backup", "--output", str(old))
    backed_up_seed(tmp_path)
    refused_and_untouched(
        old,
        "does not match this code's database, so nothing was restored",
        "taken before migrations this code needs (statements.0005_data_version",
        "run `manage.py migrate`",
        "no table data_version",
        "no table statements_report",
    )


def craft_sqlite(path: Path, migrations: set, tables: dict) -> None:
    crafted = sqlite3.connect(path)
    for table in tables:
        crafted.execute(f'CREATE TABLE "{table}" (x integer)')  # the right names, nothing more
    crafted.execute("CREATE TABLE django_migrations (id integer, app text, name text)")
    crafted.executemany("INSERT INTO django_migrations (app, name) VALUES (?, ?)", migrations)
    crafted.commit()
    crafted.close()


def craft_postgres(path: Path, migrations: set, tables: dict) -> None:
    settings = {**connection.settings_dict, "NAME": "crafted_backup"}
    with connection.cursor() as cursor:
        cursor.execute("DROP DATABASE IF EXISTS crafted_backup")
        cursor.execute("CREATE DATABASE crafted_backup")
    try:
        info = backup_postgres.conninfo(settings)
        script = [f'CREATE TABLE "{table}" (x integer);' for table in tables]
        script.append("CREATE TABLE django_migrations (id serial, app text, name text);")
        script += [
            f"INSERT INTO django_migrations (app, name) VALUES ('{a}', '{n}');"
            for a, n in migrations
        ]
        backup_postgres.run_pg(
            connection, [backup_postgres.pg_tool("psql"), "-q", "-c", "\n".join(script), info]
        )
        dump = [
            backup_postgres.pg_tool("pg_dump"),
            "--format=custom",
            f"--file={path}",
            f"--dbname={info}",
        ]
        backup_postgres.run_pg(connection, dump)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP DATABASE crafted_backup")


def test_a_file_with_only_the_right_table_names_is_refused(tmp_path):
    backed_up_seed(tmp_path)
    crafted = tmp_path / "crafted"
    tables = code_tables(connection.vendor)
    craft = craft_sqlite if connection.vendor == "sqlite" else craft_postgres
    one_by_one, squashed = code_migrations()
    craft(crafted, one_by_one | squashed, tables)
    refused_and_untouched(
        crafted,
        "does not match this code's database",
        "its table statements_claim lacks ",
        "has unknown x",
    )


def test_a_good_backup_of_this_code_still_restores(tmp_path):
    path = backed_up_seed(tmp_path)
    before = stored_rows()
    Claim.objects.filter(pk=quoting("Khankendi").pk).update(summary=f"Changed: {NEW_WORD}.")
    run("restore", str(path))
    assert stored_rows() == before


def test_a_backup_taken_before_the_squash_came_still_restores(tmp_path):
    """Its database went through migrations 0001–0029 one by one and has no record of their
    squash: it holds every migration this code needs."""
    _, squashed = code_migrations()
    assert squashed
    with connection.cursor() as cursor:
        for app, name in squashed:
            cursor.execute(
                "DELETE FROM django_migrations WHERE app = %s AND name = %s", [app, name]
            )
    path = backed_up_seed(tmp_path)
    before = stored_rows()
    Claim.objects.filter(pk=quoting("Khankendi").pk).update(summary=f"Changed: {NEW_WORD}.")
    run("restore", str(path))
    assert stored_rows() == before
