"""Arranging claims for reading: grouped by period and statement, evidence highlighted."""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import groupby, pairwise

from statements.models import Claim, DatePrecision, Statement
from statements.public.elapsed import Gap, time_gap


@dataclass
class StatementClaims:
    statement: Statement
    claims: list[Claim]
    gap: Gap | None = None  # the time since the statement listed before it

    @property
    def claim_ids(self) -> str:
        """Which of the statement's claims are listed, for the key its card is kept under."""
        return ",".join(str(claim.pk) for claim in self.claims)


@dataclass
class Period:
    label: str
    statements: list[StatementClaims] = field(default_factory=list)

    @property
    def gap(self) -> Gap | None:
        """The time since the period listed before it ended."""
        return self.statements[0].gap


def period_label(statement: Statement) -> str:
    if statement.date_precision == DatePrecision.YEAR:
        return f"{statement.date.year} (month not known)"
    return statement.date.strftime("%B %Y")


def group_by_period(claims: list[Claim]) -> list[Period]:
    """Consecutive claims gathered under their statement, statements under their month, each
    statement with the time since the one listed before it."""
    periods: list[Period] = []
    previous = None
    for statement, statement_claims in groupby(claims, key=lambda claim: claim.statement):
        label = period_label(statement)
        if not periods or periods[-1].label != label:
            periods.append(Period(label))
        gap = time_gap(previous, statement) if previous else None
        periods[-1].statements.append(StatementClaims(statement, list(statement_claims), gap))
        previous = statement
    return periods


@dataclass
class Segment:
    text: str
    claims: list  # the spans covering this piece: evidence, each with its claim
    starting: list  # those of them that start here


def highlight_segments(text: str, spans: list, begin: int = 0) -> list[Segment]:
    """The text from `begin` (where the article's words start), cut at every span boundary,
    each piece with the spans (evidence, or anything with `span_start` and `span_end`) that
    cover it, under `claims`. Evidence before `begin` is kept.

    One sweep over the sorted boundaries, keeping the spans open there: time grows with the
    number of spans (times how many overlap), not with its square.
    """
    begin = min([begin, len(text), *(span.span_start for span in spans)])
    opening, closing = defaultdict(list), defaultdict(list)
    for index, span in enumerate(spans):
        if span.span_start < span.span_end:  # an empty or reversed span covers nothing
            opening[span.span_start].append(index)
            closing[span.span_end].append(index)
    cuts = {begin, len(text)} | {s.span_start for s in spans} | {s.span_end for s in spans}
    open_spans: set[int] = set()
    segments = []
    for start, end in pairwise(sorted(cuts)):
        open_spans.difference_update(closing.get(start, ()))
        open_spans.update(opening.get(start, ()))
        covering = [spans[index] for index in sorted(open_spans)]
        starting = [span for span in covering if span.span_start == start]
        segments.append(Segment(text[start:end], covering, starting))
    return segments


@dataclass
class QuoteContext:
    before: str
    evidence: str
    after: str
    cut_before: bool
    cut_after: bool


def quote_context(
    text: str, start: int, end: int, begin: int = 0, reach: int = 300
) -> QuoteContext:
    """The evidence with the sentences around it, cut at whole sentences within `reach`, never
    reaching back before `begin` (where the article's own words start)."""
    begin = min(begin, start)
    window_start = max(begin, start - reach)
    before = text[window_start:start]
    if window_start > begin:
        sentence_start = max(before.find(". ") + 2, before.find("\n") + 1)
        before = (before[sentence_start:] if sentence_start > 1 else before).lstrip()
    window_end = min(len(text), end + reach)
    after = text[end:window_end]
    if window_end < len(text):
        sentence_end = max(after.rfind(". ") + 1, after.rfind("\n"))
        after = after[:sentence_end] if sentence_end > 0 else after
    cut_before = window_start > begin
    return QuoteContext(before, text[start:end], after, cut_before, window_end < len(text))
