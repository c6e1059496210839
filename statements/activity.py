"""How much an official or topic said over time: counts per period, spans and bars to draw."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Min, QuerySet
from django.db.models.functions import TruncMonth, TruncYear
from django.http import QueryDict

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


def activity(claims: QuerySet, path: str, params: QueryDict) -> Activity | None:
    """Claims per year (per month when they span under two years), each bar linking its period."""
    span = claims.aggregate(
        first=Min("statement__date"), last=Max("statement__date"), n=Count("id")
    )
    if not span["n"]:
        return None
    unit = "month" if (span["last"] - span["first"]).days < 730 else "year"
    truncate = TruncMonth if unit == "month" else TruncYear
    counted = claims.order_by().annotate(period=truncate("statement__date"))
    counts = dict(counted.values_list("period").annotate(n=Count("id", distinct=True)))
    periods = period_bounds(span["first"], span["last"], unit)
    tallest = max(counts.values())
    width = CHART_WIDTH / len(periods)
    bars = []
    for index, start in enumerate(periods):
        count = counts.get(start, 0)
        height = (CHART_HEIGHT - 4) * count / tallest
        link = params.copy()
        link.pop("page", None)
        link["date_after"] = start.isoformat()
        link["date_before"] = date.fromordinal(next_period(start, unit).toordinal() - 1).isoformat()
        label = str(start.year) if unit == "year" else month_label(start)
        bars.append(
            Bar(
                label,
                count,
                f"{path}?{link.urlencode()}",
                index * width + 1,
                CHART_HEIGHT - height,
                max(width - 2, 1),
                height,
            )
        )
    return Activity(unit, summary(span["n"], span["first"], span["last"]), bars)
