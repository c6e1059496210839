"""Backups of a PostgreSQL database with pg_dump's custom format from an exported snapshot, and
restores by pg_restore in a single transaction."""

import glob
import os
import re
import shutil
import subprocess
from pathlib import Path

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from statements.models import Claim, Statement
from statements.ops.backup_schema import BackupError, check_schema, check_tables, dumped_schema

PG_DUMP_MAGIC = b"PGDMP"
# Connection settings that pg_dump and pg_restore take from a conninfo string as psycopg does.
LIBPQ_OPTIONS = ("sslmode", "sslrootcert", "sslcert", "sslkey", "service", "connect_timeout")
# A table entry of `pg_restore --list`: "215; 1259 16390 TABLE public statements_claim owner".
ARCHIVED_TABLE = re.compile(r"^\d+; \d+ \d+ TABLE (\S+) (\S+) ", re.MULTILINE)


def pg_tool(name: str) -> str:
    """A PostgreSQL client program: from PATH, else the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found

    def version(bindir: str) -> tuple[int, ...]:
        return tuple(int(p) for p in Path(bindir).parent.name.split(".") if p.isdigit())

    for bindir in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        if os.access(Path(bindir) / name, os.X_OK):
            return str(Path(bindir) / name)
    raise BackupError(f"{name} was not found on PATH or in /usr/lib/postgresql/*/bin.")


def conninfo(settings_dict: dict) -> str:
    """A libpq connection string for Django's settings, without the password."""
    options = settings_dict.get("OPTIONS", {})
    params = {
        "dbname": settings_dict["NAME"],
        "host": settings_dict.get("HOST"),
        "port": settings_dict.get("PORT"),
        "user": settings_dict.get("USER"),
        **{key: options.get(key) for key in LIBPQ_OPTIONS},
    }

    def quoted(value: object) -> str:
        return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"

    return " ".join(f"{key}={quoted(value)}" for key, value in params.items() if value)


def run_pg(connection: BaseDatabaseWrapper, args: list[str]) -> str:
    """Run a client program against the database; return its output or raise its errors."""
    env = dict(os.environ)
    if connection.settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(connection.settings_dict["PASSWORD"])
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {result.stderr.strip()}")
    return result.stdout


def check_archive(connection: BaseDatabaseWrapper, path: Path) -> str:
    """Check that a file is a pg_dump archive of this app's database; return what was checked."""
    with path.open("rb") as file:
        if file.read(len(PG_DUMP_MAGIC)) != PG_DUMP_MAGIC:
            raise BackupError(f"{path} is not a pg_dump archive (custom format).")
    try:
        listing = run_pg(connection, [pg_tool("pg_restore"), "--list", str(path)])
    except BackupError as error:
        raise BackupError(f"{path} is not a readable pg_dump archive: {error}") from error
    check_tables({name for _schema, name in ARCHIVED_TABLE.findall(listing)}, str(path))
    entries = [line for line in listing.splitlines() if line and not line.startswith(";")]
    return f"pg_restore --list: {len(entries)} archive entries, the app's tables among them"


def backup_postgres(connection: BaseDatabaseWrapper, path: Path) -> tuple[str, int, int]:
    dump = pg_tool("pg_dump")
    check_tables(set(connection.introspection.table_names()), "The database")
    # pg_dump reads the snapshot that the counts are taken from, so they describe the file.
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        statements = Statement.objects.using(connection.alias).count()
        claims = Claim.objects.using(connection.alias).count()
        run_pg(
            connection,
            [dump, "--format=custom", "--no-password", f"--snapshot={snapshot}"]
            + [f"--file={path}", f"--dbname={conninfo(connection.settings_dict)}"],
        )
    return check_archive(connection, path), statements, claims


def archived_schema(connection: BaseDatabaseWrapper, path: Path) -> tuple[set, dict]:
    """The migrations and tables a pg_dump archive holds, read without restoring it."""
    restore = [pg_tool("pg_restore"), "--file=-"]
    ddl = run_pg(connection, [*restore, "--schema-only", str(path)])
    data = run_pg(connection, [*restore, "--data-only", "--table=django_migrations", str(path)])
    return dumped_schema(ddl, data)


def restore_postgres(connection: BaseDatabaseWrapper, path: Path) -> str:
    check = check_archive(connection, path)
    check_schema(archived_schema(connection, path), "postgresql", str(path))
    restore_args = ["--clean", "--if-exists", "--no-owner", "--single-transaction"]
    try:
        run_pg(
            connection,
            [pg_tool("pg_restore"), *restore_args, "--no-password"]
            + [f"--dbname={conninfo(connection.settings_dict)}", str(path)],
        )
    except BackupError as error:
        # --single-transaction also stops at the first error, so all of it was rolled back.
        raise BackupError(f"The restore failed and the database is unchanged: {error}") from error
    return check
