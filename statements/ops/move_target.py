"""The database a move writes to: opened by its URL beside the current one, and the refusals
that leave it untouched (unreachable, the current database itself, not migrated alike, not empty).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model
from django.db.utils import load_backend

from statements.config.settings import database
from statements.ops.backup_schema import code_migrations

TARGET = "move_target"
# Tables that `migrate` itself fills (content types, permissions, the curation groups of
# migration 0004): a migrated target holds them, and a move replaces them with the source's.
MADE_BY_MIGRATE = {
    "contenttypes.contenttype",
    "auth.permission",
    "auth.group",
    "auth.group_permissions",
}


class MoveError(Exception):
    """A move was refused or failed; the target database was not changed."""


def without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def target_settings(url: str) -> dict:
    try:
        config = database(url)
    except Exception as error:  # dj-database-url raises several kinds for a bad URL
        raise MoveError(f"{without_password(url)} is not a database URL: {error}") from error
    if config["ENGINE"] not in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}:
        raise MoveError("A move goes to SQLite (sqlite:///…) or PostgreSQL (postgres://…).")
    if config["ENGINE"].endswith("sqlite3"):
        path = Path(config["NAME"]).absolute()
        if not path.is_file():
            # Opening it would create an empty file; a move needs a migrated one.
            raise MoveError(
                f"No database file at {path}. Create it first with "
                f"`DATABASE_URL={url} manage.py migrate`."
            )
        config["NAME"] = str(path)
        # No journal-mode pragma: a file that is refused is not written to (a migrated one is
        # in WAL mode already).
        config["OPTIONS"] = {k: v for k, v in config["OPTIONS"].items() if k != "init_command"}
    return {**config, "CONN_MAX_AGE": 0, "CONN_HEALTH_CHECKS": False}


@contextmanager
def opened(url: str, alias: str = TARGET) -> Iterator[str]:
    """The database at url as a connection alias for the length of the block, once reached."""
    config = target_settings(url)
    current = dict(connections.settings[DEFAULT_DB_ALIAS])
    config = connections.configure_settings({DEFAULT_DB_ALIAS: current, alias: config})[alias]
    # A connection of its own, outside settings.DATABASES: nothing else (requests closing
    # their connections, the test runner) knows of it, and it goes when the block ends.
    connection = load_backend(config["ENGINE"]).DatabaseWrapper(config, alias)
    connections[alias] = connection
    try:
        try:
            connection.ensure_connection()
        except DatabaseError as error:
            raise MoveError(f"Cannot reach {without_password(url)}: {error}".strip()) from error
        yield alias
    finally:
        connection.close()
        del connections[alias]


def refuse_same(source: str, target: str) -> None:
    if same_database(connections[source].settings_dict, connections[target].settings_dict):
        raise MoveError("The target is the database being moved; name another one.")


def same_database(first: dict, second: dict) -> bool:
    if first["ENGINE"] != second["ENGINE"]:
        return False
    if first["ENGINE"].endswith("sqlite3"):
        return Path(str(first["NAME"])).absolute() == Path(str(second["NAME"])).absolute()
    keys = ("NAME", "HOST", "PORT")
    return all(str(first.get(key) or "") == str(second.get(key) or "") for key in keys)


def applied_migrations(alias: str) -> set[tuple[str, str]]:
    """The migrations applied, one by one: a squashed migration is recorded only where the
    database was migrated since it came, beside the ones it replaces."""
    _, squashed = code_migrations()
    return set(MigrationRecorder(connections[alias]).applied_migrations()) - squashed


def refuse_other_migrations(source: str, target: str) -> None:
    ours, theirs = applied_migrations(source), applied_migrations(target)
    if not theirs:
        raise MoveError(
            "The target has no migrations applied. Run `manage.py migrate` on it first "
            "(with DATABASE_URL set to it)."
        )
    if ours != theirs:
        missing = ", ".join(f"{app}.{name}" for app, name in sorted(ours - theirs)[:5])
        extra = ", ".join(f"{app}.{name}" for app, name in sorted(theirs - ours)[:5])
        detail = "; ".join(
            part
            for part in (missing and f"it lacks {missing}", extra and f"it has {extra}")
            if part
        )
        raise MoveError(
            f"The target's migrations differ from this database's ({detail}). Run "
            "`manage.py migrate` on it (with DATABASE_URL set to it) with this code, so that "
            "both are at the same migrations."
        )


def refuse_data(models: list[type[Model]], target: str) -> None:
    """A target holding anything but what `migrate` put there is refused."""
    held = [
        f"{model._meta.db_table}: {count:,} rows"
        for model in models
        if model._meta.label_lower not in MADE_BY_MIGRATE
        for count in [model._base_manager.using(target).count()]
        if count
    ]
    if held:
        raise MoveError(
            f"The target already holds data ({', '.join(held[:6])}). Move into an empty, "
            "migrated database, or pass --replace to delete what it holds first."
        )
