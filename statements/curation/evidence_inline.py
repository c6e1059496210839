"""A claim's further evidence, edited on the claim's page: the same words as given by another
report of its statement, found there from the pasted quote."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from statements.curation import workflow
from statements.curation.evidence_fields import (
    VerbatimTextField,
    locate,
    relax_span_fields,
    span_to_find,
)
from statements.models import ClaimKind, Evidence, Report


class EvidenceForm(forms.ModelForm):
    quote = VerbatimTextField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The words as this report prints them: paste them, and their span is found.",
    )

    class Meta:
        model = Evidence
        fields = ["report", "quote", "span_start", "span_end"]

    def __init__(self, *args, reports=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        relax_span_fields(self)
        self.fields["report"].queryset = reports if reports is not None else Report.objects.none()

    def clean(self) -> dict:
        cleaned = super().clean()
        report = cleaned.get("report")
        if report is None:
            return cleaned
        find = span_to_find(cleaned, self.changed_data, self.instance.pk is not None)
        direct = self.instance.claim.kind == ClaimKind.QUOTE
        try:
            locate(report.source_text, cleaned, find, direct)
            self.check_report_free(report)
        except ValidationError as problem:
            self.add_error(None, problem)
        return cleaned

    def check_report_free(self, report: Report) -> None:
        others = Evidence.objects.filter(claim=self.instance.claim, report=report)
        if others.exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                {"report": "This claim already has evidence in this report: edit that one."}
            )

    def _post_clean(self) -> None:
        # The span fields were filled in by clean(): the model checks them as found.
        for name in ("span_start", "span_end", "quote"):
            if name in self.cleaned_data:
                setattr(self.instance, name, self.cleaned_data[name])
        super()._post_clean()


class EvidenceFormSet(BaseInlineFormSet):
    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        statement_id = self.instance.statement_id
        return {**kwargs, "reports": Report.objects.filter(statement_id=statement_id)}

    def get_queryset(self):
        return super().get_queryset().filter(is_main=False).select_related("report__outlet")

    def clean(self) -> None:
        super().clean()
        chosen = [
            form.cleaned_data["report"].pk
            for form in self.forms
            if form.cleaned_data.get("report") and not form.cleaned_data.get("DELETE")
        ]
        if len(set(chosen)) < len(chosen):
            raise forms.ValidationError("A claim has one evidence per report: keep one of them.")
        if self.main_report_posted() in chosen:
            raise forms.ValidationError(
                "The claim's main evidence is in that report, as posted above: a claim has one "
                "evidence per report."
            )

    def main_report_posted(self) -> int | None:
        """The report the claim's form above puts its main evidence in (empty: the first)."""
        posted = self.data.get("report")
        if posted is None:
            return None
        if posted.isdigit():
            return int(posted)
        first = Report.objects.filter(statement_id=self.instance.statement_id).first()
        return first.pk if first else None


class EvidenceInline(admin.StackedInline):
    """Further evidence follows the workflow as the claim does: published statements' are
    reviewers'."""

    model = Evidence
    form = EvidenceForm
    formset = EvidenceFormSet
    fk_name = "claim"
    extra = 0
    fields = ("report", "quote", ("span_start", "span_end"))
    verbose_name = "evidence in another report"
    verbose_name_plural = "evidence in other reports"

    def may_edit(self, request, claim) -> bool:
        return workflow.may_edit(request.user, claim.statement if claim is not None else None)

    def has_add_permission(self, request, obj=None) -> bool:
        return self.may_edit(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self.may_edit(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.may_edit(request, obj) and super().has_delete_permission(request, obj)
