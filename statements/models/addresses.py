"""Web addresses that records keep and pages link."""

import re

from django.core.validators import URLValidator

# Only web addresses: a page links them, and a javascript: or data: link would run in it.
web_address = URLValidator(
    schemes=["http", "https"], message="Enter a web address starting with http:// or https://."
)
# What a page may link to: exactly "http://" or "https://" at the very start, so nothing stored
# past validation (through the ORM) is read by a browser as another scheme.
WEB_LINK = re.compile(r"https?://", re.IGNORECASE)


def web_link(url: str | None) -> str:
    """The address if a page may link to it, else the empty string."""
    return url if url and WEB_LINK.match(url) else ""
