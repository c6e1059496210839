"""Pairing the quotations of a new report with the claims a statement already holds.

Two reports of one interview quote the same sentence with small differences: a word changed,
a clause left out, punctuation set another way. Words are compared as `comparable_words` gives
them (quotation marks alike, the first letter's case ignored), and also without the punctuation
at their edges and in lower case, so that "again," and "again." are one word. Two quotations
are the same claim when their words are nearly the same (difflib's ratio), or when the shorter
is nearly all found in the longer: an outlet that quotes half a sentence quotes that sentence.
The threshold was chosen on `fixtures/evaluation/reports/` (see `alignment_evaluation.py`).
"""

import re
import string
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from statements.wording import comparable_words

SIMILAR = 0.6
SHORTEST_PART = 4  # words: fewer in common than this is no partial quotation of a claim
CONTENT_LENGTH = 3  # letters: longer words are content words
NEAR = 2  # words either side of a partial quotation that may still negate it
NEGATIONS = frozenset(
    ["not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot", "without"]
)
WORD = re.compile(r"\S+")
EDGE = string.punctuation + "“”„‟«»‹›‘’‚‛—–…"


@dataclass(frozen=True)
class Found:
    """A quotation or reported position of the new text, by its offsets in that text."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Known:
    """A stored claim: its key, and the words each report gives as its evidence."""

    key: object
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    found: int  # index into the found quotations
    key: object
    start: int
    end: int
    score: float
    part_of_claim: bool = False  # fewer words than the claim's: an outlet quoting a part of it


@dataclass
class Pairing:
    matches: list[Match]
    # Found quotations that are part of a claim whose evidence another quotation gives (an
    # outlet printing one answer as two quotations): neither new, nor a second evidence.
    covered: set[int]


def found_in(reading) -> list[Found]:
    """Every claim an importer reading proposes, by its offsets in the whole text."""
    return [
        Found(
            statement.source_start + claim.span_start,
            statement.source_start + claim.span_end,
            claim.kind,
        )
        for statement in reading.statements
        for claim in statement.claims
    ]


def match_words(text: str) -> list[str]:
    """The words as matched: comparable, without edge punctuation, in lower case."""
    words = (word.strip(EDGE).lower() for word in comparable_words(text))
    return [word for word in words if word]


def negations(words: list[str]) -> Counter:
    return Counter(word for word in words if word in NEGATIONS or word.endswith("n't"))


def ratio(first: list[str], second: list[str]) -> float:
    """difflib's ratio; none when one says "not" where the other does not: another position."""
    if negations(first) != negations(second):
        return 0.0
    return SequenceMatcher(None, first, second, autojunk=False).ratio()


