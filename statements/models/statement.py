"""A statement: one dated occasion on which an official spoke, told by one or more reports."""

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import dateformat, timezone
from simple_history.models import HistoricalRecords

from statements.models.directory import Official, Outlet
from statements.models.review import EditVersioned, Reviewed, StatementStatus


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class StatementKind(models.TextChoices):
    INTERVIEW = "interview", "Interview"
    SPEECH = "speech", "Speech"
    PRESS_RELEASE = "press_release", "Press release"
    PRESS_CONFERENCE = "press_conference", "Press conference"
    SOCIAL_POST = "social_post", "Social media post"
    OTHER = "other", "Other"


# Statements are dated from 1900 through next year: a date outside is a typing mistake, and one
# at the calendar's ends (0001, 9999) breaks date arithmetic. The database keeps a fixed, wider
# range, since its rule cannot move with the years.
EARLIEST_DATE = date(1900, 1, 1)
DATABASE_LATEST_DATE = date(2999, 12, 31)


def latest_date() -> date:
    """The last day a statement may be dated: 31 December of next year."""
    return date(timezone.now().year + 1, 12, 31)


def validate_statement_date(day: date) -> None:
    if not EARLIEST_DATE <= day <= latest_date():
        raise ValidationError(
            "Give a date from 1 January 1900 to 31 December %(year)s.",
            code="date_out_of_range",
            params={"year": latest_date().year},
        )


class StatementQuerySet(models.QuerySet):
    def published(self) -> "StatementQuerySet":
        return self.filter(status=StatementStatus.PUBLISHED)


class StatementManager(models.Manager.from_queryset(StatementQuerySet)):
    def get_by_natural_key(self, uid: str) -> "Statement":
        return self.get(uid=uid)


class Statement(Reviewed, EditVersioned):
    """One dated occasion on which an official spoke: an interview, a speech, a post. What was
    said is held in its reports, one per outlet that printed it."""

    uid = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False, help_text="A name that never changes."
    )
    official = models.ForeignKey(
        Official, on_delete=models.PROTECT, related_name="statements", help_text="Who spoke?"
    )
    date = models.DateField(
        db_index=True, validators=[validate_statement_date], help_text="When was it said?"
    )
    date_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely do the sources date it? Month and year dates use the 1st.",
    )
    kind = models.CharField(max_length=20, choices=StatementKind.choices)
    venue = models.ForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements_given",
        help_text="Where was it said (the channel or agency interviewing)?",
    )
    headline = models.CharField(
        max_length=300, help_text="One neutral line in our words: what was this statement?"
    )
    status = models.CharField(
        max_length=10,
        choices=StatementStatus.choices,
        default=StatementStatus.DRAFT,
        help_text="Only published statements appear on public pages, feeds and exports.",
    )

    objects = StatementManager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["official", "date"], name="statement_official_date"),
            models.Index(fields=["status", "date"], name="statement_status_date"),
            # One official's published statements in date order: a public official filter.
            models.Index(
                fields=["status", "official", "date"], name="statement_status_official_date"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(date__gte=EARLIEST_DATE, date__lte=DATABASE_LATEST_DATE),
                name="statement_date_in_range",
                violation_error_message="Give a date from 1 January 1900 to 31 December 2999.",
            )
        ]
        permissions = [("publish_statement", "Can publish or reject statements")]

    def __str__(self) -> str:
        return f"{self.official}, {self.date_display}: {self.headline}"

    def get_absolute_url(self) -> str:
        return reverse("statement_detail", kwargs={"pk": self.pk})

    def natural_key(self) -> tuple[str]:
        return (str(self.uid),)

    @property
    def main_report(self):
        """The report pages lead with: the primary source if one is held, else the first."""
        reports = list(self.reports.all())
        primary = [report for report in reports if report.is_primary]
        return (primary or reports or [None])[0]

    @property
    def reporting_outlets(self) -> list[Outlet]:
        """Each outlet that printed a report of this statement, once, in the reports' order."""
        outlets = {}
        for report in self.reports.all():
            if report.outlet is not None:
                outlets.setdefault(report.outlet.pk, report.outlet)
        return list(outlets.values())

    @property
    def date_display(self) -> str:
        """The date at the precision the source gives, never an invented day."""
        formats = {DatePrecision.DAY: "j F Y", DatePrecision.MONTH: "F Y", DatePrecision.YEAR: "Y"}
        return dateformat.format(self.date, formats[self.date_precision])

    @property
    def date_iso(self) -> str:
        """ISO 8601 at the source's precision: 2023-09-16, 2020-10 or 2016."""
        lengths = {DatePrecision.DAY: 10, DatePrecision.MONTH: 7, DatePrecision.YEAR: 4}
        return self.date.isoformat()[: lengths[self.date_precision]]

    def clean(self) -> None:
        if self.date is None:
            return
        if self.date_precision == DatePrecision.MONTH and self.date.day != 1:
            raise ValidationError({"date": "A month-precision date must be the 1st of the month."})
        if self.date_precision == DatePrecision.YEAR and (self.date.month, self.date.day) != (1, 1):
            raise ValidationError({"date": "A year-precision date must be 1 January."})
