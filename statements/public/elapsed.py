"""The time between two statements in words, and how much room it takes on the timeline."""

from dataclasses import dataclass
from datetime import date
from math import log2

from statements.models import DatePrecision, Statement

# The room a gap takes grows with the logarithm of its length, up to a cap: a day, a week, a
# month, six months and a decade stay told apart without years of empty page.
LARGEST_GAP = 10


def plural(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def calendar_months(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def whole_months(earlier: date, later: date) -> int:
    return calendar_months(earlier, later) - (later.day < earlier.day)


def in_years_and_months(months: int) -> str:
    years, months = divmod(months, 12)
    parts = [plural(years, "year")] if years else []
    return " and ".join(parts + ([plural(months, "month")] if months else []))


def elapsed(earlier: date, later: date, precision: str = DatePrecision.DAY) -> str:
    """ "5 days", "3 weeks", "6 months", "1 year and 2 months"; "" for no time at all. Dates
    known only to the month or year are told apart in months or years, never in days."""
    if precision == DatePrecision.YEAR:
        years = later.year - earlier.year
        return plural(years, "year") if years else ""
    if precision == DatePrecision.MONTH:
        return in_years_and_months(calendar_months(earlier, later))
    days = (later - earlier).days
    if days < 14:
        return plural(days, "day") if days else ""
    if days < 31:
        return plural(round(days / 7), "week")
    return in_years_and_months(max(1, whole_months(earlier, later)))


def coarser_precision(*statements: Statement) -> str:
    precisions = {statement.date_precision for statement in statements}
    for precision in (DatePrecision.YEAR, DatePrecision.MONTH):
        if precision in precisions:
            return precision
    return DatePrecision.DAY


@dataclass
class Gap:
    words: str  # "6 months earlier"
    room: int  # 0 to LARGEST_GAP: how much space the timeline leaves for it


def room_for(days: int) -> int:
    return min(LARGEST_GAP, max(0, round(log2(days)) - 2)) if days > 0 else 0


def time_gap(shown_before: Statement, shown_after: Statement) -> Gap | None:
    """The time between two statements listed one after the other, in either order."""
    earlier, later = sorted((shown_before, shown_after), key=lambda statement: statement.date)
    words = elapsed(earlier.date, later.date, coarser_precision(earlier, later))
    if not words:
        return None
    direction = "later" if shown_after.date > shown_before.date else "earlier"
    return Gap(f"{words} {direction}", room_for((later.date - earlier.date).days))


SAME_PERIOD = {
    DatePrecision.YEAR: "The same year",
    DatePrecision.MONTH: "The same month",
    DatePrecision.DAY: "The same day",
}


def later_by(earlier: Statement, later: Statement) -> str:
    """How long after the earlier statement the later one came: "6 months later"."""
    precision = coarser_precision(earlier, later)
    words = elapsed(earlier.date, later.date, precision)
    return f"{words} later" if words else SAME_PERIOD[precision]
