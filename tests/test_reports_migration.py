"""Migration 0014 and back, on data stored before it: every statement's text becomes its first
report and every claim's span its main evidence there, history included (a deleted statement's
too); the reverse migration gives back the old shape row for row, searchable as before."""

import hashlib
import uuid
from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("statements", "0013_position_changes")
AFTER = ("statements", "0014_reports_and_evidence")
# As migrations/_report_split.py names statements: from the hash of their text.
STATEMENT_NAMES = uuid.UUID("6f1d8f3e-2f4b-4d3c-9a57-1d2a7a3c5b10")
TEXTS = [
    " date 2023-09-16 BAKU. The minister said: We will build the bridge. Critics doubted it.",
    " date 2024-03-29 The envoy said that talks on the Lachin road would resume in spring.",
    "The spokesman said: We reject the proposal. He added that Aghdam stays open.",
]
DELETED_TEXT = "An aide said: The zeppelin hangar will be rebuilt. Nobody believed it."
# Each text's quote, then a span of a reported position.
CLAIMED = {
    TEXTS[0]: ["We will build the bridge.", "Critics doubted it"],
    TEXTS[1]: ["talks on the Lachin road would resume", "The envoy said"],
    TEXTS[2]: ["We reject the proposal.", "Aghdam stays open"],
    DELETED_TEXT: ["The zeppelin hangar will be rebuilt.", "Nobody believed it"],
}
FIRST_TEXT = "The minister said: We will build a bridge."  # corrected later
SEARCHES = ["bridge", "Lachin", "zeppelin", "proposal", "minister", "Hangar"]
CHANGED = ["Statement", "Claim", "HistoricalStatement", "HistoricalClaim"]


