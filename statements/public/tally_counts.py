"""Counts read from the claim tally (statements/models/claim_tally.py), which the database keeps
exact on every write: its rows for the months and records in view added up, in one query for
every count a page shows, instead of the claims counted.

The tally holds, per official and month, the published claims, per topic, per outlet and per
both, so it answers any view whose filters (but the order) are an official, a topic, an outlet
and dates that start on the first of a month and end on the last day of one. Words, position
changes, wording and dates to the day are counted from the claims (statements/public/counting.py).
"""

from datetime import datetime, timedelta

from django.db.models import BigIntegerField, DateField, F, Min, Q, QuerySet, Sum, Value
from django.db.models.functions import Cast

from statements.models import ClaimTally, ClaimTallySum, Official, Outlet, Topic
from statements.public.filters import ClaimFilter

# What each count is grouped by, and the filter it leaves out: the claims per month with every
# filter, per official without the official chosen, per topic without the topic, per outlet
# without the outlet.
PARTS = {
    "months": ("month", ""),
    "officials": ("official", "official"),
    "topic": ("topic", "topic"),
    "outlet": ("outlet", "outlet"),
}
RECORDS = {"official": Official, "topic": Topic, "outlet": Outlet}
SUMMED = {
    "months": ClaimTallySum.Part.MONTHS,
    "officials": ClaimTallySum.Part.OFFICIALS,
    "topic": ClaimTallySum.Part.TOPIC,
    "outlet": ClaimTallySum.Part.OUTLET,
}
ANSWERED = {"official", "topic", "outlet", "date", "order"}


def first_day(moment: datetime | None) -> bool:
    return moment is None or moment.day == 1


def last_day(moment: datetime | None) -> bool:
    return moment is None or (moment.date() + timedelta(days=1)).day == 1


def whole_months(window: slice) -> bool:
    """Whether a date range starts on the first of a month and ends on the last day of one."""
    return first_day(window.start) and last_day(window.stop)


class TallyCounts:
    """The counts of one filtered view, read from the tally."""

    def __init__(self, filterset: ClaimFilter) -> None:
        self.filterset = filterset

    def can_answer(self, left_out: str = "") -> bool:
        """Whether every filter in force but `left_out` is one the tally counts by."""
        if not self.filterset.is_valid():
            return False
        for name, value in self.filterset.chosen(left_out).items():
            if name == "q" and not self.filterset.search_narrowing.terms:
                continue  # words too common to narrow anything: no search at all
            if name not in ANSWERED or (name == "date" and not whole_months(value)):
                return False
        return True

    def rows(self, part: str) -> QuerySet:
        """The tally's rows for one count: those of the filters in force but the one it leaves
        out, each of the topic and the outlet the one chosen, every one (the count grouped by
        it) or none."""
        grouped_by, left_out = PARTS[part]
        chosen = self.filterset.chosen(left_out)
        rows = ClaimTally.objects.using(self.filterset.queryset.db).order_by()
        if official := chosen.get("official"):
            rows = rows.filter(official_id=official.pk)
        for name in ("topic", "outlet"):
            if name in chosen:
                rows = rows.filter(**{f"{name}_id": chosen[name].pk})
            else:
                rows = rows.filter(**{f"{name}_id__isnull": name != grouped_by})
        return rows.filter(within(chosen.get("date")))

    def counted(self, parts: list[str]) -> dict[str, list[tuple]]:
        """The counts named (months, officials, topic, outlet), read together in one query:
        for each, (month or slug, claims, statements) rows."""
        grouped = [self.grouped(number, part) for number, part in enumerate(parts)]
        slugs = {name: self.slugs(name) for name in RECORDS}
        found: dict[str, list[tuple]] = {part: [] for part in parts}
        for number, month, record, claims, statements in grouped[0].union(*grouped[1:], all=True):
            part = parts[number]
            key = month if part == "months" else slugs[PARTS[part][0]].get(record)
            found[part].append((key, claims, statements))
        return found

    def unfiltered(self, left_out: str) -> bool:
        """Whether no filter narrows the claims but `left_out` (the order narrows nothing, nor
        do words too common to narrow anything)."""
        narrowing = self.filterset.search_narrowing.terms
        chosen = self.filterset.chosen(left_out)
        return all(name == "order" or (name == "q" and not narrowing) for name in chosen)

    def grouped(self, number: int, part: str) -> QuerySet:
        """(part, month, record, claims, statements) rows of one count, grouped by its key
        alone, so that the rows are read in the order of an index and summed as they come (the
        column it leaves empty is an aggregate of nothing, not a key). With no filter in force
        but its own, they are the tally's sums."""
        grouped_by, left_out = PARTS[part]
        if self.unfiltered(left_out):
            return self.summed(number, part)
        by_month = part == "months"
        key = "month" if by_month else f"{grouped_by}_id"
        nothing = Min(Cast(Value(None), BigIntegerField() if by_month else DateField()))
        columns = (
            {"day": F(key), "record": nothing} if by_month else {"day": nothing, "record": F(key)}
        )
        return (
            self.rows(part)
            .values(key)
            .annotate(claims_sum=Sum("claims"), statements_sum=Sum("statements"))
            .annotate(part=Value(number), **columns)
            .values_list("part", "day", "record", "claims_sum", "statements_sum")
        )

    def summed(self, number: int, part: str) -> QuerySet:
        """The same rows from the tally's sums over every official and month (migration 0026),
        which are a few hundred where the tally's are hundreds of thousands."""
        by_month = part == "months"
        nothing = Cast(Value(None), BigIntegerField() if by_month else DateField())
        columns = (
            {"day": F("month"), "key": nothing}
            if by_month
            else {"day": nothing, "key": F("record")}
        )
        return (
            ClaimTallySum.objects.using(self.filterset.queryset.db)
            .filter(part=SUMMED[part])
            .exclude(claims=0)
            .order_by()
            .annotate(number=Value(number), claims_sum=F("claims"))
            .annotate(statements_sum=F("statements"), **columns)
            .values_list("number", "day", "key", "claims_sum", "statements_sum")
        )

    def slugs(self, name: str) -> dict[int, str]:
        """Each record's slug by key, from the selects' options (kept per version)."""
        records = self.filterset.listed_records()[RECORDS[name]]
        return {record.pk: record.slug for record in records}


def within(window: slice | None) -> Q:
    """The months of a date range that starts and ends with whole months."""
    if window is None:
        return Q()
    after = Q(month__gte=window.start.date()) if window.start else Q()
    before = Q(month__lte=window.stop.date()) if window.stop else Q()
    return after & before
