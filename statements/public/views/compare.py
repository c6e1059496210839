"""Compare two officials on the same topics and dates."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from statements.public.comparison import CompareForm, compare
from statements.public.filters import ClaimFilter
from statements.public.views.kept import kept_until_data_changes


@require_safe
@kept_until_data_changes
def compare_officials(request: HttpRequest) -> HttpResponse:
    form = CompareForm(request.GET or None)
    context = {"form": form}
    if not form.is_valid():
        return render(request, "compare.html", context, status=400 if form.is_bound else 200)
    sides = []
    for official in (form.cleaned_data["a"], form.cleaned_data["b"]):
        params = request.GET.copy()
        params["official"] = official.slug
        sides.append(ClaimFilter(params, request=request))
    context["filter"] = sides[0]
    if not all(side.is_valid() for side in sides):
        return render(request, "compare.html", context, status=400)
    context.update(
        officials=[form.cleaned_data["a"], form.cleaned_data["b"]],
        rows=compare(sides[0].qs, sides[1].qs),
    )
    return render(request, "compare.html", context)
