"""backup and restore: a restore gives back every row and the search index as they were."""

import io
import os
import re
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection

from statements.models import Claim, Evidence, Official, Report, Statement, Topic
from statements.public.search import search_claims
from tests import replay
from tests.conftest import restore_curation_groups
from tests.second_report import add_second_report

pytestmark = pytest.mark.django_db(transaction=True)

BASE_DIR = Path(__file__).resolve().parent.parent

APP_TABLES = (
    "statements_official",
    "statements_post",
    "statements_outlet",
    "statements_topic",
    "statements_statement",
    "statements_report",
    "statements_claim",
    "statements_evidence",
    "statements_claim_topics",
    "statements_historicalofficial",
    "statements_historicalstatement",
    "statements_historicalreport",
    "statements_historicalclaim",
    "statements_historicalevidence",
    "statements_historicalclaim_topics",
    "auth_user",
    "auth_group_permissions",
)
SEARCH_INDEX = {
    "sqlite": "SELECT rowid, quote, summary, evidence, headline FROM claim_search",
    "postgresql": "SELECT claim_id, document::text FROM claim_search",
}
NEW_WORD = "Zanzibarian"
DATED_NAME = re.compile(r"statement-timeline-\d{8}-\d{6}\.(sqlite3|dump)")
SUFFIXES = {"sqlite": ".sqlite3", "postgresql": ".dump"}


def stored_rows() -> dict[str, list[tuple]]:
    """Every row of every app table and of the search index, sorted, with the column names."""
    queries = {table: f"SELECT * FROM {table}" for table in APP_TABLES}
    queries["claim_search"] = SEARCH_INDEX[connection.vendor]
    rows = {}
    with connection.cursor() as cursor:
        for table, sql in queries.items():
            cursor.execute(sql)
            columns = tuple(column[0] for column in cursor.description)
            rows[table] = [columns, *sorted(cursor.fetchall(), key=repr)]
    return rows


def quoting(words: str) -> Claim:
    """The claim whose main evidence quotes these words."""
    return Claim.objects.get(evidence_spans__is_main=True, evidence_spans__quote__contains=words)


def found(text: str) -> int:
    return search_claims(Claim.objects.all(), text).count()


def run(command: str, *args: str) -> str:
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def edit_one_of_each() -> None:
    """Changes that leave history records: of an official, a statement, a claim and its topics."""
    for record in (Official.objects.first(), Statement.objects.first()):
        record.save()
    claim = Claim.objects.filter(topics__isnull=False).first()
    claim.summary += " Edited before the backup."
    claim.save()


def backed_up_seed(tmp_path: Path) -> Path:
    replay.seed()
    add_second_report(Statement.objects.get(venue__slug="tass"))
    restore_curation_groups()
    edit_one_of_each()
    User.objects.create_user("editor", "editor@example.org", "a long passphrase")
    path = tmp_path / "seed-backup"
    run("backup", "--output", str(path))
    return path


def test_restore_brings_back_every_row_and_the_search_index(tmp_path):
    backup = backed_up_seed(tmp_path)
    before = stored_rows()
    assert all(len(rows) > 1 for rows in before.values()), "every table holds rows to compare"

    claim = quoting("Khankendi")
    claim.summary = f"Edited after the backup: {NEW_WORD}."
    claim.save()
    second = Report.objects.get(outlet__slug="caspian-ledger")
    second.delete()
    deleted = Statement.objects.exclude(claims=claim).get()
    deleted.delete()
    User.objects.create_user("intruder")
    assert stored_rows() != before
    assert found(NEW_WORD) == 1

    output = run("restore", str(backup))

    assert stored_rows() == before
    assert Statement.objects.get(uid=deleted.uid).reports.count() == 1
    assert Evidence.objects.filter(report__source_hash=second.source_hash).count() == 3
    assert quoting("Khankendi").wording == "differs"
    assert "2 statements and 25 claims" in output
    assert found("Khankendi") == 1
    assert found(NEW_WORD) == 0
    # The index's triggers and the id sequences came back too.
    claim.refresh_from_db()
    claim.summary = f"Edited after the restore: {NEW_WORD}."
    claim.save()
    assert found(NEW_WORD) == 1
    assert Topic.objects.create(name="Energy", slug="energy").pk > max(
        Topic.objects.exclude(slug="energy").values_list("pk", flat=True)
    )


def test_backup_says_what_it_wrote_and_what_it_holds(tmp_path):
    replay.seed()
    path = tmp_path / "nested" / "copy"

    output = run("backup", "--output", str(path))

    assert f"Backup written to {path}" in output
    assert "It holds 2 statements and 25 claims." in output
    magic = b"SQLite format 3\x00" if connection.vendor == "sqlite" else b"PGDMP"
    assert path.read_bytes().startswith(magic)
    assert [p.name for p in path.parent.iterdir()] == ["copy"], "no partial file is left behind"


