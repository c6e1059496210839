"""Links to records, built without resolving the URL again for each of a page's hundred claims.

Django's `reverse` walks the URL patterns on every call: three hundred calls were a fifth of the
time of rendering a page of results. A record's address is its pattern with the record's slug or
id in place, so the pattern is resolved once (per script prefix) and filled in after that.
"""

from functools import lru_cache

from django.urls import get_script_prefix, reverse

STAND_IN = 918273645  # an id or slug no pattern holds of itself: where the value goes


@lru_cache(maxsize=64)
def pattern_around(name: str, script_prefix: str) -> tuple[str, str]:
    """The address of `name` before and after its one argument."""
    before, after = reverse(name, args=[STAND_IN]).split(str(STAND_IN))
    return before, after


def path(name: str, value) -> str:
    """The address of a record's page: `path("claim_detail", claim.pk)`. For slugs and ids
    only, which need no escaping in a URL."""
    before, after = pattern_around(name, get_script_prefix())
    return f"{before}{value}{after}"
