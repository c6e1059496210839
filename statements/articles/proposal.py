"""An article read for one official: the draft statements and claims an editor is offered.

The stored source text is the article exactly as received, date line included, as the seed data
stores it: every span is a Python string index into that text. An earlier occasion the article
recalls ("In March 2019, Hajiyev said …") becomes a statement of its own, and since one text can
back only one statement, it holds the paragraphs that report it, with spans into those.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from statements.articles.attribution import Reported, reported_claims
from statements.articles.occasions import (
    Occasion,
    earlier_date_in,
    group_by_occasion,
    kind_named,
)
from statements.articles.outlets import (
    find_dateline,
    reporting_outlet_in,
    title_as_given,
    venue_in,
)
from statements.articles.sentences import Span, paragraphs
from statements.articles.source import ArticleError, Dated, read_date_line
from statements.articles.speakers import ALONE, Company, Speaker, as_written_in
from statements.models import ClaimKind, StatementKind

HEADLINE_LENGTH = 300
LEDE_PARAGRAPHS = 3
FIRST_SENTENCE = re.compile(r".+?[.!?](?=\s+[\"“«]?[A-Z]|$)", re.DOTALL)
# A paragraph break inside a quotation, with the mark that reopens it.
PARAGRAPH_BREAK = re.compile(r"\s*\n\s*[\"“«„]?")


@dataclass(frozen=True)
class ProposedClaim:
    kind: str
    span_start: int
    span_end: int
    quote: str
    summary: str

    @property
    def kind_label(self) -> str:
        return ClaimKind(self.kind).label


@dataclass
class ProposedStatement:
    date: date
    date_precision: str
    kind: str
    venue: str | None
    headline: str
    source_text: str
    source_start: int  # where the source text begins in the article
    whole_article: bool
    claims: list[ProposedClaim] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return StatementKind(self.kind).label

    @property
    def claims_with_evidence(self) -> list[tuple[ProposedClaim, str]]:
        return [
            (claim, self.source_text[claim.span_start : claim.span_end]) for claim in self.claims
        ]


@dataclass
class Reading:
    """Everything the article says about one official, ready for an editor to check."""

    dateline: str
    title_as_given: str
    reporting_outlet: str | None
    statements: list[ProposedStatement]


def summary(words: str) -> str:
    """The first sentence of the words, on one line, capitalised and ending in a full stop."""
    flat = " ".join(PARAGRAPH_BREAK.sub(" ", words).split()).rstrip(",;: ")
    match = FIRST_SENTENCE.match(flat)
    sentence = match.group() if match else flat
    sentence = sentence[:1].upper() + sentence[1:]
    return sentence if sentence[-1:] in ".!?" else sentence + "."


def shorten(words: str, limit: int) -> str:
    if len(words) <= limit:
        return words
    return words[: limit - 1].rsplit(" ", 1)[0].rstrip(",;: ") + "…"


def gist_of(claims: list[ProposedClaim], speaker: Speaker) -> str:
    """What the statement is about: its first reported position, else its first quotation."""
    reported = [claim.summary.rstrip(".") for claim in claims if claim.summary]
    if reported:
        return reported[0]
    if claims:
        return f"“{summary(claims[0].quote).rstrip('.')}”"
    return f"Statement by {speaker.name}"


def headline_for(
    kind: str, venue: str | None, claims: list[ProposedClaim], speaker: Speaker
) -> str:
    gist = gist_of(claims, speaker)
    if kind == StatementKind.OTHER:
        return shorten(gist, HEADLINE_LENGTH)
    label = StatementKind(kind).label + (f" with {venue}" if venue else "")
    return shorten(f"{label}: {gist}", HEADLINE_LENGTH)


def proposed_claim(text: str, claim: Reported, offset: int) -> ProposedClaim:
    words = claim.span.text_of(text)
    start, end = claim.span.start - offset, claim.span.end - offset
    if claim.kind == ClaimKind.QUOTE:
        # A first-person quote is no summary ("We have turned the page"): the editor writes one.
        return ProposedClaim(claim.kind, start, end, words, "")
    return ProposedClaim(claim.kind, start, end, "", summary(words))


def excerpt(text: str, claims: list[Reported], units: list[Span], taken: set[str]) -> Span:
    """The paragraphs reporting these claims, or only the claims' words if those are taken."""
    first, last = claims[0].span.start, max(claim.span.end for claim in claims)
    starts = [unit.start for unit in units if unit.start <= first]
    ends = [unit.end for unit in units if unit.end >= last]
    paragraphs_span = Span(max(starts, default=first), min(ends, default=last))
    if paragraphs_span.text_of(text) not in taken:
        return paragraphs_span
    return Span(first, last)


