"""Quoted passages: straight, curly or guillemet marks, nested, across paragraphs, unclosed."""

import re
from dataclasses import dataclass

from statements.articles.sentences import Span, paragraphs

OPENING_MARKS = "“«„"
CLOSING_MARKS = "”»"
STRAIGHT_MARK = '"'
# Characters after which a straight mark opens a quotation rather than closing one.
BEFORE_OPENING = "([{—–-/:"
OPEN, CLOSE = "open", "close"
ANY_MARK = re.compile(f"[{OPENING_MARKS}{CLOSING_MARKS}{STRAIGHT_MARK}]")


@dataclass(frozen=True)
class Quotation:
    """The words inside the marks (start, end), and where the marks themselves stand."""

    start: int
    end: int
    opening: int
    closing: int | None  # None: the article never closes it

    @property
    def words(self) -> Span:
        return Span(self.start, self.end)

    @property
    def last(self) -> int:
        """Its closing mark, or its last word when the article never closes it."""
        return self.end - 1 if self.closing is None else self.closing

    def encloses(self, offset: int) -> bool:
        closing = self.end if self.closing is None else self.closing
        return self.opening < offset < closing


def mark_role(text: str, offset: int, depth: int) -> str | None:
    """Whether the character at offset opens a quotation, closes one, or is no mark at all."""
    char = text[offset]
    if char in OPENING_MARKS:
        return OPEN
    if char in CLOSING_MARKS:
        return CLOSE
    return straight_mark_role(text, offset, depth) if char == STRAIGHT_MARK else None


def straight_mark_role(text: str, offset: int, depth: int) -> str | None:
    """After a space and before a word a straight mark opens; after a word it closes."""
    before = text[offset - 1] if offset > 0 else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    if before.isspace() or before in BEFORE_OPENING:
        return None if after.isspace() else OPEN
    closes = after.isspace() or not after.isalnum() or depth > 0
    return CLOSE if closes else OPEN


def words_between(text: str, opening: int, end: int) -> tuple[int, int]:
    """The quoted words: no space after the opening mark, no space or comma before the close."""
    start = opening + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def find_quotations(text: str, start: int = 0) -> list[Quotation]:
    found: list[Quotation] = []
    opening, depth, previous_end = None, 0, start
    for paragraph in paragraphs(text, start):
        first = paragraph.start
        if opening is not None:
            # A quotation runs on into a paragraph opening with a fresh mark; else it ends unclosed.
            if mark_role(text, first, 0) == OPEN:
                depth, first = 1, first + 1
            else:
                found.append(Quotation(*words_between(text, opening, previous_end), opening, None))
                opening, depth = None, 0
        for mark in ANY_MARK.finditer(text, first, paragraph.end):
            offset = mark.start()
            role = mark_role(text, offset, depth)
            if role == OPEN:
                opening = offset if depth == 0 else opening
                depth += 1
            elif role == CLOSE and depth > 0:
                depth -= 1
                if depth == 0:
                    found.append(Quotation(*words_between(text, opening, offset), opening, offset))
                    opening = None
        previous_end = paragraph.end
    if opening is not None:
        found.append(Quotation(*words_between(text, opening, previous_end), opening, None))
    return [quotation for quotation in found if quotation.end > quotation.start]
