"""How many claims each filter option would give, with the other filters as they are."""

from collections import Counter
from html import escape  # as Django's, without its wrapper for lazy text

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from statements.public.counting import ViewCounts
from statements.public.filters import ClaimFilter

FACETS = ("official", "topic", "outlet")


def facet_names(counts: ViewCounts, fixed: dict) -> list[str]:
    """The facets a page shows: those its own URL does not fix, if its filters are valid."""
    if not counts.filterset.is_valid():
        return []
    return [name for name in FACETS if name not in fixed]


def facet_counts(counts: ViewCounts, fixed: dict) -> dict[str, Counter]:
    """For each facet not fixed by the page, the claim count of each option, by slug."""
    return counts.facets(facet_names(counts, fixed))


def facet_counts_kept(counts: ViewCounts, fixed: dict) -> bool:
    """Whether every facet's counts are kept already, so that showing them counts nothing."""
    return all(counts.facet_is_kept(name) for name in facet_names(counts, fixed))


def facets_to_come(counts: ViewCounts, fixed: dict) -> dict[str, None]:
    """The facets whose counts a second request brings: their options shown without counts."""
    return dict.fromkeys(facet_names(counts, fixed))


class FacetSelect(forms.Select):
    """A select whose options say how many claims each gives; options giving none are marked.
    Without counts (they are on their way) it lists the options alone.

    It writes the same HTML as Django's select template, which renders every option through
    two included templates: with two hundred officials that took a third of the fragment.
    """

    def __init__(self, counts: Counter | None, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.counts = counts

    def option(self, value: str, label, chosen: list[str]) -> str:
        label = str(label)  # "All topics" may be lazy
        selected = " selected" if value in chosen else ""
        if not value or self.counts is None:  # "All topics", or no counts yet
            return f'<option value="{escape(value)}"{selected}>{escape(label)}</option>'
        count = self.counts.get(value, 0)
        empty = ' class="facet-empty"' if count == 0 else ""
        label = f"{escape(label)} ({count})"
        return f'<option value="{escape(value)}"{selected}{empty}>{label}</option>'

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        chosen = self.format_value(value)
        options = [self.option(str(choice), label, chosen) for choice, label in self.choices]
        return format_html(
            '<select name="{}"{}>\n{}\n</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe("\n".join(options)),  # every value and label escaped in option()
        )


def show_counts(filterset: ClaimFilter, counts: dict[str, Counter | None]) -> None:
    """Put the counts into the filter form's selects (None: the options alone, for now)."""
    for name, counter in counts.items():
        field = filterset.form.fields[name]
        field.widget = FacetSelect(counter, choices=field.widget.choices)
