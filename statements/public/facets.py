"""How many claims each filter option would give, with the other filters as they are."""

from collections import Counter

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from statements.public.counting import ViewCounts
from statements.public.filters import ClaimFilter

FACETS = ("official", "topic", "outlet")


def facet_counts(counts: ViewCounts, fixed: dict) -> dict[str, Counter]:
    """For each facet not fixed by the page, the claim count of each option, by slug."""
    if not counts.filterset.is_valid():
        return {}
    return counts.facets([name for name in FACETS if name not in fixed])


class FacetSelect(forms.Select):
    """A select whose options say how many claims each gives; options giving none are marked.

    It writes the same HTML as Django's select template, which renders every option through
    two included templates: with two hundred officials that took a third of the fragment.
    """

    def __init__(self, counts: Counter, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.counts = counts

    def option(self, value: str, label: str, chosen: list[str]) -> str:
        selected = " selected" if value in chosen else ""
        if not value:  # "All topics"
            return f'<option value=""{selected}>{escape(label)}</option>'
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


def show_counts(filterset: ClaimFilter, counts: dict[str, Counter]) -> None:
    """Put the counts into the filter form's selects."""
    for name, counter in counts.items():
        field = filterset.form.fields[name]
        field.widget = FacetSelect(counter, choices=field.widget.choices)
