"""Public pages kept as rendered until the data or the code changes.

A public page depends only on its URL, on whether htmx asked for its fragment, on the data,
whose version the database replaces on every change, and on the release that rendered it
(statements/public/versions.py). So a page asked for again before either changes is sent as it
was rendered, without filtering, counting or rendering again, and its ETag lets a browser or
feed reader ask "has it changed?" for a 304. Editors (anyone logged in) always get a freshly
rendered page: theirs carry curation links.
"""

import hashlib
from collections.abc import Callable
from functools import cache, wraps
from urllib.parse import urlencode

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.http import condition
from django_filters.widgets import SuffixedMultiWidget

from statements.public.comparison import CompareForm
from statements.public.filters import ClaimFilter
from statements.public.versions import code_version, request_data_version

# A page of 50 claims is about 60 KB. Larger ones (a statement with a long article) are
# rendered each time, so that PAGES_KEPT pages stay within a known amount of space.
LARGEST_KEPT = 512 * 1024


@cache
def known_parameters() -> frozenset[str]:
    """Every query parameter a public page reads: the filters, the comparison, paging, lanes."""
    fields = {**ClaimFilter().form.fields, **CompareForm.base_fields}
    names = {"page", "view", "counts"}
    for name, field in fields.items():
        widget = field.widget
        if isinstance(widget, SuffixedMultiWidget):  # the date range: date_after, date_before
            names.update(widget.suffixed(name, suffix) for suffix in widget.suffixes)
        else:
            names.add(name)
    return frozenset(names)


def canonical_url(request: HttpRequest) -> str | None:
    """The same page without the parameters no page reads, if it was asked for with any:
    they would keep a copy of the page per tracking tag or junk value."""
    known = known_parameters()
    if set(request.GET) <= known:
        return None
    kept = [
        (name, value) for name, values in request.GET.lists() if name in known for value in values
    ]
    return request.path + (f"?{urlencode(kept)}" if kept else "")


def page_part(request: HttpRequest) -> str:
    """Which part of the page the request asks for: the whole page, the page for a boosted link,
    only the results fragment htmx swaps in, or only the facet counts that follow a fragment
    sent without them. Going Back to a page htmx no longer holds asks for the whole page."""
    htmx = request.htmx
    if not htmx or htmx.history_restore_request:
        return "page"
    if "counts" in request.GET:
        return "counts"
    return "boosted" if htmx.boosted else "fragment"


def page_key(request: HttpRequest) -> str:
    """The page's identity: the code's and data's versions, its URL, and the part htmx asked for."""
    versions = (code_version(), request_data_version(request))
    described = repr((versions, page_part(request), request.get_full_path())).encode()
    return hashlib.sha256(described).hexdigest()


def page_etag(request: HttpRequest, *args, **kwargs) -> str | None:
    if request.user.is_authenticated:
        return None
    return page_key(request)[:32]


def kept_until_data_changes(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @condition(etag_func=page_etag)
    def kept_or_rendered(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        key = page_key(request)
        pages = caches["pages"]
        kept = pages.get(key)
        if kept is not None:
            content, content_type = kept
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and len(response.content) <= LARGEST_KEPT:
            pages.set(key, (response.content, response["Content-Type"]), timeout=None)
        return response

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        canonical = canonical_url(request)
        if canonical is not None:
            return HttpResponseRedirect(canonical)
        # "Any version at all" cannot be answered before the view has said whether the page
        # exists (a missing or draft page must not answer 304), so it is treated as absent.
        if request.headers.get("If-None-Match", "").strip() == "*":
            del request.META["HTTP_IF_NONE_MATCH"]
        response = kept_or_rendered(request, *args, **kwargs)
        if response.status_code not in (200, 304):
            del response["ETag"]  # only a page that exists is validated again
        return response

    return wrapper
