"""Bringing back a deleted statement, with the claims deleted along with it, from its history.

The history's record of a deletion holds every field as it was; for a claim it also holds its
topics, which Django unlinks before the deletion is recorded, so they are noted just before.
"""

from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from simple_history.signals import post_create_historical_record

from statements.models import Claim, Official, Outlet, Statement, Topic

DELETED = "-"
WITH_STATEMENT = "Deleted with its statement"
LATEST_FIRST = ("-history_date", "-history_id")


@receiver(pre_delete, sender=Claim)
def note_claim_before_deletion(sender, instance: Claim, origin=None, **kwargs) -> None:
    """Its topics, and whether it goes with its statement or was removed on its own."""
    links = Claim.topics.through.objects.filter(claim=instance)
    instance.topic_links_at_deletion = list(links.values_list("id", "topic_id"))
    deleted_model = getattr(origin, "model", type(origin))
    if deleted_model is Statement:
        instance._change_reason = WITH_STATEMENT


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
        .defer("source_text")
    )
    latest = {}
    for record in gone.order_by("history_date"):
        latest[record.id] = record
    return sorted(latest.values(), key=lambda record: record.history_date, reverse=True)


@transaction.atomic
def restore_statement(statement_id: int) -> Statement:
    """Recreate the statement and its claims (with their topics) as they were when deleted."""
    if Statement.objects.filter(pk=statement_id).exists():
        raise ValueError(f"Statement #{statement_id} exists; there is nothing to restore.")
    record = Statement.history.filter(id=statement_id).order_by(*LATEST_FIRST).first()
    if record is None:
        raise ValueError(f"Statement #{statement_id} has no history to restore it from.")
    missing = missing_references(record)
    if missing:
        raise ValueError(f"its {' and '.join(missing)} no longer exist; restore them first.")
    statement = record.instance
    statement.save(force_insert=True)
    # Saving stamps the times anew; the restored statement keeps those it had.
    times = {"created": record.created, "modified": record.modified}
    Statement.objects.filter(pk=statement_id).update(**times)
    for deletion in claims_deleted_with(statement_id):
        restore_claim(deletion)
    statement.refresh_from_db()
    return statement


def missing_references(record) -> list[str]:
    references = [
        ("official", Official, record.official_id),
        ("venue", Outlet, record.venue_id),
        ("reporting outlet", Outlet, record.reporting_outlet_id),
    ]
    return [
        name
        for name, model, pk in references
        if pk is not None and not model.objects.filter(pk=pk).exists()
    ]


def claims_deleted_with(statement_id: int) -> list:
    """Deletion records of the claims whose last change was their statement's deletion."""
    ever = Claim.history.filter(statement_id=statement_id).values_list("id", flat=True)
    last_changes = (
        Claim.history.filter(id=claim_id).order_by(*LATEST_FIRST).first()
        for claim_id in ever.order_by().distinct()
    )
    return [
        change
        for change in last_changes
        if change.history_type == DELETED and change.history_change_reason == WITH_STATEMENT
    ]


def restore_claim(deletion) -> None:
    claim = deletion.instance
    claim.save(force_insert=True)
    topic_ids = deletion.topics.values_list("topic_id", flat=True)
    claim.topics.set(Topic.objects.filter(pk__in=topic_ids))
