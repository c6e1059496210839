"""One statement with its source text, and one claim in its context."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from statements.models import Claim, Statement, StatementStatus
from statements.public.json_ld import structured_data
from statements.public.periods import highlight_segments, quote_context
from statements.public.share_cards import attribution, claim_card, claim_heading, statement_card
from statements.public.views.kept import kept_until_data_changes

RELATED_CLAIMS = 20


def visible_to(request: HttpRequest) -> dict:
    """Lookups for the records this visitor may see: staff also preview unpublished ones."""
    if request.user.is_staff:
        return {}
    return {"status": StatementStatus.PUBLISHED}


@require_safe
@kept_until_data_changes
def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(
        Statement.objects.select_related("official", "venue", "reporting_outlet"),
        pk=pk,
        **visible_to(request),
    )
    claims = list(statement.claims.prefetch_related("topics"))
    context = {
        "statement": statement,
        "claims": claims,
        "segments": highlight_segments(statement.source_text, claims, statement.body_start),
        "post": statement.official.post_on(statement.date),
        "structured": structured_data(claims),
        "share": statement_card(statement, len(claims)),
    }
    return render(request, "statement_detail.html", context)


@require_safe
@kept_until_data_changes
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(
        Claim.objects.select_related(
            "statement__official", "statement__venue", "statement__reporting_outlet"
        ).prefetch_related("topics"),
        pk=pk,
        **{f"statement__{lookup}": value for lookup, value in visible_to(request).items()},
    )
    statement = claim.statement
    topics = list(claim.topics.all())
    related = (
        Claim.objects.filter(statement__official=claim.statement.official, topics__in=topics)
        .exclude(pk=claim.pk)
        .published()
        .distinct()
        .for_timeline()
        .in_timeline_order()[:RELATED_CLAIMS]
    )
    context = {
        "claim": claim,
        "statement": statement,
        "topics": topics,
        "context": quote_context(
            statement.source_text, claim.span_start, claim.span_end, statement.body_start
        ),
        "related": related,
        "structured": structured_data([claim]),
        "heading": claim_heading(claim),
        "attribution": attribution(statement),
        "share": claim_card(claim),
    }
    return render(request, "claim_detail.html", context)
