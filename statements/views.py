"""Public pages: the timeline, a statement with its evidence, an official's record, exports."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from statements import export
from statements.filters import ClaimFilter, describe, filter_claims
from statements.models import Claim, Official, Statement, Topic
from statements.timeline import group_by_period, highlight_segments

CLAIMS_PER_PAGE = 100


def view_params(request: HttpRequest, fixed: dict[str, str]) -> QueryDict:
    """The request's filters, with those the page's own URL fixes (an official page's official)."""
    params = request.GET.copy()
    for name, value in fixed.items():
        params[name] = value
    return params


def filtered_context(request: HttpRequest, fixed: dict[str, str] | None = None) -> dict:
    """Filter, order and page the claims as the request asks; the shared road of every list."""
    fixed = fixed or {}
    params = view_params(request, fixed)
    filterset = filter_claims(params, Claim.objects.for_timeline())
    matching = filterset.qs
    page = Paginator(matching, CLAIMS_PER_PAGE).get_page(request.GET.get("page"))
    params.pop("page", None)
    return {
        "filter": filterset,
        "fixed": fixed,
        "export_query": params.urlencode(),
        "page": page,
        "periods": group_by_period(list(page.object_list)),
        "statement_count": matching.values("statement").distinct().count(),
    }


def render_filtered(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    """The full page, or only its results fragment for an htmx request; 400 for bad filters."""
    if request.htmx:
        template += "#results"
    status = 400 if context["filter"].errors else 200
    return render(request, template, context, status=status)


@require_GET
@vary_on_headers("HX-Request")
def timeline(request: HttpRequest) -> HttpResponse:
    return render_filtered(request, "timeline.html", filtered_context(request))


@require_GET
@vary_on_headers("HX-Request")
def official_detail(request: HttpRequest, slug: str) -> HttpResponse:
    official = get_object_or_404(Official.objects.prefetch_related("posts"), slug=slug)
    context = filtered_context(request, fixed={"official": official.slug})
    topics = (
        Topic.objects.filter(claims__statement__official=official)
        .annotate(claim_count=Count("claims"))
        .order_by("-claim_count", "name")
    )
    context.update(official=official, topics=topics)
    return render_filtered(request, "official_detail.html", context)


@require_GET
def official_list(request: HttpRequest) -> HttpResponse:
    officials = Official.objects.annotate(
        statement_count=Count("statements", distinct=True),
        claim_count=Count("statements__claims"),
    )
    return render(request, "official_list.html", {"officials": officials})


@require_GET
def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(
        Statement.objects.select_related("official", "venue", "reporting_outlet"), pk=pk
    )
    claims = list(statement.claims.prefetch_related("topics"))
    context = {
        "statement": statement,
        "claims": claims,
        "segments": highlight_segments(statement.source_text, claims),
        "post": statement.official.post_on(statement.date),
    }
    return render(request, "statement_detail.html", context)


def filter_errors(filterset: ClaimFilter) -> str:
    lines = [f"{field.label}: {error}" for field in filterset.form for error in field.errors]
    return "Nothing was exported; these filters could not be used:\n" + "\n".join(lines) + "\n"


@require_GET
def export_rows(request: HttpRequest, extension: str) -> HttpResponse:
    """Every row of a filtered view as CSV or JSON: one row per claim, or per statement."""
    level = request.GET.get("level", "claims")
    if level not in export.LAYOUTS:
        choices = ", ".join(export.LAYOUTS)
        return HttpResponseBadRequest(f"Unknown level {level!r}: choose one of {choices}.\n")
    filterset = filter_claims(request.GET, Claim.objects.all())
    if not filterset.is_valid():
        return HttpResponseBadRequest(filter_errors(filterset), content_type="text/plain")
    rows = filterset.qs
    if level == "statements":
        rows = export.statements_in(rows.values("statement_id"), filterset.newest_first)
    root = request.build_absolute_uri("/")
    return export.export_response(rows, export.LAYOUTS[level], extension, root, describe(filterset))
