"""What an import would repeat: the same article again, or another outlet's report of an occasion.

The same article is the same text, stored as a report of any statement, once line ends, runs of
white space and a byte-order mark are set aside: "Already imported as #N". Another outlet's
report of a stored statement is likely when the official is the same, the dates lie within a
few days of each other (each read at the precision it is given: "March 2024" is the whole month)
and the new text shares quoted words with any of the statement's reports — runs of five words in
a row, the strongest sign that both quote one interview — or names the same venue (a translation
may quote other words). The flag names the statement, to which the text may be added as a report.
"""

import re
from datetime import date, timedelta

from django.db.models import Q
from django.db.models.functions import Length

from statements.articles.names import folded
from statements.models import DatePrecision, Official, Outlet, Report, Statement

DAYS_APART = 3
SHINGLE_WORDS = 5
SHARED_SHINGLES = 2
LENGTH_SLACK = 0.2
WORD = re.compile(r"\w+")


def normalised(text: str) -> str:
    """The text without a byte-order mark, with every run of white space one space."""
    return " ".join(text.removeprefix("\ufeff").split())


def period(day: date, precision: str) -> tuple[date, date]:
    """The first and last day a date at its precision may mean."""
    if precision == DatePrecision.YEAR:
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if precision == DatePrecision.MONTH:
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return date(day.year, day.month, 1), following - timedelta(days=1)
    return day, day


def near(first: tuple[date, date], second: tuple[date, date]) -> bool:
    gap = timedelta(days=DAYS_APART)
    return first[0] - gap <= second[1] and second[0] - gap <= first[1]


def shingles(text: str) -> set[tuple[str, ...]]:
    words = WORD.findall(folded(text))
    return {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def same_text_stored(source_text: str, day: date, precision: str) -> Report | None:
    """A stored report whose text is this one but for line ends, spacing and a BOM."""
    wanted = normalised(source_text)
    start, end = period(day, precision)
    slack = int(len(source_text) * LENGTH_SLACK) + 8
    candidates = (
        Report.objects.annotate(length=Length("source_text"))
        .filter(Q(statement__date__range=(start, end)) | Q(published_on__range=(start, end)))
        .filter(length__range=(len(wanted) - 8, len(source_text) + slack))
        .select_related("statement")
        .order_by("pk")
    )
    return next((r for r in candidates if normalised(r.source_text) == wanted), None)


def likely_reports_of(
    official: Official,
    day: date,
    precision: str,
    venue: Outlet | None,
    quoted: str,
) -> list[Statement]:
    """Stored statements of the official that this text likely reports again."""
    own = period(day, precision)
    gap = timedelta(days=DAYS_APART)
    candidates = (
        Statement.objects.filter(official=official)
        # A year- or month-dated statement is stored on the 1st: look back to the year's start.
        .filter(date__range=(date((own[0] - gap).year, 1, 1), own[1] + gap))
        .select_related("venue")
        .prefetch_related("reports__outlet")
        .order_by("pk")
    )
    words = shingles(quoted)
    found = []
    for statement in candidates:
        theirs = period(statement.date, statement.date_precision)
        if not near(own, theirs):
            continue
        same_venue = venue is not None and statement.venue_id == venue.pk
        if same_venue or shares_quoted_words(words, statement):
            found.append(statement)
    return found


def shares_quoted_words(words: set[tuple[str, ...]], statement: Statement) -> bool:
    """Whether any report of the statement shares enough runs of words with the new text."""
    return any(
        len(words & shingles(report.source_text)) >= SHARED_SHINGLES
        for report in statement.reports.all()
    )
