"""A filtered view as a file: every row as CSV or JSON, or the newest as an Atom feed."""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from statements.models import Claim
from statements.public import export
from statements.public.change_export import CHANGES, changes_in
from statements.public.feeds import ClaimFeed
from statements.public.filters import ClaimFilter, chips
from statements.public.share_cards import claim_heading
from statements.public.site_address import absolute_url, site_root
from statements.public.views.kept import kept_until_data_changes

FEED_PREVIEW = 10


def filter_errors(filterset: ClaimFilter) -> str:
    lines = [f"{field.label}: {error}" for field in filterset.form for error in field.errors]
    return "These filters could not be used, so nothing was sent:\n" + "\n".join(lines) + "\n"


@require_safe
def export_rows(request: HttpRequest, extension: str) -> HttpResponse:
    """Every row of a filtered view as CSV or JSON: one row per claim, per statement, per
    evidence, or per curated position change."""
    level = request.GET.get("level", "claims")
    layouts = {**export.LAYOUTS, CHANGES.name: CHANGES}
    if level not in layouts:
        choices = ", ".join(layouts)
        message = f"Unknown level {level!r}, so nothing was sent: choose one of {choices}.\n"
        return HttpResponseBadRequest(message, content_type="text/plain")
    filterset = ClaimFilter(request.GET, Claim.objects.all(), request=request)
    if not filterset.is_valid():
        return HttpResponseBadRequest(filter_errors(filterset), content_type="text/plain")
    rows = filterset.qs
    if level == "statements":
        rows = export.statements_in(rows.values("statement_id"), filterset.newest_first)
    elif level == export.EVIDENCE.name:
        rows = export.evidence_in(rows, filterset.newest_first)
    elif level == CHANGES.name:
        rows = changes_in(rows, filterset.form.cleaned_data, filterset.newest_first)
    words = [part.word for part in filterset.parts()]
    return export.export_response(rows, layouts[level], extension, site_root(), words)


@require_safe
def claim_feed(request: HttpRequest) -> HttpResponse:
    """The newest claims of a filtered view as Atom; bad filters get a 400, not everything."""
    filterset = ClaimFilter(request.GET, Claim.objects.all(), request=request)
    if not filterset.is_valid():
        return HttpResponseBadRequest(filter_errors(filterset), content_type="text/plain")
    return ClaimFeed()(request)


@require_safe
@kept_until_data_changes
def feed_page(request: HttpRequest) -> HttpResponse:
    """What the Atom feed of a filtered view is, its address to copy, and its newest entries."""
    filterset = ClaimFilter(request.GET, request=request)
    if not filterset.is_valid():
        return HttpResponseBadRequest(filter_errors(filterset), content_type="text/plain")
    query = request.GET.urlencode()
    feed_path = reverse("claim_feed") + (f"?{query}" if query else "")
    entries = [(claim_heading(claim), claim) for claim in filterset.qs[:FEED_PREVIEW]]
    context = {
        "feed_path": feed_path,
        "feed_url": absolute_url(feed_path),
        "view_path": reverse("timeline") + (f"?{query}" if query else ""),
        "chips": chips(filterset, filterset.data, exclude={}),
        "entries": entries,
    }
    return render(request, "feed_page.html", context)
