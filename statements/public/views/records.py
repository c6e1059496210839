"""One statement with each report's text, and one claim in its context."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from statements.models import Claim, Evidence, Report, Statement, StatementStatus
from statements.public.json_ld import structured_data
from statements.public.periods import QuoteContext, quote_context
from statements.public.reports import report_texts, words_side_by_side
from statements.public.share_cards import attribution, claim_card, claim_heading, statement_card
from statements.public.views.kept import kept_until_data_changes

RELATED_CLAIMS = 20
REPORTS = Prefetch("reports", Report.objects.select_related("outlet"))


def visible_to(request: HttpRequest) -> dict:
    """Lookups for the records this visitor may see: staff also preview unpublished ones."""
    if request.user.is_staff:
        return {}
    return {"status": StatementStatus.PUBLISHED}


def in_context(evidence: Evidence) -> QuoteContext:
    """The evidence with the sentences around it in its report."""
    report = evidence.report
    return quote_context(
        report.source_text, evidence.span_start, evidence.span_end, report.body_start
    )


@require_safe
@kept_until_data_changes
def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(
        Statement.objects.select_related("official", "venue").prefetch_related(REPORTS),
        pk=pk,
        **visible_to(request),
    )
    claims = list(statement.claims.prefetch_related("topics", "evidence_spans"))
    reports = report_texts(statement, claims)
    context = {
        "statement": statement,
        "claims": claims,
        "reports": reports,
        "main_report": reports[0].report if reports else None,
        "post": statement.official.post_on(statement.date),
        "structured": structured_data(claims),
        "share": statement_card(statement, len(claims)),
    }
    return render(request, "statement_detail.html", context)


@require_safe
@kept_until_data_changes
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = Evidence.objects.select_related("report__outlet")
    claim = get_object_or_404(
        Claim.objects.select_related("statement__official", "statement__venue").prefetch_related(
            "topics",
            Prefetch("evidence_spans", evidence),
            Prefetch("statement__reports", REPORTS.queryset),
        ),
        pk=pk,
        **{f"statement__{lookup}": value for lookup, value in visible_to(request).items()},
    )
    statement = claim.statement
    main = claim.main_evidence
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
        "main": main,
        "context": in_context(main) if main else None,
        "side_by_side": words_side_by_side(claim),
        "related": related,
        "structured": structured_data([claim]),
        "heading": claim_heading(claim),
        "attribution": attribution(statement),
        "share": claim_card(claim),
    }
    return render(request, "claim_detail.html", context)
