"""A claim with its main evidence: the editor picks the report (the first one unless told) and
pastes the quote; its span is found in that report's text, and saved as the claim's main evidence.

On a new statement the reports are posted in the same form: the first one's text, not yet saved,
is where the quotes are found (`posted_text`, given by the statement's formsets).
"""

from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError

from statements.curation.edit_versions import EditVersionForm
from statements.curation.evidence_fields import (
    FIND_HELP,
    VerbatimTextField,
    locate,
    span_to_find,
)
from statements.models import Claim, ClaimKind, Evidence, Report

FIRST_REPORT = ""


def report_choices(reports: list[Report]) -> list[tuple[str, str]]:
    listed = [(str(report.pk), f"{number}. {report}") for number, report in enumerate(reports, 1)]
    return [(FIRST_REPORT, "The first report"), *listed]


class ClaimForm(EditVersionForm):
    """An editor may paste the quote alone: its span is found in the chosen report on save."""

    report = forms.ChoiceField(
        required=False, help_text="Which report gives these words? Left as is: the first one."
    )
    quote = VerbatimTextField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The exact words as printed. Leave empty only for a reported, unquoted position.",
    )
    span_start = forms.IntegerField(
        required=False,
        min_value=0,
        help_text="Where the evidence starts in the report." + FIND_HELP,
    )
    span_end = forms.IntegerField(
        required=False, min_value=0, help_text="Where the evidence ends in the report." + FIND_HELP
    )

    class Meta:
        model = Claim
        fields = ["statement", "order", "kind", "summary", "topics"]

    def __init__(
        self,
        *args,
        reports: list[Report] | None = None,
        posted_text: Callable[[], str | None] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.reports = self.statement_reports() if reports is None else reports
        self.posted_text = posted_text or (lambda: None)
        self.fields["report"].choices = report_choices(self.reports)
        main = self.stored_main_evidence()
        if main is not None:
            self.initial.update(
                report=str(main.report_id),
                quote=main.quote,
                span_start=main.span_start,
                span_end=main.span_end,
            )

    def statement_reports(self) -> list[Report]:
        statement_id = self.instance.statement_id
        if statement_id is None:
            return []
        return list(Report.objects.filter(statement_id=statement_id).select_related("outlet"))

    def stored_main_evidence(self) -> Evidence | None:
        return self.instance.main_evidence if self.instance.pk else None

    def clean(self) -> dict:
        cleaned = super().clean()
        statement = cleaned.get("statement")
        if not self.reports and statement is not None and statement.pk:  # added on its own page
            self.reports = list(statement.reports.select_related("outlet"))
        text = self.chosen_text(cleaned.get("report", FIRST_REPORT))
        if text is None:
            return cleaned
        find = span_to_find(cleaned, self.changed_data, self.instance.pk is not None)
        direct = cleaned.get("kind") == ClaimKind.QUOTE
        try:
            locate(text, cleaned, find, direct)
            self.check_report_free(cleaned.get("report"))
        except ValidationError as problem:
            self.add_error(None, problem)
        return cleaned

    def chosen_text(self, chosen: str) -> str | None:
        """The text of the chosen report (the first one, posted or stored, when none is chosen)."""
        if chosen != FIRST_REPORT:
            return self.report_by_pk(chosen).source_text
        if self.reports:
            return self.reports[0].source_text
        posted = self.posted_text()
        if posted is None:
            self.add_error(
                "report",
                "This statement has no report yet: add one with its text, and the quote is "
                "found in it.",
            )
        return posted

    def report_by_pk(self, pk: str) -> Report:
        return next(report for report in self.reports if str(report.pk) == pk)

    def check_report_free(self, chosen: str) -> None:
        """The main evidence may move to another report only if the claim has none there yet."""
        if not chosen or self.instance.pk is None:
            return
        taken = Evidence.objects.filter(claim=self.instance, report_id=chosen, is_main=False)
        if taken.exists():
            raise ValidationError(
                {
                    "report": "This claim already has further evidence in that report: make it "
                    "the main evidence on the claim's own page, or choose another report."
                }
            )

    def _save_m2m(self) -> None:
        super()._save_m2m()
        self.save_main_evidence()

    def save_main_evidence(self) -> None:
        cleaned, claim = self.cleaned_data, self.instance
        chosen = cleaned.get("report", FIRST_REPORT)
        report_id = int(chosen) if chosen else claim.statement.reports.values("pk")[0]["pk"]
        wanted = {
            "report_id": report_id,
            "quote": cleaned["quote"],
            "span_start": cleaned["span_start"],
            "span_end": cleaned["span_end"],
        }
        main = Evidence.objects.filter(claim=claim, is_main=True).first()
        if main is None:
            Evidence.objects.create(claim=claim, is_main=True, **wanted)
        elif any(getattr(main, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(main, name, value)
            main.save()
