"""What was said on a topic, by whom, over time."""

from django.db.models import Count, Max, Min, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from statements.models import Official, StatementStatus, Topic
from statements.public.share_cards import topic_card
from statements.public.views.filtered import filtered_context, render_filtered
from statements.public.views.kept import kept_until_data_changes


@require_safe
@kept_until_data_changes
def topic_list(request: HttpRequest) -> HttpResponse:
    published = Q(claims__statement__status=StatementStatus.PUBLISHED)
    topics = Topic.objects.annotate(
        claim_count=Count("claims", filter=published),
        first=Min("claims__statement__date", filter=published),
        last=Max("claims__statement__date", filter=published),
    ).order_by("name")
    return render(request, "topic_list.html", {"topics": topics})


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
@kept_until_data_changes
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    context = filtered_context(request, fixed={"topic": topic.slug})
    speakers = (
        Official.objects.filter(
            statements__claims__topics=topic, statements__status=StatementStatus.PUBLISHED
        )
        .annotate(
            claim_count=Count("statements__claims"),
            first=Min("statements__date"),
            last=Max("statements__date"),
        )
        .order_by("-claim_count", "name")
    )
    context.update(topic=topic, speakers=speakers, share=topic_card(topic))
    return render_filtered(request, "topic_detail.html", context)
