"""The import page's "Add as a report of statement #N": an article the importer flags as another
report of a stored statement joins that statement, its quotations aligned with the claims, as a
change for a reviewer to review and publish.

Adding a report changes the statement, so the workflow decides who may: anyone who may edit it
(editors for drafts and statements in review, reviewers for published ones too).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest

from statements.articles.import_plan import ImportPlan
from statements.articles.report_alignment import add_plan_as_report
from statements.curation import workflow
from statements.models import Report, Statement, StatementStatus

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


def add_to_flagged(request: HttpRequest, plan: ImportPlan, chosen: str):
    """Add the article as a report of the chosen flagged statement: (report, "") or (None, why)."""
    flagged = {str(offer.statement.pk): offer for offer in offers(request.user, plan)}
    offer = flagged.get(chosen)
    if offer is None:
        return None, "Choose one of the statements this article was flagged as a report of."
    if offer.refusal:
        return None, offer.refusal
    try:
        report = add_plan_as_report(plan, offer.statement, user=request.user)
    except ValueError as problem:
        return None, str(problem)
    messages.success(request, added_message(report))
    return report, ""


def added_message(report: Report) -> str:
    statement = report.statement
    evidence = report.evidence_spans.count()
    added = (
        f"Added as report {report.order + 1} of statement #{statement.pk}, with {evidence} "
        "evidence span(s)."
    )
    if statement.status == StatementStatus.IN_REVIEW:
        return f"{added} The statement is in review: a reviewer checks it and publishes it again."
    return f"{added} Write the summaries of any new claims, then submit it for review."
