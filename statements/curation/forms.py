"""The admin's forms: a statement's status as the workflow allows, a claim's span from its quote,
and both refused when someone else saved the record since it was opened."""

from django import forms

from statements.curation import workflow
from statements.curation.claim_inline import FirstClaimsFormSet
from statements.curation.edit_versions import EditVersionForm
from statements.models import Claim, Statement, StatementStatus
from statements.spans import SpanNotFound, only_span


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
        if "body_start" in self.fields:
            self.fields["body_start"].required = False
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

    def clean_body_start(self) -> int:
        # Left empty: the model puts it just past the date marker.
        return self.cleaned_data["body_start"] or 0

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
    """A statement goes to review (or is published) only when every claim has its summary."""

    def clean(self) -> None:
        super().clean()
        if self.instance.status not in workflow.SUMMARIZED:
            return
        kept = [
            form.instance
            for form in self.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]
        # Claims stored but not in the posted forms stay as they are, and count too.
        posted = [form.instance.pk for form in self.forms if form.instance.pk]
        stored = self.instance.claims.exclude(pk__in=posted) if self.instance.pk else []
        problem = workflow.missing_summary([*kept, *stored])
        if problem:
            raise forms.ValidationError(problem)


class ClaimForm(EditVersionForm):
    """An editor may paste the quote alone: its span is found in the source text on save."""

    class Meta:
        model = Claim
        fields = ["statement", "order", "kind", "summary", "topics"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("span_start", "span_end"):
            if name in self.fields:
                self.fields[name].required = False
                self.fields[name].help_text += " Leave empty to have it found from the quote."

    def clean(self) -> dict:
        cleaned = super().clean()
        statement = cleaned.get("statement") or getattr(self.instance, "statement", None)
        quote = cleaned.get("quote")
        if statement is not None and quote and self.span_to_find(cleaned):
            self.find_span(statement.source_text, quote, cleaned)
        elif cleaned.get("span_start") is None or cleaned.get("span_end") is None:
            self.add_error(
                "span_start", "Give the evidence span, or the quote so that its span can be found."
            )
        return cleaned

    def span_to_find(self, cleaned: dict) -> bool:
        if cleaned.get("span_start") is None or cleaned.get("span_end") is None:
            return True
        # A corrected quote with the old span left as it was: find the new words.
        span_edited = {"span_start", "span_end"} & set(self.changed_data)
        return self.instance.pk is not None and "quote" in self.changed_data and not span_edited

    def find_span(self, text: str, quote: str, cleaned: dict) -> None:
        start = cleaned.get("span_start")
        if start is not None and cleaned.get("span_end") is None:
            cleaned["span_end"] = start + len(quote)
            return
        try:
            cleaned["span_start"], cleaned["span_end"] = only_span(text, quote)
        except SpanNotFound as problem:
            self.add_error("quote", str(problem))
