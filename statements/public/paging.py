"""Pages of a long list, each fetched from whichever end of the list is nearer.

A database reaches page N by reading and dropping the rows before it (OFFSET), so the last
pages of 300,000 claims took seconds. A page in the back half is read from the other end
instead, in reverse order, and turned around: no page costs more than half the list. A page
number past the last gives the last page, as Django's get_page does.
"""

from collections.abc import Sequence
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet

from statements.public.periods import Period, group_by_period


class ListedRows(Sequence):
    """A page's claims: their keys, in the list's order, and their rows, read only when
    something shows them. A page whose cards are kept already shows none: at a million claims
    reading fifty claims' rows (their joins, their annotations, their model instances) took
    about a third of a fragment's time."""

    def __init__(self, keys: list[int], rows: QuerySet | None, claims: list | None = None):
        self.keys, self.rows = keys, rows
        if claims is not None:
            self.claims = claims

    @classmethod
    def of(cls, listed) -> "ListedRows":
        """A page's object list as ListedRows: read already, unless it is ListedRows."""
        if isinstance(listed, ListedRows):
            return listed
        claims = list(listed)
        return cls([claim.pk for claim in claims], None, claims)

    @cached_property
    def claims(self) -> list[Model]:
        found = self.rows.in_bulk(self.keys)
        return [found[key] for key in self.keys if key in found]  # one deleted meanwhile is gone

    @cached_property
    def periods(self) -> list[Period]:
        return group_by_period(self.claims)

    @property
    def key(self) -> str:
        """Which claims, in which order: what the page's list depends on, with the data."""
        return ",".join(map(str, self.keys))

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, index):
        if isinstance(index, str):  # a template looking up `listed.key`: no rows read for it
            raise TypeError("claims are indexed by number")
        if not isinstance(index, slice):
            return self.claims[index]
        keys = self.keys[index]
        if "claims" not in self.__dict__:
            return ListedRows(keys, self.rows)
        chosen = set(keys)
        return ListedRows(keys, self.rows, [c for c in self.claims if c.pk in chosen])

    def reversed(self) -> "ListedRows":
        claims = self.__dict__.get("claims")
        return ListedRows(self.keys[::-1], self.rows, claims[::-1] if claims else claims)


class KeysFirst:
    """A list read in two steps: the keys of a slice, in the list's order, found without the
    joins its rows are shown with; then, if they are shown, the rows of those keys alone."""

    def __init__(self, keys: QuerySet, rows: QuerySet) -> None:
        self.keys, self.rows = keys, rows

    def __getitem__(self, window: slice) -> ListedRows:
        return ListedRows(list(self.keys[window]), self.rows)

    def reverse(self) -> "KeysFirst":
        return KeysFirst(self.keys.reverse(), self.rows)


class NearerEndPaginator(Paginator):
    """A paginator whose count is known already (the view's totals) and whose object_list is a
    queryset in a complete order, so that reversing it mirrors it exactly."""

    def page(self, number) -> Page:
        number = self.validate_number(number)
        first = (number - 1) * self.per_page
        last = min(first + self.per_page, self.count)
        from_end = self.count - last
        if from_end >= first:
            return super().page(number)
        rows = ListedRows.of(self.object_list.reverse()[from_end : self.count - first])
        return self._get_page(rows.reversed(), number, self)


class UncountedFirstPage(Page):
    """The first page of a list not counted: one row read past the page tells whether another
    follows. Its paginator's count is for the view to set, once the list is counted."""

    def __init__(self, object_list, per_page: int) -> None:
        rows = ListedRows.of(object_list[: per_page + 1])
        self.more = len(rows) > per_page
        super().__init__(rows[:per_page], 1, Paginator(object_list, per_page))

    def has_next(self) -> bool:
        return self.more

    def next_page_number(self) -> int:
        return self.number + 1  # Django's checks it against the count
