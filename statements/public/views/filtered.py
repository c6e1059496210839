"""The road every filtered list shares: request, ClaimFilter, a page of claims, page or fragment."""

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from statements.public.activity import Activity, activity, summary
from statements.public.common_terms import described
from statements.public.counting import Totals, ViewCounts
from statements.public.facets import (
    facet_counts,
    facet_counts_kept,
    facets_to_come,
    show_counts,
)
from statements.public.filters import ClaimFilter, chips
from statements.public.lanes import build_lanes
from statements.public.paging import (
    KeysFirst,
    ListedRows,
    NearerEndPaginator,
    UncountedFirstPage,
)
from statements.public.position_steps import official_changes
from statements.public.position_steps import position_steps as steps
from statements.public.reports import with_reporters
from statements.public.versions import kept
from statements.public.views.kept import page_part
from statements.public.walked_search import (
    WalkedMatches,
    search_matches,
    walked_in_memory,
)

# Fifty, not a hundred: half the rendering (about 20 ms of Python against 31 ms at 20,000
# claims, whatever the data size), and a page still holds ten statements and more.
CLAIMS_PER_PAGE = 50
DENSE_SHARE = 100  # one match in this many claims, or more, is dense
# A dense search's page is walked to in memory on SQLite, or at all on PostgreSQL, while that
# reads this many claims at most: the fourth page of matches in one claim in a hundred, the
# hundredth of a word in a quarter of them.
WALKED_AT_MOST = 20_000
# PostgreSQL checks a walked claim's own document in about 4 µs, where listing a match first
# costs about 10 (its key, then the page's rows): there walking pays down to one match in 200
# claims (at a million).
POSTGRES_WALKS_FURTHER = 2


def view_params(request: HttpRequest, fixed: dict[str, str]) -> QueryDict:
    """The request's filters, with those the page's own URL fixes (an official page's official)."""
    params = request.GET.copy()
    for name, value in fixed.items():
        params[name] = value
    return params


def filtered_context(request: HttpRequest, fixed: dict[str, str] | None = None) -> dict:
    """Filter, order and page the claims as the request asks; for the request that follows a
    fragment sent without its facet counts, only those counts."""
    fixed = fixed or {}
    params = view_params(request, fixed)
    filterset = ClaimFilter(params, request=request)
    counts = ViewCounts(filterset)
    part = page_part(request)
    if part == "counts":
        return counts_context(request, filterset, counts, fixed)
    # With htmx at hand, the results never wait for facet counts nobody has asked for since
    # the data last changed: they come by a second request. A page without it counts them.
    deferred = part != "page" and not facet_counts_kept(counts, fixed)
    facets = facets_to_come(counts, fixed) if deferred else facet_counts(counts, fixed)
    show_counts(filterset, facets)
    page = uncounted_first_page(request, filterset, counts) if deferred else None
    totals = None if page is not None and page.has_next() else counts.totals()
    if page is None:
        page = counted_page(request, filterset, totals)
    elif totals is not None:  # the first page holds every claim: counting them is cheap
        page.paginator.count = totals.claims
    params.pop("page", None)
    listed = page.object_list = ListedRows.of(page.object_list)
    every_claim = None if page.has_other_pages() else listed
    newest_first_page = listed if page.number == 1 and filterset.newest_first else None
    return {
        **insights(request, filterset, fixed, every_claim, newest_first_page),
        "activity": charted_activity(counts, request) if totals and filterset.is_valid() else None,
        "filter": filterset,
        "fixed": fixed,
        "facets": list(facets),
        "chips": chips(filterset, request.GET, exclude=fixed),
        "search_query": params.get("q", "") if filterset.is_valid() else "",
        "export_query": params.urlencode(),
        "open_data_licence": settings.OPEN_DATA_LICENCE,
        "page": page,
        "listed": listed,
        "statement_count": totals.statements if totals else None,
        "counting": totals is None,
        "counts_url": counts_url(request, with_totals=totals is None) if deferred else "",
        **search_notice(filterset),
    }


