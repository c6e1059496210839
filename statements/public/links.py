"""Addresses a page may link to: web addresses only, whatever reached the database."""

import re

# Exactly "http://" or "https://" at the very start: nothing a browser could read as another
# scheme (javascript:, data:, vbscript:, or one hidden behind spaces or control characters).
WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)


def web_address(url: str | None) -> str:
    """The address if it is a web address, else the empty string."""
    return url if url and WEB_ADDRESS.match(url) else ""
