"""A report: one outlet's text of a statement, kept exactly as received."""

import hashlib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from statements.models.addresses import web_address, web_link
from statements.models.directory import Outlet
from statements.models.review import EditVersioned
from statements.models.statement import Statement


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# The line the importer and the seed sources start with: " date 2023-09-16" or " date 2020-10".
DATE_MARKER = re.compile(r"\s*date \d{4}-\d{2}(?:-\d{2})?\s*")


def body_start_after_marker(text: str) -> int:
    """Where the article begins after a leading date marker (0 when there is none)."""
    match = DATE_MARKER.match(text)
    return match.end() if match else 0


class ReportManager(models.Manager):
    def get_by_natural_key(self, source_hash: str) -> "Report":
        return self.get(source_hash=source_hash)


class Report(EditVersioned):
    """One outlet's text of a statement: its words exactly as received, and where they came from.
    Evidence points into this text by offsets, so the text never changes once saved."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="reports")
    order = models.PositiveIntegerField(default=0, help_text="Position among the reports.")
    outlet = models.ForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        help_text="Who published this text?",
    )
    is_primary = models.BooleanField(
        default=False,
        help_text="Is this the primary source: the venue's own transcript or publication?",
    )
    source_url = models.URLField(max_length=1000, blank=True, validators=[web_address])
    published_on = models.DateField(
        null=True, blank=True, help_text="When did the outlet publish it? Leave empty if unknown."
    )
    dateline = models.CharField(max_length=200, blank=True, help_text="Place in the dateline.")
    headline_as_printed = models.CharField(
        max_length=500, blank=True, help_text="The outlet's headline, word for word."
    )
    title_as_given = models.CharField(
        max_length=500, blank=True, help_text="The speaker's title, word for word as printed."
    )
    language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, default="en", help_text="Language of the text."
    )
    source_text = models.TextField(
        help_text="The full text, exactly as received. It cannot be changed once saved: "
        "evidence is found by its offsets in this text."
    )
    source_hash = models.CharField(max_length=64, unique=True, editable=False)
    body_start = models.PositiveIntegerField(
        default=0,
        help_text="Where the article's own words begin in the text, past the date marker and "
        "any page furniture copied with it. Pages show the text from here; offsets into the "
        "text are unchanged. Left at 0, it is set to just after the date marker.",
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    objects = ReportManager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["statement", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "order"],
                name="report_order_unique_in_statement",
                violation_error_message="Two reports of one statement cannot share an order.",
            ),
        ]
        # The outlets that reported a statement, read from the index alone: counting a search's
        # claims per outlet looks them up for every matching claim.
        indexes = [models.Index(fields=["statement", "outlet"], name="report_statement_outlet")]

    def __str__(self) -> str:
        outlet = self.outlet.name if self.outlet_id else "Unknown outlet"
        return f"{outlet}: {self.headline_as_printed or self.statement.headline}"

    def save(self, *args, **kwargs) -> None:
        self.source_hash = content_hash(self.source_text)
        if not self.body_start:
            self.body_start = body_start_after_marker(self.source_text)
        super().save(*args, **kwargs)

    def natural_key(self) -> tuple[str]:
        return (self.source_hash,)

    natural_key.dependencies = ["statements.statement", "statements.outlet"]

    @property
    def web_source_url(self) -> str:
        """The source URL if it is a web address: anything else (javascript:…) is never a link."""
        return web_link(self.source_url)

    @property
    def article_text(self) -> str:
        """The text from where the article's own words begin."""
        return self.source_text[self.body_start :]

    def clean(self) -> None:
        self.source_hash = content_hash(self.source_text)
        duplicate = Report.objects.exclude(pk=self.pk).filter(source_hash=self.source_hash)
        if duplicate.exists():
            stored = duplicate[0].statement_id
            raise ValidationError(
                {"source_text": f"This exact text is already stored, in statement #{stored}."}
            )
        if self.body_start and self.body_start > len(self.source_text):
            raise ValidationError(
                {
                    "body_start": f"The article cannot begin at {self.body_start}: the text is "
                    f"{len(self.source_text)} characters long."
                }
            )
