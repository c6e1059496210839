"""Paragraphs and sentences of an article, as offsets into its text."""

import re
from collections.abc import Callable
from dataclasses import dataclass

BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n\s*")
LINE_BREAK = re.compile(r"\r?\n\s*")
SENTENCE_END = re.compile(r"[.!?]+[\"”»’')]*(?=\s+[\"“«‘(]?[A-Z0-9])")
# Words whose full stop does not end a sentence.
ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|No|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|Jr|Sr|vs|etc|approx)|\b[A-Z](?:\.[A-Z])*)\.$"
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]

    def holds(self, offset: int) -> bool:
        return self.start <= offset < self.end


def paragraphs(text: str, start: int = 0) -> list[Span]:
    """Blank-line separated paragraphs; in a text without blank lines, each line is one."""
    separator = BLANK_LINE if BLANK_LINE.search(text, start) else LINE_BREAK
    found, begin = [], start
    for gap in separator.finditer(text, start):
        found.append(Span(begin, gap.start()))
        begin = gap.end()
    found.append(Span(begin, len(text)))
    return [trimmed for span in found if (trimmed := trim(text, span)).end > trimmed.start]


def trim(text: str, span: Span) -> Span:
    """The span without the whitespace at either end."""
    piece = span.text_of(text)
    start = span.start + len(piece) - len(piece.lstrip())
    return Span(start, max(start, span.start + len(piece.rstrip())))


def sentences(text: str, paragraph: Span, inside_quote: Callable[[int], bool]) -> list[Span]:
    """The paragraph's sentences; a full stop inside a quotation does not end the sentence."""
    found, begin = [], paragraph.start
    for end in SENTENCE_END.finditer(text, paragraph.start, paragraph.end):
        words_before = text[begin : end.start() + 1]
        if inside_quote(end.end() - 1) or ABBREVIATION.search(words_before):
            continue
        found.append(Span(begin, end.end()))
        begin = end.end()
    found.append(Span(begin, paragraph.end))
    return [trimmed for span in found if (trimmed := trim(text, span)).end > trimmed.start]
