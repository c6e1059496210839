"""Then → later: each of an official's statements on a topic once, in date order, with the time
between them and how editors rated the move."""

from dataclasses import dataclass, field
from itertools import pairwise

from django.db.models import Prefetch, QuerySet

from statements.models import (
    Claim,
    DatePrecision,
    Official,
    PositionChange,
    Rating,
    Report,
    Statement,
    Topic,
)
from statements.public.elapsed import later_by
from statements.public.periods import group_by_period

MAX_STEPS = 10


@dataclass
class Card:
    """One statement on the topic: its claims on it, the time since the card before, and the
    curated changes that end here."""

    statement: Statement
    claims: list[Claim]
    since: str = ""
    changes: list[PositionChange] = field(default_factory=list)


def short_date(statement: Statement) -> str:
    """ "Sep 2023", or "2016" when the source gives only the year."""
    if statement.date_precision == DatePrecision.YEAR:
        return str(statement.date.year)
    return statement.date.strftime("%b %Y")


def official_changes(official: Official) -> list[PositionChange]:
    """The official's published position changes, what moved first, then by topic, each with
    its `span` in words: "Sep 2023 → Mar 2024"."""
    changes = PositionChange.objects.published().filter(official=official).for_reading()
    for change in changes:
        change.span = f"{short_date(change.earlier)} → {short_date(change.later)}"
    return sorted(changes, key=lambda c: (c.rating == Rating.UNCHANGED, c.topic.name, c.later.date))


def latest_from_page(listed: list[Claim]) -> list[Claim]:
    """The claims of the latest statements among those a page lists, oldest first."""
    ordered = sorted(listed, key=lambda c: (c.statement.date, c.statement_id, c.order, c.pk))
    statements = list(dict.fromkeys(claim.statement_id for claim in ordered))
    recent = set(statements[-(MAX_STEPS + 1) :])
    return [claim for claim in ordered if claim.statement_id in recent]


def latest_from_database(claims: QuerySet, official: Official) -> list[Claim]:
    """The claims of the official's latest statements in the view, oldest first."""
    # Naming the official lets the database walk only their statements by date (PostgreSQL
    # otherwise walked every statement, 0.6 s at a million claims).
    theirs = Statement.objects.filter(official=official)
    latest = theirs.filter(pk__in=claims.values("statement_id")).order_by("-date", "-id")
    recent = claims.filter(statement_id__in=latest.values("id")[: MAX_STEPS + 1])
    return list(
        recent.in_timeline_order(newest_first=False)
        .prefetch_related(None)
        .prefetch_related(Prefetch("statement__reports", Report.objects.select_related("outlet")))
    )


def holds_the_latest_whole(first_page: list[Claim]) -> bool:
    """Whether the first page of a view, newest first, holds every claim of the statements the
    steps show: all its statements are whole but the last (which may go on over the page), so
    it must list one more statement than the steps show."""
    return len({claim.statement_id for claim in first_page}) > MAX_STEPS + 1


def position_steps(
    claims: QuerySet,
    official: Official,
    topic: Topic,
    changes: list[PositionChange],
    *,
    listed: list[Claim] | None = None,
    newest_first_page: list[Claim] | None = None,
) -> list[Card]:
    """One official's latest statements on the topic, oldest first, each once. `listed`: every
    claim of the view, when one page holds them all; `newest_first_page`: the claims of its
    first page, newest first. When either holds the latest statements whole, none is fetched
    again."""
    if listed is None and newest_first_page and holds_the_latest_whole(newest_first_page):
        listed = newest_first_page
    ordered = latest_from_database(claims, official) if listed is None else latest_from_page(listed)
    grouped = [item for period in group_by_period(ordered) for item in period.statements]
    cards = [Card(item.statement, item.claims) for item in grouped]
    on_topic = [change for change in changes if change.topic_id == topic.pk]
    for before, card in pairwise(cards):
        card.since = later_by(before.statement, card.statement)
    shown = {card.statement.pk for card in cards}
    for card in cards:  # a rating stands between two cards, both on the page
        card.changes = [
            c for c in on_topic if c.later_id == card.statement.pk and c.earlier_id in shown
        ]
    return cards