def counted_page(request: HttpRequest, filterset: ClaimFilter, totals: Totals) -> Page:
    walked = claims_walked(filterset, totals.claims, request)
    filterset.dense_search = True if walked is not None else None
    paginator = NearerEndPaginator(listed(filterset, walked or 0), CLAIMS_PER_PAGE)
    paginator.count = totals.claims  # known already: the paginator need not count again
    return paginator.get_page(request.GET.get("page"))


def uncounted_first_page(
    request: HttpRequest, filterset: ClaimFilter, counts: ViewCounts
) -> UncountedFirstPage | None:
    """The first page of results whose totals are not kept, found without counting every match
    (at a million claims, counting a common word's matches per month takes longer than finding
    and rendering a page of them): the totals follow with the facet counts."""
    if request.GET.get("page", "1") != "1" or not filterset.is_valid() or counts.totals_are_kept():
        return None
    narrowing = filterset.search_narrowing
    if len(narrowing.matches) == 1:  # one term: the index counted its matches already
        filterset.dense_search = is_dense(filterset, narrowing.matches[0])
    return UncountedFirstPage(listed(filterset), CLAIMS_PER_PAGE)


def listed(filterset: ClaimFilter, walked: int = 0) -> KeysFirst | QuerySet:
    """The view's claims as its pages read them: a page's keys found first, and its rows then
    (paging.KeysFirst). Listed so, PostgreSQL no longer joins every match of a search to its
    evidence, report, official and venue before keeping fifty, which took half the time at a
    million claims (bench/README.md, part 12; SQLite also takes half), nor plans those joins
    with the filters: 15 ms of planning for an official, a topic and an outlet, against 4 in
    two steps. But a search not known to be dense or sparse is one query: without the joins,
    PostgreSQL's planner may walk the timeline for a rare word. `walked`: about how many claims
    a dense search's page is walked through."""
    if filterset.dense_search is None and filterset.search_narrowing.terms:
        return with_reporters(filterset.qs)
    return KeysFirst(listed_keys(filterset, walked), filterset.listed_rows())


def listed_keys(filterset: ClaimFilter, walked: int) -> QuerySet | WalkedMatches:
    """A dense search's keys on SQLite are walked against its matches kept in memory, when they
    are dense enough and the walk short enough: a claim read into Python costs about twice
    what SQL's own walk does, once it has put the matches in a temporary index."""
    alias, narrowing = filterset.queryset.db, filterset.search_narrowing
    in_memory = walked <= WALKED_AT_MOST and walked_in_memory(narrowing.matches, narrowing.claims)
    if not (filterset.dense_search and in_memory and connections[alias].vendor == "sqlite"):
        return filterset.keys()
    matches = search_matches(alias, filterset.version, narrowing.terms)
    return WalkedMatches(filterset.keys(searched=False), matches, narrowing.claims)


def search_notice(filterset: ClaimFilter) -> dict:
    """The words of the search left out as too common, for the notice that names them."""
    narrowing = filterset.search_narrowing
    return {
        "search_left_out": [described(term) for term in narrowing.left_out],
        "search_narrows": bool(narrowing.terms),
    }


def claims_walked(filterset: ClaimFilter, matches: int, request: HttpRequest) -> int | None:
    """About how many claims the page asked for is found through, walking them in timeline
    order and keeping those that match, when the view's matches are one claim in a hundred or
    more. None when they are not, or on PostgreSQL past WALKED_AT_MOST: the page is listed from
    every match then. (SQLite sorted every match to keep fifty: walked, the sixtieth page of a
    word in a tenth of a million claims took 126 ms where listed it took 0.7 s.)"""
    narrowing = filterset.search_narrowing
    if not narrowing.terms or not matches or not is_dense(filterset, matches):
        return None
    walked = page_number(request) * CLAIMS_PER_PAGE * narrowing.claims // matches
    if walked > WALKED_AT_MOST and connections[filterset.queryset.db].vendor == "postgresql":
        return None
    return walked


def page_number(request: HttpRequest) -> int:
    """The page asked for, as the paginator reads it: 1 if it is not a whole number."""
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def is_dense(filterset: ClaimFilter, matches: int) -> bool:
    walks_further = connections[filterset.queryset.db].vendor == "postgresql"
    share = DENSE_SHARE * (POSTGRES_WALKS_FURTHER if walks_further else 1)
    return matches * share >= filterset.search_narrowing.claims


