"""The data of migration 0014: each statement's text becomes its first report, each claim's span
its main evidence in that report, with their history; and back again."""

import uuid

from django.db.models import Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

# Statements get a name that never changes: made from the hash of the text they were stored
# with, so a statement, its history and the seed data agree on it.
STATEMENT_NAMES = uuid.UUID("6f1d8f3e-2f4b-4d3c-9a57-1d2a7a3c5b10")
BATCH = 2000
REPORT_FIELDS = ["source_url", "dateline", "title_as_given", "language", "source_text"]
REPORT_FIELDS += ["source_hash", "body_start"]
SPAN_FIELDS = ["quote", "span_start", "span_end"]
# What a field takes back when its record has no report or evidence to take it from.
EMPTY = {"language": "en", "body_start": 0, "span_start": 0, "span_end": 0}
HISTORY_FIELDS = ["history_date", "history_change_reason", "history_type", "history_user_id"]


def statement_uid(source_hash: str) -> uuid.UUID:
    return uuid.uuid5(STATEMENT_NAMES, source_hash)


def in_batches(queryset):
    batch = []
    for row in queryset.iterator(chunk_size=BATCH):
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def split_into_reports(apps, schema_editor) -> None:
    reports = move_texts(apps)
    move_spans(apps, reports)
    keep_history(apps, reports)


def move_texts(apps) -> dict[int, int]:
    """Each statement's first report; the report of each statement, by the statement's id."""
    Statement, Report = (apps.get_model("statements", name) for name in ("Statement", "Report"))
    for statements in in_batches(Statement.objects.order_by("pk")):
        Report.objects.bulk_create(
            Report(
                statement_id=statement.pk,
                order=0,
                outlet_id=statement.reporting_outlet_id,
                headline_as_printed=statement.headline,
                **{field: getattr(statement, field) for field in REPORT_FIELDS},
            )
            for statement in statements
        )
        for statement in statements:
            statement.uid = statement_uid(statement.source_hash)
        Statement.objects.bulk_update(statements, ["uid"])
    told = Statement.objects.filter(pk=OuterRef("statement_id"))
    Report.objects.update(
        created=Subquery(told.values("created")[:1]), modified=Subquery(told.values("modified")[:1])
    )
    return dict(Report.objects.values_list("statement_id", "pk"))


def move_spans(apps, reports: dict[int, int]) -> None:
    Claim, Evidence = (apps.get_model("statements", name) for name in ("Claim", "Evidence"))
    claims = Claim.objects.order_by("pk").values("pk", "statement_id", *SPAN_FIELDS)
    for batch in in_batches(claims):
        Evidence.objects.bulk_create(
            Evidence(
                claim_id=claim["pk"],
                report_id=reports[claim["statement_id"]],
                is_main=True,
                **{field: claim[field] for field in SPAN_FIELDS},
            )
            for claim in batch
        )


def keep_history(apps, reports: dict[int, int]) -> None:
    """Every recorded version of a statement's text becomes a version of its report, and of a
    claim's span a version of its evidence: deleted statements keep theirs, to be restored."""
    get = apps.get_model
    statement_history = get("statements", "HistoricalStatement").objects.order_by("history_id")
    uids = names_in_history(apps)
    report_ids = dict(reports)
    next_id = max(report_ids.values(), default=0) + 1
    for batch in in_batches(statement_history):
        for record in batch:
            if record.id not in report_ids:  # deleted: its report gets an id of its own
                report_ids[record.id], next_id = next_id, next_id + 1
            record.uid = uids[record.id]
        get("statements", "HistoricalStatement").objects.bulk_update(batch, ["uid"])
        get("statements", "HistoricalReport").objects.bulk_create(
            report_version(get("statements", "HistoricalReport"), record, report_ids[record.id])
            for record in batch
        )
    keep_span_history(apps, report_ids)


def names_in_history(apps) -> dict[int, uuid.UUID]:
    """One uid for every version of a statement, whatever its text then: the statement's own,
    or for a deleted statement the one made from its latest text."""
    uids = dict(apps.get_model("statements", "Statement").objects.values_list("pk", "uid"))
    history = apps.get_model("statements", "HistoricalStatement").objects
    latest_first = history.exclude(id__in=list(uids)).order_by("id", "-history_date", "-pk")
    for statement_id, source_hash in latest_first.values_list("id", "source_hash"):
        uids.setdefault(statement_id, statement_uid(source_hash))
    return uids


