"""The published data as a SQLite file: every published claim, nothing else, searchable as the
site searches, offered on the timeline and built once per version of the data."""

import io
import sqlite3
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.http import QueryDict
from django.utils import timezone

from statements.models import Claim, Evidence, Report, Statement, StatementStatus
from statements.public.filters import ClaimFilter
from statements.public.search import parse, sqlite_query
from tests.factories import make_claim, make_official, make_statement
from tests.second_report import add_second_report

DRAFT_WORD = "Quetzalcoatlian"
TABLES = {
    "officials",
    "posts",
    "outlets",
    "topics",
    "statements",
    "reports",
    "claims",
    "evidence",
    "claim_topics",
    "about",
}
SEARCHES = ["peace", "Armenia", '"territorial integrity"', "Karab", "peace Armenia negotiat"]


@pytest.fixture
def with_draft(seeded) -> Statement:
    """The seed data, a reviewer, an edit in the history and a draft nobody may see yet."""
    reviewer = User.objects.create(username="reviewer-name", password="pbkdf2_sha256$1$salt$hash")
    claim = Claim.objects.order_by("pk").first()
    claim.summary = "A summary the reviewer corrected."
    claim._history_user = reviewer
    claim.save()
    draft = make_statement(
        official=make_official("Hidden Drafter"),
        headline=f"{DRAFT_WORD} draft",
        source_text=f"The {DRAFT_WORD} plan was discussed.",
        status=StatementStatus.DRAFT,
    )
    make_claim(draft, DRAFT_WORD, summary="A draft claim.")
    return draft


def exported(tmp_path: Path) -> sqlite3.Connection:
    path = tmp_path / "open.sqlite3"
    call_command("export_sqlite", str(path), stdout=io.StringIO())
    return sqlite3.connect(path)


