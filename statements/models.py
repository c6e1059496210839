"""Who said what, when, where, and the positions each statement holds."""

import hashlib
import re
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils import dateformat, timezone
from simple_history.models import HistoricalRecords

# Only web addresses: a page links them, and a javascript: or data: link would run in it.
web_address = URLValidator(
    schemes=["http", "https"], message="Enter a web address starting with http:// or https://."
)
# What a page may link to: exactly "http://" or "https://" at the very start, so nothing stored
# past validation (through the ORM) is read by a browser as another scheme.
WEB_LINK = re.compile(r"https?://", re.IGNORECASE)


def web_link(url: str | None) -> str:
    """The address if a page may link to it, else the empty string."""
    return url if url and WEB_LINK.match(url) else ""


class SlugManager(models.Manager):
    """Finds records by slug, so fixtures can name them without primary keys."""

    def get_by_natural_key(self, slug: str) -> models.Model:
        return self.get(slug=slug)


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class Official(models.Model):
    name = models.CharField(max_length=200, help_text="The name most sources use.")
    slug = models.SlugField(max_length=200, unique=True)
    aliases = models.TextField(
        blank=True,
        help_text="Other names a text uses for this person, one per line (“Hajiyev”, "
        "“Hikmat Hajiyev”). Shown on their page as “Also written as”.",
    )
    descriptions = models.TextField(
        blank=True,
        help_text="Phrases a text uses for this person instead of a name, one per line "
        "(“the presidential aide”). The importer reads them; pages never show them.",
    )
    country = models.CharField(max_length=100, blank=True, help_text="Which country do they serve?")
    bio = models.TextField(blank=True, help_text="Two or three sentences: who is this?")
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    objects = SlugManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("official_detail", kwargs={"slug": self.slug})

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def alias_list(self) -> list[str]:
        """Other names of this person: public."""
        return lines_of(self.aliases)

    @property
    def forms_in_texts(self) -> list[str]:
        """Every way an article may refer to this person: other names, then descriptions."""
        return lines_of(self.aliases) + lines_of(self.descriptions)

    def post_on(self, day: date) -> "Post | None":
        """The post this official held on a given day, if it is known."""
        for post in self.posts.all():
            if post.held_on(day):
                return post
        return None


class PostManager(models.Manager):
    def get_by_natural_key(self, official_slug: str, role: str, organization: str) -> "Post":
        return self.get(official__slug=official_slug, role=role, organization=organization)


class Post(models.Model):
    """A post held over time, like a Popolo membership."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="posts")
    role = models.CharField(max_length=300, help_text="What was the title of the post?")
    organization = models.CharField(max_length=300, blank=True, help_text="Where was it held?")
    start_date = models.DateField(null=True, blank=True, help_text="Leave empty if unknown.")
    end_date = models.DateField(null=True, blank=True, help_text="Leave empty if still held.")

    objects = PostManager()

    class Meta:
        ordering = ["official", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="post_ends_after_it_starts",
                violation_error_message="A post cannot end before it starts.",
            )
        ]

    def __str__(self) -> str:
        where = f", {self.organization}" if self.organization else ""
        return f"{self.role}{where}"

    def natural_key(self) -> tuple[str, ...]:
        return (*self.official.natural_key(), self.role, self.organization)

    natural_key.dependencies = ["statements.official"]

    def held_on(self, day: date) -> bool:
        started = self.start_date is None or self.start_date <= day
        not_ended = self.end_date is None or day <= self.end_date
        return started and not_ended


class Outlet(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    homepage = models.URLField(blank=True, validators=[web_address])

    objects = SlugManager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class Topic(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True, help_text="Which positions belong here?")

    objects = SlugManager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


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


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# The line the importer and the seed sources start with: " date 2023-09-16" or " date 2020-10".
DATE_MARKER = re.compile(r"\s*date \d{4}-\d{2}(?:-\d{2})?\s*")


def body_start_after_marker(text: str) -> int:
    """Where the article begins after a leading date marker (0 when there is none)."""
    match = DATE_MARKER.match(text)
    return match.end() if match else 0


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


class StatementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"


class Reviewed(models.Model):
    """A record that goes through the review workflow: who published or rejected it, and when."""

    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who published or rejected it.",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class EditVersioned(models.Model):
    """A record counting its saves, so that an edit opened before someone else's save is caught."""

    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="How many times has it been saved?"
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


