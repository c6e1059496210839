from django import template

from statements.public.links import web_address

register = template.Library()


@register.filter
def web_link(url: str | None) -> str:
    """The address to put in an href: a web address, or nothing (the page shows it as text)."""
    return web_address(url)
