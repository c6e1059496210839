"""Another outlet's text of a stored statement, added as one more report of it.

`align_report` reads the new text for the statement's official with the importer's own
quotation and attribution finding, and pairs each quotation or reported position with a claim
the statement holds when the words are the same or nearly so (quote_matching.py); the others
are proposed as new claims. `add_as_report` stores it all in one transaction: the report, the
matched claims' new evidence (each claim's wording then marked as agreeing or differing), the
proposed claims as drafts with their summaries to write, and a published statement sent back to
review, so that nothing new is public before a reviewer has seen it.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from statements.articles.cast import read_for_speakers
from statements.articles.duplicates import normalised
from statements.articles.import_plan import ImportPlan
from statements.articles.importer import officials_named, speaker_for
from statements.articles.outlet_choice import known_outlet_names
from statements.articles.quote_matching import Found, Known, found_in, match_quotations
from statements.articles.source import ArticleError, Dated, check_text
from statements.articles.storing import fitted, stored_outlet
from statements.models import (
    Claim,
    ClaimKind,
    Evidence,
    Outlet,
    Report,
    Statement,
    StatementStatus,
    content_hash,
)
from statements.wording import comparable_words


@dataclass(frozen=True)
class MatchedEvidence:
    """Words of the new text that are evidence of a stored claim."""

    claim: Claim
    span_start: int
    span_end: int
    quote: str
    agrees: bool  # the same words as every report already holding the claim


@dataclass(frozen=True)
class ProposedClaim:
    """A quotation or reported position of the new text that no stored claim holds."""

    span_start: int
    span_end: int
    quote: str
    kind: str


@dataclass
class ReportAlignment:
    matched: list[MatchedEvidence]
    proposed: list[ProposedClaim]


def read_quotations(statement: Statement, text: str) -> list[Found]:
    """The official's quotations and reported positions in the text, read as the importer reads
    an article; the others it names are told apart from them as on import."""
    official = statement.official
    speakers = {**officials_named(text), official: speaker_for(official)}
    published = Dated(statement.date, statement.date_precision)
    readings = read_for_speakers(text, speakers, list(known_outlet_names()), published=published)
    return found_in(readings[official]) if official in readings else []


def known_claims(statement: Statement) -> list[Known]:
    """Each claim of the statement with the words every report gives as its evidence."""
    claims = statement.claims.prefetch_related("evidence_spans__report").order_by("order")
    return [
        Known(claim, tuple(span.text for span in claim.evidence_spans.all())) for claim in claims
    ]


def quote_for(words: str, kind: str, claim: Claim | None = None) -> str:
    """The exact words for a quotation, or a direct quote's evidence; "" for a reported one."""
    quoted = ClaimKind.QUOTE in (kind, claim.kind if claim else None)
    return words if quoted else ""


def align_report(statement: Statement, text: str) -> ReportAlignment:
    """What adding the text as a report of the statement would store; nothing is written."""
    found = read_quotations(statement, text)
    known = known_claims(statement)
    pairing = match_quotations(text, found, known)
    matches = pairing.matches
    kinds = {index: item.kind for index, item in enumerate(found)}
    texts_of = {item.key.pk: item.texts for item in known}
    matched = []
    for match in matches:
        claim = match.key
        words = text[match.start : match.end]
        texts = texts_of[claim.pk]
        agrees = all(comparable_words(words) == comparable_words(other) for other in texts)
        quote = quote_for(words, kinds[match.found], claim)
        matched.append(MatchedEvidence(claim, match.start, match.end, quote, agrees))
    used = {match.found for match in matches} | pairing.covered
    proposed = [
        ProposedClaim(
            item.start, item.end, quote_for(text[item.start : item.end], item.kind), item.kind
        )
        for index, item in enumerate(found)
        if index not in used
    ]
    return ReportAlignment(matched, proposed)


def check_not_stored(statement: Statement, text: str) -> None:
    stored = Report.objects.filter(source_hash=content_hash(text)).first()
    if stored is None:
        wanted = normalised(text)
        same = (r for r in statement.reports.all() if normalised(r.source_text) == wanted)
        stored = next(same, None)
    if stored is not None:
        raise ArticleError(
            f"This text is already stored, as a report of statement #{stored.statement_id}; "
            "nothing was added."
        )


