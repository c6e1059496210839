"""Databases of a test's own: PostgreSQL ones on the cluster the suite runs on, dropped after,
and manage.py run on any database in a process of its own."""

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

POSTGRES_URL = os.environ.get("DATABASE_URL", "")
ROOT = Path(__file__).resolve().parent.parent


def manage(url: str, *args: str) -> None:
    """manage.py in a process of its own, on the database at `url`."""
    environment = {**os.environ, "DATABASE_URL": url, "DATABASE_REPLICA_URLS": ""}
    command = [sys.executable, "manage.py", *args]
    result = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def database_url(server: str, name: str) -> str:
    """The URL of the database `name` on the server another URL points at."""
    return urlunsplit(urlsplit(server)._replace(path=f"/{name}"))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


@contextmanager
def postgres_database(
    prefix: str, template: str | None = None, server: str = POSTGRES_URL
) -> Iterator[str]:
    """The URL of a new database named `prefix` and a random tail on `server` (the cluster the
    suite runs on unless named), empty or copied from the database `template`; dropped when
    the block ends, whoever is still connected."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template:
        create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(create)
    try:
        yield database_url(server, name)
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            conn.execute(drop.format(sql.Identifier(name)))
