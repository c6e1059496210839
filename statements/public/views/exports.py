"""A filtered view as a file: every row as CSV or JSON, or the newest as an Atom feed."""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.views.decorators.http import require_safe

from statements.models import Claim
from statements.public import export
from statements.public.change_export import CHANGES, changes_in
from statements.public.feeds import ClaimFeed
from statements.public.filters import ClaimFilter


def filter_errors(filterset: ClaimFilter) -> str:
    lines = [f"{field.label}: {error}" for field in filterset.form for error in field.errors]
    return "These filters could not be used, so nothing was sent:\n" + "\n".join(lines) + "\n"


@require_safe
def export_rows(request: HttpRequest, extension: str) -> HttpResponse:
    """Every row of a filtered view as CSV or JSON: one row per claim, per statement, or per
    curated position change."""
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
    elif level == CHANGES.name:
        rows = changes_in(rows, filterset.form.cleaned_data, filterset.newest_first)
    root = request.build_absolute_uri("/")
    words = [part.word for part in filterset.parts()]
    return export.export_response(rows, layouts[level], extension, root, words)


@require_safe
def claim_feed(request: HttpRequest) -> HttpResponse:
    """The newest claims of a filtered view as Atom; bad filters get a 400, not everything."""
    filterset = ClaimFilter(request.GET, Claim.objects.all(), request=request)
    if not filterset.is_valid():
        return HttpResponseBadRequest(filter_errors(filterset), content_type="text/plain")
    return ClaimFeed()(request)
