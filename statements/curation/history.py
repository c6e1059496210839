"""The history pages (django-simple-history) as roads that ask before they change anything.

simple-history saves a reverted version without asking whether the user may change the record,
and recreates a deleted record for anyone who may add one; here reverting asks what the change
form asks, and bringing a deleted record back asks what restoring it asks.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.http import Http404

from statements.models import Claim, Report, Statement

# What an editor changes on a report (its text never changes once saved).
CHANGE_FIELDS = (
    *("outlet_id", "is_primary", "source_url", "published_on", "dateline"),
    *("headline_as_printed", "title_as_given", "language", "body_start", "order"),
)


def checked_id(field, raw: str):
    """An id from the URL as the field holds it; anything else is a page that does not exist."""
    try:
        return field.to_python(unquote(raw))
    except (ValidationError, ValueError, TypeError) as problem:
        raise Http404("No such record.") from problem


class GuardedHistory:
    def may_recreate(self, request) -> bool:
        """Whether reverting may bring back a record that was deleted."""
        return self.has_add_permission(request)

    def may_revert(self, request, object_id) -> bool:
        current = self.get_object(request, str(object_id))
        if current is None:
            return self.may_recreate(request)
        return self.has_change_permission(request, current)

    def revert_disabled(self, request, obj=None) -> bool:
        refused = obj is not None and not self.may_revert(request, obj.pk)
        return refused or super().revert_disabled(request, obj)

    def history_view(self, request, object_id, extra_context=None):
        checked_id(self.model._meta.pk, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        checked_id(self.model._meta.pk, object_id)
        checked_id(self.model.history.model._meta.pk, version_id)
        if request.method == "POST" and not self.may_revert(request, unquote(object_id)):
            raise PermissionDenied
        # One transaction, as the change form has: the version check locks what it compares.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)


REPORT_CHANGES_SHOWN = 100


def report_history(statement_id) -> list:
    """The latest changes to a statement's reports, newest first, each naming what it changed."""
    changes = list(
        Report.history.filter(statement_id=statement_id)
        .select_related("outlet", "history_user")
        .defer("source_text")
        .order_by("-history_date", "-history_id")[:REPORT_CHANGES_SHOWN]
    )
    for change in changes:
        change.changed_fields = []
    by_report = {}
    for change in changes:
        by_report.setdefault(change.id, []).append(change)
    for versions in by_report.values():
        for newer, older in zip(versions, versions[1:], strict=False):
            newer.changed_fields = [
                Report._meta.get_field(field.removesuffix("_id")).verbose_name
                for field in CHANGE_FIELDS
                if getattr(newer, field) != getattr(older, field)
            ]
    return changes


def statement_of_deleted_claim(claim_id) -> Statement | None:
    last = Claim.history.filter(id=claim_id).order_by("-history_date", "-history_id").first()
    if last is None:
        return None
    return Statement.objects.filter(pk=last.statement_id).first()
