"""The phrases that attribute words to someone, and which quoted words are speech at all.

`Patterns` builds the reporting phrases of one article around the official's names: "X said",
"said X", "according to X", with titles before or after the name.
"""

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from statements.articles.quotes import Quotation
from statements.articles.sentences import Span, trim
from statements.articles.speakers import ADVERBS, NAMES, VERB, Speaker, subject_pattern

# Shorter quotations are terms ("blockade", "gray zones"), not positions.
MIN_QUOTE_WORDS = 3
NO_QUOTE = r"[^\"“”«»]"
LEAD_IN = r"[\s,:;—–-]*"

# A title printed before a name: "Deputy Foreign Minister", "Assistant of the President - Head".
TITLE = r"(?:[^,;:.!?\"“”«»\n]{0,150}?\s)?"


# What may stand between a reporting verb and its "that": "said in an interview with TASS that",
# or whom the words were said to: "told TASS that", "told reporters on Monday that".
ADJUNCT = re.compile(
    r"\s*(?:,|(?:in|during|at|on|to|after|before|while|with|for|from|by|earlier|later|also)\b|$"
    r"|(?:[A-Z][\w.&'’-]*\s*)+|(?:reporters|journalists|the \w+|him|her|them|us|me)\b)"
)
# A position reported after a quotation's attribution: '"…," he said, adding that …'.
ADDING = re.compile(
    r",\s*(?:adding|noting|stressing|emphasi[sz]ing|underlining|saying|recalling) that\s+"
)
# The same after a sentence whose verb reports nothing: "…, saying it would open in May".
SAYING = re.compile(
    r",\s*(?:saying|adding|noting|stressing|emphasi[sz]ing|underlining|warning)(?: that)?\s+"
)
# Whom words were told, before the words themselves: "told reporters he stood by every word".
TOLD_WHOM = re.compile(
    r"\s+(?:reporters|journalists|the (?:press|media|audience|conference|parliament|public)"
    r"|[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*)\s+(?=(?:he|she|it|they|we|there|his|her|their)\b)"
)
# After a verb, words that say nothing of what was said: "said this in an interview".
PLAIN_VERB_END = re.compile(
    r"\s*(?:[,:;—–-]|$)|\s+(?:in|during|at|on|to|after|with|of|about|this|so|it|as much)\b"
)


@dataclass(frozen=True)
class Patterns:
    """The reporting phrases of one article, built around the official's names.

    Read first for the official's names alone, so that a title before the name ("said Assistant
    to the President Elchin Huseynli") is not taken for someone else; then with back references;
    then for anyone at all.
    """

    speaker: Speaker
    reach: int = NAMES

    def subject(self) -> str:
        return subject_pattern(self.speaker, self.reach)

    @cached_property
    def said_by(self) -> str:
        subject = self.subject()
        # A title in apposition: ", Assistant to the President," or "(Deputy Foreign Minister)".
        apposition = rf"(?:,{NO_QUOTE}{{1,300}}?,|,|\s*\([^()]{{1,200}}\))"
        return rf"{subject}{apposition}?\s+{ADVERBS}(?P<verb>{VERB})"

    @cached_property
    def subject_after_verb(self) -> str:
        # The one who said it ends the clause: "said he had never seen …" names no one.
        ending = (
            r"(?=\s*(?:[,.;:!?)—–]|$)|\s+(?:at|in|on|during|to|after|before|while|when|with|"
            r"from|earlier|later|today|yesterday|last|this|as|adding|citing|according)\b)"
        )
        return rf"{ADVERBS}{VERB}\s+{TITLE}{self.subject()}{ending}"

    @cached_property
    def after_quote(self) -> list[re.Pattern]:
        return [
            re.compile(LEAD_IN + TITLE + self.said_by),
            re.compile(LEAD_IN + self.subject_after_verb),
        ]

    @cached_property
    def before_quote(self) -> list[re.Pattern]:
        according = rf"[Aa]ccording to {self.subject()}\s*,\s*$"
        patterns = [re.compile(rf"{self.said_by}{NO_QUOTE}*$"), re.compile(according)]
        if self.reach == NAMES:
            # "Gasimova: “…”" opening a line; a name alone, never any capitalised word.
            patterns.append(re.compile(rf"(?m:^)[ \t]*{self.subject()}\s*:\s*$"))
        return patterns

    @cached_property
    def forward(self) -> re.Pattern:
        # "In March 2019, " or "Speaking to reporters, " then perhaps a title before the name:
        # "the Head of the Economic Policy Department, Elchin Huseynli, stressed that …".
        intro = rf"(?:{NO_QUOTE}{{0,250}}?(?<=[\s,(]))?"
        return re.compile(rf"{intro}{self.said_by}(?P<rest>.*)", re.DOTALL)

    @cached_property
    def according_first(self) -> list[re.Pattern]:
        subject = self.subject()
        # "According to him, …", "In Hajiyev's view, …", "In his words, …", "As she put it, …".
        leads = [
            rf"\b[Aa]ccording to {subject}",
            rf"\b[Ii]n {subject}['’]s (?:words|opinion|view)",
            r"\b[Ii]n (?:his|her) (?:words|opinion|view)",
            r"\b[Aa]s (?:he|she) (?:put it|noted|stressed)",
        ]
        return [
            re.compile(rf"{NO_QUOTE}{{0,80}}?(?:{lead})\s*,\s*(?P<content>.+)", re.DOTALL)
            for lead in leads
        ]

    @cached_property
    def said_at_end(self) -> list[re.Pattern]:
        subject = self.subject()
        return [
            re.compile(rf",\s+{TITLE}{self.said_by}"),
            re.compile(rf",\s+{self.subject_after_verb}"),
            re.compile(rf",?\s+according to {subject}\W*$"),
        ]


