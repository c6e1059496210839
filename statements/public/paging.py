"""Pages of a long list, each fetched from whichever end of the list is nearer.

A database reaches page N by reading and dropping the rows before it (OFFSET), so the last
pages of 300,000 claims took seconds. A page in the back half is read from the other end
instead, in reverse order, and turned around: no page costs more than half the list. A page
number past the last gives the last page, as Django's get_page does.
"""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet


class KeysFirst:
    """A list read in two steps: the keys of a slice, in the list's order, found without the
    joins its rows are shown with; then the rows of those keys alone."""

    def __init__(self, keys: QuerySet, rows: QuerySet) -> None:
        self.keys, self.rows = keys, rows

    def __getitem__(self, window: slice) -> list:
        keys = list(self.keys[window])
        found = self.rows.in_bulk(keys)
        return [found[key] for key in keys if key in found]  # a row deleted meanwhile is gone

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
        rows = list(self.object_list.reverse()[from_end : self.count - first])
        return self._get_page(rows[::-1], number, self)


class UncountedFirstPage(Page):
    """The first page of a list not counted: one row read past the page tells whether another
    follows. Its paginator's count is for the view to set, once the list is counted."""

    def __init__(self, object_list, per_page: int) -> None:
        rows = list(object_list[: per_page + 1])
        self.more = len(rows) > per_page
        super().__init__(rows[:per_page], 1, Paginator(object_list, per_page))

    def has_next(self) -> bool:
        return self.more

    def next_page_number(self) -> int:
        return self.number + 1  # Django's checks it against the count
