"""How much was said over time: counts per period, spans, and the bars of the overview strip."""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from math import ceil

from django.http import QueryDict

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
    label: str  # "Sep 2023", or "2012"
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


def next_period(day: date, unit: str) -> date:
    if unit == "year":
        return date(day.year + 1, 1, 1)
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def period_bounds(first: date, last: date, unit: str) -> list[date]:
    start = date(first.year, 1 if unit == "year" else first.month, 1)
    periods = [start]
    while (following := next_period(periods[-1], unit)) <= last:
        periods.append(following)
    return periods


def months_apart(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


def per_year(by_month: dict[date, int]) -> Counter:
    years = Counter()
    for month, number in by_month.items():
        years[date(month.year, 1, 1)] += number
    return years


def period_link(path: str, params: QueryDict, start: date, unit: str) -> str:
    """The same view narrowed to one period."""
    link = params.copy()
    link.pop("page", None)
    link["date_after"] = start.isoformat()
    link["date_before"] = date.fromordinal(next_period(start, unit).toordinal() - 1).isoformat()
    return f"{path}?{link.urlencode()}"


def ticks(start: date, unit: str, index: int, periods: int) -> tuple[str, str]:
    """The axis under a bar: its month when there are few bars (or each quarter), and its year
    where a year begins (and under the first bar); over long spans, every fifth year."""
    if unit == "year":
        shown = periods <= 12 or start.year % 5 == 0 or index == 0
        return (str(start.year) if shown else ""), ""
    month = f"{start:%b}" if periods <= 12 or start.month in (1, 4, 7, 10) else ""
    year = str(start.year) if start.month == 1 or index == 0 else ""
    return month, year


def activity(by_month: dict[date, int], path: str, params: QueryDict) -> Activity | None:
    """Claims per year (per month when they span under two years) on a true time scale: every
    period between the first and the last takes its place, empty or not, and links its view.
    The years, the total and the timespan follow from the claims per month."""
    if not by_month:
        return None
    first, last = min(by_month), max(by_month)
    unit = "month" if months_apart(first, last) < 24 else "year"
    counts = by_month if unit == "month" else per_year(by_month)
    periods = period_bounds(first, last, unit)
    tallest = max(counts.values())
    bars = []
    for index, start in enumerate(periods):
        count = counts.get(start, 0)
        label = str(start.year) if unit == "year" else month_label(start)
        link = period_link(path, params, start, unit)
        level = ceil(LEVELS * count / tallest)
        bars.append(Bar(label, count, link, level, *ticks(start, unit, index, len(periods))))
    return Activity(unit, summary(sum(by_month.values()), first, last), bars)
