"""Claim-sized pieces of a long quotation or answer: a position is a sentence or a few, not a page.

Curators mark one position per claim, usually one to three sentences; a quotation of several
positions is cut at sentence ends into pieces of at most CLAIM_LENGTH characters (a single longer
sentence stays whole), and a very short sentence ("Of course.") stays with its neighbour.
"""

from statements.articles.sentences import Span, paragraphs, sentences, trim

CLAIM_LENGTH = 320
SHORT_SENTENCE = 40
MOST_SENTENCES = 3
OPENING_MARKS = '"“«„'


def claim_sized(text: str, span: Span) -> list[Span]:
    """The span cut into claim-sized pieces, each trimmed; a short span stays whole."""
    if span.end - span.start <= CLAIM_LENGTH:
        return [span]
    pieces = []
    for paragraph in paragraphs(text[: span.end], span.start):
        pieces.extend(grouped(text, sentences(text, paragraph, lambda offset: False)))
    return [without_opening_mark(text, trim(text, piece)) for piece in pieces] or [span]


def without_opening_mark(text: str, span: Span) -> Span:
    """A paragraph that reopens a quotation starts with a mark that is no part of the words."""
    if span.end - span.start > 1 and text[span.start] in OPENING_MARKS:
        return trim(text, Span(span.start + 1, span.end))
    return span


def grouped(text: str, parts: list[Span]) -> list[Span]:
    groups: list[list[Span]] = []
    for part in parts:
        current = groups[-1] if groups else None
        if current and fits(current, part):
            current.append(part)
        else:
            groups.append([part])
    # A short last sentence ("That is all.") joins the piece before it.
    if len(groups) > 1 and length(groups[-1]) < SHORT_SENTENCE:
        groups[-2].extend(groups.pop())
    return [Span(group[0].start, group[-1].end) for group in groups]


def fits(group: list[Span], part: Span) -> bool:
    if length(group) < SHORT_SENTENCE:
        return True
    return len(group) < MOST_SENTENCES and part.end - group[0].start <= CLAIM_LENGTH // 2 + 40


def length(group: list[Span]) -> int:
    return group[-1].end - group[0].start
