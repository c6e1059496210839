"""What the import command prints of a plan or an alignment before anything is stored."""

from statements.articles.import_plan import ImportPlan
from statements.articles.report_alignment import ReportAlignment
from statements.models import Statement


def plan_lines(plan: ImportPlan) -> list[str]:
    reading = plan.reading
    lines = [f"Official: {', '.join(official.name for official in plan.officials)}"]
    if plan.reporting_outlet:
        new = "" if plan.reporting_outlet.outlet else " (new outlet)"
        lines.append(f"Reported by: {plan.reporting_outlet.name}{new}")
    if reading.dateline:
        lines.append(f"Dateline: {reading.dateline}")
    for planned in plan.statements:
        proposal = planned.proposal
        venue = f", venue {planned.venue.name}" if planned.venue else ""
        lines.append(
            f"Statement of {proposal.date} ({proposal.date_precision}), {proposal.kind}{venue}, "
            f"by {planned.official.name}: {proposal.headline}"
        )
        for claim in proposal.claims:
            span = f"{claim.span_start}–{claim.span_end}"
            words = claim.summary or f"(summary to write) “{claim.quote}”"
            lines.append(f"  {claim.kind} {span}: {words}")
    lines += [f"Warning: {warning}" for warning in plan.warnings]
    return lines


def alignment_lines(statement: Statement, text: str, alignment: ReportAlignment) -> list[str]:
    lines = [f"As a report of statement #{statement.pk} “{statement.headline}”:"]
    for match in alignment.matched:
        same = "the same words" if match.agrees else "wording differs"
        words = text[match.span_start : match.span_end]
        lines.append(f"  evidence of claim {match.claim.order} ({same}): “{words}”")
    for proposed in alignment.proposed:
        words = text[proposed.span_start : proposed.span_end]
        lines.append(f"  new {proposed.kind} (summary to write): “{words}”")
    return lines
