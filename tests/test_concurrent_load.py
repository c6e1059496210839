"""The load script, shortened: readers and an admin editor at once lose nothing and lock nothing.

Each run starts gunicorn on its own database (a fresh SQLite file, or a PostgreSQL database
created for it on the cluster DATABASE_URL points at), never pytest-django's test database.
"""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.throwaway_database import postgres_database

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "concurrent_load.py"
# `make test` runs it shortened; `make test-deep` sets the full run (50 readers, 30 s).
SECONDS = int(os.environ.get("LOAD_SECONDS", "8"))
READERS = int(os.environ.get("LOAD_READERS", "20"))
POSTGRES_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = urlsplit(POSTGRES_URL).scheme in {"postgres", "postgresql", "pgsql"}


def run_load(database_url: str | None) -> tuple[int, dict[str, str], str]:
    """Run the script; its exit code, its table as {label: value}, and all it printed."""
    command = [sys.executable, str(SCRIPT), "--readers", str(READERS), "--seconds", str(SECONDS)]
    if database_url:
        command += ["--database-url", database_url]
    # The script bounds itself to seconds + 60; the timeout is only a backstop.
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=SECONDS + 90, check=False
    )
    table = dict(re.findall(r"^(\S+(?: \S+)*?) {2,}(.+)$", result.stdout, re.MULTILINE))
    return result.returncode, table, result.stdout + result.stderr


def assert_nothing_lost(code: int, table: dict[str, str], output: str) -> None:
    assert code == 0, output
    assert table["result"] == "OK", output
    assert int(table["requests"]) > READERS, output
    assert table["errors"] == "0", output
    saves = int(table["saves attempted"])
    assert saves >= 1, output
    assert table["saves confirmed"] == table["saves found"] == str(saves), output
    assert table["edits confirmed"] == table["edits attempted"], output
    assert table["server log"] == "clean", output


@pytest.fixture
def load_database():
    """The database this pass of the suite runs on: a fresh SQLite file (None tells the script
    to make one), or a PostgreSQL database of its own on the cluster DATABASE_URL points at."""
    if not ON_POSTGRES:
        yield None
        return
    with postgres_database("load_test") as url:
        yield url


@pytest.mark.slow
def test_readers_and_an_admin_editor_at_once_lose_no_save_and_lock_nothing(load_database):
    assert_nothing_lost(*run_load(load_database))
