"""Comparing the words two reports give for one claim.

Reports of one interview print the same sentence in slightly different ways. Quotation-mark
style, the case of the first letter, spacing and the punctuation closing the quote ("ready," in
one report, "ready." in another) are how a newsroom sets a quote, not what was said, so they are
ignored; any other difference in the words is a difference of wording.
"""

from dataclasses import dataclass
from difflib import SequenceMatcher

SINGLE_SOURCE = "single"
AGREES = "agrees"
DIFFERS = "differs"

CLOSING_PUNCTUATION = ".,;:"
QUOTATION_MARKS = str.maketrans(
    {mark: '"' for mark in "“”„‟«»‹›〝〞＂"} | {mark: "'" for mark in "‘’‚‛`´"}
)


def comparable_words(text: str) -> list[str]:
    """The words of a text as compared: quotation marks made alike, the first letter's case and
    the closing punctuation ignored, whitespace collapsed. One item for each whitespace-separated
    word of the text."""
    words = text.translate(QUOTATION_MARKS).split()
    if words:
        words[0] = words[0][:1].lower() + words[0][1:]
        words[-1] = words[-1].rstrip(CLOSING_PUNCTUATION) or words[-1]
    return words


def wording_of(texts: list[str]) -> str:
    """SINGLE_SOURCE for fewer than two texts, AGREES when all give the same words, else DIFFERS."""
    if len(texts) < 2:
        return SINGLE_SOURCE
    first = comparable_words(texts[0])
    same = all(comparable_words(text) == first for text in texts[1:])
    return AGREES if same else DIFFERS


@dataclass(frozen=True)
class Piece:
    """A run of words of one text, and whether the other text has them too."""

    words: str
    differs: bool


def marked_differences(text: str, other: str) -> list[Piece]:
    """The text cut into runs of words the other text shares and runs it does not."""
    words, compared = text.split(), comparable_words(text)
    matcher = SequenceMatcher(None, compared, comparable_words(other), autojunk=False)
    pieces = []
    for tag, start, end, _, _ in matcher.get_opcodes():
        if end > start:
            pieces.append(Piece(" ".join(words[start:end]), differs=tag != "equal"))
    return pieces
