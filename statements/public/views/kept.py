"""Public pages kept as rendered until the data changes.

A public page depends only on its URL, on whether htmx asked for its fragment, and on the data,
whose version the database replaces on every change (statements/public/versions.py). So a page asked
for again before the data changes is sent as it was rendered, without filtering, counting or
rendering again, and its ETag lets a browser or feed reader ask "has it changed?" for a 304.
Editors (anyone logged in) always get a freshly rendered page: theirs carry curation links.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.core.cache import caches
from django.db import router
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, quote_etag

from statements.models import Claim
from statements.public.versions import data_version

pages = caches["pages"]
# A page of 100 claims is about 120 KB. Larger ones (a statement with a long article) are
# rendered each time, so that PAGES_KEPT pages stay within a known amount of memory.
LARGEST_KEPT = 512 * 1024


def page_key(request: HttpRequest) -> str:
    """The page's identity: the data's version, its URL, and which part htmx asked for."""
    htmx = request.htmx
    part = "page" if not htmx or htmx.history_restore_request else "fragment"
    part = "boosted" if htmx and htmx.boosted else part
    described = repr((request.data_version, part, request.get_full_path())).encode()
    return hashlib.sha256(described).hexdigest()


def kept_until_data_changes(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # Read once here; the counts the view makes are kept under the same version.
        request.data_version = data_version(router.db_for_read(Claim))
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        key = page_key(request)
        etag = quote_etag(key[:32])
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return not_modified
        kept = pages.get(key)
        if kept is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or len(response.content) > LARGEST_KEPT:
                return response
            pages.set(key, (response.content, response["Content-Type"]), timeout=None)
        else:
            content, content_type = kept
            response = HttpResponse(content, content_type=content_type)
        response["ETag"] = etag
        return response

    return wrapper
