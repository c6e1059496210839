"""How much an official or topic said over time: counts per period, spans and bars to draw."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.http import QueryDict

from statements.models import EARLIEST_DATE, latest_date

CHART_WIDTH = 600
CHART_HEIGHT = 80


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
    label: str
    count: int
    url: str
    x: float
    y: float
    width: float
    height: float


@dataclass
class Activity:
    unit: str
    summary: str
    bars: list[Bar]
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT


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


def period_link(path: str, params: QueryDict, start: date, unit: str) -> str:
    """The same view narrowed to one period (within the dates the filters accept)."""
    latest = latest_date()
    link = params.copy()
    link.pop("page", None)
    link["date_after"] = min(max(start, EARLIEST_DATE), latest).isoformat()
    link["date_before"] = max(min(period_end(start, unit), latest), EARLIEST_DATE).isoformat()
    return f"{path}?{link.urlencode()}"


def activity(by_month: dict[date, int], path: str, params: QueryDict) -> Activity | None:
    """Claims per month when they span under two years, else per year (or longer, so that the
    bars stay few), each bar linking its period; the total and the timespan follow from the
    claims per month."""
    if not by_month:
        return None
    first, last = min(by_month), max(by_month)
    unit = chart_unit(first, last)
    counts = by_month if unit == "month" else per_unit(by_month, unit)
    periods = period_bounds(first, last, unit)
    tallest = max(counts.values())
    width = CHART_WIDTH / len(periods)
    bars = []
    for index, start in enumerate(periods):
        count = counts.get(start, 0)
        height = (CHART_HEIGHT - 4) * count / tallest
        link = period_link(path, params, start, unit)
        x, y = index * width + 1, CHART_HEIGHT - height
        bars.append(Bar(period_label(start, unit), count, link, x, y, max(width - 2, 1), height))
    return Activity(unit, summary(sum(by_month.values()), first, last), bars)