def test_the_file_holds_every_published_claim_and_nothing_unpublished(with_draft, tmp_path):
    database = exported(tmp_path)
    tables = {
        row[0] for row in database.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    assert tables >= TABLES
    assert not {t for t in tables if t.startswith(("auth_", "django_", "statements_", "axes_"))}

    claim_ids = {row[0] for row in database.execute("SELECT id FROM claims")}
    assert claim_ids == set(Claim.objects.published().values_list("pk", flat=True))
    assert len(claim_ids) == 25
    statement_ids = {row[0] for row in database.execute("SELECT id FROM statements")}
    assert with_draft.pk not in statement_ids
    everything = "\n".join(database.iterdump())
    assert DRAFT_WORD not in everything
    assert "Hidden Drafter" in everything  # as on /officials/, which lists every official
    assert "reviewer-name" not in everything and "pbkdf2" not in everything
    assert "A summary the reviewer corrected." in everything  # the current text, not history


def test_each_claim_carries_its_evidence_topics_and_links(with_draft, tmp_path):
    database = exported(tmp_path)
    expected = {
        claim.pk: (
            claim.evidence_text,
            claim.quote,
            claim.statement.headline,
            claim.main_evidence.report_id,
            claim.wording,
        )
        for claim in Claim.objects.published().with_evidence().select_related("statement")
    }
    stored = {
        row[0]: row[1:]
        for row in database.execute(
            "SELECT id, evidence, quote, headline, report_id, wording FROM claims"
        )
    }
    assert stored == expected
    links = database.execute(
        "SELECT count(*) FROM claim_topics JOIN topics ON topics.id = topic_id"
    ).fetchone()[0]
    assert links == Claim.topics.through.objects.filter(claim__in=Claim.objects.published()).count()
    url = database.execute("SELECT url FROM officials WHERE slug = 'hikmet-hajiyev'").fetchone()[0]
    assert url == "/officials/hikmet-hajiyev/"
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in ("claims", "reports", "evidence"):
        assert database.execute(f"PRAGMA foreign_key_list({table})").fetchall(), table
    indexes = {
        row[0] for row in database.execute("SELECT name FROM sqlite_master WHERE type='index'")
    }
    assert {"statements_official_date", "claims_statement", "claim_topics_topic"} <= indexes
    assert {"reports_statement", "evidence_claim", "evidence_report"} <= indexes


def test_each_report_and_evidence_of_a_published_statement_is_there(with_draft, tmp_path):
    second = add_second_report(Statement.objects.get(venue__slug="tass"))
    database = exported(tmp_path)
    reports = Report.objects.filter(statement__status=StatementStatus.PUBLISHED)
    stored = {
        row[0]: row[1:]
        for row in database.execute(
            "SELECT id, statement_id, outlet_id, source_url, source_text, source_sha256 "
            "FROM reports"
        )
    }
    assert stored == {
        r.pk: (r.statement_id, r.outlet_id, r.source_url, r.source_text, r.source_hash)
        for r in reports
    }
    evidence = Evidence.objects.filter(claim__statement__status=StatementStatus.PUBLISHED)
    rows = database.execute(
        "SELECT e.claim_id, e.report_id, e.is_main, e.quote, e.text, e.span_start, e.span_end,"
        " substr(r.source_text, e.span_start + 1, e.span_end - e.span_start)"
        " FROM evidence e JOIN reports r ON r.id = e.report_id"
    ).fetchall()
    assert sorted(rows) == sorted(
        (e.claim_id, e.report_id, int(e.is_main), e.quote, e.text, e.span_start, e.span_end, e.text)
        for e in evidence.select_related("report")
    )
    assert len([row for row in rows if row[1] == second.pk]) == 3
    differs = database.execute("SELECT id FROM claims WHERE wording = 'differs'").fetchall()
    assert differs == [(Claim.objects.get(wording="differs").pk,)]
    # The second report's own words are searched as the site searches them.
    for words in ("blocking", "Khankendi", '"Lachin roads"'):
        query = sqlite_query(parse(words))
        found = database.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", [query])
        site = ClaimFilter(QueryDict(urlencode({"q": words}))).qs
        assert {row[0] for row in found} == set(site.values_list("pk", flat=True)), words
        assert site.exists(), words


def test_its_full_text_index_finds_what_the_site_finds(with_draft, tmp_path):
    database = exported(tmp_path)
    for words in SEARCHES:
        query = sqlite_query(parse(words))
        found = database.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", [query])
        site = ClaimFilter(QueryDict(urlencode({"q": words}))).qs
        assert {row[0] for row in found} == set(site.values_list("pk", flat=True)), words
        assert site.exists(), words
        assert site.exists(), words


def test_datasette_finds_the_index_of_the_claims_table(with_draft, tmp_path):
    database = exported(tmp_path)
    # The test Datasette (0.65) makes to offer a table's search box.
    found = database.execute(
        "SELECT name FROM sqlite_master WHERE rootpage = 0"
        " AND sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"claims\"%'"
    )
    assert found.fetchall() == [("claims_fts",)]


def test_the_command_refuses_to_overwrite_a_file(seeded, tmp_path):
    existing = tmp_path / "taken.sqlite3"
    existing.write_text("mine")
    with pytest.raises(CommandError, match="exists already"):
        call_command("export_sqlite", str(existing), stdout=io.StringIO())
    assert existing.read_text() == "mine"


def test_the_timeline_offers_the_file_with_the_operators_licence(seeded, client, settings):
    settings.OPEN_DATA_LICENCE = "CC BY 4.0 <credit Statement Timeline>"
    page = client.get("/").content.decode()
    assert 'href="/statement-timeline.sqlite3" download>Download all data (SQLite)</a>' in page
    assert "CC BY 4.0 &lt;credit Statement Timeline&gt;" in page


def download(client, tmp_path: Path, name: str) -> tuple[object, sqlite3.Connection]:
    response = client.get("/statement-timeline.sqlite3")
    assert response.status_code == 200
    copy = tmp_path / name
    copy.write_bytes(b"".join(response.streaming_content))
    return response, sqlite3.connect(copy)


def test_the_site_serves_the_file_built_once_per_version_of_the_data(
    with_draft, client, settings, tmp_path
):
    settings.OPEN_DATA_DIR = tmp_path / "opendata"
    settings.OPEN_DATA_LICENCE = "Free to reuse with credit."
    response, first = download(client, tmp_path, "first.sqlite3")
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="statement-timeline-{today}.sqlite3"'
    )
    built = list(settings.OPEN_DATA_DIR.glob("*.sqlite3"))
    assert len(built) == 1
    assert int(response["Content-Length"]) == built[0].stat().st_size
    modified = parsedate_to_datetime(response["Last-Modified"]).timestamp()
    assert modified == int(built[0].stat().st_mtime)
    assert first.execute("SELECT value FROM about WHERE key = 'licence'").fetchone() == (
        "Free to reuse with credit.",
    )

    again = client.get(
        "/statement-timeline.sqlite3", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
    )
    assert again.status_code == 304
    same = client.get("/statement-timeline.sqlite3", HTTP_IF_NONE_MATCH=response["ETag"])
    assert same.status_code == 304
    assert list(settings.OPEN_DATA_DIR.glob("*.sqlite3")) == built  # not built again

    with_draft.status = StatementStatus.PUBLISHED
    with_draft.save()
    changed = client.get("/statement-timeline.sqlite3", HTTP_IF_NONE_MATCH=response["ETag"])
    assert changed.status_code == 200
    assert b"".join(changed.streaming_content).startswith(b"SQLite format 3")
    _, second = download(client, tmp_path, "second.sqlite3")
    now = list(settings.OPEN_DATA_DIR.glob("*.sqlite3"))
    assert len(now) == 1 and now != built  # the older version's file is gone
    headlines = {row[0] for row in second.execute("SELECT headline FROM statements")}
    assert f"{DRAFT_WORD} draft" in headlines