def best_stretch(
    shorter: list[str], longer: list[str], floor: float = 0.0
) -> tuple[float, tuple[int, int]]:
    """The run of the longer words most like the shorter ones, and how alike they are: no more
    than the share of the shorter words the run holds. Runs that cannot beat the floor (or the
    best found) are not compared."""
    matcher = SequenceMatcher(None, longer, shorter, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    held = [0]
    for block in blocks:
        held.append(held[-1] + block.size)
    best = (0.0, (0, 0))
    for first in range(len(blocks)):
        for last in range(first, len(blocks)):
            # Most of the shorter words must be in the run, not merely a run like a part of them.
            coverage = (held[last + 1] - held[first]) / len(shorter)
            if coverage < floor or coverage <= best[0]:
                continue
            stretch = (blocks[first].a, blocks[last].a + blocks[last].size)
            alike = ratio(shorter, longer[stretch[0] : stretch[1]])
            # "is not there, and the builders are ready": a negation just outside the run
            # turns it into another position.
            around = longer[max(stretch[0] - NEAR, 0) : stretch[1] + NEAR]
            if negations(around) != negations(shorter):
                alike = 0.0
            if min(alike, coverage) > best[0]:
                best = (min(alike, coverage), stretch)
    return best


def similarity(
    new: list[str], stored: list[str], threshold: float = 0.0
) -> tuple[float, tuple[int, int] | None]:
    """How alike two quotations are (0 to 1): the words of one against the other, or a partial
    quotation against the run of the other's words it quotes. When that run is in the new
    quotation, also which of its words (first, last + 1) quote the stored one."""
    shorter, longer = sorted((new, stored), key=len)
    common = sum((Counter(shorter) & Counter(longer)).values())
    # Neither measure can exceed this: skip the pairs that could not reach the threshold.
    if not common or 2 * common / (len(shorter) + common) < threshold:
        return 0.0, None
    best = (ratio(new, stored), None)
    if common >= SHORTEST_PART and len(longer) > len(shorter):
        score, stretch = best_stretch(shorter, longer, threshold)
        if score > best[0]:
            best = (score, stretch if len(new) > len(stored) else None)
    return best


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The offsets of each matched word of text[start:end], in the text."""
    spans = []
    for found in WORD.finditer(text, start, end):
        word = found.group()
        left = len(word) - len(word.lstrip(EDGE))
        right = len(word) - len(word.rstrip(EDGE))
        if left + right < len(word):
            spans.append((found.start() + left, found.end() - right))
    return spans


def evidence_span(text: str, found: Found, part: tuple[int, int] | None) -> tuple[int, int]:
    """The whole found span, or only the words of it that quote the stored claim (without the
    punctuation at their edges)."""
    if part is None:
        return found.start, found.end
    spans = word_spans(text, found.start, found.end)
    return spans[part[0]][0], spans[part[1] - 1][1]


def trimmed(text: str, start: int, end: int, stored: str) -> int:
    """The end of the span without a closing mark the stored words do not close with, so that
    "ready." and "ready" are the same words."""
    while end - 1 > start and text[end - 1] in ".,;:!?" and not stored.endswith(text[end - 1]):
        end -= 1
    return end


def best_of(new: list[str], stored: list[tuple[str, list[str]]], threshold: float):
    """The highest similarity to any report's words of a claim, with the words it was found in."""
    scored = ((*similarity(new, words, threshold), text) for text, words in stored)
    return max(scored, key=lambda found: found[0], default=(0.0, None, ""))


def content_words(words: list[str]) -> set[str]:
    """The words that tell quotations apart: "the", "and", "is" are in almost every one."""
    return {word for word in words if len(word) > CONTENT_LENGTH}


def candidates(text: str, found: list[Found], known: list[Known], threshold: float):
    """Every pair at or above the threshold. Only claims sharing a content word with the
    quotation are compared, so that two long transcripts are not compared all against all."""
    stored = [[(text, match_words(text)) for text in claim.texts] for claim in known]
    claims_with = defaultdict(set)
    for position, texts in enumerate(stored):
        for _, words in texts:
            for word in content_words(words):
                claims_with[word].add(position)
    for index, item in enumerate(found):
        words = match_words(text[item.start : item.end])
        near = set().union(*(claims_with.get(word, ()) for word in content_words(words)))
        for position in sorted(near):
            score, part, words_of = best_of(words, stored[position], threshold)
            if score >= threshold:
                start, end = evidence_span(text, item, part)
                end = trimmed(text, start, end, words_of)
                part_of_claim = len(words) < len(match_words(words_of))
                yield Match(index, known[position].key, start, end, score, part_of_claim)


def match_quotations(
    text: str, found: list[Found], known: list[Known], threshold: float = SIMILAR
) -> Pairing:
    """The best pairs first, each claim once, no two sharing words of the new text: one long
    quotation may give the evidence of two stored claims, each from its own words."""
    chosen, claimed = [], set()
    ranked = sorted(candidates(text, found, known, threshold), key=lambda m: -m.score)
    for match in ranked:
        overlapping = any(
            other.found == match.found and other.start < match.end and match.start < other.end
            for other in chosen
        )
        if match.key not in claimed and not overlapping:
            chosen.append(match)
            claimed.add(match.key)
    # A part of a claim another quotation gives is no new position; a whole quotation is.
    covered = {match.found for match in ranked if match.part_of_claim}
    covered -= {match.found for match in chosen}
    return Pairing(sorted(chosen, key=lambda m: (m.start, m.end)), covered)
