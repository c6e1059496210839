"""A PostgreSQL database of a test's own on the cluster the suite runs on, dropped after."""

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

POSTGRES_URL = os.environ.get("DATABASE_URL", "")


@contextmanager
def postgres_database(prefix: str, template: str | None = None) -> Iterator[str]:
    """The URL of a new database named `prefix` and a random tail, empty or copied from the
    database `template`; dropped when the block ends, whoever is still connected."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template:
        create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(create)
    try:
        yield urlunsplit(urlsplit(POSTGRES_URL)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            conn.execute(drop.format(sql.Identifier(name)))
