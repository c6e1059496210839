"""move_database: everything moves to another database and back, row for row, and the public
pages read from the copy are the pages read from the original; a refused move changes nothing.

The source is the test database. On SQLite it moves to a SQLite file and on to another; under
tests/with_postgres.py (DATABASE_URL is PostgreSQL) it moves to a SQLite file and back to a
new PostgreSQL database, so `make test` runs both directions.
"""

import io
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import DEFAULT_DB_ALIAS, connection

from statements.config.routers import reads_from
from statements.models import Claim, Evidence, Official, Report, Statement
from statements.ops import move as move_module
from statements.ops.move import copied_models, move
from statements.ops.move_target import MoveError, opened
from statements.public.search import search_claims
from statements.public.versions import data_version
from tests import replay
from tests.conftest import restore_curation_groups
from tests.second_report import add_second_report
from tests.throwaway_database import database_name, database_url, manage, postgres_database

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = urlsplit(DATABASE_URL).scheme in {"postgres", "postgresql", "pgsql"}
# The PostgreSQL server for a move to PostgreSQL from the SQLite pass too, if one is named.
POSTGRES_SERVER = DATABASE_URL if ON_POSTGRES else os.environ.get("MOVE_TEST_POSTGRES_URL", "")
PASSWORD = "pbkdf2_sha256$1000000$salt$a-hash-never-checked-here"
PUBLIC_PAGES = [
    "/",
    "/?order=oldest",
    "/?q=peace",
    '/?q="Armenia"&topic=peace-process',
    "/?official=hikmet-hajiyev&view=lanes",
    "/officials/",
    "/officials/hikmet-hajiyev/",
    "/topics/",
    "/topics/karabakh/",
    "/export.csv",
    "/export.json?level=statements",
    "/feed.atom",
]


def migrate(url: str) -> None:
    manage(url, "migrate", "--noinput", "-v0")


@pytest.fixture(scope="module")
def migrated_file(tmp_path_factory) -> Path:
    """An empty, migrated SQLite database, copied for each target."""
    path = tmp_path_factory.mktemp("move") / "migrated.sqlite3"
    migrate(f"sqlite:///{path}")
    return path


@pytest.fixture
def empty_sqlite(migrated_file, tmp_path):
    """Hands out URLs of new empty, migrated SQLite files."""
    made = iter(range(100))

    def make() -> str:
        path = tmp_path / f"target-{next(made)}.sqlite3"
        path.write_bytes(migrated_file.read_bytes())
        return f"sqlite:///{path}"

    return make


@pytest.fixture(scope="module")
def postgres_template():
    """The name of an empty, migrated PostgreSQL database that new targets are copied from."""
    if not POSTGRES_SERVER:
        yield None
        return
    with postgres_database("move_template", server=POSTGRES_SERVER) as url:
        migrate(url)
        yield database_name(url)


@pytest.fixture
def second_target(postgres_template, empty_sqlite):
    """Where the copy moves on to: a new PostgreSQL database when a server is at hand."""
    if postgres_template is None:
        yield empty_sqlite()
        return
    with postgres_database(
        "move_target", template=postgres_template, server=POSTGRES_SERVER
    ) as url:
        yield url


