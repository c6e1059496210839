"""The admin's forms: a statement's status as the workflow allows, its claims with their evidence,
and both refused when someone else saved the record since it was opened."""

from django import forms

from statements.curation import workflow
from statements.curation.claim_inline import FirstClaimsFormSet
from statements.curation.edit_versions import EditVersionForm
from statements.models import Report, Statement, StatementStatus


class StatementForm(EditVersionForm):
    """Offers only the statuses this user may give; refuses any other, however it was posted."""

    user = None  # set for each request by StatementAdmin.get_form

    class Meta:
        model = Statement
        fields = [
            *("official", "date", "date_precision", "kind", "headline", "status", "venue"),
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None:
            open_statuses = workflow.statuses_open_to(self.user, self.stored_status())
            status.widget.choices = [c for c in status.choices if c[0] in open_statuses]

    def stored_status(self) -> str:
        # Reverting to a version from the history starts from that version's status, not the
        # statement's status now, which is the one the move starts from.
        stored = Statement.objects.filter(pk=self.instance.pk).values_list("status", flat=True)
        return stored.first() or self.instance.status

    def clean_status(self) -> str:
        current, target = self.stored_status(), self.cleaned_data["status"]
        if not workflow.may_move(self.user, current, target):
            raise forms.ValidationError(workflow.refusal(current, target))
        return target

    @property
    def publishing(self) -> bool:
        """The reviewer pressed "Save and publish"."""
        return "_publish" in self.data

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.publishing:
            if not workflow.may_publish_now(self.user, self.stored_status()):
                raise forms.ValidationError("Only reviewers may publish a statement.")
            cleaned["status"] = StatementStatus.PUBLISHED
        return cleaned


class ClaimFormSet(FirstClaimsFormSet):
    """A statement's claims, each with its main evidence in one of the statement's reports.
    A statement goes to review (or is published) only when every claim has its summary."""

    # Set by StatementAdmin: the reports posted in the same form, for a new statement's quotes.
    report_formset = None

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        return {**kwargs, "reports": self.stored_reports(), "posted_text": self.posted_text}

    def stored_reports(self) -> list[Report]:
        if not hasattr(self, "_reports"):
            stored = self.instance.reports.select_related("outlet") if self.instance.pk else []
            self._reports = list(stored)
        return self._reports

    def posted_text(self) -> str | None:
        return self.report_formset.first_posted_text() if self.report_formset else None

    def clean(self) -> None:
        super().clean()
        if self.instance.status not in workflow.SUMMARIZED:
            return
        kept = []
        for form in self.forms:
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE"):
                form.instance.main_quote = form.cleaned_data.get("quote", "")
                kept.append(form.instance)
        # Claims stored but not in the posted forms stay as they are, and count too.
        posted = [form.instance.pk for form in self.forms if form.instance.pk]
        stored = []
        if self.instance.pk:
            stored = self.instance.claims.with_evidence().exclude(pk__in=posted)
        problem = workflow.missing_summary([*kept, *stored])
        if problem:
            raise forms.ValidationError(problem)
