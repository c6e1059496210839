"""The home page: every claim, filtered as the request asks."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from statements.public.views.filtered import filtered_context, render_filtered
from statements.public.views.kept import kept_until_data_changes


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
@kept_until_data_changes
def timeline(request: HttpRequest) -> HttpResponse:
    return render_filtered(request, "timeline.html", filtered_context(request))
