"""Claims: the positions a statement holds, each resting on evidence in one or more reports."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, FilteredRelation, OuterRef, Prefetch, Q
from django.db.models.functions import Length, Substr
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from simple_history.models import HistoricalRecords

from statements import wording
from statements.models.directory import Outlet, Topic
from statements.models.report import Report
from statements.models.review import EditVersioned, StatementStatus
from statements.models.statement import Statement


class ClaimKind(models.TextChoices):
    QUOTE = "quote", "Direct quote"
    PARAPHRASE = "paraphrase", "Paraphrase"


class Wording(models.TextChoices):
    """Whether the reports holding a claim's evidence give the same words."""

    SINGLE_SOURCE = wording.SINGLE_SOURCE, "Single source"
    AGREES = wording.AGREES, "Reports agree"
    DIFFERS = wording.DIFFERS, "Wording differs between reports"


def evidence_text(path: str = "main") -> Substr:
    """The words of an evidence span, cut from its report's text by the database. `path` names
    the evidence: `main` (see ClaimQuerySet.with_evidence), or "" on evidence itself."""
    prefix = f"{path}__" if path else ""
    length = F(f"{prefix}span_end") - F(f"{prefix}span_start")
    return Substr(f"{prefix}report__source_text", F(f"{prefix}span_start") + 1, length)


def evidence() -> Substr:
    """A claim's main evidence, cut by the database: for claims annotated `with_evidence()`."""
    return evidence_text("main")


def hosted_or_published_by(outlet: "Outlet | str", path: str = "", each: bool = False) -> Q:
    """Statements (or, with `path="statement__"`, claims) where the outlet, or its slug, was the
    venue or published a report: what "an outlet's statements" means everywhere. With `each`,
    every statement is tested against the outlet's reports, instead of against the list of all
    the statements it reported: cheaper for a few statements (an official's) and a large
    outlet."""
    field = "__slug" if isinstance(outlet, str) else ""
    venue = Q(**{f"{path}venue{field}": outlet})
    statement = "statement_id" if path else "id"
    reports = Report.objects.filter(**{f"outlet{field}": outlet})
    if each:
        return venue | Q(Exists(reports.filter(statement=OuterRef(statement))))
    return venue | Q(**{f"{statement}__in": reports.values("statement_id")})


class ClaimQuerySet(models.QuerySet):
    def with_evidence(self) -> "ClaimQuerySet":
        """Each claim's main evidence joined as `main`, its words as `evidence_text` and its
        quote as `main_quote`."""
        main = FilteredRelation("evidence_spans", condition=Q(evidence_spans__is_main=True))
        return self.annotate(main=main).annotate(
            evidence_text=evidence(), main_quote=F("main__quote")
        )

    def for_timeline(self) -> "ClaimQuerySet":
        """Claims with everything a timeline row shows, fetched in a fixed number of queries:
        their reports in one, with their outlets and without their texts."""
        reports = Report.objects.select_related("outlet").defer("source_text")
        return (
            self.with_evidence()
            .select_related("statement__official", "statement__venue")
            .prefetch_related("topics", Prefetch("statement__reports", reports))
        )

    def published(self) -> "ClaimQuerySet":
        return self.filter(statement__status=StatementStatus.PUBLISHED)

    def in_timeline_order(self, newest_first: bool = True) -> "ClaimQuerySet":
        date_order = "-statement__date" if newest_first else "statement__date"
        statement_order = "-statement_id" if newest_first else "statement_id"
        return self.order_by(date_order, statement_order, "order", "id")


class ClaimManager(models.Manager.from_queryset(ClaimQuerySet)):
    def get_by_natural_key(self, statement_uid: str, order: int) -> "Claim":
        return self.get(statement__uid=statement_uid, order=order)


class Claim(EditVersioned):
    """One position inside a statement, resting on evidence in the statement's reports."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="claims")
    order = models.PositiveIntegerField(default=0, help_text="Position within the statement.")
    summary = models.TextField(
        blank=True,
        help_text="One neutral sentence in our words: what position does this express? "
        "Required before the statement goes to review.",
    )
    kind = models.CharField(max_length=10, choices=ClaimKind.choices, default=ClaimKind.QUOTE)
    topics = models.ManyToManyField(Topic, blank=True, related_name="claims")
    wording = models.CharField(
        max_length=10,
        choices=Wording.choices,
        default=Wording.SINGLE_SOURCE,
        editable=False,
        help_text="Do the reports give the same words? Kept up to date from the evidence.",
    )

    objects = ClaimManager()
    history = HistoricalRecords(m2m_fields=[topics], excluded_fields=["version"])

    class Meta:
        ordering = ["statement", "order", "id"]
        indexes = [models.Index(fields=["wording"], name="claim_wording")]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "order"],
                name="claim_order_unique_in_statement",
                violation_error_message="Two claims of one statement cannot share an order.",
            ),
        ]

    def __str__(self) -> str:
        return self.quote or self.summary or f"Claim {self.order}"

    def get_absolute_url(self) -> str:
        return reverse("claim_detail", kwargs={"pk": self.pk})

    def natural_key(self) -> tuple:
        return (*self.statement.natural_key(), self.order)

    natural_key.dependencies = ["statements.statement"]

    @property
    def main_evidence(self) -> "Evidence | None":
        spans = self.evidence_spans.all()
        return next((span for span in spans if span.is_main), None)

    @property
    def quote(self) -> str:
        """The exact words of the main evidence ("" for an unquoted paraphrase)."""
        if hasattr(self, "main_quote"):
            return self.main_quote or ""
        main = self.main_evidence
        return main.quote if main else ""

    @property
    def evidence(self) -> str:
        """The words of the main report that this claim rests on."""
        # Lists cut the evidence in the database (with_evidence) instead of loading every text.
        if hasattr(self, "evidence_text"):
            return self.evidence_text or ""
        main = self.main_evidence
        return main.text if main else ""

    def refresh_wording(self) -> None:
        """Compare the words of every report's evidence, and keep the result."""
        self.wording = refresh_wording(self.pk)


