"""With a read replica the public reads from it; editors, the admin and every write use the primary.

The app runs in a process of its own (tests/replica_site.py) with DATABASE_URL and
DATABASE_REPLICA_URLS naming two real databases: in the PostgreSQL pass a second database on the
cluster (`tests/with_postgres.py --replica` makes it), on SQLite a second file. Unlike a real
replica the stand-in is not kept in step, so each holds a statement the other lacks, and what
a page shows tells which database it read, as do the queries logged on each connection.
"""

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.replica_site import HEADLINES
from tests.throwaway_database import database_name, postgres_database

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "tests" / "replica_site.py"
POSTGRES_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = urlsplit(POSTGRES_URL).scheme in {"postgres", "postgresql", "pgsql"}
PRIMARY_ONLY, REPLICA_ONLY = HEADLINES


def run_site(args: list[str], **env: str) -> dict:
    environment = {**os.environ, "DATABASE_REPLICA_URLS": "", **env}
    result = subprocess.run(
        [sys.executable, str(SITE), *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def postgres_replica_url() -> str:
    url = os.environ.get("REPLICA_DATABASE_URL")
    if not url:
        message = "no stand-in replica: run the suite with `tests/with_postgres.py --replica`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return url


@contextmanager
def copy_of(replica: str, tmp_path_factory) -> Iterator[str]:
    """A new database copied from the prepared (migrated) stand-in, so that the primary need not
    migrate from nothing too: a PostgreSQL database made from it as a template, or a file copy.
    Gives its URL."""
    if not ON_POSTGRES:
        primary = tmp_path_factory.mktemp("replica") / "primary.sqlite3"
        shutil.copyfile(urlsplit(replica).path, primary)
        yield f"sqlite:///{primary}"
        return
    with postgres_database("primary", template=database_name(replica)) as url:
        yield url


@pytest.fixture(scope="module")
def visits(tmp_path_factory) -> dict:
    """The visits' findings: the stand-in replica prepared, then a primary copied from it and
    prepared with its own statement (the copy's rows are emptied first)."""
    if ON_POSTGRES:
        replica = postgres_replica_url()
    else:
        replica = f"sqlite:///{tmp_path_factory.mktemp('replica') / 'replica.sqlite3'}"
    run_site(["prepare", REPLICA_ONLY], DATABASE_URL=replica)
    with copy_of(replica, tmp_path_factory) as primary:
        run_site(["prepare", PRIMARY_ONLY], DATABASE_URL=primary)
        return run_site(["visit"], DATABASE_URL=primary, DATABASE_REPLICA_URLS=replica)


@pytest.mark.parametrize("page", ["public timeline", "public fragment"])
def test_public_pages_read_only_from_the_replica(visits, page):
    assert visits[page] == {"status": 200, "databases": ["replica_1"], "headlines": [REPLICA_ONLY]}


def test_the_admin_reads_only_from_the_primary(visits):
    seen = visits["admin list"]
    assert seen == {"status": 200, "databases": ["default"], "headlines": [PRIMARY_ONLY]}


def test_an_editor_sees_the_primary_on_public_pages_too(visits):
    seen = visits["timeline seen by an editor"]
    assert seen == {"status": 200, "databases": ["default"], "headlines": [PRIMARY_ONLY]}


def test_an_admin_save_is_written_to_the_primary(visits):
    assert visits["topic added in the admin"] == {"status": 302, "held_by": ["default"]}


def test_outside_a_request_reads_go_to_the_primary(visits):
    assert visits["read after a request"] == {"database": "default"}
