"""Article text in, draft statements out: the one road the import command and admin page share.

`plan_import` reads the article for every stored official it quotes (or the one chosen) and
looks in the database for what it would repeat: the same text already stored as a report, or
another outlet's report of a statement already stored (see duplicates.py). `create_drafts` then
stores the drafts, all or nothing, never published, and never an empty one unless asked: each a
statement with the text as its first report, and claims resting on main evidence in it.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from statements.articles.cast import read_for_speakers
from statements.articles.duplicates import likely_reports_of, same_text_stored
from statements.articles.import_plan import ImportOptions, ImportPlan, PlannedStatement
from statements.articles.names import NAME_WORD, name_key
from statements.articles.newcomers import stranger_notices
from statements.articles.outlet_choice import OutletChoice, known_outlet_names, outlet_named
from statements.articles.proposal import read_article
from statements.articles.source import (
    ArticleError,
    check_quotation_count,
    read_date_line,
)
from statements.articles.speakers import Speaker
from statements.articles.storing import store
from statements.models import (
    DatePrecision,
    Official,
    Report,
    Statement,
    content_hash,
)

MAX_CLAIMS = 2000
MOST_QUOTATIONS = 5 * MAX_CLAIMS
WORD = re.compile(r"\w+")


def speaker_for(official: Official) -> Speaker:
    return Speaker(official.name, tuple(official.forms_in_texts))


def name_keys(official: Official) -> set[str]:
    """The sound keys of the official's surnames and one-word aliases."""
    names = [official.name, *official.alias_list]
    return {name_key(name.split()[-1]) for name in names if name.split()} - {""}


def officials_named(text: str) -> dict[Official, Speaker]:
    """Stored officials whose names, in any spelling, the text may hold (checked by the reader).

    Cheap tests first, so that thousands of stored officials cost little: a surname's sound key
    among the text's words, or every word of an alias among them.
    """
    keys = {name_key(match.group(1)) for match in NAME_WORD.finditer(text)}
    words = set(WORD.findall(text.lower()))
    officials = Official.objects.only("pk", "name", "aliases", "descriptions", "slug").order_by(
        "pk"
    )
    return {
        official: speaker_for(official)
        for official in officials
        if not keys.isdisjoint(name_keys(official)) or alias_words_in(official, words)
    }


def alias_words_in(official: Official, words: set[str]) -> bool:
    return any(
        alias.strip() and set(WORD.findall(alias.lower())) <= words for alias in official.alias_list
    )


def read_officials(text: str, options: ImportOptions, venue: str | None, known: list[str]):
    """(official, reading) for each official quoted; the chosen official alone, if one is."""
    given = {"published": options.published, "kind": options.kind, "venue": venue}
    if options.official:
        speakers = {options.official: speaker_for(options.official)}
        readings = read_for_speakers(text, speakers, known, **given)
        if not readings:
            speaker = speakers[options.official]
            readings = {options.official: read_article(text, speaker, known, **given)}
    else:
        readings = read_for_speakers(text, officials_named(text), known, **given)
    if not readings:
        raise ArticleError(
            "No official in the database is named in the article: choose one with --official "
            "(or the form's Official), or add them first."
        )
    return list(readings.items())


def plan_statement(official, proposal, venue) -> PlannedStatement:
    hashed = content_hash(proposal.source_text)
    stored = Report.objects.filter(source_hash=hashed).select_related("statement").first()
    stored = stored or same_text_stored(
        proposal.source_text, proposal.date, proposal.date_precision
    )
    if stored:
        return PlannedStatement(official, proposal, venue, stored)
    quoted = " ".join(evidence for _, evidence in proposal.claims_with_evidence)
    outlet = venue.outlet if venue else None
    duplicates = likely_reports_of(official, proposal.date, proposal.date_precision, outlet, quoted)
    return PlannedStatement(official, proposal, venue, None, duplicates)


def publication_day(text: str, options: ImportOptions) -> date | None:
    """The day the article was published: the date given, else its date line, if to the day."""
    published = options.published or read_date_line(text)[0]
    if published is None or published.precision != DatePrecision.DAY:
        return None
    return published.day


def plan_import(text: str, options: ImportOptions) -> ImportPlan:
    """Read the article and find what it would repeat; nothing is stored yet."""
    check_quotation_count(text, MOST_QUOTATIONS, MAX_CLAIMS)
    known = known_outlet_names()
    venue_name = options.venue.name if options.venue else None
    readings = read_officials(text, options, venue_name, list(known))
    people = [name for official, _ in readings for name in speaker_for(official).names]
    warnings, planned = [], []
    for number, (official, reading) in enumerate(readings):
        for index, proposal in enumerate(reading.statements):
            # Only the statement holding the whole article takes the venue given by hand.
            if options.venue and number == index == 0:
                venue = OutletChoice(options.venue.name, options.venue)
            else:
                venue, warning = outlet_named(proposal.venue, known, people)
                warnings += [warning] if warning else []
            planned.append(plan_statement(official, proposal, venue))
    if options.reporting_outlet:
        reporting = OutletChoice(options.reporting_outlet.name, options.reporting_outlet)
    else:
        named = readings[0][1].reporting_outlet or options.site_name
        reporting, warning = outlet_named(named, known, people)
        warnings += [warning] if warning else []
    plan = ImportPlan(readings, reporting, planned, options.source_url, options.allow_empty)
    plan.published_on = publication_day(text, options)
    plan.text = text
    plan.warnings = list(dict.fromkeys(warnings)) + empty_warnings(plan) + strangers(text)
    if plan.claim_count > MAX_CLAIMS:
        raise ArticleError(
            f"The article gives {plan.claim_count:,} claims; at most {MAX_CLAIMS:,} are imported "
            "at once. Import it in parts."
        )
    return plan


def strangers(text: str) -> list[str]:
    """A word on each person quoted with a title who is no stored official."""
    return stranger_notices(text, [speaker_for(official) for official in officials_named(text)])


def empty_warnings(plan: ImportPlan) -> list[str]:
    if plan.claim_count:
        return []
    names = " or ".join(official.name for official in plan.officials)
    return [
        f"No quotation or reported position of {names} was found, so nothing would be stored. "
        "If someone else is quoted, choose them with --official (the form's Official); check the "
        "date (--date); or store an empty draft with --allow-empty (the form's tick)."
    ]


def create_drafts(plan: ImportPlan, confirm_likely_duplicates: bool = False) -> list[Statement]:
    """Store the plan's new statements as drafts, all or none; likely duplicates need confirming."""
    if plan.likely_duplicates and not confirm_likely_duplicates:
        raise ArticleError(
            "This looks like a report of a statement already stored; confirm to import it anyway."
        )
    if plan.claim_count == 0 and not plan.allow_empty:
        raise ArticleError(empty_warnings(plan)[0])
    try:
        with transaction.atomic():
            return store(plan)
    except ValidationError as error:
        raise ArticleError("; ".join(error.messages)) from error
    except IntegrityError as error:
        raise ArticleError(
            f"The drafts could not be stored, and nothing was: {error}. "
            "If someone imported the same article meanwhile, it is there now."
        ) from error
