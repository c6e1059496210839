"""The import page's "Add as a report of statement #N": an article the importer flags as another
report of a stored statement joins that statement, its quotations aligned with the claims, as a
change for a reviewer to review and publish.

Adding a report changes the statement, so the workflow decides who may: anyone who may edit it
(editors for drafts and statements in review, reviewers for published ones too).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest

from statements.articles.importer import ImportPlan, stored_outlet
from statements.curation import workflow
from statements.models import Report, Statement

ADD_REPORT = "statements.add_report"


@dataclass
class Offer:
    """One flagged statement, and whether this user may add the article to it."""

    statement: Statement
    refusal: str = ""


def offers(user, plan: ImportPlan) -> list[Offer]:
    return [Offer(statement, refusal(user, statement)) for statement in plan.likely_duplicates]


def refusal(user, statement: Statement) -> str:
    if not user.has_perm(ADD_REPORT):
        return "You may not add reports."
    if not workflow.may_edit(user, statement):
        status = statement.get_status_display().lower()
        return f"Statement #{statement.pk} is {status}: only reviewers add reports to it."
    return ""


def add_to_flagged(request: HttpRequest, plan: ImportPlan, text: str, chosen: str, data: dict):
    """Add the article as a report of the chosen flagged statement: (report, "") or (None, why)."""
    flagged = {str(offer.statement.pk): offer for offer in offers(request.user, plan)}
    offer = flagged.get(chosen)
    if offer is None:
        return None, "Choose one of the statements this article was flagged as a report of."
    if offer.refusal:
        return None, offer.refusal
    # Imported here, not at the top, until the importer's alignment module is merged: then
    # this import moves to the top of the module.
    from statements.articles.report_alignment import add_as_report  # noqa: PLC0415

    try:
        with transaction.atomic():
            report = add_as_report(
                offer.statement, text, user=request.user, **report_fields(plan, data)
            )
    except ValueError as problem:
        return None, str(problem)
    messages.success(request, added_message(report))
    return report, ""


def report_fields(plan: ImportPlan, data: dict) -> dict:
    """What the importer read of the article's origin; the rest the editor adds on the report."""
    return {
        "outlet": stored_outlet(plan.reporting_outlet),
        "source_url": data.get("source_url") or plan.source_url,
        "dateline": plan.reading.dateline,
        "title_as_given": plan.reading.title_as_given,
    }


def added_message(report: Report) -> str:
    statement = report.statement
    evidence = report.evidence_spans.count()
    status = statement.get_status_display().lower()
    return (
        f"Added as report {report.order + 1} of statement #{statement.pk}, with {evidence} "
        f"evidence span(s); the statement is {status}: check the claims' summaries, then submit "
        "it for review."
    )