@lru_cache(maxsize=64)
def patterns_for(speaker: Speaker, reach: int) -> Patterns:
    """Compiling the phrases takes longer than reading most articles: keep the recent ones."""
    return Patterns(speaker, reach)


def enclosure_test(quotations: list[Quotation]):
    """A function telling whether an offset lies between a quotation's marks."""
    openings = [quotation.opening for quotation in quotations]

    def inside(offset: int) -> bool:
        index = bisect.bisect_left(openings, offset) - 1
        return index >= 0 and quotations[index].encloses(offset)

    return inside


def in_spans(spans: list[Span]):
    starts = [span.start for span in spans]

    def inside(offset: int) -> bool:
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and spans[index].start <= offset < spans[index].end

    return inside


def is_speech(text: str, quotation: Quotation) -> bool:
    """Words quoted as a statement, not a term ("Belt and Road") nor a phrase inside a sentence."""
    words = quotation.words.text_of(text).split()
    if len(words) < MIN_QUOTE_WORDS:
        return False
    if len(words) == MIN_QUOTE_WORDS and all(
        word[:1].isupper() or word in "and of the" for word in words
    ):
        return False
    return not is_embedded(text, quotation.opening)


def is_embedded(text: str, opening: int) -> bool:
    """Quoted words that continue the sentence before them: 'needed "patience more than plans"'."""
    # Only the words of the same line count: a quotation opening a paragraph continues nothing.
    before = text[max(0, opening - 60) : opening].rsplit("\n", 1)[-1]
    if not before.strip() or not re.search(r"\w\s*$", before):
        return False
    return not re.search(rf"\b{VERB}(?:\s+[A-Z][\w.-]*){{0,3}}\s*$", before)


MIN_CONTENT_WORDS = 3
TITLE_LINKS = {"of", "the", "for", "and", "to", "on", "in", "-", "–", "—", "&"}


def content_span(text: str, start: int, end: int, keep_full_stop: bool = False) -> Span | None:
    """The reported words, without surrounding space or (for a clause) the sentence's full stop."""
    span = trim(text, Span(start, end))
    if not keep_full_stop and text[span.start : span.end].endswith("."):
        span = trim(text, Span(span.start, span.end - 1))
    words = span.text_of(text).split()
    if len(words) < MIN_CONTENT_WORDS or is_title(words):
        return None
    return span


def is_title(words: list[str]) -> bool:
    """ "The Spokeswoman for the President of Azerbaijan" names a post; it reports nothing."""
    return all(word[:1].isupper() or word.lower() in TITLE_LINKS for word in words)


def sentence_subject(speaker: Speaker) -> re.Pattern:
    """A sentence opening with the speaker's name, perhaps after a title: "Minister Kovac was …"."""
    names = "|".join(re.escape(name) for name in speaker.names)
    return re.compile(rf"(?:[A-Z][\w'’.-]*\s+){{0,5}}?(?i:{names})\b(?!['’]s)")


def repeated_from_body(text: str, quotation, headline: list[Span]) -> bool:
    """A headline quoting words the article prints again: the claim is where they stand later."""
    if not headline or not headline[0].holds(quotation.opening):
        return False
    return text.find(quotation.words.text_of(text), headline[0].end) != -1