def test_backup_without_output_writes_a_dated_file_under_backups(tmp_path, settings):
    replay.seed()
    settings.BASE_DIR = tmp_path

    run("backup")

    (written,) = (tmp_path / "backups").iterdir()
    assert DATED_NAME.fullmatch(written.name)
    assert written.suffix == SUFFIXES[connection.vendor]


def test_backup_into_a_folder_gives_the_file_a_dated_name(tmp_path):
    replay.seed()

    run("backup", "--output", str(tmp_path))

    (written,) = tmp_path.iterdir()
    assert DATED_NAME.fullmatch(written.name)
    assert written.suffix == SUFFIXES[connection.vendor]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "No backup file at"),
        (b"name,date\nHajiyev,2023-09-16\n", "is not an SQLite database|is not a pg_dump archive"),
        ("other app", "lacks this app.s tables|is not a pg_dump archive"),
        ("damaged", "malformed|restore failed and the database is unchanged"),
    ],
    ids=["missing", "not a database", "another app's database", "damaged backup"],
)
def test_restore_refuses_anything_but_a_good_backup_and_changes_nothing(tmp_path, content, message):
    backup = backed_up_seed(tmp_path)
    path = tmp_path / "candidate"
    if content == "other app":
        sqlite3.connect(path).execute("CREATE TABLE notes (body text)").connection.close()
    elif content == "damaged":
        # SQLite checks the whole file first; PostgreSQL reads the table of contents, then fails
        # part-way through the data, inside the transaction that is then rolled back.
        data = backup.read_bytes()
        path.write_bytes(data[: len(data) // 2] if connection.vendor == "sqlite" else data[:-100])
    elif content is not None:
        path.write_bytes(content)
    Claim.objects.filter(pk=quoting("Khankendi").pk).update(summary=f"Changed: {NEW_WORD}.")
    before = stored_rows()

    with pytest.raises(CommandError, match=message):
        run("restore", str(path))

    assert stored_rows() == before
    assert found(NEW_WORD) == 1


def manage(*args: str, database: Path) -> subprocess.CompletedProcess[str]:
    """Run manage.py in a new process on an SQLite file of its own."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.same_on_any_database
def test_both_commands_fail_with_a_message_on_a_missing_file(tmp_path):
    database = tmp_path / "db.sqlite3"

    restored = manage("restore", str(tmp_path / "missing.sqlite3"), database=database)
    backed_up = manage("backup", "--output", str(tmp_path / "copy.sqlite3"), database=database)

    assert restored.returncode == 1
    assert "No backup file at" in restored.stderr
    assert backed_up.returncode == 1
    assert "No database file at" in backed_up.stderr
    assert not database.exists()
    assert not (tmp_path / "copy.sqlite3").exists()


@pytest.mark.slow
@pytest.mark.same_on_any_database
def test_on_a_live_sqlite_file_backups_are_consistent_while_writes_go_on(tmp_path):
    """The deployed set-up: a database file in WAL mode, written to by another connection."""
    database, backup = tmp_path / "db.sqlite3", tmp_path / "backup.sqlite3"
    assert manage("migrate", database=database).returncode == 0
    assert manage("load_seed", database=database).returncode == 0
    writer = sqlite3.connect(database, isolation_level=None, timeout=20, check_same_thread=False)
    writes, stop = [0], threading.Event()

    def write_until_stopped() -> None:
        # Each transaction writes the same number into two tables; a torn copy would differ.
        while not stop.is_set():
            writes[0] += 1
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("UPDATE statements_official SET bio = ?", (str(writes[0]),))
            writer.execute("UPDATE statements_topic SET description = ?", (str(writes[0]),))
            writer.execute("COMMIT")

    thread = threading.Thread(target=write_until_stopped)
    thread.start()
    try:
        backed_up = manage("backup", "--output", str(backup), database=database)
    finally:
        stop.set()
        thread.join()
    assert backed_up.returncode == 0, backed_up.stderr
    assert writes[0] > 0
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    (bio,) = copy.execute("SELECT bio FROM statements_official").fetchone()
    assert copy.execute("SELECT DISTINCT description FROM statements_topic").fetchall() == [(bio,)]
    copy.close()

    refused = manage("backup", "--output", str(database), database=database)
    assert refused.returncode == 1
    assert "is the live database itself" in refused.stderr

    # A reader in the middle of a transaction keeps its view; afterwards it sees the backup.
    reader = sqlite3.connect(database, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT bio FROM statements_official").fetchone() == (str(writes[0]),)
    restored = manage("restore", str(backup), database=database)
    assert restored.returncode == 0, restored.stderr
    assert "2 statements and 25 claims" in restored.stdout
    assert reader.execute("SELECT bio FROM statements_official").fetchone() == (str(writes[0]),)
    reader.execute("COMMIT")
    assert reader.execute("SELECT bio FROM statements_official").fetchone() == (bio,)
    assert reader.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    match = "SELECT count(*) FROM claim_search WHERE claim_search MATCH 'Khankendi'"
    assert reader.execute(match).fetchone() == (1,)
    reader.close()
    writer.close()
