"""Public pages: the timeline, a statement with its evidence, an official's record."""

from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from statements.filters import ClaimFilter
from statements.models import Claim, Official, Statement, Topic
from statements.timeline import group_by_period, highlight_segments

CLAIMS_PER_PAGE = 100


def filtered_context(request: HttpRequest, claims: QuerySet, fixed: tuple[str, ...] = ()) -> dict:
    """Filter, order and page the claims as the request asks; the shared road of every list.

    Filters named in `fixed` are already applied by the page's own URL, so the form leaves them out.
    """
    filterset = ClaimFilter(request.GET, queryset=claims.for_timeline().in_timeline_order())
    for name in fixed:
        del filterset.filters[name]
    matching = filterset.qs
    page = Paginator(matching, CLAIMS_PER_PAGE).get_page(request.GET.get("page"))
    return {
        "filter": filterset,
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
    context = filtered_context(request, Claim.objects.all())
    return render_filtered(request, "timeline.html", context)


@require_GET
@vary_on_headers("HX-Request")
def official_detail(request: HttpRequest, slug: str) -> HttpResponse:
    official = get_object_or_404(Official.objects.prefetch_related("posts"), slug=slug)
    claims = Claim.objects.filter(statement__official=official)
    context = filtered_context(request, claims, fixed=("official",))
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
