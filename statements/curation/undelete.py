"""Bringing back a deleted statement, with the reports, claims and evidence deleted along with it,
from their history.

The history's record of a deletion holds every field as it was; for a claim it also holds its
topics, which Django unlinks before the deletion is recorded, so they are noted just before.
Records deleted with their statement say so in their reason; the reports that migration 0014 made
from statements' own history carry the statement's deletion time instead.
"""

from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from simple_history.signals import post_create_historical_record

from statements.models import Claim, Evidence, Official, Outlet, Report, Statement, Topic

DELETED = "-"
WITH_STATEMENT = "Deleted with its statement"
LATEST_FIRST = ("-history_date", "-history_id")


def note_if_deleted_with_statement(instance, origin) -> None:
    deleted_model = getattr(origin, "model", type(origin))
    if deleted_model is Statement:
        instance._change_reason = WITH_STATEMENT


@receiver(pre_delete, sender=Claim)
def note_claim_before_deletion(sender, instance: Claim, origin=None, **kwargs) -> None:
    """Its topics, and whether it goes with its statement or was removed on its own."""
    links = Claim.topics.through.objects.filter(claim=instance)
    instance.topic_links_at_deletion = list(links.values_list("id", "topic_id"))
    note_if_deleted_with_statement(instance, origin)


@receiver(pre_delete, sender=Report)
@receiver(pre_delete, sender=Evidence)
def note_part_before_deletion(sender, instance, origin=None, **kwargs) -> None:
    note_if_deleted_with_statement(instance, origin)


@receiver(post_create_historical_record, sender=Claim.history.model)
def keep_topics_in_deletion_record(sender, instance: Claim, history_instance, **kwargs) -> None:
    links = getattr(instance, "topic_links_at_deletion", None)
    if history_instance.history_type != DELETED or not links:
        return
    recorded = history_instance.topics.model
    recorded.objects.bulk_create(
        recorded(history=history_instance, id=link_id, claim_id=instance.pk, topic_id=topic_id)
        for link_id, topic_id in links
    )


def deleted_statements() -> list:
    """The deletion record of each statement that no longer exists, newest deletion first."""
    gone = (
        Statement.history.filter(history_type=DELETED)
        .exclude(id__in=Statement.objects.values("pk"))
        .select_related("official", "history_user")
    )
    latest = {}
    for record in gone.order_by("history_date"):
        latest[record.id] = record
    return sorted(latest.values(), key=lambda record: record.history_date, reverse=True)


@transaction.atomic
def restore_statement(statement_id: int) -> Statement:
    """Recreate the statement, its reports, and its claims (with their topics) and their evidence
    as they were when deleted."""
    if Statement.objects.filter(pk=statement_id).exists():
        raise ValueError(f"Statement #{statement_id} exists; there is nothing to restore.")
    record = Statement.history.filter(id=statement_id).order_by(*LATEST_FIRST).first()
    if record is None:
        raise ValueError(f"Statement #{statement_id} has no history to restore it from.")
    reports = deleted_with(Report, statement_id, record)
    missing = missing_references(record, reports)
    if missing:
        raise ValueError(f"its {' and '.join(missing)} no longer exist; restore them first.")
    statement = record.instance
    statement.save(force_insert=True)
    # Saving stamps the times anew; the restored records keep those they had.
    times = {"created": record.created, "modified": record.modified}
    Statement.objects.filter(pk=statement_id).update(**times)
    for deletion in reports:
        restore_report(deletion)
    for deletion in deleted_with(Claim, statement_id, record):
        restore_claim(deletion)
    for deletion in evidence_deleted_with(statement_id, record):
        deletion.instance.save(force_insert=True)
    statement.refresh_from_db()
    return statement


def missing_references(record, reports: list) -> list[str]:
    references = [
        ("official", Official, record.official_id),
        ("venue", Outlet, record.venue_id),
        *(("reporting outlet", Outlet, report.outlet_id) for report in reports),
    ]
    missing = [
        name
        for name, model, pk in references
        if pk is not None and not model.objects.filter(pk=pk).exists()
    ]
    return list(dict.fromkeys(missing))


def last_changes(model, **lookup) -> list:
    """The latest history record of each record of `model` that ever matched the lookup."""
    ever = model.history.filter(**lookup).values_list("id", flat=True)
    return [
        model.history.filter(id=record_id).order_by(*LATEST_FIRST).first()
        for record_id in ever.order_by().distinct()
    ]


def went_with(change, statement_deletion) -> bool:
    """Whether this deletion record is of a record deleted along with the statement."""
    if change.history_type != DELETED:
        return False
    reason = change.history_change_reason
    return reason == WITH_STATEMENT or change.history_date == statement_deletion.history_date


def deleted_with(model, statement_id: int, statement_deletion) -> list:
    changes = last_changes(model, statement_id=statement_id)
    return [change for change in changes if went_with(change, statement_deletion)]


def evidence_deleted_with(statement_id: int, statement_deletion) -> list:
    """The evidence deleted with the statement, in the reports and claims now restored."""
    reports = Report.objects.filter(statement_id=statement_id).values_list("pk", flat=True)
    claims = set(Claim.objects.filter(statement_id=statement_id).values_list("pk", flat=True))
    changes = last_changes(Evidence, report_id__in=list(reports))
    return [
        change
        for change in changes
        if went_with(change, statement_deletion) and change.claim_id in claims
    ]


def restore_report(deletion) -> None:
    report = deletion.instance
    report.save(force_insert=True)
    Report.objects.filter(pk=report.pk).update(created=deletion.created, modified=deletion.modified)


def restore_claim(deletion) -> None:
    claim = deletion.instance
    claim.save(force_insert=True)
    topic_ids = deletion.topics.values_list("topic_id", flat=True)
    claim.topics.set(Topic.objects.filter(pk__in=topic_ids))
