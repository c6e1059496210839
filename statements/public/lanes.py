"""Position lanes: one row per topic, each claim a mark on a time axis shared by all rows."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse

from statements.public.activity import next_period

MAX_MARKS = 3000
# The track is never drawn narrower than this (it scrolls instead), so marks closer than
# CROWDED pixels there would overlap: they are drawn as one mark with their count, which opens
# them as a list. A mark is at least 24 pixels across, the target size WCAG 2.5.8 asks for.
NARROWEST_TRACK = 560
CROWDED = 30
NO_TOPIC = "No topic"


@dataclass
class Mark:
    at: float  # percent of the axis
    url: str
    title: str
    count: int = 1  # more than one: a group, whose link lists its claims


@dataclass
class Entry:
    url: str
    text: str


@dataclass
class Lane:
    name: str
    summary: str
    marks: list[Mark] = field(default_factory=list)
    claims: list[Entry] = field(default_factory=list)


@dataclass
class Tick:
    at: float
    label: str
    year: bool  # a year begins here (or the axis does)


@dataclass
class Lanes:
    lanes: list[Lane]
    ticks: list[Tick]
    truncated: bool


@dataclass
class Axis:
    """From the first day of the first month to the first day after the last month."""

    start: date
    end: date

    @classmethod
    def spanning(cls, first: date, last: date) -> "Axis":
        return cls(first.replace(day=1), next_period(last, "month"))

    def at(self, day: date) -> float:
        return 100 * (day - self.start).days / (self.end - self.start).days

    def pixels_between(self, first: date, last: date) -> float:
        """How far apart two days are drawn on the narrowest track."""
        return (self.at(last) - self.at(first)) * NARROWEST_TRACK / 100

    def months(self) -> list[date]:
        months = [self.start]
        while (following := next_period(months[-1], "month")) < self.end:
            months.append(following)
        return months


def axis_ticks(axis: Axis) -> list[Tick]:
    """A tick for every month (named when there are a year's or fewer), a label for each year;
    over long spans, only every few years."""
    months = axis.months()
    if len(months) > 36:
        step = max(1, len(months) // 12 // 10)
        return [
            Tick(axis.at(month), str(month.year), True)
            for month in months
            if month.month == 1 and month.year % step == 0 or month == months[0]
        ]
    ticks = []
    for month in months:
        starts_year = month.month == 1 or month == months[0]
        label = f"{month:%b}" if len(months) <= 12 else ""
        if starts_year:
            label = f"{month:%b} {month.year}" if len(months) <= 12 else str(month.year)
        ticks.append(Tick(axis.at(month), label, starts_year))
    return ticks


def day_span(first: date, last: date) -> str:
    if first == last:
        return f"{first:%-d %b %Y}"
    return f"{first:%-d %b %Y} – {last:%-d %b %Y}"


def grouped_marks(rows: list[tuple], axis: Axis, listing_url) -> list[Mark]:
    """One mark per claim, or one per group of claims too close to tell apart."""
    groups: list[list[tuple]] = []
    for row in rows:  # (claim id, day, text), by day
        if groups and axis.pixels_between(groups[-1][0][1], row[1]) < CROWDED:
            groups[-1].append(row)
        else:
            groups.append([row])
    marks = []
    for group in groups:
        (claim_id, first, text), last = group[0], group[-1][1]
        at = (axis.at(first) + axis.at(last)) / 2
        if len(group) == 1:
            url = reverse("claim_detail", kwargs={"pk": claim_id})
            marks.append(Mark(at, url, f"{first:%-d %b %Y}: {text}"))
        else:
            title = f"{len(group)} claims, {day_span(first, last)}"
            marks.append(Mark(at, listing_url(first, last), title, len(group)))
    return marks


def narrowed_link(path: str, params: QueryDict, topic: str | None):
    """The list of one lane's claims between two days: what a group of marks opens."""

    def link(first: date, last: date) -> str:
        narrowed = params.copy()
        for name in ("view", "page"):
            narrowed.pop(name, None)
        if topic:
            narrowed["topic"] = topic
        narrowed["date_after"], narrowed["date_before"] = first.isoformat(), last.isoformat()
        return f"{path}?{narrowed.urlencode()}"

    return link


def build_lanes(claims: QuerySet, summarize, path: str, params: QueryDict) -> Lanes | None:
    """Lanes for the claims: one per topic, in order of how much was said on it."""
    rows = list(
        claims.order_by("statement__date", "id").values_list(
            "id", "statement__date", "summary", "topics__name", "topics__slug"
        )[:MAX_MARKS]
    )
    if not rows:
        return None
    axis = Axis.spanning(rows[0][1], rows[-1][1])
    by_topic: dict[tuple[str, str | None], list] = {}
    for claim_id, day, text, topic, slug in rows:
        by_topic.setdefault((topic or NO_TOPIC, slug), []).append((claim_id, day, text))
    ordered = sorted(by_topic.items(), key=lambda item: (-len(item[1]), item[0][0]))
    lanes = []
    for (name, slug), marks in ordered:
        lane = Lane(name, summarize(len(marks), marks[0][1], marks[-1][1]))
        lane.marks = grouped_marks(marks, axis, narrowed_link(path, params, slug))
        lane.claims = [
            Entry(reverse("claim_detail", kwargs={"pk": pk}), f"{day:%-d %b %Y}: {text}")
            for pk, day, text in marks
        ]
        lanes.append(lane)
    return Lanes(lanes, axis_ticks(axis), len(rows) == MAX_MARKS)
