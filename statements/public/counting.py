"""Counting claims without counting a million rows on every request: each count is kept per
version of the data and per filters (statements/public/versions.py)."""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from django.db.models import Count, F, Q, QuerySet, Value

from statements.public.counting_turns import counting_turn
from statements.public.filters import ClaimFilter
from statements.public.month_of import MonthOf
from statements.public.one_pass_counts import counted_in_one_pass
from statements.public.tally_counts import TallyCounts
from statements.public.versions import is_kept, kept

T = TypeVar("T")


def grouped(claims: QuerySet, path: str) -> QuerySet:
    """(slug, claims) rows per value of `path`."""
    # The filters never repeat a claim (a topic filter joins one link per claim), so a plain
    # count is exact, and cheaper than a distinct one.
    return claims.order_by().values_list(path).annotate(claims=Count("pk"))


def outlet_rows(claims: QuerySet) -> list[QuerySet]:
    """(slug, claims) rows that add up to the claims per outlet that was the venue or printed
    a report of the statement: a claim counts once for an outlet, however many of its reports
    the outlet printed and whether it was the venue too. The venues' counts, then each
    reporter's where it was not the venue."""
    claims = claims.order_by()
    not_the_venue = Q(statement__venue__isnull=True) | ~Q(
        statement__reports__outlet=F("statement__venue")
    )
    reported = claims.values_list("statement__reports__outlet__slug").annotate(
        claims=Count("pk", distinct=True, filter=not_the_venue)
    )
    return [grouped(claims, "statement__venue__slug"), reported]


FACET_ROWS: dict[str, Callable[[QuerySet], list[QuerySet]]] = {
    "topic": lambda claims: [grouped(claims, "topics__slug")],
    "outlet": outlet_rows,
}


def facet_counts_at_once(claims_by_facet: dict[str, QuerySet]) -> dict[str, Counter]:
    """The claims per option of each facet (topic, outlet), each facet from its own claims, in
    one query: their rows are sent together."""
    parts = [
        rows.annotate(facet=Value(name))
        for name, claims in claims_by_facet.items()
        for rows in FACET_ROWS[name](claims)
    ]
    counts = {name: Counter() for name in claims_by_facet}
    if parts:
        for slug, number, facet in parts[0].union(*parts[1:], all=True):
            if slug and number:
                counts[facet][slug] += number
    return counts


def outlet_counts(claims: QuerySet) -> Counter:
    """Claims per outlet, venue or publisher: each claim once for each outlet."""
    return facet_counts_at_once({"outlet": claims})["outlet"]


@dataclass(frozen=True)
class Totals:
    claims: int
    statements: int


def by_official(claims: QuerySet) -> Counter:
    """Claims per official (the official facet's counts)."""
    return Counter(
        dict(claims.order_by().values_list("statement__official__slug").annotate(Count("pk")))
    )


def by_month(claims: QuerySet) -> dict[date, Totals]:
    """Claims and statements per month of their dates. A statement has one date, so these add up."""
    months = claims.order_by().annotate(month=MonthOf("statement__date"))
    rows = months.values_list("month").annotate(
        claims=Count("pk"), statements=Count("statement", distinct=True)
    )
    return {month: Totals(number, statements) for month, number, statements in rows}


def added_up(parts: Iterable[Totals]) -> Totals:
    parts = list(parts)
    return Totals(sum(t.claims for t in parts), sum(t.statements for t in parts))


def topic_counts(claims: QuerySet) -> Counter:
    return facet_counts_at_once({"topic": claims})["topic"]


def totals_by_key(rows: list[tuple]) -> dict:
    """The tally's (month or slug, claims, statements) rows as Totals by month or slug."""
    return {key: Totals(claims, statements) for key, claims, statements in rows if key}


def claims_by_key(rows: list[tuple]) -> Counter:
    return Counter({key: claims for key, claims, _ in rows if key})


@dataclass(frozen=True)
class ViewCount:
    """One count a view shows: the filter it leaves out, and how it is made from the claims or
    from (month or slug, claims, statements) rows, the tally's or those of one pass."""

    left_out: str
    from_claims: Callable[[QuerySet], dict]
    from_rows: Callable[[list[tuple]], dict]


COUNTS = {
    "months": ViewCount("", by_month, totals_by_key),
    "officials": ViewCount("official", by_official, claims_by_key),
    "topic": ViewCount("topic", topic_counts, claims_by_key),
    "outlet": ViewCount("outlet", outlet_counts, claims_by_key),
}


def counted_together(filterset: ClaimFilter) -> list[str]:
    """The counts of the claims every filter lets through: those whose own filter is not in
    force, which one pass counts at once."""
    return [what for what in COUNTS if COUNTS[what].left_out not in filterset.chosen()]


