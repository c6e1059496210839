"""Backups of the live database, and restores from them, on SQLite or PostgreSQL.

SQLite: the backup API copies the database under one read transaction, so the copy is
consistent while the app keeps serving and writing (in WAL mode writers are never blocked), and
a restore writes a checked backup into the live connection in one write transaction, so other
connections see the old database or the restored one, never a mix. PostgreSQL: pg_dump's custom
format from an exported snapshot, restored by pg_restore in a single transaction. Both carry
everything in the database, the full-text index of migration 0002 included.
"""

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from statements.models import Claim, Statement
from statements.ops.backup_postgres import backup_postgres, restore_postgres
from statements.ops.backup_schema import BackupError, check_schema, check_tables, sqlite_schema

SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIXES = {"sqlite": ".sqlite3", "postgresql": ".dump"}
# The files of a live SQLite database: never a backup's output or a restore's input.
LIVE_FILE_ENDS = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Result:
    path: Path
    size: int
    check: str
    statements: int
    claims: int


def default_output(vendor: str) -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.BASE_DIR) / "backups" / f"statement-timeline-{stamp}{SUFFIXES[vendor]}"


def connection_for(using: str) -> BaseDatabaseWrapper:
    connection = connections[using]
    if connection.vendor not in SUFFIXES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    if connection.in_atomic_block:
        # A snapshot (PostgreSQL) or the backup API's write lock (SQLite) needs a fresh start.
        raise BackupError("Backups and restores must run outside a transaction.")
    return connection


def backup(output: Path | None = None, using: str = DEFAULT_DB_ALIAS) -> Result:
    """Write a consistent copy of the live database to output, replacing it only once checked.

    Without an output, or given a folder, the file gets a dated name (in backups/ by default).
    """
    connection = connection_for(using)
    default = default_output(connection.vendor)
    if output is None:
        path = default.absolute()
    else:
        path = Path(output).absolute()
        if path.is_dir():
            path = path / default.name
    refuse_live_path(connection, path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the output and renamed into place once checked, so a failure leaves
        # no half-written file and an older backup of the same name survives it.
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        os.close(handle)
    except OSError as error:
        raise BackupError(f"Cannot write to {path.parent}: {error}") from error
    partial = Path(name)
    try:
        if connection.vendor == "sqlite":
            check, statements, claims = backup_sqlite(connection, partial)
        else:
            check, statements, claims = backup_postgres(connection, partial)
        os.replace(partial, path)
    except DatabaseError as error:
        raise BackupError(f"The database could not be read: {error}") from error
    finally:
        partial.unlink(missing_ok=True)
    return Result(path, path.stat().st_size, check, statements, claims)


def restore(path: Path, using: str = DEFAULT_DB_ALIAS) -> Result:
    """Replace the live database with a checked backup, all at once or not at all."""
    path = Path(path).absolute()
    if not path.is_file():
        raise BackupError(f"No backup file at {path}.")
    connection = connection_for(using)
    refuse_live_path(connection, path)
    try:
        if connection.vendor == "sqlite":
            check = restore_sqlite(connection, path)
        else:
            check = restore_postgres(connection, path)
        statements = Statement.objects.using(using).count()
        claims = Claim.objects.using(using).count()
    except DatabaseError as error:
        raise BackupError(f"The database could not be reached: {error}") from error
    return Result(path, path.stat().st_size, check, statements, claims)


# SQLite


def live_sqlite_file(connection: BaseDatabaseWrapper) -> Path | None:
    name = str(connection.settings_dict["NAME"])
    return None if connection.is_in_memory_db() else Path(name).absolute()


def refuse_live_path(connection: BaseDatabaseWrapper, path: Path) -> None:
    """Refuse to write a backup over the live database, or to restore it onto itself."""
    live = live_sqlite_file(connection) if connection.vendor == "sqlite" else None
    if live and path.resolve() in {Path(f"{live}{end}").resolve() for end in LIVE_FILE_ENDS}:
        raise BackupError(f"{path} is the live database itself; choose another file.")


def raw_sqlite(connection: BaseDatabaseWrapper, create: bool = False) -> sqlite3.Connection:
    """The open sqlite3 connection behind Django's; only a restore may create the file."""
    live = live_sqlite_file(connection)
    if live and not create and not live.is_file() and connection.connection is None:
        raise BackupError(f"No database file at {live}; run `manage.py migrate` first.")
    connection.ensure_connection()
    return connection.connection


def verify_sqlite(database: sqlite3.Connection, name: str) -> str:
    """Check a database's integrity and tables; return what was checked."""
    try:
        problems = [row[0] for row in database.execute("PRAGMA integrity_check")]
        rows = database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {row[0] for row in rows}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{name} is not a usable SQLite database: {error}.") from error
    if problems != ["ok"]:
        raise BackupError(f"{name} fails SQLite's integrity check: {'; '.join(problems[:5])}")
    check_tables(tables, name)
    return "PRAGMA integrity_check: ok"


def count_rows(database: sqlite3.Connection, model: type) -> int:
    return database.execute(f'SELECT count(*) FROM "{model._meta.db_table}"').fetchone()[0]


def backup_sqlite(connection: BaseDatabaseWrapper, path: Path) -> tuple[str, int, int]:
    source = raw_sqlite(connection)
    copy = sqlite3.connect(path, isolation_level=None)
    try:
        # pages=-1 copies everything in one step, under one read transaction: a consistent copy.
        source.backup(copy, pages=-1)
        # The copy inherits WAL mode; a rollback journal keeps it a single self-contained file.
        copy.execute("PRAGMA journal_mode = DELETE")
        check = verify_sqlite(copy, "The database")
        return check, count_rows(copy, Statement), count_rows(copy, Claim)
    except sqlite3.Error as error:
        raise BackupError(f"The backup failed: {error}.") from error
    finally:
        copy.close()


def restore_sqlite(connection: BaseDatabaseWrapper, path: Path) -> str:
    with path.open("rb") as file:
        if file.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise BackupError(f"{path} is not an SQLite database.")
    try:
        backup_file = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise BackupError(f"{path} cannot be opened: {error}.") from error
    try:
        check = verify_sqlite(backup_file, str(path))
        check_schema(sqlite_schema(backup_file), "sqlite", str(path))
        # One write transaction on the live connection: readers see all of it or none of it,
        # and SQLite rolls it back if any step fails.
        backup_file.backup(raw_sqlite(connection, create=True), pages=-1)
    except sqlite3.Error as error:
        raise BackupError(
            f"The restore failed and the live database is unchanged: {error}."
        ) from error
    finally:
        backup_file.close()
    return check