def migrate_to(target: tuple[str, str] | None):
    executor = MigrationExecutor(connection)
    targets = [target] if target else executor.loader.graph.leaf_nodes("statements")
    return executor.migrate(targets).apps


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def found(words: str) -> set[int]:
    """The claims the full-text index finds for one word, read from the index itself."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT rowid FROM claim_search WHERE claim_search MATCH %s", [words])
        else:
            cursor.execute(
                "SELECT claim_id FROM claim_search WHERE document @@ to_tsquery('simple', %s)",
                [words.lower()],
            )
        return {row[0] for row in cursor.fetchall()}


def remembered(apps, model: str, instance, kind: str, when) -> None:
    """A version of a record in its history table, as django-simple-history writes one."""
    Historical = apps.get_model("statements", f"Historical{model}")
    kept = {f.attname for f in Historical._meta.concrete_fields}
    fields = [f.attname for f in apps.get_model("statements", model)._meta.concrete_fields]
    values = {name: getattr(instance, name) for name in fields if name in kept}
    Historical.objects.create(**values, history_date=when, history_type=kind)


def store_old_shape(apps) -> None:
    """Statements with claims as they were stored before reports, and their history."""
    get = apps.get_model
    official = get("statements", "Official").objects.create(name="Ana Petrova", slug="ana")
    venue = get("statements", "Outlet").objects.create(name="TASS", slug="tass")
    outlet = get("statements", "Outlet").objects.create(name="Trend", slug="trend")
    topic = get("statements", "Topic").objects.create(name="Roads", slug="roads")
    Statement, Claim = get("statements", "Statement"), get("statements", "Claim")
    start = timezone.now() - timedelta(days=30)
    for number, text in enumerate([*TEXTS, DELETED_TEXT]):
        statement = Statement.objects.create(
            official=official,
            date=date(2023, 9, 16) + timedelta(days=number),
            kind="interview",
            venue=venue if number == 0 else None,
            reporting_outlet=outlet if number != 1 else None,
            headline=f"Headline {number}",
            source_text=FIRST_TEXT if number == 0 else text,
            source_hash=content_hash(FIRST_TEXT if number == 0 else text),
            source_url=f"https://example.org/{number}" if number != 2 else "",
            dateline="BAKU" if number == 0 else "",
            title_as_given="Minister" if number == 0 else "",
            language="en" if number != 2 else "ru",
            body_start=16 if text.startswith(" date") else 0,
            status="published" if number != 2 else "draft",
        )
        remembered(apps, "Statement", statement, "+", start + timedelta(days=number))
        if number == 0:  # its text corrected before any claim pointed into it
            statement.source_text, statement.source_hash = text, content_hash(text)
            statement.save()
            remembered(apps, "Statement", statement, "~", start + timedelta(days=number, hours=1))
        for order, words in enumerate(CLAIMED[text], start=1):
            at = text.index(words)
            claim = Claim.objects.create(
                statement=statement,
                order=order,
                summary=f"Summary {number}.{order}",
                kind="quote" if order == 1 else "paraphrase",
                quote=words if order == 1 else "",
                span_start=at,
                span_end=at + len(words),
            )
            claim.topics.add(topic)
            remembered(apps, "Claim", claim, "+", start + timedelta(days=number, hours=2))
    deleted = Statement.objects.get(source_hash=content_hash(DELETED_TEXT))
    later = start + timedelta(days=10)
    for claim in Claim.objects.filter(statement=deleted):
        remembered(apps, "Claim", claim, "-", later)
    remembered(apps, "Statement", deleted, "-", later)
    deleted.delete()


def rows(apps) -> dict[str, list[dict]]:
    """Every row of the tables the migration changes, in key order."""
    return {
        name: list(apps.get_model("statements", name).objects.order_by("pk").values())
        for name in CHANGED
    }


@pytest.fixture
def old_data():
    apps = migrate_to(BEFORE)
    try:
        store_old_shape(apps)
        yield apps, rows(apps), {words: found(words) for words in SEARCHES}
    finally:
        migrate_to(None)


def test_every_span_moves_into_its_report_with_its_words(old_data):
    old_apps, before, searched = old_data
    apps = migrate_to(AFTER)
    Report, Evidence = (
        apps.get_model("statements", "Report"),
        apps.get_model("statements", "Evidence"),
    )
    statements = {row["id"]: row for row in before["Statement"]}
    for report in Report.objects.all():
        old = statements[report.statement_id]
        assert report.order == 0 and not report.is_primary
        assert report.outlet_id == old["reporting_outlet_id"]
        assert report.headline_as_printed == old["headline"]
        for field in ("source_text", "source_hash", "source_url", "dateline", "title_as_given"):
            assert getattr(report, field) == old[field], field
        assert (report.language, report.body_start) == (old["language"], old["body_start"])
    assert Report.objects.count() == len(statements) == 3
    for claim in before["Claim"]:
        (evidence,) = Evidence.objects.filter(claim_id=claim["id"]).select_related("report")
        assert evidence.is_main and evidence.report.statement_id == claim["statement_id"]
        span = (evidence.quote, evidence.span_start, evidence.span_end)
        assert span == (claim["quote"], claim["span_start"], claim["span_end"])
        words = evidence.report.source_text[evidence.span_start : evidence.span_end]
        text = statements[claim["statement_id"]]["source_text"]
        assert words == text[claim["span_start"] : claim["span_end"]]
        assert evidence.quote in ("", words)
    assert {words: found(words) for words in SEARCHES} == searched


def test_history_keeps_every_version_and_one_name_per_statement(old_data):
    _, before, _ = old_data
    apps = migrate_to(AFTER)
    get = apps.get_model
    live = {
        statement.pk: statement.uid for statement in get("statements", "Statement").objects.all()
    }
    history = get("statements", "HistoricalStatement").objects.order_by("history_id")
    versions = get("statements", "HistoricalReport").objects.order_by("history_date", "history_id")
    old_versions = {row["history_id"]: row for row in before["HistoricalStatement"]}
    assert history.count() == versions.count() == len(old_versions) == 6
    deleted_hash = content_hash(DELETED_TEXT)
    for record in history:
        # A statement keeps one name through its history; a deleted one is named by its text.
        expected = live.get(record.id, uuid.uuid5(STATEMENT_NAMES, deleted_hash))
        assert record.uid == expected, record.history_type
        old = old_versions[record.history_id]
        (version,) = versions.filter(statement_id=record.id, history_date=record.history_date)
        assert (version.source_text, version.history_type) == (
            old["source_text"],
            old["history_type"],
        )
    for statement_id, uid in live.items():
        text = next(row["source_text"] for row in before["Statement"] if row["id"] == statement_id)
        assert uid == uuid.uuid5(STATEMENT_NAMES, content_hash(text))
    reports = dict(get("statements", "Report").objects.values_list("statement_id", "pk"))
    gone = versions.get(history_type="-")
    assert gone.id not in reports.values()
    spans = get("statements", "HistoricalEvidence").objects
    assert spans.count() == len(before["HistoricalClaim"])
    for record in before["HistoricalClaim"]:
        version = spans.get(claim_id=record["id"], history_date=record["history_date"])
        assert (version.quote, version.span_start, version.span_end) == (
            record["quote"],
            record["span_start"],
            record["span_end"],
        )
        assert version.report_id == reports.get(record["statement_id"], gone.id)
        assert version.is_main and version.history_type == record["history_type"]


def test_new_reports_and_evidence_never_take_the_ids_of_deleted_ones(old_data):
    migrate_to(AFTER)
    migrate_to(None)
    from statements.models import Evidence, Report, Statement  # noqa: PLC0415
    from tests.factories import add_evidence, make_claim  # noqa: PLC0415

    statement = Statement.objects.order_by("pk").first()
    report = Report.objects.create(statement=statement, order=1, source_text="Entirely new words.")
    claim = make_claim(statement, "We will build the bridge.")
    span = add_evidence(claim, report, "new words")
    assert report.pk not in set(
        Report.history.filter(history_type="-").values_list("id", flat=True)
    )
    assert span.pk not in set(
        Evidence.history.filter(history_type="-").values_list("id", flat=True)
    )


def test_the_reverse_migration_gives_back_the_old_shape_exactly(old_data):
    _, before, searched = old_data
    migrate_to(AFTER)
    apps = migrate_to(BEFORE)
    after = rows(apps)
    for name in CHANGED:
        assert after[name] == before[name], name
    assert {words: found(words) for words in SEARCHES} == searched
    # The old index follows changes again, through the old triggers.
    Claim = apps.get_model("statements", "Claim")
    Claim.objects.filter(summary="Summary 1.1").update(summary="Summary about airships")
    assert found("airships") == set(
        Claim.objects.filter(summary__contains="airships").values_list("pk", flat=True)
    )
    assert len(found("airships")) == 1
