"""Bringing back a deleted statement, with the claims deleted along with it, from its history."""

from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from statements.models import Claim, Statement, Topic

DELETED = "-"
WITH_STATEMENT = "Deleted with its statement"


@receiver(pre_delete, sender=Claim)
def mark_cascade(sender, instance: Claim, origin=None, **kwargs) -> None:
    """Tell claims deleted with their statement from claims an editor removed on their own."""
    deleted_model = getattr(origin, "model", type(origin))
    if deleted_model is Statement:
        instance._change_reason = WITH_STATEMENT


def deleted_statements() -> list:
    """The last historical record of each statement that no longer exists, newest deletion first."""
    gone = Statement.history.filter(history_type=DELETED).exclude(
        id__in=Statement.objects.values("pk")
    )
    latest = {}
    for record in gone.select_related("official", "history_user").order_by("history_date"):
        latest[record.id] = record
    return sorted(latest.values(), key=lambda record: record.history_date, reverse=True)


def last_version_before_deletion(history) -> object | None:
    return history.exclude(history_type=DELETED).order_by("-history_date", "-history_id").first()


@transaction.atomic
def restore_statement(statement_id: int) -> Statement:
    """Recreate the statement and its claims (with their topics) as they were when deleted."""
    if Statement.objects.filter(pk=statement_id).exists():
        raise ValueError(f"Statement #{statement_id} exists; there is nothing to restore.")
    record = last_version_before_deletion(Statement.history.filter(id=statement_id))
    if record is None:
        raise ValueError(f"Statement #{statement_id} has no history to restore it from.")
    statement = record.instance
    statement.save(force_insert=True)
    # Saving stamps the times anew; the restored statement keeps those it had.
    times = {"created": record.created, "modified": record.modified}
    Statement.objects.filter(pk=statement_id).update(**times)
    for claim_id in claims_deleted_with(statement_id):
        restore_claim(Claim.history.filter(id=claim_id))
    statement.refresh_from_db()
    return statement


def claims_deleted_with(statement_id: int) -> list[int]:
    """Claims whose last recorded change was their statement's deletion."""
    ever = Claim.history.filter(statement_id=statement_id).values_list("id", flat=True)
    ever = ever.order_by().distinct()
    last_changes = (
        Claim.history.filter(id=claim_id).order_by("-history_date", "-history_id").first()
        for claim_id in ever
    )
    return [
        change.id
        for change in last_changes
        if change.history_type == DELETED and change.history_change_reason == WITH_STATEMENT
    ]


def restore_claim(history) -> None:
    # Deleting a claim removes its topic links first, so the topics come from the version before.
    record = last_version_before_deletion(history)
    claim = record.instance
    claim.save(force_insert=True)
    topic_ids = record.topics.values_list("topic_id", flat=True)
    claim.topics.set(Topic.objects.filter(pk__in=topic_ids))
