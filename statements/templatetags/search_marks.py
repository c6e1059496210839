from django import template
from django.utils.safestring import SafeString

from statements.public.search import highlight

register = template.Library()


@register.filter
def marked(text: str, query: str | None) -> SafeString:
    """Escape the text and mark the words the search asked for."""
    return highlight(text or "", query or "")