def with_user(record, user):
    """The record, its history naming who made the change."""
    if user is not None:
        record._history_user = user
    return record


def add_as_report(
    statement: Statement,
    text: str,
    *,
    outlet: Outlet | None = None,
    source_url: str = "",
    published_on: date | None = None,
    dateline: str = "",
    headline_as_printed: str = "",
    title_as_given: str = "",
    language: str = "en",
    is_primary: bool = False,
    user=None,
) -> Report:
    """Store the text as the statement's next report, with the evidence and draft claims
    `align_report` finds, all or nothing. Refuses a text already stored, or a field the report
    cannot hold, with an ArticleError (a ValueError) saying why."""
    check_text(text)
    check_not_stored(statement, text)
    fields = {
        "outlet": outlet,
        "source_url": source_url,
        "published_on": published_on,
        "dateline": dateline,
        "headline_as_printed": headline_as_printed,
        "title_as_given": title_as_given,
        "language": language,
        "is_primary": is_primary,
    }
    try:
        with transaction.atomic():
            return store_alignment(statement, text, fields, user)
    except ValidationError as error:
        raise ArticleError("; ".join(error.messages)) from error


def store_alignment(statement, text: str, fields: dict, user) -> Report:
    """Aligned and stored with the statement locked, so that the claims matched are the ones
    the evidence is stored for."""
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    alignment = align_report(statement, text)
    report = store_report(statement, text, fields, user)
    for match in alignment.matched:
        span = (match.span_start, match.span_end)
        store_evidence(match.claim, report, span, match.quote, user=user)
    store_proposed(statement, report, alignment.proposed, user)
    if statement.status == StatementStatus.PUBLISHED:
        statement.status = StatementStatus.IN_REVIEW
        with_user(statement, user).save(update_fields=["status", "modified"])
    return report


def store_report(statement: Statement, text: str, fields: dict, user) -> Report:
    last = statement.reports.aggregate(last=Max("order"))["last"]
    order = 0 if last is None else last + 1
    report = Report(statement=statement, order=order, source_text=text, **fields)
    report.full_clean()
    with_user(report, user).save()
    return report


def store_evidence(claim, report, span: tuple[int, int], quote: str, *, user, is_main=False):
    """Evidence the database accepts: its quote is the report's text at its span. Saving it
    marks the claim's wording as agreeing or differing."""
    evidence = Evidence(
        claim=claim,
        report=report,
        is_main=is_main,
        quote=quote,
        span_start=span[0],
        span_end=span[1],
    )
    evidence.full_clean()
    with_user(evidence, user).save()
    return evidence


def store_proposed(statement: Statement, report: Report, proposed: list[ProposedClaim], user):
    """Each proposed claim as a claim whose summary is still to write, resting on its words."""
    last = statement.claims.aggregate(last=Max("order"))["last"] or 0
    for order, item in enumerate(proposed, start=last + 1):
        claim = Claim(statement=statement, order=order, kind=item.kind, summary="")
        claim.full_clean(validate_constraints=False)
        with_user(claim, user).save()
        span = (item.span_start, item.span_end)
        store_evidence(claim, report, span, item.quote, user=user, is_main=True)


def add_plan_as_report(plan: ImportPlan, statement: Statement, user=None) -> Report:
    """The article an import read, added as a report of the statement with what the import read
    of it: the reporting outlet (stored if new), address, day of publication, dateline and the
    official's title as printed."""
    title = next(
        (
            reading.title_as_given
            for official, reading in plan.readings
            if official.pk == statement.official_id
        ),
        "",
    )
    with transaction.atomic():
        return add_as_report(
            statement,
            plan.text,
            outlet=stored_outlet(plan.reporting_outlet),
            source_url=plan.source_url,
            published_on=plan.published_on,
            dateline=fitted(Report, "dateline", plan.reading.dateline),
            title_as_given=fitted(Report, "title_as_given", title),
            user=user,
        )
