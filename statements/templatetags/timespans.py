from datetime import date

from django import template

from statements.public.activity import timespan

register = template.Library()


@register.simple_tag
def span(first: date | None, last: date | None) -> str:
    """ "Sep 2023 – Mar 2024": when a set of claims was said."""
    return timespan(first, last)
