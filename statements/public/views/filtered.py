"""The road every filtered list shares: request, ClaimFilter, a page of claims, page or fragment."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from statements.models import Claim
from statements.public.activity import Activity, activity, summary
from statements.public.counting import ViewCounts
from statements.public.facets import facet_counts, show_counts
from statements.public.filters import active_filters, filter_claims
from statements.public.lanes import build_lanes
from statements.public.periods import group_by_period
from statements.public.position_steps import position_steps

CLAIMS_PER_PAGE = 100


def view_params(request: HttpRequest, fixed: dict[str, str]) -> QueryDict:
    """The request's filters, with those the page's own URL fixes (an official page's official)."""
    params = request.GET.copy()
    for name, value in fixed.items():
        params[name] = value
    return params


def filtered_context(request: HttpRequest, fixed: dict[str, str] | None = None) -> dict:
    """Filter, order and page the claims as the request asks."""
    fixed = fixed or {}
    params = view_params(request, fixed)
    version = getattr(request, "data_version", None)  # read by kept_until_data_changes
    filterset = filter_claims(params, Claim.objects.for_timeline(), version)
    counts = ViewCounts(filterset, version, charted=bool(fixed))
    facets = facet_counts(counts, fixed)
    show_counts(filterset, facets)
    totals = counts.totals()
    paginator = Paginator(filterset.qs, CLAIMS_PER_PAGE)
    paginator.count = totals.claims  # known already: the paginator need not count again
    page = paginator.get_page(request.GET.get("page"))
    params.pop("page", None)
    return {
        **insights(request, filterset, fixed, counts),
        "filter": filterset,
        "fixed": fixed,
        "facets": list(facets),
        "chips": active_filters(filterset, request.GET, exclude=fixed),
        "search_query": params.get("q", "") if filterset.is_valid() else "",
        "export_query": params.urlencode(),
        "open_data_licence": settings.OPEN_DATA_LICENCE,
        "page": page,
        "periods": group_by_period(list(page.object_list)),
        "statement_count": totals.statements,
    }


def insights(request: HttpRequest, filterset, fixed: dict, counts: ViewCounts) -> dict:
    """What the view can show beyond the list: activity, lanes, and how a position moved."""
    if not filterset.is_valid():
        return {}
    claims, cleaned = filterset.qs, filterset.form.cleaned_data  # a page's own filters too
    one_official = bool(cleaned.get("official"))
    lanes_asked = request.GET.get("view") == "lanes" and one_official
    show_steps = one_official and bool(cleaned.get("topic"))
    return {
        "view": "lanes" if lanes_asked else "list",
        "lanes_offered": one_official,
        "activity": charted_activity(counts, request) if fixed else None,
        "lanes": build_lanes(claims, summary) if lanes_asked else None,
        "steps": position_steps(claims, cleaned["official"]) if show_steps else [],
    }


def charted_activity(counts: ViewCounts, request: HttpRequest) -> Activity | None:
    per_month = {month: totals.claims for month, totals in counts.per_month().items()}
    return activity(per_month, request.path, request.GET)


def render_filtered(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    """The full page, or only its results fragment for an htmx request; 400 for bad filters."""
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    status = 400 if context["filter"].errors else 200
    return render(request, template, context, status=status)
