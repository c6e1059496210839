"""A statement's reports as readers see them: who reported it, each report's text with its own
evidence marked, and each report's words for one claim set side by side."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from statements import wording
from statements.models import Claim, Evidence, Outlet, Report, Statement
from statements.public import export_columns
from statements.public.export_columns import OutletNames
from statements.public.listed_topics import TopicLinks
from statements.public.periods import Segment, highlight_segments

NAME_SEPARATOR = "; "  # as OutletNames joins them


@dataclass(frozen=True)
class Reporter:
    outlet: Outlet
    report: Report | None  # the outlet's first report of the statement: where its name links


def reporters(statement: Statement) -> list[Reporter]:
    """Each outlet that reported the statement, once, with its first report (prefetched
    reports are used as they are: no query when the timeline fetched them)."""
    found: dict[int, Reporter] = {}
    for report in statement.reports.all():
        if report.outlet is not None and report.outlet.pk not in found:
            found[report.outlet.pk] = Reporter(report.outlet, report)
    return list(found.values())


def with_reporters(claims: QuerySet) -> QuerySet:
    """Claims as a list shows them, each with its statement's reporting outlets' names, its
    number of reports and its topics, read by the claims' own query instead of a query for the
    reports: what keeps an official's page within ten queries."""
    return claims.prefetch_related(None).annotate(
        reporting_outlet_names=OutletNames("statement_id"),
        report_total=export_columns.report_count("statement_id"),
        listed_topics=TopicLinks(),
    )


def listed_reporters(claim: Claim) -> tuple[list[Reporter], int]:
    """Who reported a listed claim's statement, from the names `with_reporters` read."""
    names = [name for name in (claim.reporting_outlet_names or "").split(NAME_SEPARATOR) if name]
    return [Reporter(Outlet(name=name), None) for name in names], claim.report_total or 0


def report_count(statement: Statement) -> int:
    return len(statement.reports.all())


def reported_by(statement: Statement) -> str:
    """'News.Az, The Artistree (2 reports)'; 'Trend' for one report; '' when nobody is named."""
    names = ", ".join(reporter.outlet.name for reporter in reporters(statement))
    count = report_count(statement)
    if count > 1:
        return f"{names} ({count} reports)" if names else f"{count} reports"
    return names


def reports_in_reading_order(statement: Statement) -> list[Report]:
    """The main report (the primary source, if held) first, then the others in their order."""
    reports = list(statement.reports.all())
    main = statement.main_report
    return [main, *(report for report in reports if report != main)] if main else reports


@dataclass
class ReportText:
    """One report on a statement's page: the report, and its text with its evidence marked."""

    report: Report
    segments: list[Segment]
    is_main: bool


def evidence_anchor(evidence: Evidence) -> str:
    """`evidence-<claim>` for a claim's main evidence (what its "Show in source" links to),
    else `evidence-<claim>-report-<report>`: every anchor on the page once."""
    if evidence.is_main:
        return f"evidence-{evidence.claim_id}"
    return f"evidence-{evidence.claim_id}-report-{evidence.report_id}"


def report_texts(statement: Statement, claims: list[Claim]) -> list[ReportText]:
    """Each report's text from where its article begins, with the evidence of the claims in it.
    `claims` come with `evidence_spans` prefetched; each evidence is given its claim and report
    from those already loaded, so that reading its words costs no query."""
    by_claim = {claim.pk: claim for claim in claims}
    reports = reports_in_reading_order(statement)
    main = reports[0] if reports else None
    spans: dict[int, list[Evidence]] = {report.pk: [] for report in reports}
    by_report = {report.pk: report for report in reports}
    for claim in claims:
        for evidence in claim.evidence_spans.all():
            evidence.claim, evidence.report = (
                by_claim[evidence.claim_id],
                by_report[evidence.report_id],
            )
            evidence.anchor = evidence_anchor(evidence)
            spans.setdefault(evidence.report_id, []).append(evidence)
    return [
        ReportText(
            report,
            highlight_segments(report.source_text, spans[report.pk], report.body_start),
            report == main,
        )
        for report in reports
    ]


@dataclass
class ReportWords:
    """One report's words for a claim, cut into runs it shares with the words compared with."""

    evidence: Evidence
    pieces: list[wording.Piece]
    compared_with: Report
    differs: bool = field(init=False)

    def __post_init__(self) -> None:
        self.differs = any(piece.differs for piece in self.pieces)


def differ(one: Evidence, other: Evidence) -> bool:
    return wording.wording_of([one.text, other.text]) == wording.DIFFERS


def words_side_by_side(claim: Claim) -> list[ReportWords]:
    """With evidence in two or more reports, each report's words, the main evidence first, the
    differences marked: the main evidence against the first other report whose words differ,
    every other report against the main evidence. With fewer: nothing to compare."""
    spans = sorted(claim.evidence_spans.all(), key=lambda e: (not e.is_main, e.report.order, e.pk))
    if len(spans) < 2:
        return []
    main, others = spans[0], spans[1:]
    rival = next((other for other in others if differ(main, other)), others[0])
    compared = [ReportWords(main, wording.marked_differences(main.text, rival.text), rival.report)]
    for other in others:
        pieces = wording.marked_differences(other.text, main.text)
        compared.append(ReportWords(other, pieces, main.report))
    return compared
