"""Absolute URLs at the site's configured address (SITE_URL), never at a request's Host header:
a page kept for every visitor must not carry the address one visitor's request claimed."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """The page at `path` ("/claims/1/") as a full URL on the site's own address."""
    return settings.SITE_URL + path


def site_root() -> str:
    return settings.SITE_URL + "/"
