"""Small helpers that make the records a test needs, with sensible defaults."""

from datetime import date

from statements.models import (
    Claim,
    ClaimKind,
    Evidence,
    Official,
    Outlet,
    Report,
    Statement,
    StatementStatus,
    Topic,
)

DEFAULT_TEXT = "The minister said: We will build the bridge. Critics said it would never be built."


def make_official(name: str = "Ana Petrova", **fields) -> Official:
    slug = fields.pop("slug", name.lower().replace(" ", "-"))
    return Official.objects.create(name=name, slug=slug, **fields)


def make_outlet(name: str = "Daily Courier", **fields) -> Outlet:
    slug = fields.pop("slug", name.lower().replace(" ", "-").replace(".", "-"))
    return Outlet.objects.create(name=name, slug=slug, **fields)


def make_topic(name: str = "Infrastructure", **fields) -> Topic:
    slug = fields.pop("slug", name.lower().replace(" ", "-"))
    return Topic.objects.create(name=name, slug=slug, **fields)


REPORT_FIELDS = {
    "reporting_outlet": "outlet",
    "source_text": "source_text",
    "source_url": "source_url",
    "dateline": "dateline",
    "title_as_given": "title_as_given",
    "language": "language",
    "body_start": "body_start",
    "headline_as_printed": "headline_as_printed",
    "published_on": "published_on",
    "is_primary": "is_primary",
}


def make_statement(official: Official | None = None, **fields) -> Statement:
    """A statement with one report; the report's fields (source_text, reporting_outlet, …) may
    be given with the statement's."""
    given = [name for name in fields if name in REPORT_FIELDS]
    report = {REPORT_FIELDS[name]: fields.pop(name) for name in given}
    report.setdefault("source_text", DEFAULT_TEXT)
    fields.setdefault("date", date(2024, 5, 1))
    fields.setdefault("kind", "interview")
    fields.setdefault("headline", "Interview about the bridge")
    fields.setdefault("status", StatementStatus.PUBLISHED)
    statement = Statement.objects.create(official=official or make_official(), **fields)
    make_report(statement, **report)
    return statement


def make_report(statement: Statement, **fields) -> Report:
    fields.setdefault("order", statement.reports.count())
    return Report.objects.create(statement=statement, **fields)


def make_claim(
    statement: Statement,
    quote: str,
    topics: tuple[Topic, ...] = (),
    report: Report | None = None,
    **fields,
) -> Claim:
    """A direct quote located in the statement's first report (or the one given)."""
    report = report or statement.reports.order_by("order").first()
    start = report.source_text.index(quote)
    fields.setdefault("summary", f"Summary of: {quote}")
    fields.setdefault("kind", ClaimKind.QUOTE)
    fields.setdefault("order", statement.claims.count() + 1)
    claim = Claim.objects.create(statement=statement, **fields)
    add_evidence(claim, report, quote, is_main=True, start=start)
    claim.topics.set(topics)
    return claim


def add_evidence(
    claim: Claim, report: Report, quote: str, is_main: bool = False, start: int | None = None
) -> Evidence:
    """The quote, found in the report, as evidence of the claim."""
    start = report.source_text.index(quote) if start is None else start
    return Evidence.objects.create(
        claim=claim,
        report=report,
        is_main=is_main,
        quote=quote,
        span_start=start,
        span_end=start + len(quote),
    )


def statement_form(
    official: Official, claims: list[dict], reports: list[dict] | None = None
) -> dict:
    """The admin's add form for a statement, as posted: its reports (one with DEFAULT_TEXT unless
    given) and its claims, each a dict of the inline's fields (quote, report, span_start, …)."""
    reports = [{"source_text": DEFAULT_TEXT}] if reports is None else reports
    data = {
        "official": official.pk,
        "date": "2024-05-01",
        "date_precision": "day",
        "kind": "speech",
        "headline": "A speech about the bridge",
        "status": "draft",
        **inline_forms("reports", [{"language": "en", **report} for report in reports]),
        **inline_forms("claims", claims),
    }
    return data


def inline_forms(prefix: str, rows: list[dict], stored: int = 0) -> dict:
    """An admin inline formset's posted fields: its management form and each row's fields."""
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": stored,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        for field, value in row.items():
            data[f"{prefix}-{index}-{field}"] = value
    return data


REPORT_FORM_FIELDS = (
    *("outlet", "is_primary", "source_url", "published_on", "dateline", "language"),
    *("headline_as_printed", "title_as_given", "body_start"),
)


def stored_report_row(report: Report) -> dict:
    """A report's row in the statement's change form, as the page shows it."""
    row = {"id": report.pk, "statement": report.statement_id, "source_text": report.source_text}
    for name in REPORT_FORM_FIELDS:
        value = getattr(report, f"{name}_id" if name == "outlet" else name)
        if name == "is_primary" and not value:
            continue  # an unticked box is not sent
        row[name] = "" if value is None else value
    return row


def statement_change_form(statement: Statement, **changes) -> dict:
    """The change form of a stored statement as posted with `changes`: its reports as stored (a
    report's field among the changes goes to its first report), and no claim rows."""
    reports = [stored_report_row(report) for report in statement.reports.order_by("order", "id")]
    for name in [name for name in changes if name in REPORT_FORM_FIELDS]:
        reports[0][name] = changes.pop(name)
    data = statement_form(statement.official, [])
    data.update(inline_forms("reports", reports, stored=len(reports)))
    data.update({"status": statement.status, "headline": statement.headline, **changes})
    return data


def claim_fields(claim: Claim, **changes) -> dict:
    """A claim's fields as its form posts them, its main evidence's included."""
    main = claim.main_evidence
    return {
        "statement": claim.statement_id,
        "order": claim.order,
        "kind": claim.kind,
        "summary": claim.summary,
        "report": main.report_id if main else "",
        "quote": main.quote if main else "",
        "span_start": main.span_start if main else "",
        "span_end": main.span_end if main else "",
        **changes,
    }