def move_ids_past_history(apps, schema_editor) -> None:
    """New reports and evidence must not take an id the history gave a deleted statement's:
    each table's id sequence is moved past its history's ids. Run last, as SQLite starts a
    table's sequence again when it rebuilds the table."""
    for model, table in (("Report", "statements_report"), ("Evidence", "statements_evidence")):
        history = apps.get_model("statements", f"Historical{model}").objects
        highest = history.aggregate(highest=Max("id"))["highest"] or 0
        move_ids_past(schema_editor.connection, table, highest)


def move_ids_past(connection, table: str, highest: int) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST(%s, "
                f"(SELECT COALESCE(MAX(id), 0) FROM {table})) + 1, false)",
                [highest],
            )
        else:
            cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
            cursor.execute(
                "INSERT INTO sqlite_sequence (name, seq) "
                f"SELECT %s, max(%s, coalesce((SELECT max(id) FROM {table}), 0))",
                [table, highest],
            )


def report_version(HistoricalReport, record, report_id: int):
    return HistoricalReport(
        id=report_id,
        statement_id=record.id,
        order=0,
        outlet_id=record.reporting_outlet_id,
        headline_as_printed=record.headline,
        created=record.created,
        modified=record.modified,
        **{field: getattr(record, field) for field in REPORT_FIELDS + HISTORY_FIELDS},
    )


def keep_span_history(apps, report_ids: dict[int, int]) -> None:
    get = apps.get_model
    Evidence, HistoricalEvidence = (
        get("statements", "Evidence"),
        get("statements", "HistoricalEvidence"),
    )
    evidence_ids = dict(Evidence.objects.values_list("claim_id", "pk"))
    next_id = max(evidence_ids.values(), default=0) + 1
    claim_history = get("statements", "HistoricalClaim").objects.order_by("history_id")
    for batch in in_batches(claim_history):
        versions = []
        for record in batch:
            if record.id not in evidence_ids:
                evidence_ids[record.id], next_id = next_id, next_id + 1
            versions.append(
                HistoricalEvidence(
                    id=evidence_ids[record.id],
                    claim_id=record.id,
                    report_id=report_ids.get(record.statement_id),
                    is_main=True,
                    **{field: getattr(record, field) for field in SPAN_FIELDS + HISTORY_FIELDS},
                )
            )
        HistoricalEvidence.objects.bulk_create(versions)


def taken_from(rows, fields: list[str]) -> dict:
    return {
        field: Coalesce(Subquery(rows.values(field)[:1]), Value(EMPTY.get(field, "")))
        for field in fields
    }


def join_reports(apps, schema_editor) -> None:
    """Back to one text per statement: its first report's, and each claim's main evidence."""
    get = apps.get_model
    Statement, Report, Claim = (get("statements", n) for n in ("Statement", "Report", "Claim"))
    first = Report.objects.filter(statement_id=OuterRef("pk")).order_by("order", "pk")
    Statement.objects.update(
        reporting_outlet_id=Subquery(first.values("outlet_id")[:1]),
        **taken_from(first, REPORT_FIELDS),
    )
    main = get("statements", "Evidence").objects.filter(claim_id=OuterRef("pk"), is_main=True)
    Claim.objects.update(**taken_from(main, SPAN_FIELDS))
    join_history(apps)


def join_history(apps) -> None:
    get = apps.get_model
    versions = get("statements", "HistoricalReport").objects.filter(
        statement_id=OuterRef("id"), history_date=OuterRef("history_date")
    )
    get("statements", "HistoricalStatement").objects.update(
        reporting_outlet_id=Subquery(versions.values("outlet_id")[:1]),
        **taken_from(versions, REPORT_FIELDS),
    )
    spans = get("statements", "HistoricalEvidence").objects.filter(
        claim_id=OuterRef("id"), history_date=OuterRef("history_date"), is_main=True
    )
    get("statements", "HistoricalClaim").objects.update(**taken_from(spans, SPAN_FIELDS))