def counts_url(request: HttpRequest, with_totals: bool) -> str:
    """Where the facet counts of this view come from: the view's URL, any page, with counts=1,
    or counts=totals when the totals and the activity over time come with them."""
    params = request.GET.copy()
    params.pop("page", None)
    params["counts"] = "totals" if with_totals else "1"
    return f"{request.path}?{params.urlencode()}"


def counts_context(
    request: HttpRequest, filterset: ClaimFilter, counts: ViewCounts, fixed: dict
) -> dict:
    facets = facet_counts(counts, fixed)
    show_counts(filterset, facets)
    context = {"filter": filterset, "fixed": fixed, "facets": list(facets)}
    if request.GET.get("counts") == "totals" and filterset.is_valid():
        totals = counts.totals()
        paginator = Paginator([], CLAIMS_PER_PAGE)
        paginator.count = totals.claims
        context |= {
            "page": paginator.page(1),
            "statement_count": totals.statements,
            "activity": charted_activity(counts, request),
            "with_totals": True,
        }
    return context


def insights(
    request: HttpRequest,
    filterset,
    fixed: dict,
    every_claim: ListedRows | None,
    newest_first_page: ListedRows | None = None,
) -> dict:
    """What the view can show beyond the list and its activity over time: lanes, how a position
    moved. `every_claim` when one page holds the view; `newest_first_page` when the page shown
    is its first, newest first."""
    if not filterset.is_valid():
        return {}
    claims, cleaned = filterset.qs, filterset.form.cleaned_data  # a page's own filters too
    official, topic = cleaned.get("official"), cleaned.get("topic")
    lanes_asked = request.GET.get("view") == "lanes" and bool(official)
    changes = kept_changes(filterset, official) if official else []
    cards = (
        kept_steps(filterset, changes, every_claim, newest_first_page) if official and topic else []
    )
    return {
        "view": "lanes" if lanes_asked else "list",
        "lanes_offered": bool(official),
        "lanes": build_lanes(claims, summary, request.path, request.GET) if lanes_asked else None,
        "steps": cards,
        "story_official": official,
        "story_topic": topic,
        "story_ratings": [change for card in cards for change in card.changes],
        "position_changes": changes,
    }


def kept_steps(
    filterset: ClaimFilter,
    changes: list,
    every_claim: ListedRows | None,
    newest_first_page: ListedRows | None,
) -> list:
    """How the position moved in the view, kept per version of the data and view: found from
    the page's own claims when they hold the latest statements, else from the database."""
    cleaned = filterset.form.cleaned_data
    official, topic = cleaned["official"], cleaned["topic"]

    def found() -> list:
        return steps(
            filterset.qs,
            official,
            topic,
            changes,
            listed=every_claim,
            newest_first_page=newest_first_page,
        )

    described = ("position steps", filterset.queryset.db, filterset.key())
    return kept(filterset.version, described, found)


def kept_changes(filterset: ClaimFilter, official) -> list:
    """The official's published position changes, kept per version of the data: every view of
    an official reads them, and building their query costs more than the rows (few or none)."""
    described = ("position changes", filterset.queryset.db, official.pk)
    return kept(filterset.version, described, lambda: official_changes(official))


def charted_activity(counts: ViewCounts, request: HttpRequest) -> Activity | None:
    per_month = {month: totals.claims for month, totals in counts.per_month().items()}
    return activity(per_month, request.path, request.GET)


def render_filtered(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    """The full page, or only its results fragment for an htmx request; 400 for bad filters.
    Boosted links and htmx restoring history it holds no copy of get the full page."""
    part = page_part(request)
    fragment = part == "fragment"
    if fragment:
        template = "filtered_page.html#results"  # the same region on every filtered page
    elif part == "counts":
        template = "_facet_counts.html"
    # What else changes beside the results (facet counts, the announcer) travels out of band.
    context["out_of_band"] = fragment or (request.htmx and request.htmx.boosted)
    status = 400 if context["filter"].errors else 200
    return render(request, template, context, status=status)
