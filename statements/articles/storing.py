"""Storing an import plan: each new statement a draft, the text its first report, and each
proposed claim a claim with its main evidence in that report."""

from simple_history.utils import bulk_create_with_history

from statements.articles.import_plan import ImportPlan, PlannedStatement
from statements.articles.outlet_choice import OutletChoice
from statements.articles.proposal import ProposedClaim
from statements.models import Claim, Evidence, Outlet, Report, Statement, StatementStatus


def stored_outlet(choice: OutletChoice | None) -> Outlet | None:
    if choice is None:
        return None
    if choice.outlet:
        return choice.outlet
    outlet, _ = Outlet.objects.get_or_create(slug=choice.slug, defaults={"name": choice.name})
    return outlet


def fitted(model: type[Statement | Report], field_name: str, value: str) -> str:
    return value[: model._meta.get_field(field_name).max_length]


def draft_statement(planned: PlannedStatement) -> Statement:
    proposal = planned.proposal
    return Statement(
        official=planned.official,
        date=proposal.date,
        date_precision=proposal.date_precision,
        kind=proposal.kind,
        venue=stored_outlet(planned.venue),
        headline=fitted(Statement, "headline", proposal.headline),
        status=StatementStatus.DRAFT,
    )


def first_report(plan: ImportPlan, planned: PlannedStatement, statement, outlet) -> Report:
    """The text as the statement's first report; a passage (an earlier occasion, another
    speaker) has no dateline of its own."""
    proposal = planned.proposal
    reading = dict((official.pk, reading) for official, reading in plan.readings)[
        planned.official.pk
    ]
    whole = proposal.whole_article
    return Report(
        statement=statement,
        order=0,
        outlet=outlet,
        source_url=plan.source_url,
        published_on=plan.published_on,
        dateline=fitted(Report, "dateline", plan.reading.dateline if whole else ""),
        title_as_given=fitted(Report, "title_as_given", reading.title_as_given),
        source_text=proposal.source_text,
    )


def store_claims(statement: Statement, report: Report, proposed: list[ProposedClaim]) -> None:
    """The claims, each with its main evidence in the report, in batches with their history so
    that a long article holds the write lock briefly."""
    claims = [
        Claim(statement=statement, order=order, kind=claim.kind, summary=claim.summary)
        for order, claim in enumerate(proposed, start=1)
    ]
    for claim in claims:
        # A direct quote's summary is left for the editor to write. The database checks
        # the constraints again; asking it per claim would cost a query each.
        claim.full_clean(
            exclude=[] if claim.summary else ["summary"],
            validate_unique=False,
            validate_constraints=False,
        )
    bulk_create_with_history(claims, Claim, batch_size=500)
    evidence = [
        main_evidence(claim, report, found) for claim, found in zip(claims, proposed, strict=True)
    ]
    for span in evidence:
        span.full_clean(validate_unique=False, validate_constraints=False)
    bulk_create_with_history(evidence, Evidence, batch_size=500)


def main_evidence(claim: Claim, report: Report, found: ProposedClaim) -> Evidence:
    return Evidence(
        claim=claim,
        report=report,
        is_main=True,
        quote=found.quote,
        span_start=found.span_start,
        span_end=found.span_end,
    )


def store(plan: ImportPlan) -> list[Statement]:
    created = []
    reporting = stored_outlet(plan.reporting_outlet)
    for planned in plan.statements:
        if planned.stored_report:
            continue
        statement = draft_statement(planned)
        statement.full_clean()
        statement.save()
        report = first_report(plan, planned, statement, reporting)
        report.full_clean()
        report.save()
        store_claims(statement, report, planned.proposal.claims)
        created.append(statement)
    return created
