"""Curating how positions moved: editors draft and submit a rating, reviewers publish it."""

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from statements.curation import workflow
from statements.curation.actions import REVIEW_ACTIONS
from statements.curation.admin import GuardedHistory
from statements.models import PositionChange

MODEL = PositionChange


class PositionChangeForm(forms.ModelForm):
    """Offers only the statuses this user may give; refuses any other, however it was posted."""

    user = None  # set for each request by PositionChangeAdmin.get_form

    class Meta:
        model = PositionChange
        fields = ["official", "topic", "earlier", "later", "rating", "note", "status"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None:
            open_statuses = workflow.statuses_open_to(self.user, self.stored_status(), MODEL)
            status.widget.choices = [c for c in status.choices if c[0] in open_statuses]

    def stored_status(self) -> str:
        # A version reverted from the history moves from the status stored now.
        stored = MODEL.objects.filter(pk=self.instance.pk).values_list("status", flat=True)
        return stored.first() or self.instance.status

    def clean_status(self) -> str:
        current, target = self.stored_status(), self.cleaned_data["status"]
        if not workflow.may_move(self.user, current, target, MODEL):
            raise forms.ValidationError(workflow.refusal(current, target, MODEL))
        return target


@admin.register(PositionChange)
class PositionChangeAdmin(GuardedHistory, SimpleHistoryAdmin):
    form = PositionChangeForm
    list_display = ("official", "topic", "rating", "earlier_date", "later_date", "status")
    list_filter = ("status", "rating", "official", "topic")
    list_select_related = ("official", "topic", "earlier", "later")
    search_fields = ("note", "official__name", "topic__name")
    autocomplete_fields = ("official", "topic", "earlier", "later")
    actions = REVIEW_ACTIONS
    readonly_fields = ("reviewed_by", "reviewed_at", "created", "modified")
    fieldsets = (
        (None, {"fields": ("official", "topic", ("earlier", "later"), "rating", "note")}),
        ("Review", {"fields": ("status", ("reviewed_by", "reviewed_at"))}),
        ("Record", {"fields": ("created", "modified")}),
    )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        return form

    def save_model(self, request, change: PositionChange, form, is_change: bool) -> None:
        if "status" in form.changed_data:
            workflow.note_review(change, request.user)
        super().save_model(request, change, form, is_change)

    def has_change_permission(self, request, obj=None) -> bool:
        editable = workflow.may_edit(request.user, obj, MODEL)
        return editable and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        editable = workflow.may_edit(request.user, obj, MODEL)
        return editable and super().has_delete_permission(request, obj)

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(workflow.needed(workflow.PUBLISH, MODEL))

    @admin.display(description="From", ordering="earlier__date")
    def earlier_date(self, change: PositionChange):
        return change.earlier.date

    @admin.display(description="To", ordering="later__date")
    def later_date(self, change: PositionChange):
        return change.later.date
