"""Arranging claims for reading: grouped by period and statement, evidence highlighted."""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import groupby, pairwise

from statements.models import Claim, DatePrecision, Statement


@dataclass
class StatementClaims:
    statement: Statement
    claims: list[Claim]


@dataclass
class Period:
    label: str
    statements: list[StatementClaims] = field(default_factory=list)


def period_label(statement: Statement) -> str:
    if statement.date_precision == DatePrecision.YEAR:
        return f"{statement.date.year} (month not known)"
    return statement.date.strftime("%B %Y")


def group_by_period(claims: list[Claim]) -> list[Period]:
    """Consecutive claims gathered under their statement, statements under their month."""
    periods: list[Period] = []
    for statement, statement_claims in groupby(claims, key=lambda claim: claim.statement):
        label = period_label(statement)
        if not periods or periods[-1].label != label:
            periods.append(Period(label))
        periods[-1].statements.append(StatementClaims(statement, list(statement_claims)))
    return periods


@dataclass
class Segment:
    text: str
    claims: list[Claim]
    starting: list[Claim]


def highlight_segments(text: str, claims: list[Claim]) -> list[Segment]:
    """The text cut at every span boundary, each piece with the claims whose evidence covers it.

    One sweep over the sorted boundaries, keeping the claims open there: time grows with the
    number of claims (times how many overlap), not with its square.
    """
    opening, closing = defaultdict(list), defaultdict(list)
    for index, claim in enumerate(claims):
        if claim.span_start < claim.span_end:  # an empty or reversed span covers nothing
            opening[claim.span_start].append(index)
            closing[claim.span_end].append(index)
    cuts = {0, len(text)} | {c.span_start for c in claims} | {c.span_end for c in claims}
    open_claims: set[int] = set()
    segments = []
    for start, end in pairwise(sorted(cuts)):
        open_claims.difference_update(closing.get(start, ()))
        open_claims.update(opening.get(start, ()))
        covering = [claims[index] for index in sorted(open_claims)]
        starting = [claim for claim in covering if claim.span_start == start]
        segments.append(Segment(text[start:end], covering, starting))
    return segments


@dataclass
class QuoteContext:
    before: str
    evidence: str
    after: str
    cut_before: bool
    cut_after: bool


def quote_context(text: str, start: int, end: int, reach: int = 300) -> QuoteContext:
    """The evidence with the sentences around it, cut at whole sentences within `reach`."""
    window_start = max(0, start - reach)
    before = text[window_start:start]
    if window_start > 0:
        sentence_start = max(before.find(". ") + 2, before.find("\n") + 1)
        before = (before[sentence_start:] if sentence_start > 1 else before).lstrip()
    window_end = min(len(text), end + reach)
    after = text[end:window_end]
    if window_end < len(text):
        sentence_end = max(after.rfind(". ") + 1, after.rfind("\n"))
        after = after[:sentence_end] if sentence_end > 0 else after
    return QuoteContext(before, text[start:end], after, window_start > 0, window_end < len(text))
