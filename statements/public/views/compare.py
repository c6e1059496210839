"""Compare two sides topic by topic: two officials, or one official over two periods."""

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_safe

from statements.public.comparison import SIDES, CompareForm, compare, first_comparison
from statements.public.filters import ClaimFilter
from statements.public.views.kept import kept_until_data_changes


@require_safe
@kept_until_data_changes
def compare_officials(request: HttpRequest) -> HttpResponse:
    params = request.GET
    if not params and (suggested := first_comparison()):
        # A first visit compares what can be compared, instead of an empty, complaining form.
        params = QueryDict(mutable=True)
        params.update(suggested)
    form = CompareForm(params or None)
    sides = [("First", form.side_fields("a")), ("Second", form.side_fields("b"))]
    context = {"form": form, "sides": sides}
    if not form.is_valid():
        return render(request, "compare.html", context, status=400 if form.is_bound else 200)
    filters = [ClaimFilter(form.side_params(side, params), request=request) for side in SIDES]
    context["filter"] = filters[0]
    if not all(side.is_valid() for side in filters):
        return render(request, "compare.html", context, status=400)
    officials = [form.cleaned_data[side] for side in SIDES]
    context.update(
        officials=officials,
        columns=list(zip(officials, [form.side_label(side) for side in SIDES], strict=True)),
        rows=compare(filters[0].qs, filters[1].qs),
    )
    return render(request, "compare.html", context)