class StatementQuerySet(models.QuerySet):
    def published(self) -> "StatementQuerySet":
        return self.filter(status=StatementStatus.PUBLISHED)


class StatementManager(models.Manager.from_queryset(StatementQuerySet)):
    def get_by_natural_key(self, source_hash: str) -> "Statement":
        return self.get(source_hash=source_hash)


class Statement(Reviewed, EditVersioned):
    """One dated utterance by one official, with the source text that reports it."""

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
        help_text="How precisely does the source date it? Month and year dates use the 1st.",
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
    reporting_outlet = models.ForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements_reported",
        help_text="Who published the text we hold?",
    )
    dateline = models.CharField(max_length=200, blank=True, help_text="Place in the dateline.")
    title_as_given = models.CharField(
        max_length=500, blank=True, help_text="The speaker's title, word for word as printed."
    )
    headline = models.CharField(max_length=300, help_text="One line: what was this statement?")
    source_url = models.URLField(max_length=1000, blank=True, validators=[web_address])
    language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, default="en", help_text="Language of the source."
    )
    source_text = models.TextField(
        help_text="The full source text, exactly as received. It cannot be changed once saved: "
        "every claim's evidence is found by its offsets in this text."
    )
    source_hash = models.CharField(max_length=64, unique=True, editable=False)
    body_start = models.PositiveIntegerField(
        default=0,
        help_text="Where the article's own words begin in the source text, past the date marker "
        "and any page furniture copied with it. Pages show the text from here; offsets into "
        "the source text are unchanged. Left at 0, it is set to just after the date marker.",
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

    def save(self, *args, **kwargs) -> None:
        self.source_hash = content_hash(self.source_text)
        if not self.body_start:
            self.body_start = body_start_after_marker(self.source_text)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("statement_detail", kwargs={"pk": self.pk})

    def natural_key(self) -> tuple[str]:
        return (self.source_hash,)

    @property
    def web_source_url(self) -> str:
        """The source URL if it is a web address: anything else (javascript:…) is never a link."""
        return web_link(self.source_url)

    @property
    def article_text(self) -> str:
        """The source text from where the article's own words begin."""
        return self.source_text[self.body_start :]

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
        self.source_hash = content_hash(self.source_text)
        duplicate = Statement.objects.exclude(pk=self.pk).filter(source_hash=self.source_hash)
        if duplicate.exists():
            stored = duplicate[0].pk
            raise ValidationError(
                {"source_text": f"This exact text is already stored as statement #{stored}."}
            )
        if self.body_start and self.body_start > len(self.source_text):
            raise ValidationError(
                {
                    "body_start": f"The article cannot begin at {self.body_start}: the source "
                    f"text is {len(self.source_text)} characters long."
                }
            )
        if self.date is None:
            return
        if self.date_precision == DatePrecision.MONTH and self.date.day != 1:
            raise ValidationError({"date": "A month-precision date must be the 1st of the month."})
        if self.date_precision == DatePrecision.YEAR and (self.date.month, self.date.day) != (1, 1):
            raise ValidationError({"date": "A year-precision date must be 1 January."})


class ClaimKind(models.TextChoices):
    QUOTE = "quote", "Direct quote"
    PARAPHRASE = "paraphrase", "Paraphrase"


def evidence() -> Substr:
    """A claim's evidence, cut from its statement's source text by the database."""
    length = models.F("span_end") - models.F("span_start")
    return Substr("statement__source_text", models.F("span_start") + 1, length)


def hosted_or_published_by(outlet: "Outlet | str", path: str = "") -> Q:
    """Statements (or, with `path="statement__"`, claims) where the outlet, or its slug, was the
    venue or the publisher: what "an outlet's statements" means everywhere."""
    field = "__slug" if isinstance(outlet, str) else ""
    return Q(**{f"{path}venue{field}": outlet}) | Q(**{f"{path}reporting_outlet{field}": outlet})


class ClaimQuerySet(models.QuerySet):
    def with_evidence(self) -> "ClaimQuerySet":
        """Each claim's evidence as `evidence_text`."""
        return self.annotate(evidence_text=evidence())

    def for_timeline(self) -> "ClaimQuerySet":
        """Claims with everything a timeline row shows, fetched in a fixed number of queries."""
        statement_parts = ("official", "venue", "reporting_outlet")
        return (
            self.with_evidence()
            .select_related(*(f"statement__{part}" for part in statement_parts))
            .defer("statement__source_text")
            .prefetch_related("topics")
        )

    def published(self) -> "ClaimQuerySet":
        return self.filter(statement__status=StatementStatus.PUBLISHED)

    def in_timeline_order(self, newest_first: bool = True) -> "ClaimQuerySet":
        date_order = "-statement__date" if newest_first else "statement__date"
        statement_order = "-statement_id" if newest_first else "statement_id"
        return self.order_by(date_order, statement_order, "order", "id")


class ClaimManager(models.Manager.from_queryset(ClaimQuerySet)):
    def get_by_natural_key(self, source_hash: str, order: int) -> "Claim":
        return self.get(statement__source_hash=source_hash, order=order)


class Claim(EditVersioned):
    """One position inside a statement, tied to its evidence in the source text."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="claims")
    order = models.PositiveIntegerField(default=0, help_text="Position within the statement.")
    summary = models.TextField(
        blank=True,
        help_text="One neutral sentence in our words: what position does this express? "
        "Required before the statement goes to review.",
    )
    quote = models.TextField(
        blank=True,
        help_text="The exact words as printed. Leave empty only for a reported, unquoted position.",
    )
    kind = models.CharField(max_length=10, choices=ClaimKind.choices, default=ClaimKind.QUOTE)
    span_start = models.PositiveIntegerField(help_text="Where the evidence starts in the source.")
    span_end = models.PositiveIntegerField(help_text="Where the evidence ends in the source.")
    topics = models.ManyToManyField(Topic, blank=True, related_name="claims")

    objects = ClaimManager()
    history = HistoricalRecords(m2m_fields=[topics], excluded_fields=["version"])

    class Meta:
        ordering = ["statement", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(span_end__gt=models.F("span_start")),
                name="claim_span_not_empty",
                violation_error_message="The evidence span must end after it starts.",
            ),
            models.CheckConstraint(
                condition=Q(quote="") | Q(span_end=models.F("span_start") + Length("quote")),
                name="claim_quote_fills_span",
                violation_error_message="A quote must be exactly as long as its span.",
            ),
            models.CheckConstraint(
                condition=Q(kind=ClaimKind.PARAPHRASE) | ~Q(quote=""),
                name="claim_direct_quote_has_words",
                violation_error_message="A direct quote needs its words.",
            ),
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
    def evidence(self) -> str:
        """The words of the source text that this claim rests on."""
        # Lists cut the evidence in the database (with_evidence) instead of loading every text.
        cut_by_database = getattr(self, "evidence_text", None)
        if cut_by_database is not None:
            return cut_by_database
        return self.statement.source_text[self.span_start : self.span_end]

    def clean(self) -> None:
        # An admin inline validates claims of a statement that is not saved yet.
        statement = getattr(self, "statement", None)
        if statement is None or self.span_start is None or self.span_end is None:
            return
        label = f"Claim {self.order} of “{statement.headline}”"
        source_length = len(statement.source_text)
        if not 0 <= self.span_start < self.span_end <= source_length:
            raise ValidationError(
                {
                    "span_end": f"{label}: the span {self.span_start}–{self.span_end} lies outside "
                    f"the source text, which is {source_length} characters long."
                }
            )
        if self.quote and self.evidence != self.quote:
            raise ValidationError(
                {
                    "quote": f"{label}: the quote does not match the source text at "
                    f"{self.span_start}–{self.span_end}, which reads “{self.evidence}”."
                }
            )
        if self.kind == ClaimKind.QUOTE and not self.quote:
            raise ValidationError({"quote": f"{label}: a direct quote needs its exact words."})


class Rating(models.TextChoices):
    """How a position moved from one statement to a later one: a small fixed scale."""

    UNCHANGED = "unchanged", "Unchanged"
    HARDENED = "hardened", "Hardened"
    SOFTENED = "softened", "Softened"
    REVERSED = "reversed", "Reversed"
    NEW_POSITION = "new_position", "New position"


class PositionChangeQuerySet(models.QuerySet):
    def published(self) -> "PositionChangeQuerySet":
        """Published changes between two published statements: what public pages may show."""
        return self.filter(
            status=StatementStatus.PUBLISHED,
            earlier__status=StatementStatus.PUBLISHED,
            later__status=StatementStatus.PUBLISHED,
        )

    def for_reading(self) -> "PositionChangeQuerySet":
        parts = ("topic", "earlier", "later")
        return self.select_related(*parts).defer("earlier__source_text", "later__source_text")


class PositionChangeManager(models.Manager.from_queryset(PositionChangeQuerySet)):
    def get_by_natural_key(self, topic: str, earlier: str, later: str) -> "PositionChange":
        return self.get(topic__slug=topic, earlier__source_hash=earlier, later__source_hash=later)


class PositionChange(Reviewed):
    """How an official's position on a topic moved between two of their statements, as rated
    by an editor, like PolitiFact's Flip-O-Meter."""

    official = models.ForeignKey(
        Official, on_delete=models.CASCADE, related_name="position_changes", help_text="Whose?"
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="position_changes", help_text="On what?"
    )
    earlier = models.ForeignKey(
        Statement,
        on_delete=models.CASCADE,
        related_name="changes_from",
        help_text="The statement the position moved from.",
    )
    later = models.ForeignKey(
        Statement,
        on_delete=models.CASCADE,
        related_name="changes_to",
        help_text="The later statement it moved to.",
    )
    rating = models.CharField(
        max_length=12,
        choices=Rating.choices,
        help_text="How did the position move? Hardened: firmer or more demanding; softened: "
        "more conciliatory or hopeful; reversed: the opposite; new position: one the earlier "
        "statement did not take.",
    )
    note = models.CharField(
        max_length=300,
        help_text="One neutral line: what do the two statements show? Nothing they do not say.",
    )
    status = models.CharField(
        max_length=10,
        choices=StatementStatus.choices,
        default=StatementStatus.DRAFT,
        help_text="Only published changes between published statements appear on public pages.",
    )

    objects = PositionChangeManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["official", "topic", "later__date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(earlier=models.F("later")),
                name="position_change_between_two_statements",
                violation_error_message="A change needs two different statements.",
            ),
            models.UniqueConstraint(
                fields=["topic", "earlier", "later"],
                name="position_change_unique",
                violation_error_message="This change is already recorded.",
            ),
        ]
        permissions = [("publish_positionchange", "Can publish or reject position changes")]

    def __str__(self) -> str:
        return f"{self.official}, {self.topic}: {self.get_rating_display().lower()}"

    def natural_key(self) -> tuple[str, str, str]:
        return (self.topic.slug, self.earlier.source_hash, self.later.source_hash)

    natural_key.dependencies = ["statements.topic", "statements.statement"]

    def clean(self) -> None:
        sides = {"earlier": getattr(self, "earlier", None), "later": getattr(self, "later", None)}
        if None in sides.values() or self.official_id is None or self.topic_id is None:
            return
        for name, statement in sides.items():
            if statement.official_id != self.official_id:
                raise ValidationError({name: f"This statement is not {self.official}'s."})
            if not statement.claims.filter(topics=self.topic_id).exists():
                raise ValidationError({name: f"This statement has no claim on {self.topic}."})
        if sides["later"].date < sides["earlier"].date:
            raise ValidationError({"later": "The later statement is dated before the earlier."})
