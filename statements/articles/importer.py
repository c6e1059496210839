"""Article text in, draft statements out: the one road the import command and admin page share.

`plan_import` reads the article and looks in the database for what it would repeat: the same
text already stored, or another outlet's report of a statement already stored (same official,
same day, same venue). `create_drafts` then stores the drafts, all or nothing, never published.
"""

import re
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify

from statements.articles.proposal import ProposedStatement, Reading, read_article
from statements.articles.source import ArticleError, Dated
from statements.articles.speakers import Speaker
from statements.models import (
    Claim,
    Official,
    Outlet,
    Statement,
    StatementStatus,
    content_hash,
)

WORD = re.compile(r"\w+")


@dataclass
class ImportOptions:
    """What the person importing says where the text does not (or says it better)."""

    official: Official | None = None
    published: Dated | None = None
    venue: Outlet | None = None
    reporting_outlet: Outlet | None = None
    kind: str | None = None
    source_url: str = ""


@dataclass(frozen=True)
class OutletChoice:
    """An outlet already stored, or a new one the text names, created with the drafts."""

    name: str
    outlet: Outlet | None = None

    @property
    def slug(self) -> str:
        return self.outlet.slug if self.outlet else outlet_slug(self.name)


def outlet_slug(name: str) -> str:
    """A slug for a new outlet; a name without Latin letters gets one from its hash."""
    return slugify(name) or f"outlet-{content_hash(name)[:8]}"


@dataclass
class PlannedStatement:
    proposal: ProposedStatement
    venue: OutletChoice | None
    stored: Statement | None = None  # this very text, imported before
    likely_duplicates: list[Statement] = field(default_factory=list)


@dataclass
class ImportPlan:
    official: Official
    reading: Reading
    reporting_outlet: OutletChoice | None
    statements: list[PlannedStatement]
    source_url: str = ""

    @property
    def already_imported(self) -> bool:
        return all(planned.stored for planned in self.statements)

    @property
    def likely_duplicates(self) -> list[Statement]:
        return [dup for planned in self.statements for dup in planned.likely_duplicates]


def speaker_for(official: Official) -> Speaker:
    return Speaker(official.name, tuple(official.forms_in_texts))


def mentions(official: Official, text: str) -> list[int]:
    return [match.start() for match in speaker_for(official).mention.finditer(text)]


def last_words(official: Official) -> set[str]:
    """One word every mention of the official holds: the last of each name."""
    names = [official.name, *official.forms_in_texts]
    return {WORD.findall(name.lower())[-1] for name in names if WORD.search(name)}


def choose_official(text: str) -> Official:
    """The official the article names most often (first named, on a tie)."""
    words = set(WORD.findall(text.lower()))
    ranked = []
    for official in Official.objects.only("pk", "name", "aliases", "descriptions", "slug"):
        if words.isdisjoint(last_words(official)):
            continue
        found = mentions(official, text)
        if found:
            ranked.append((-len(found), found[0], official.pk, official))
    if not ranked:
        raise ArticleError("No official in the database is named in the article: choose one.")
    return min(ranked)[3]


def outlet_named(name: str | None) -> OutletChoice | None:
    if not name:
        return None
    stored = Outlet.objects.filter(Q(name__iexact=name) | Q(slug=outlet_slug(name))).first()
    return OutletChoice(stored.name if stored else name, stored)


def chosen(outlet: Outlet | None, name_in_text: str | None) -> OutletChoice | None:
    return OutletChoice(outlet.name, outlet) if outlet else outlet_named(name_in_text)


def likely_duplicates(
    official: Official, proposal: ProposedStatement, venue: OutletChoice | None
) -> list[Statement]:
    """Statements already stored by the same official on the same day, at the same venue."""
    same_day = Statement.objects.filter(official=official, date=proposal.date)
    if venue and venue.outlet:
        same_day = same_day.filter(Q(venue=venue.outlet) | Q(venue__isnull=True))
    elif venue:
        same_day = same_day.filter(venue__isnull=True)
    return list(same_day.select_related("venue", "reporting_outlet").order_by("pk"))


def plan_statement(
    official: Official, proposal: ProposedStatement, venue: OutletChoice | None
) -> PlannedStatement:
    stored = Statement.objects.filter(source_hash=content_hash(proposal.source_text)).first()
    duplicates = [] if stored else likely_duplicates(official, proposal, venue)
    return PlannedStatement(proposal, venue, stored, duplicates)


def plan_import(text: str, options: ImportOptions) -> ImportPlan:
    """Read the article and find what it would repeat; nothing is stored yet."""
    official = options.official or choose_official(text)
    known = list(Outlet.objects.values_list("name", flat=True))
    venue_name = options.venue.name if options.venue else None
    speaker = speaker_for(official)
    reading = read_article(
        text, speaker, known, published=options.published, kind=options.kind, venue=venue_name
    )
    planned = []
    for index, proposal in enumerate(reading.statements):
        # Only the statement holding the whole article takes the venue given by hand.
        venue = chosen(options.venue if index == 0 else None, proposal.venue)
        planned.append(plan_statement(official, proposal, venue))
    reporting = chosen(options.reporting_outlet, reading.reporting_outlet)
    return ImportPlan(official, reading, reporting, planned, options.source_url)


def stored_outlet(choice: OutletChoice | None) -> Outlet | None:
    if choice is None:
        return None
    if choice.outlet:
        return choice.outlet
    outlet, _ = Outlet.objects.get_or_create(slug=choice.slug, defaults={"name": choice.name})
    return outlet


def fitted(field_name: str, value: str) -> str:
    return value[: Statement._meta.get_field(field_name).max_length]


def draft_statement(plan: ImportPlan, planned: PlannedStatement, reporting: Outlet | None):
    """A draft; an earlier occasion's passage has no dateline, and the title then may differ."""
    proposal, reading = planned.proposal, plan.reading
    whole = proposal.whole_article
    return Statement(
        official=plan.official,
        date=proposal.date,
        date_precision=proposal.date_precision,
        kind=proposal.kind,
        venue=stored_outlet(planned.venue),
        reporting_outlet=reporting,
        dateline=fitted("dateline", reading.dateline if whole else ""),
        title_as_given=fitted("title_as_given", reading.title_as_given if whole else ""),
        headline=proposal.headline,
        source_url=plan.source_url,
        source_text=proposal.source_text,
        status=StatementStatus.DRAFT,
    )


def store(plan: ImportPlan) -> list[Statement]:
    created = []
    reporting = stored_outlet(plan.reporting_outlet)
    for planned in plan.statements:
        if planned.stored:
            continue
        statement = draft_statement(plan, planned, reporting)
        statement.full_clean()
        statement.save()
        for order, proposed in enumerate(planned.proposal.claims, start=1):
            claim = Claim(statement=statement, order=order, **asdict(proposed))
            claim.full_clean()
            claim.save()
        created.append(statement)
    return created


def create_drafts(plan: ImportPlan, confirm_likely_duplicates: bool = False) -> list[Statement]:
    """Store the plan's new statements as drafts, all or none; likely duplicates need confirming."""
    if plan.likely_duplicates and not confirm_likely_duplicates:
        raise ArticleError(
            "This looks like a report of a statement already stored; confirm to import it anyway."
        )
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