@dataclass
class ArticleReader:
    text: str
    speaker: Speaker
    known_outlets: list[str]
    published: Dated
    kind: str | None = None
    venue: str | None = None
    company: Company = ALONE
    # Texts other speakers' statements already hold; None: this reading takes the whole article.
    taken: set[str] | None = None

    def read(self, body_start: int) -> Reading:
        units = paragraphs(self.text, body_start)
        dateline = find_dateline(self.text, [unit.start for unit in units[:2]])
        if dateline:
            body_start = dateline.end
            units = paragraphs(self.text, body_start)
        # Paragraphs recalling an earlier occasion say nothing of where this one took place.
        opening = [unit.text_of(self.text) for unit in units[:LEDE_PARAGRAPHS]]
        lede = " ".join(p for p in opening if not earlier_date_in(p, self.published))
        claims = reported_claims(self.text, body_start, self.speaker, self.company)
        occasions = group_by_occasion(claims, self.published) or [Occasion(self.published)]
        if self.taken is None:
            taken = {self.text}
            whole = Span(0, len(self.text))
            statements = [self.propose(occasions[0], whole, lede, self.kind, self.venue)]
            occasions = occasions[1:]
        else:
            taken, statements = self.taken, []
        for occasion in occasions:
            if not occasion.claims:
                continue
            span = excerpt(self.text, occasion.claims, units, taken)
            taken.add(span.text_of(self.text))
            statements.append(self.propose(occasion, span))
        return Reading(
            dateline=dateline.place if dateline else "",
            title_as_given=title_as_given(self.text, self.speaker),
            reporting_outlet=reporting_outlet_in(self.text, self.known_outlets, dateline),
            statements=statements,
        )

    def propose(
        self,
        occasion: Occasion,
        source: Span,
        lede: str = "",
        kind: str | None = None,
        venue: str | None = None,
    ) -> ProposedStatement:
        """One draft statement; the one holding the whole article may draw on its lede."""
        words, lede = occasion.attributions, [lede]
        kind = kind or kind_named(words) or kind_named(lede) or StatementKind.OTHER
        venue = venue or venue_in(words, self.known_outlets) or venue_in(lede, self.known_outlets)
        claims = [proposed_claim(self.text, claim, source.start) for claim in occasion.claims]
        return ProposedStatement(
            date=occasion.when.day,
            date_precision=occasion.when.precision,
            kind=kind,
            venue=venue,
            headline=headline_for(kind, venue, claims, self.speaker),
            source_text=source.text_of(self.text),
            source_start=source.start,
            whole_article=source == Span(0, len(self.text)),
            claims=claims,
        )


def read_article(
    text: str,
    speaker: Speaker,
    known_outlets: list[str] = (),
    *,
    published: Dated | None = None,
    kind: str | None = None,
    venue: str | None = None,
    company: Company = ALONE,
    taken: set[str] | None = None,
) -> Reading:
    """Read the article for the speaker; what is given here wins over what the text says.

    The kind and venue given apply to the statement holding the whole article. Given the texts
    other speakers' statements hold (taken), the speaker's statements hold only the passages
    reporting them.
    """
    date_line, body_start = read_date_line(text)
    published = published or date_line
    if published is None:
        raise ArticleError(
            "The article has no date line (“ date YYYY-MM-DD” as its first line): "
            "give the date it was published with --date YYYY-MM-DD (or the form's Date)."
        )
    speaker = as_written_in(speaker, text)
    reader = ArticleReader(
        text, speaker, list(known_outlets), published, kind, venue, company, taken
    )
    return reader.read(body_start)
