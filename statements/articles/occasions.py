"""When each claim was said: the article's own day, or an earlier occasion its attribution names.

"In March 2019, Hajiyev said …" dates that claim, and the rest of its paragraph, to March 2019 at
month precision. A date inside the reported words themselves ("… opened on September 12") does
not count: only the words that attribute a claim can date it.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from statements.articles.attribution import Reported
from statements.articles.source import Dated
from statements.models import DatePrecision, StatementKind

MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH = "(?P<month>" + "|".join(MONTH_NUMBERS) + r")\b\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)\b"
NO_YEAR_AFTER = r"(?!,?\s*\d)"
# Most precise first: a day beats a month, a month beats a year.
DATE_FORMS = [
    re.compile(rf"\b{DAY}\s+{MONTH},?\s+{YEAR}"),
    re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}"),
    re.compile(rf"\b{MONTH},?\s+(?:of\s+)?{YEAR}"),
    re.compile(rf"\b{DAY}\s+{MONTH}{NO_YEAR_AFTER}"),
    re.compile(rf"\b{MONTH}\s+{DAY}\b{NO_YEAR_AFTER}"),
    re.compile(rf"(?<![\d,.]){YEAR}(?![\d%])"),
]
SAME_OCCASION = re.compile(r"\b(?:back then|at the time|at that time|on that occasion)\b", re.I)
COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
COUNTS |= {"eight": 8, "nine": 9, "ten": 10}
YEARS_AGO = re.compile(
    rf"\b(?:(?P<count>{'|'.join(COUNTS)}|\d{{1,2}}) years? ago|last year)\b", re.IGNORECASE
)
KIND_WORDS = [
    (re.compile(r"\binterview", re.IGNORECASE), StatementKind.INTERVIEW),
    (
        re.compile(r"\b(?:press|news) conference|\bbriefing", re.IGNORECASE),
        StatementKind.PRESS_CONFERENCE,
    ),
    (
        re.compile(r"\bspeech\b|\baddress(?:ed|ing)? (?:the|a)\b", re.IGNORECASE),
        StatementKind.SPEECH,
    ),
    (re.compile(r"\b(?:tweet|posted on|wrote on)\b", re.IGNORECASE), StatementKind.SOCIAL_POST),
]


@dataclass
class Occasion:
    when: Dated
    claims: list[Reported] = field(default_factory=list)

    @property
    def attributions(self) -> list[str]:
        return list(dict.fromkeys(claim.attribution for claim in self.claims))


def date_named(match: re.Match, article: Dated) -> Dated | None:
    parts = match.groupdict()
    year = int(parts["year"]) if parts.get("year") else article.day.year
    month = MONTH_NUMBERS[parts["month"]] if parts.get("month") else 1
    try:
        day = date(year, month, int(parts["day"]) if parts.get("day") else 1)
    except ValueError:
        return None
    if parts.get("day") and not parts.get("year") and day > article.day:
        return date_named_in_year(day, year - 1)
    if parts.get("day"):
        return Dated(day, DatePrecision.DAY)
    return Dated(day, DatePrecision.MONTH if parts.get("month") else DatePrecision.YEAR)


def date_named_in_year(day: date, year: int) -> Dated | None:
    try:
        return Dated(day.replace(year=year), DatePrecision.DAY)
    except ValueError:
        return None


def is_earlier(named: Dated, article: Dated) -> bool:
    """Whether the named date lies wholly before the article's, at the precision it is named."""
    if named.precision == DatePrecision.YEAR:
        return named.day.year < article.day.year
    if named.precision == DatePrecision.MONTH:
        return (named.day.year, named.day.month) < (article.day.year, article.day.month)
    return named.day < article.day


def years_ago(words: str, article: Dated) -> Dated | None:
    """ "Three years ago he told …", "last year": a year before the article's, at year precision."""
    match = YEARS_AGO.search(words)
    if not match:
        return None
    count = match["count"]
    years = 1 if count is None else COUNTS.get(count.lower()) or int(count)
    return Dated(date(article.day.year - years, 1, 1), DatePrecision.YEAR)


def earlier_date_in(words: str, article: Dated) -> Dated | None:
    """The earlier occasion these attribution words name, if they name one."""
    relative = years_ago(words, article)
    if relative:
        return relative
    for form in DATE_FORMS:
        match = form.search(words)
        named = match and date_named(match, article)
        if named:
            return named if is_earlier(named, article) else None
    return None


def group_by_occasion(claims: list[Reported], article: Dated) -> list[Occasion]:
    """The claims by occasion: the article's own first, then earlier ones oldest first."""
    occasions: dict[Dated, Occasion] = {}
    paragraph, carried, previous = None, None, None
    for claim in claims:
        if claim.paragraph != paragraph:
            # "He stated back then that …" keeps the occasion of the paragraph before.
            same_occasion = SAME_OCCASION.search(claim.attribution)
            paragraph, carried = claim.paragraph, previous if same_occasion else None
        carried = earlier_date_in(claim.attribution, article) or carried
        previous = carried
        when = carried or article
        occasions.setdefault(when, Occasion(when)).claims.append(claim)
    own = [occasions.pop(article)] if article in occasions else []
    return own + sorted(occasions.values(), key=lambda occasion: occasion.when.day)


def kind_named(attributions: list[str]) -> str | None:
    for pattern, kind in KIND_WORDS:
        if any(pattern.search(words) for words in attributions):
            return kind
    return None
