"""A statement's reports, edited on its change page: one outlet's text each, verbatim.

A report's text cannot change once saved (evidence points into it by offsets); new reports take
the next place among the statement's reports.
"""

from django import forms
from django.contrib import admin
from django.db.models import Max
from django.forms.models import BaseInlineFormSet

from statements.curation import workflow
from statements.curation.edit_versions import EditVersionForm
from statements.curation.evidence_fields import VerbatimTextField
from statements.models import Evidence, Report

REPORT_FIELDS = (
    ("outlet", "is_primary"),
    ("source_url", "published_on"),
    ("dateline", "language"),
    "headline_as_printed",
    "title_as_given",
    "source_text",
    "body_start",
    "opened_version",
)


class ReportForm(EditVersionForm):
    source_text = VerbatimTextField(widget=forms.Textarea(attrs={"rows": 10, "cols": 100}))

    class Meta:
        model = Report
        fields = [
            *("outlet", "is_primary", "source_url", "published_on", "dateline", "language"),
            *("headline_as_printed", "title_as_given", "source_text", "body_start"),
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body_start"].required = False
        if self.instance.pk:
            # Evidence is found by its offsets in this text: what is posted for it is ignored.
            self.fields["source_text"].disabled = True
            self.fields["source_text"].help_text = "Kept exactly as received; it cannot change."

    def clean_body_start(self) -> int:
        # Left empty: the model puts it just past the date marker.
        return self.cleaned_data["body_start"] or 0


class ReportFormSet(BaseInlineFormSet):
    def kept_forms(self) -> list[forms.Form]:
        return [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and (form.instance.pk or form.has_changed())
        ]

    def first_posted_text(self) -> str | None:
        """The first report's text as posted, for a statement saved in the same form."""
        self.is_valid()
        texts = [form.cleaned_data.get("source_text") for form in self.kept_forms()]
        return next((text for text in texts if text), None)

    def clean(self) -> None:
        super().clean()
        texts = [form.cleaned_data.get("source_text") for form in self.kept_forms()]
        if len(set(texts)) < len(texts):
            raise forms.ValidationError("Two reports give the very same text: keep one of them.")
        for form in self.deleted_forms:
            if form.instance.pk and self.holds_main_evidence(form.instance):
                raise forms.ValidationError(
                    f"The report “{form.instance}” holds claims' main evidence: give those "
                    "claims their evidence in another report before deleting it."
                )

    @staticmethod
    def holds_main_evidence(report: Report) -> bool:
        return Evidence.objects.filter(report=report, is_main=True).exists()

    def save_new(self, form, commit=True):
        form.instance.order = self.next_order()
        return super().save_new(form, commit)

    def next_order(self) -> int:
        if not hasattr(self, "_next_order"):
            highest = Report.objects.filter(statement=self.instance).aggregate(Max("order"))
            self._next_order = 0 if highest["order__max"] is None else highest["order__max"] + 1
        taken, self._next_order = self._next_order, self._next_order + 1
        return taken


class ReportInline(admin.StackedInline):
    """Reports follow the workflow as claims do: published statements' are reviewers'."""

    model = Report
    form = ReportForm
    formset = ReportFormSet
    fields = REPORT_FIELDS
    extra = 0
    min_num = 1
    autocomplete_fields = ("outlet",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("outlet")

    def get_formset(self, request, obj=None, **kwargs):
        # Every statement has a report: its claims' evidence is found in it.
        return super().get_formset(request, obj, validate_min=True, **kwargs)

    def has_add_permission(self, request, obj=None) -> bool:
        return workflow.may_edit(request.user, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return workflow.may_edit(request.user, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return workflow.may_edit(request.user, obj) and super().has_delete_permission(request, obj)
