"""The statement and claim lists' bulk actions; each status move asks the workflow."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied

from statements.curation import workflow
from statements.models import Statement, StatementStatus
from statements.public import export
from statements.public.site_address import site_root


@admin.action(description="Export selected as CSV")
def export_selected_as_csv(modeladmin, request, queryset):
    """The public exporter over the rows an editor ticked, one row per claim or per statement."""
    if queryset.model is Statement:
        rows, layout = export.statements_in(queryset.values("pk")), export.STATEMENTS
    else:
        rows, layout = queryset.in_timeline_order(), export.CLAIMS
    return export.export_response(rows, layout, "csv", site_root(), ["selected"])


def move_selected(modeladmin, request, queryset, target: str) -> None:
    """Move each selected statement (or position change) to `target` where the workflow
    allows; report the rest."""
    moved, refused = 0, []
    for record in queryset:
        try:
            workflow.move(record, target, request.user)
            moved += 1
        except PermissionDenied as refusal:
            refused.append(f"#{record.pk}: {refusal}")
    label, noun = StatementStatus(target).label.lower(), queryset.model._meta.verbose_name
    if moved:
        modeladmin.message_user(request, f"{moved} {noun}(s) now {label}.", messages.SUCCESS)
    if refused:
        modeladmin.message_user(request, "Not moved — " + " ".join(refused), messages.WARNING)


@admin.action(description="Submit selected for review", permissions=["change"])
def submit_for_review(modeladmin, request, queryset):
    move_selected(modeladmin, request, queryset, StatementStatus.IN_REVIEW)


@admin.action(description="Publish selected", permissions=["publish"])
def publish(modeladmin, request, queryset):
    move_selected(modeladmin, request, queryset, StatementStatus.PUBLISHED)


@admin.action(description="Reject selected", permissions=["publish"])
def reject(modeladmin, request, queryset):
    move_selected(modeladmin, request, queryset, StatementStatus.REJECTED)


@admin.action(description="Return selected to draft", permissions=["change"])
def return_to_draft(modeladmin, request, queryset):
    move_selected(modeladmin, request, queryset, StatementStatus.DRAFT)


REVIEW_ACTIONS = (submit_for_review, publish, reject, return_to_draft)
STATEMENT_ACTIONS = (*REVIEW_ACTIONS, export_selected_as_csv)
