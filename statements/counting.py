"""Counting claims without counting a million rows on every request.

A count depends only on the filters and the data. The database keeps a version of the data,
a random token that its triggers replace whenever a statement, claim, topic link, official,
outlet or topic changes (migration 0005), so each count is kept in the cache under the
filters and that token: exact, and computed once per change of the data in each process.
"""

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from django.core.cache import cache
from django.db import connections
from django.db.models import Count, QuerySet

from statements.filters import ClaimFilter, filter_all_but

T = TypeVar("T")


def data_version(alias: str) -> str:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT token FROM data_version")
        return str(cursor.fetchone()[0])


def grouped(claims: QuerySet, path: str) -> Counter:
    # The filters never repeat a claim (a topic filter joins one link per claim), so a plain
    # count is exact, and cheaper than a distinct one.
    rows = claims.values_list(path).annotate(claims=Count("pk"))
    return Counter({slug: number for slug, number in rows if slug})


def outlet_counts(claims: QuerySet) -> Counter:
    """Claims per outlet, venue or publisher: a claim counts once for an outlet that was both."""
    pairs = claims.values_list("statement__venue__slug", "statement__reporting_outlet__slug")
    counts = Counter()
    for venue, reporting, number in pairs.annotate(claims=Count("pk")):
        for slug in {venue, reporting} - {None}:
            counts[slug] += number
    return counts


def count_by(name: str, claims: QuerySet) -> Counter:
    """How many of the claims each option of one filter (official, topic, outlet) holds."""
    if name == "official":
        return grouped(claims, "statement__official__slug")
    if name == "topic":
        return grouped(claims, "topics__slug")
    return outlet_counts(claims)


@dataclass(frozen=True)
class Totals:
    claims: int
    statements: int


class ViewCounts:
    """The counts one filtered view shows, each kept per version of the data and its filters."""

    def __init__(self, filterset: ClaimFilter, version: str | None = None) -> None:
        self.filterset = filterset
        if version is not None:
            self.version = version  # already read for this request

    @cached_property
    def version(self) -> str:
        return data_version(self.filterset.queryset.db)

    def filters(self, left_out: str) -> tuple[tuple[str, str], ...]:
        """The filters that narrow the claims, but one, as text (the order narrows nothing)."""
        cleaned = self.filterset.form.cleaned_data
        chosen = [(name, value) for name, value in cleaned.items() if value]
        return tuple(
            (name, str(getattr(value, "slug", value)))
            for name, value in chosen
            if name not in (left_out, "order")
        )

    def remembered(self, what: str, left_out: str, compute: Callable[[], T]) -> T:
        described = repr((what, self.filters(left_out))).encode()
        key = f"counts:{self.version}:{hashlib.sha256(described).hexdigest()}"
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, timeout=None)
        return value

    def totals(self) -> Totals:
        """How many claims match, and in how many statements."""
        if not self.filterset.is_valid():
            return Totals(0, 0)
        claims = filter_all_but(self.filterset, "order")

        def count() -> Totals:
            found = claims.aggregate(
                claims=Count("pk"), statements=Count("statement", distinct=True)
            )
            return Totals(found["claims"], found["statements"])

        return self.remembered("totals", "order", count)

    def facet(self, name: str) -> Counter:
        """The claims each option of a filter would give, with the other filters as they are."""
        claims = filter_all_but(self.filterset, name)
        return self.remembered(name, name, lambda: count_by(name, claims))
