"""Each report's text with the evidence in it marked, for the statement's change page."""

from collections import defaultdict
from itertools import pairwise

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from statements.models import Evidence, Statement


def marked_text(text: str, spans: list[tuple[int, int, str]]) -> SafeString:
    """The text, each stretch inside one or more spans in a <mark> titled with their labels.
    One sweep over the sorted span boundaries, keeping the spans open there."""
    opening, closing = defaultdict(list), defaultdict(list)
    for index, (start, end, _) in enumerate(spans):
        opening[start].append(index)
        closing[end].append(index)
    bounds = sorted({0, len(text), *opening, *closing})
    open_spans: set[int] = set()
    pieces = []
    for start, end in pairwise(bounds):
        open_spans.difference_update(closing.get(start, ()))
        open_spans.update(opening.get(start, ()))
        words = text[start:end]
        if open_spans:
            labels = ", ".join(spans[index][2] for index in sorted(open_spans))
            pieces.append(format_html('<mark title="{}">{}</mark>', labels, words))
        else:
            pieces.append(format_html("{}", words))
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def evidence_by_report(statement: Statement) -> dict[int, list[tuple[int, int, str]]]:
    rows = Evidence.objects.filter(report__statement=statement).values_list(
        "report_id", "span_start", "span_end", "claim__order", "is_main"
    )
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for report_id, start, end, order, is_main in rows:
        label = f"Claim {order}" + ("" if is_main else " (further evidence)")
        spans.setdefault(report_id, []).append((start, end, label))
    return spans


def reports_with_evidence(statement: Statement) -> SafeString:
    spans = evidence_by_report(statement)
    sections = (
        (
            number,
            report.outlet.name if report.outlet_id else "Unknown outlet",
            " (primary source)" if report.is_primary else "",
            marked_text(report.source_text, spans.get(report.pk, [])),
        )
        for number, report in enumerate(statement.reports.select_related("outlet"), 1)
    )
    return format_html_join(
        "",
        '<section class="report-evidence"><h4>Report {}: {}{}</h4>'
        '<div class="source-with-spans">{}</div></section>',
        sections,
    )
