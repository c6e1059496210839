"""How many claims each filter option would give, with the other filters as they are."""

from collections import Counter
from collections.abc import Iterator

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from statements.counting import ViewCounts
from statements.filters import ClaimFilter

FACETS = ("official", "topic", "outlet")


def facet_counts(counts: ViewCounts, fixed: dict) -> dict[str, Counter]:
    """For each facet not fixed by the page, the claim count of each option, by slug."""
    if not counts.filterset.is_valid():
        return {}
    return {name: counts.facet(name) for name in FACETS if name not in fixed}


class FacetSelect(forms.Select):
    """A select whose options say how many claims each gives; options giving none are marked.

    It writes the same HTML as Django's select template, which renders every option through
    two included templates: with two hundred officials that took a third of the fragment.
    """

    def __init__(self, counts: Counter, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.counts = counts

    def options(self, chosen: list[str]) -> Iterator[tuple[str, str, str]]:
        """(value, attributes, label) of each option."""
        for value, label in self.choices:
            yield self.option(str(value), label, chosen)

    def option(self, value: str, label: str, chosen: list[str]) -> tuple[str, str, str]:
        attrs = {"selected": value in chosen}
        if not value:  # "All topics"
            return value, flatatt(attrs), label
        count = self.counts.get(value, 0)
        if count == 0:
            attrs["class"] = "facet-empty"
        return value, flatatt(attrs), f"{label} ({count})"

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        options = self.options(self.format_value(value))
        return format_html(
            '<select name="{}"{}>\n{}\n</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            format_html_join("\n", '<option value="{}"{}>{}</option>', options),
        )


def show_counts(filterset: ClaimFilter, counts: dict[str, Counter]) -> None:
    """Put the counts into the filter form's selects."""
    for name, counter in counts.items():
        field = filterset.form.fields[name]
        field.widget = FacetSelect(counter, choices=field.widget.choices)
