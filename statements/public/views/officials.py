"""Who said it: the list of officials and each one's record."""

from django.db.models import Count, Max, Min, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from statements.models import Official, StatementStatus, Topic
from statements.public.share_cards import official_card
from statements.public.views.filtered import filtered_context, render_filtered
from statements.public.views.kept import kept_until_data_changes

SPAN_OF_CLAIMS = {"first": Min("claims__statement__date"), "last": Max("claims__statement__date")}
PUBLISHED = Q(statements__status=StatementStatus.PUBLISHED)


@require_safe
@kept_until_data_changes
def official_list(request: HttpRequest) -> HttpResponse:
    officials = Official.objects.annotate(
        statement_count=Count("statements", filter=PUBLISHED, distinct=True),
        claim_count=Count("statements__claims", filter=PUBLISHED),
        first=Min("statements__date", filter=PUBLISHED),
        last=Max("statements__date", filter=PUBLISHED),
    )
    return render(request, "official_list.html", {"officials": officials})


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
@kept_until_data_changes
def official_detail(request: HttpRequest, slug: str) -> HttpResponse:
    official = get_object_or_404(Official.objects.prefetch_related("posts"), slug=slug)
    context = filtered_context(request, fixed={"official": official.slug})
    topics = (
        Topic.objects.filter(
            claims__statement__official=official,
            claims__statement__status=StatementStatus.PUBLISHED,
        )
        .annotate(claim_count=Count("claims"), **SPAN_OF_CLAIMS)
        .order_by("-claim_count", "name")
    )
    context.update(official=official, topics=topics, share=official_card(official))
    return render_filtered(request, "official_detail.html", context)
