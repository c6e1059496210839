"""Position lanes: one row per topic, each claim a mark on a time axis shared by all rows."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from django.urls import reverse

LANE_HEIGHT = 34
LABEL_WIDTH = 260
SAME_DAY_STEP = 7
AXIS_WIDTH = 760
TOP = 28
MAX_MARKS = 3000


@dataclass
class Mark:
    x: float
    url: str
    title: str


@dataclass
class Lane:
    name: str
    y: float
    summary: str
    marks: list[Mark] = field(default_factory=list)


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Lanes:
    lanes: list[Lane]
    ticks: list[Tick]
    height: float
    truncated: bool
    label_width: int = LABEL_WIDTH
    width: int = LABEL_WIDTH + AXIS_WIDTH + 120


def position(day: date, first: date, last: date) -> float:
    days = max((last - first).days, 1)
    return LABEL_WIDTH + AXIS_WIDTH * (day - first).days / days


def year_ticks(first: date, last: date) -> list[Tick]:
    years = range(first.year + (first.month > 1 or first.day > 1), last.year + 1)
    step = max(1, len(years) // 10)
    return [Tick(position(date(y, 1, 1), first, last), str(y)) for y in years[::step]]


def build_lanes(claims: QuerySet, summarize) -> Lanes | None:
    """Lanes for the claims: one per topic, in order of how much was said on it."""
    rows = list(
        claims.order_by("statement__date", "id").values_list(
            "id", "statement__date", "summary", "topics__name"
        )[:MAX_MARKS]
    )
    if not rows:
        return None
    first, last = rows[0][1], rows[-1][1]
    by_topic: dict[str, list] = {}
    for claim_id, day, text, topic in rows:
        by_topic.setdefault(topic or "No topic", []).append((claim_id, day, text))
    ordered = sorted(by_topic.items(), key=lambda item: (-len(item[1]), item[0]))
    lanes = []
    for row, (name, marks) in enumerate(ordered):
        lane = Lane(name, TOP + row * LANE_HEIGHT, summarize(len(marks), marks[0][1], marks[-1][1]))
        same_day = 0
        for index, (claim_id, day, text) in enumerate(marks):
            # Claims of one day sit side by side instead of hiding one another.
            same_day = same_day + 1 if index and marks[index - 1][1] == day else 0
            x = position(day, first, last) + same_day * SAME_DAY_STEP
            url = reverse("claim_detail", kwargs={"pk": claim_id})
            lane.marks.append(Mark(x, url, f"{day:%-d %b %Y}: {text}"))
        lanes.append(lane)
    height = TOP + len(lanes) * LANE_HEIGHT
    return Lanes(lanes, year_ticks(first, last), height, len(rows) == MAX_MARKS)
