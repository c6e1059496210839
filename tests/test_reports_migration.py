"""Migration 0014 and back, on data stored before it: every statement's text becomes its first
report and every claim's span its main evidence there, history included (a deleted statement's
too); the reverse migration gives back the old shape row for row, searchable as before."""

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.forms.models import model_to_dict
from django.utils import timezone

from tests.conftest import restore_curation_groups
from tests.migration_steps import migrate_to

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


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def found(words: str) -> set[int]:
    """The claims the full-text index finds for one word, read from the index itself."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT rowid FROM claim_search WHERE claim_search MATCH %s", [words])
        else:
            # Of claims that exist: a test's flush truncates the claims, which fires no delete
            # trigger, and leaves their index rows for the next claim of the same key to replace.
            cursor.execute(
                "SELECT claim_id FROM claim_search WHERE document @@ to_tsquery('simple', %s)"
                " AND claim_id IN (SELECT id FROM statements_claim)",
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


@dataclass
class Forward:
    """What migration 0014 made of the old data."""

    reports: list[dict]
    evidence: dict[int, list[dict]]  # per old claim, with its report's statement and text
    statements: dict[int, uuid.UUID]
    statement_history: list[dict]
    report_history: list[dict]
    evidence_history: list[dict]
    searched: dict[str, set[int]]


@dataclass
class Trip:
    """The old data, what the migration made of it, and what its reverse gave back."""

    before: dict[str, list[dict]]
    searched: dict[str, set[int]]
    forward: Forward
    back: dict[str, list[dict]]
    searched_back: dict[str, set[int]]
    airships: tuple[set[int], set[int]]  # found by the old index after an edit, and stored
    new_ids: tuple[int, int]  # a report and an evidence made after going forward again
    deleted_ids: tuple[set[int], set[int]]


def read_forward(apps) -> Forward:
    get = apps.get_model
    evidence = {}
    for span in get("statements", "Evidence").objects.select_related("report"):
        evidence.setdefault(span.claim_id, []).append(
            {
                **model_to_dict(span),
                "statement_id": span.report.statement_id,
                "source_text": span.report.source_text,
            }
        )

    def history(name: str, *order: str) -> list[dict]:
        return list(get("statements", name).objects.order_by(*order).values())

    return Forward(
        reports=list(get("statements", "Report").objects.order_by("pk").values()),
        evidence=evidence,
        statements=dict(get("statements", "Statement").objects.values_list("pk", "uid")),
        statement_history=history("HistoricalStatement", "history_id"),
        report_history=history("HistoricalReport", "history_date", "history_id"),
        evidence_history=history("HistoricalEvidence", "history_id"),
        searched={words: found(words) for words in SEARCHES},
    )


def edit_old_summary(apps) -> tuple[set[int], set[int]]:
    """The old index follows changes again, through the old triggers."""
    Claim = apps.get_model("statements", "Claim")
    Claim.objects.filter(summary="Summary 1.1").update(summary="Summary about airships")
    stored = set(Claim.objects.filter(summary__contains="airships").values_list("pk", flat=True))
    return found("airships"), stored


def add_after_going_forward() -> tuple[tuple[int, int], tuple[set[int], set[int]]]:
    from statements.models import Evidence, Report, Statement  # noqa: PLC0415
    from tests.factories import add_evidence, make_claim  # noqa: PLC0415

    statement = Statement.objects.order_by("pk").first()
    report = Report.objects.create(statement=statement, order=1, source_text="Entirely new words.")
    claim = make_claim(statement, "We will build the bridge.")
    span = add_evidence(claim, report, "new words")
    deleted = [
        set(model.history.filter(history_type="-").values_list("id", flat=True))
        for model in (Report, Evidence)
    ]
    return (report.pk, span.pk), tuple(deleted)


def travel() -> Trip:
    """0013 with old data, 0014, back to 0013 (with an edit), then forward to the latest."""
    apps = migrate_to(BEFORE)
    store_old_shape(apps)
    before, searched = rows(apps), {words: found(words) for words in SEARCHES}
    forward = read_forward(migrate_to(AFTER))
    apps = migrate_to(BEFORE)
    back, searched_back = rows(apps), {words: found(words) for words in SEARCHES}
    airships = edit_old_summary(apps)
    migrate_to(None)
    new_ids, deleted_ids = add_after_going_forward()
    return Trip(before, searched, forward, back, searched_back, airships, new_ids, deleted_ids)


@pytest.fixture(scope="module")
def trip(django_db_setup, django_db_blocker):
    """The round trip, made once: each migration costs seconds of Django's state rendering.
    The tests read what it recorded; the database is emptied after, as a transactional test's
    is."""
    with django_db_blocker.unblock():
        try:
            yield travel()
        finally:
            migrate_to(None)
            call_command("flush", interactive=False, verbosity=0)
            restore_curation_groups()


def test_every_span_moves_into_its_report_with_its_words(trip):
    statements = {row["id"]: row for row in trip.before["Statement"]}
    for report in trip.forward.reports:
        old = statements[report["statement_id"]]
        assert report["order"] == 0 and not report["is_primary"]
        assert report["outlet_id"] == old["reporting_outlet_id"]
        assert report["headline_as_printed"] == old["headline"]
        for field in ("source_text", "source_hash", "source_url", "dateline", "title_as_given"):
            assert report[field] == old[field], field
        assert (report["language"], report["body_start"]) == (old["language"], old["body_start"])
    assert len(trip.forward.reports) == len(statements) == 3
    for claim in trip.before["Claim"]:
        (evidence,) = trip.forward.evidence[claim["id"]]
        assert evidence["is_main"] and evidence["statement_id"] == claim["statement_id"]
        span = (evidence["quote"], evidence["span_start"], evidence["span_end"])
        assert span == (claim["quote"], claim["span_start"], claim["span_end"])
        words = evidence["source_text"][evidence["span_start"] : evidence["span_end"]]
        text = statements[claim["statement_id"]]["source_text"]
        assert words == text[claim["span_start"] : claim["span_end"]]
        assert evidence["quote"] in ("", words)
    assert len(trip.forward.evidence) == len(trip.before["Claim"])
    assert trip.forward.searched == trip.searched


def test_history_keeps_every_version_and_one_name_per_statement(trip):
    forward = trip.forward
    live = forward.statements
    versions = forward.report_history
    old_versions = {row["history_id"]: row for row in trip.before["HistoricalStatement"]}
    assert len(forward.statement_history) == len(versions) == len(old_versions) == 6
    deleted_hash = content_hash(DELETED_TEXT)
    for record in forward.statement_history:
        # A statement keeps one name through its history; a deleted one is named by its text.
        expected = live.get(record["id"], uuid.uuid5(STATEMENT_NAMES, deleted_hash))
        assert record["uid"] == expected, record["history_type"]
        old = old_versions[record["history_id"]]
        (version,) = [
            version
            for version in versions
            if (version["statement_id"], version["history_date"])
            == (record["id"], record["history_date"])
        ]
        assert (version["source_text"], version["history_type"]) == (
            old["source_text"],
            old["history_type"],
        )
    for statement_id, uid in live.items():
        text = next(
            row["source_text"] for row in trip.before["Statement"] if row["id"] == statement_id
        )
        assert uid == uuid.uuid5(STATEMENT_NAMES, content_hash(text))
    reports = {report["statement_id"]: report["id"] for report in forward.reports}
    (gone,) = [version for version in versions if version["history_type"] == "-"]
    assert gone["id"] not in reports.values()
    spans = forward.evidence_history
    assert len(spans) == len(trip.before["HistoricalClaim"])
    for record in trip.before["HistoricalClaim"]:
        (version,) = [
            span
            for span in spans
            if (span["claim_id"], span["history_date"]) == (record["id"], record["history_date"])
        ]
        assert (version["quote"], version["span_start"], version["span_end"]) == (
            record["quote"],
            record["span_start"],
            record["span_end"],
        )
        assert version["report_id"] == reports.get(record["statement_id"], gone["id"])
        assert version["is_main"] and version["history_type"] == record["history_type"]


def test_new_reports_and_evidence_never_take_the_ids_of_deleted_ones(trip):
    (report, evidence), (deleted_reports, deleted_evidence) = trip.new_ids, trip.deleted_ids
    assert deleted_reports and deleted_evidence
    assert report not in deleted_reports
    assert evidence not in deleted_evidence


def test_the_reverse_migration_gives_back_the_old_shape_exactly(trip):
    for name in CHANGED:
        assert trip.back[name] == trip.before[name], name
    assert trip.searched_back == trip.searched
    found_after_edit, stored = trip.airships
    assert found_after_edit == stored
    assert len(found_after_edit) == 1