def refresh_wording(claim_id: int) -> str:
    """Compare the words each report gives for the claim, and store the result if it changed."""
    texts = list(
        Evidence.objects.filter(claim_id=claim_id)
        .order_by("report__order", "id")
        .annotate(words=evidence_text(""))
        .values_list("words", flat=True)
    )
    found = wording.wording_of(texts)
    Claim.objects.filter(pk=claim_id).exclude(wording=found).update(wording=found)
    return found


class EvidenceManager(models.Manager):
    def get_by_natural_key(self, statement_uid: str, order: int, report_hash: str) -> "Evidence":
        return self.get(
            claim__statement__uid=statement_uid, claim__order=order, report__source_hash=report_hash
        )


class Evidence(models.Model):
    """Where one report gives a claim's words: a span of the report's text, and the exact quote.
    The database refuses a quote that is not the report's text at its span."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence_spans")
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence_spans")
    is_main = models.BooleanField(
        default=False, help_text="Is this the evidence pages show first for the claim?"
    )
    quote = models.TextField(
        blank=True,
        help_text="The exact words as printed. Leave empty only for a reported, unquoted position.",
    )
    span_start = models.PositiveIntegerField(help_text="Where the evidence starts in the report.")
    span_end = models.PositiveIntegerField(help_text="Where the evidence ends in the report.")

    objects = EvidenceManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["claim", "-is_main", "report__order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(span_end__gt=F("span_start")),
                name="evidence_span_not_empty",
                violation_error_message="The evidence span must end after it starts.",
            ),
            models.CheckConstraint(
                condition=Q(quote="") | Q(span_end=F("span_start") + Length("quote")),
                name="evidence_quote_fills_span",
                violation_error_message="A quote must be exactly as long as its span.",
            ),
            models.UniqueConstraint(
                fields=["claim", "report"],
                name="evidence_once_per_report",
                violation_error_message="This claim already has evidence in this report.",
            ),
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(is_main=True),
                name="evidence_one_main_per_claim",
                violation_error_message="A claim has one main evidence.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.span_start}–{self.span_end}"

    def natural_key(self) -> tuple:
        return (*self.claim.natural_key(), self.report.source_hash)

    natural_key.dependencies = ["statements.claim", "statements.report"]

    def clean(self) -> None:
        claim, report = getattr(self, "claim", None), getattr(self, "report", None)
        if report is None or self.span_start is None or self.span_end is None:
            return
        label = self.label(claim, report)
        if claim is not None and claim.statement_id and report.statement_id != claim.statement_id:
            raise ValidationError({"report": f"{label}: this report is of another statement."})
        length = len(report.source_text)
        if not 0 <= self.span_start < self.span_end <= length:
            raise ValidationError(
                {
                    "span_end": f"{label}: the span {self.span_start}–{self.span_end} lies outside "
                    f"the report's text, which is {length} characters long."
                }
            )
        if self.quote and self.text != self.quote:
            raise ValidationError(
                {
                    "quote": f"{label}: the quote does not match the report's text at "
                    f"{self.span_start}–{self.span_end}, which reads “{self.text}”."
                }
            )
        if claim is not None and claim.kind == ClaimKind.QUOTE and not self.quote:
            raise ValidationError({"quote": f"{label}: a direct quote needs its exact words."})

    @staticmethod
    def label(claim: Claim | None, report: Report) -> str:
        """ "Claim 3 of “Bridge interview”, in Trend's report": what an error message names."""
        outlet = report.outlet.name if report.outlet_id else "an unnamed outlet"
        where = f"in {outlet}'s report"
        if claim is None or getattr(claim, "statement", None) is None:
            return f"Evidence {where}"
        return f"Claim {claim.order} of “{claim.statement.headline}”, {where}"

    @property
    def text(self) -> str:
        """The words of the report at this span."""
        return self.report.source_text[self.span_start : self.span_end]


@receiver(post_save, sender=Evidence)
@receiver(post_delete, sender=Evidence)
def evidence_changed(sender, instance: Evidence, **kwargs) -> None:
    """Evidence saved or deleted, on its own or with its report: its claim's wording again."""
    if not kwargs.get("raw"):  # fixtures carry the wording they were made with
        refresh_wording(instance.claim_id)