def counts_in_one_pass(filterset: ClaimFilter, names: list[str]) -> dict[str, dict]:
    """The counts named, of the claims every filter lets through, found and read once."""
    claims, listed = filterset.qs_without(), filterset.listed_records()
    searched, official = filterset.searched_alone()
    kept_prefix = filterset.kept_prefix
    rows = counted_in_one_pass(claims, names, listed, searched, official, kept_prefix=kept_prefix)
    return {what: COUNTS[what].from_rows(rows[what]) for what in names}


# The count behind each facet's options.
FACET_COUNTS = {"official": "officials", "topic": "topic", "outlet": "outlet"}


class ViewCounts:
    """The counts one filtered view shows, each kept per version of the data and its filters:
    read from the claim tally when it can answer (statements/public/tally_counts.py), else
    counted from the claims."""

    def __init__(self, filterset: ClaimFilter) -> None:
        self.filterset = filterset
        self.tally = TallyCounts(filterset)
        self.alias = filterset.queryset.db

    def described(self, what: str) -> tuple:
        return ("counts", what, self.filterset.key(COUNTS[what].left_out))

    def is_kept(self, what: str) -> bool:
        return is_kept(self.filterset.version, self.described(what))

    def keep(self, what: str, value: T) -> T:
        return kept(self.filterset.version, self.described(what), lambda: value)

    def count(self, what: str):
        """One count, kept: from the tally if it can answer, else from the claims."""
        left_out = COUNTS[what].left_out

        def compute():
            if self.tally.can_answer(left_out):
                return self.from_tally([what])[what]
            with counting_turn(self.alias):
                return COUNTS[what].from_claims(self.filterset.qs_without(left_out))

        return kept(self.filterset.version, self.described(what), compute)

    def from_tally(self, names: list[str]) -> dict[str, dict]:
        rows = self.tally.counted(names)
        return {what: COUNTS[what].from_rows(rows[what]) for what in names}

    def count_ahead(self, names: list[str]) -> None:
        """Keep the counts named that are not kept yet, in as few queries as can be: all that
        the tally answers in one; from the claims, all whose filter left out is not in force
        (they count the same claims) in one pass, and the topic's and the outlet's, each
        without its own filter, in one."""
        missing = [what for what in names if not self.is_kept(what)]
        from_tally = [what for what in missing if self.tally.can_answer(COUNTS[what].left_out)]
        if from_tally:
            for what, value in self.from_tally(from_tally).items():
                self.keep(what, value)
        from_claims = [what for what in missing if what not in from_tally]
        together = counted_together(self.filterset)
        same_claims = [what for what in from_claims if what in together]
        if len(same_claims) > 1:
            self.count_in_one_pass(same_claims)
        from_claims = {"topic", "outlet"} & set(from_claims) - set(same_claims)
        if len(from_claims) == 2:
            with counting_turn(self.alias):
                both = facet_counts_at_once(
                    {name: self.filterset.qs_without(name) for name in from_claims}
                )
            for name in from_claims:
                self.keep(name, both[name])

    def count_in_one_pass(self, names: list[str]) -> None:
        """Keep counts of the claims every filter lets through, found and read once."""
        with counting_turn(self.alias):
            counts = counts_in_one_pass(self.filterset, names)
        for what, value in counts.items():
            self.keep(what, value)

    def per_official(self) -> Counter:
        """Claims per official, with the other filters as they are."""
        return self.count("officials")

    def per_month(self) -> dict[date, Totals]:
        """Claims and statements per month, with every filter."""
        return self.count("months")

    def totals(self) -> Totals:
        """How many claims match, and in how many statements: added up from the counts per
        month, which every filtered page charts."""
        if not self.filterset.is_valid():
            return Totals(0, 0)
        return added_up(self.per_month().values())

    @property
    def kept_on_write(self) -> bool:
        """Whether every count of the view is kept on write: a search for one common prefix
        alone on PostgreSQL (statements/public/keyed_counts.py), read in one small query."""
        return self.filterset.kept_prefix is not None

    def totals_are_kept(self) -> bool:
        """Whether the totals (the claims per month) cost no counting: kept, or in the tally,
        or kept on write."""
        return (
            self.is_kept("months")
            or self.tally.can_answer(COUNTS["months"].left_out)
            or self.kept_on_write
        )

    def facet_is_kept(self, name: str) -> bool:
        """Whether the facet's counts cost no counting: kept already, read from the tally, or
        kept on write."""
        what = FACET_COUNTS[name]
        return (
            self.is_kept(what) or self.tally.can_answer(COUNTS[what].left_out) or self.kept_on_write
        )

    def facets(self, names: Iterable[str]) -> dict[str, Counter]:
        """The facets named, counted together with the claims per month where they can be."""
        names = list(names)
        self.count_ahead([FACET_COUNTS[name] for name in names] + ["months"])
        return {name: self.facet(name) for name in names}

    def facet(self, name: str) -> Counter:
        """The claims each option of a filter would give, with the other filters as they are."""
        return self.per_official() if name == "official" else self.count(name)