@pytest.fixture
def curated() -> None:
    """Seed data with a second report of one interview, generated statements, two editors'
    changes and a deletion (of a statement with its report and evidence) in the history."""
    restore_curation_groups()
    replay.seed()
    add_second_report(Statement.objects.get(venue__slug="tass"))
    call_command(
        "generate_data",
        officials=3,
        statements=30,
        claims_per_statement=3,
        seed=5,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    editor = User.objects.create(username="editor", password=PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewer = User.objects.create(username="reviewer", password=PASSWORD)
    reviewer.groups.add(Group.objects.get(name="Reviewers"))
    official = Official.objects.get(slug="hikmet-hajiyev")
    official.bio = "Foreign-policy adviser to the President of Azerbaijan."
    official._history_user = editor
    official.save()
    claim = Claim.objects.order_by("pk").first()
    claim.summary = "A summary corrected by the reviewer."
    claim._history_user = reviewer
    claim.save()
    doomed = Statement.objects.exclude(official=official).order_by("pk").first()
    doomed._history_user = reviewer
    doomed.delete()
    LogEntry.objects.create(
        user=reviewer,
        content_type=ContentType.objects.get_for_model(Claim),
        object_id=str(claim.pk),
        object_repr=str(claim),
        action_flag=CHANGE,
        change_message="Changed text.",
    )


def every_row(alias: str) -> dict[str, list[tuple]]:
    """Each table's rows in key order, as Python reads them."""
    return {
        model._meta.db_table: list(
            model._base_manager.using(alias)
            .order_by("pk")
            .values_list(*(field.attname for field in model._meta.concrete_fields))
        )
        for model in copied_models()
    }


@contextmanager
def reading(url: str):
    """The database at url, under an alias of its own."""
    with opened(url, "under_test") as alias:
        yield alias


def pages_read_from(alias: str, client) -> dict[str, bytes]:
    """Public pages as served by a site whose public reads go to alias (as to a replica)."""
    caches["pages"].clear()
    token = reads_from.set(alias)
    try:
        responses = {url: client.get(url) for url in PUBLIC_PAGES}
        assert {url: response.status_code for url, response in responses.items()} == dict.fromkeys(
            PUBLIC_PAGES, 200
        )
        return {url: b"".join(response) for url, response in responses.items()}
    finally:
        reads_from.reset(token)


def quiet_move(url: str, **options):
    lines = []
    return move(url, say=lines.append, **options), lines


def test_everything_moves_row_for_row_and_back_and_the_pages_are_the_same(
    curated, empty_sqlite, second_target, client
):
    original = every_row(DEFAULT_DB_ALIAS)
    changes = Statement.history.model.objects.filter(history_type="-")
    deleted = changes.get()
    assert deleted.history_user.username == "reviewer"
    # The deleted statement's report and evidence are in the history too.
    gone = Report.history.filter(statement_id=deleted.id, history_type="-")
    assert gone.exists()
    assert Evidence.history.filter(report_id__in=gone.values("id"), history_type="-").exists()
    assert Report.objects.filter(outlet__slug="caspian-ledger").get().evidence_spans.count() == 3
    assert Official.history.filter(history_user__username="editor").exists()
    pages = pages_read_from(DEFAULT_DB_ALIAS, client)
    assert b"Hajiyev" in pages["/officials/hikmet-hajiyev/"] and b"Hajiyev" in pages["/feed.atom"]

    copy = empty_sqlite()
    quiet_move(copy)
    moved, lines = quiet_move(second_target, source_url=copy)

    said = "\n".join(lines)
    for table in ("claim", "report", "evidence", "historicalreport", "historicalevidence"):
        assert f"statements_{table}: {len(original[f'statements_{table}']):,} rows" in said
    assert moved.version != data_version(DEFAULT_DB_ALIAS)
    for url in (copy, second_target):
        with reading(url) as alias:
            assert every_row(alias) == original
    with reading(second_target) as alias:
        assert pages_read_from(alias, client) == pages


def test_the_copy_continues_its_keys_search_index_and_data_version(
    curated, empty_sqlite, second_target
):
    quiet_move(second_target)
    with reading(second_target) as alias:
        version = data_version(alias)
        found = Claim.objects.using(alias).filter(pk__in=search_ids(alias, "peace"))
        assert set(found.values_list("pk", flat=True)) == set(search_ids(DEFAULT_DB_ALIAS, "peace"))
        highest = Claim.objects.using(alias).order_by("-pk").first()
        added = Claim.objects.using(alias).create(
            statement=highest.statement,
            order=999,
            summary="Added after the move.",
            kind="paraphrase",
        )
        assert added.pk == highest.pk + 1
        report = Report.objects.using(alias).filter(statement=highest.statement).first()
        span = Evidence.objects.using(alias).create(
            claim=added, report=report, is_main=True, span_start=0, span_end=4
        )
        assert span.pk == Evidence.objects.using(alias).exclude(pk=span.pk).latest("pk").pk + 1
        # The target's own triggers are back: its search index and data version follow changes.
        assert search_ids(alias, "Added after the") == [added.pk]
        assert data_version(alias) != version


def search_ids(alias: str, words: str) -> list[int]:
    return list(search_claims(Claim.objects.using(alias), words).values_list("pk", flat=True))


def test_the_command_reports_table_by_table_with_progress(curated, empty_sqlite, monkeypatch):
    monkeypatch.setattr(move_module, "PROGRESS_EVERY", 50)
    monkeypatch.setattr(move_module, "BATCH_ROWS", 25)
    AccessAttempt.objects.create(
        username="editor", ip_address="192.0.2.7", failures_since_start=2, get_data="", post_data=""
    )
    output = io.StringIO()
    target = empty_sqlite()
    call_command("move_database", to=target, with_login_attempts=True, stdout=output)
    report = output.getvalue()
    with reading(target) as alias:
        moved = AccessAttempt.objects.using(alias).get()
        assert (moved.username, moved.failures_since_start) == ("editor", 2)
    assert "axes_accessattempt: 1 row (" in report
    claims = Claim.objects.count()
    assert f"statements_claim: copying {claims:,} rows…" in report
    assert f"  statements_claim: 100 of {claims:,} rows" in report
    assert "auth_group: 2 rows" in report
    assert "Checked: row counts equal in all" in report
    assert f"statements_evidence: {Evidence.objects.count():,} rows" in report
    assert "Checked: every quote" in report and "rest on their main evidence in both" in report
    assert "the same claims and counts for" in report


def target_state(url: str) -> tuple[dict, str]:
    with reading(url) as alias:
        return every_row(alias), data_version(alias)


def refused(url: str, *arguments: str) -> str:
    with pytest.raises(CommandError) as refusal:
        call_command("move_database", "--to", url, *arguments, stdout=io.StringIO())
    message = str(refusal.value)
    assert message.endswith("Nothing was changed.")
    return message


def test_a_target_holding_data_is_refused_unless_replaced(curated, empty_sqlite):
    target = empty_sqlite()
    quiet_move(target)
    Claim.objects.filter(pk=Claim.objects.order_by("pk").first().pk).delete()
    before = target_state(target)

    message = refused(target)

    assert "already holds data" in message and "--replace" in message
    assert target_state(target) == before
    quiet_move(target, replace=True)
    with reading(target) as alias:
        assert every_row(alias) == every_row(DEFAULT_DB_ALIAS)


def test_a_target_at_other_migrations_is_refused(curated, empty_sqlite):
    target = empty_sqlite()
    database = sqlite3.connect(urlsplit(target).path)
    with database:
        database.execute("DELETE FROM django_migrations WHERE name = '0007_data_version_posts'")
    database.close()
    before = target_state(target)

    message = refused(target)

    assert "migrations differ" in message and "0007_data_version_posts" in message
    assert "manage.py migrate" in message
    assert target_state(target) == before


def test_a_database_migrated_before_the_squash_moves_to_one_migrated_through_it(
    curated, empty_sqlite
):
    """The source went through migrations 0001–0029 one by one before their squash came (its
    record is missing there); the new target went through the squash."""
    squashed = "0001_squashed_0029_search_prefix_counts"
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE name = %s", [squashed])
    target = empty_sqlite()
    quiet_move(target)
    with reading(target) as alias:
        assert every_row(alias) == every_row(DEFAULT_DB_ALIAS)


def test_an_unmigrated_or_unreachable_target_is_refused(curated, tmp_path):
    blank = tmp_path / "blank.sqlite3"
    sqlite3.connect(blank).close()
    assert "no migrations applied" in refused(f"sqlite:///{blank}")
    assert blank.stat().st_size == 0

    missing = tmp_path / "nowhere" / "db.sqlite3"
    assert "No database file" in refused(f"sqlite:///{missing}")
    assert not missing.parent.exists()

    message = refused("postgres://nobody:secret@127.0.0.1:1/timeline")
    assert "Cannot reach postgres://nobody:***@127.0.0.1:1/timeline" in message
    assert "secret" not in message


def test_a_failed_check_rolls_the_whole_copy_back(curated, empty_sqlite, monkeypatch):
    target = empty_sqlite()
    before = target_state(target)

    def disagree(*args):
        raise MoveError("The target shows other claims than this database for q=peace.")

    monkeypatch.setattr(move_module, "verify", disagree)
    assert "other claims" in refused(target)
    assert target_state(target) == before


@pytest.mark.skipif(not ON_POSTGRES, reason="the SQLite test database lives in memory")
def test_the_database_itself_is_refused_as_a_target(curated):
    itself = database_url(POSTGRES_SERVER, connection.settings_dict["NAME"])
    assert "is the database being moved" in refused(itself)
