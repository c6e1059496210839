"""How much was said over time: counts per period, spans, and the bars of the overview strip."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from math import ceil

from django.http import QueryDict

from statements.models import EARLIEST_DATE, latest_date

# Bars are drawn in tenths of the tallest, each height a class of the stylesheet (the Content
# Security Policy allows no inline styles).
LEVELS = 10


def month_label(day: date) -> str:
    return day.strftime("%b %Y")


def timespan(first: date | None, last: date | None) -> str:
    """ "Sep 2023 – Mar 2024", or one month when both fall in it."""
    if first is None or last is None:
        return ""
    if (first.year, first.month) == (last.year, last.month):
        return month_label(first)
    return f"{month_label(first)} – {month_label(last)}"


def summary(count: int, first: date | None, last: date | None) -> str:
    """ "4 claims, Sep 2023 – Mar 2024": a count is never shown without its timespan."""
    noun = "claim" if count == 1 else "claims"
    span = timespan(first, last)
    return f"{count} {noun}, {span}" if span else f"{count} {noun}"


@dataclass
class Bar:
    label: str  # "Sep 2023", "2012" or "1900–1999"
    count: int
    url: str
    level: int  # 0 to LEVELS
    tick: str  # the axis under the bar: its month or year, often none
    year: str  # the year, where one begins


@dataclass
class Activity:
    unit: str
    summary: str
    bars: list[Bar]


# Bars drawn at most: a wider span is counted per decade, century or millennium instead.
MOST_BARS = 60
YEARS_PER_UNIT = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}


def chart_unit(first: date, last: date) -> str:
    """Months when the dates span under two years, else the shortest unit that keeps the bars
    few, whatever the dates (a statement dated 0001 or 9999 included)."""
    if months_apart(first, last) < 24:
        return "month"
    for unit, years in YEARS_PER_UNIT.items():
        if last.year // years - first.year // years < MOST_BARS:
            return unit
    return "millennium"


def period_start(day: date, unit: str) -> date:
    if unit == "month":
        return date(day.year, day.month, 1)
    years = YEARS_PER_UNIT[unit]
    return date(max(1, day.year // years * years), 1, 1)


def period_end(start: date, unit: str) -> date:
    """The last day of the period starting on `start`; the calendar ends at 9999-12-31."""
    if unit == "month":
        following_year, month = start.year + start.month // 12, start.month % 12 + 1
        if following_year > date.max.year:
            return date.max
        return date.fromordinal(date(following_year, month, 1).toordinal() - 1)
    years = YEARS_PER_UNIT[unit]
    last_year = (start.year // years + 1) * years - 1
    return date(min(last_year, date.max.year), 12, 31)


def next_period(start: date, unit: str) -> date:
    """The first day of the period after the one starting on `start`."""
    return date.fromordinal(period_end(start, unit).toordinal() + 1)


def period_bounds(first: date, last: date, unit: str) -> list[date]:
    periods = [period_start(first, unit)]
    while (end := period_end(periods[-1], unit)) < last:
        periods.append(date.fromordinal(end.toordinal() + 1))
    return periods


def months_apart(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


def per_unit(by_month: dict[date, int], unit: str) -> Counter:
    periods = Counter()
    for month, number in by_month.items():
        periods[period_start(month, unit)] += number
    return periods


def period_label(start: date, unit: str) -> str:
    if unit == "month":
        return month_label(start)
    if unit == "year":
        return str(start.year)
    return f"{start.year}–{period_end(start, unit).year}"


def period_links(path: str, params: QueryDict, unit: str) -> Callable[[date], str]:
    """The same view narrowed to one period (within the dates the filters accept): its
    parameters but the page and the dates encoded once, each period's dates after them."""
    latest = latest_date()
    kept = params.copy()
    for name in ("page", "counts", "date_after", "date_before"):  # counts: the strip may come
        kept.pop(name, None)  # with the counts that follow a fragment
    before = f"{path}?{kept.urlencode()}&" if kept else f"{path}?"

    def link(start: date) -> str:
        after = min(max(start, EARLIEST_DATE), latest).isoformat()
        until = max(min(period_end(start, unit), latest), EARLIEST_DATE).isoformat()
        return f"{before}date_after={after}&date_before={until}"

    return link


def ticks(start: date, unit: str, index: int, periods: int) -> tuple[str, str]:
    """The axis under a bar: its month when there are few bars (or each quarter), and its year
    where a year begins (and under the first bar); over long spans, every fifth period."""
    if unit != "month":
        shown = periods <= 12 or index % 5 == 0
        return (period_label(start, unit) if shown else ""), ""
    month = f"{start:%b}" if periods <= 12 or start.month in (1, 4, 7, 10) else ""
    year = str(start.year) if start.month == 1 or index == 0 else ""
    return month, year


def activity(by_month: dict[date, int], path: str, params: QueryDict) -> Activity | None:
    """Claims per month when they span under two years, else per year (or per decade, century
    or millennium, so that the bars stay few), on a true time scale: every period between the
    first and the last takes its place, empty or not, and links its view. The total and the
    timespan follow from the claims per month."""
    if not by_month:
        return None
    first, last = min(by_month), max(by_month)
    unit = chart_unit(first, last)
    counts = by_month if unit == "month" else per_unit(by_month, unit)
    periods = period_bounds(first, last, unit)
    tallest = max(counts.values())
    bars, period_link = [], period_links(path, params, unit)
    for index, start in enumerate(periods):
        count = counts.get(start, 0)
        link = period_link(start)
        level = ceil(LEVELS * count / tallest)
        label = period_label(start, unit)
        bars.append(Bar(label, count, link, level, *ticks(start, unit, index, len(periods))))
    return Activity(unit, summary(sum(by_month.values()), first, last), bars)
