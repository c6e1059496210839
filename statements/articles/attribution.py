"""Which quotations and reported sentences are the official's, with the words that attribute them.

Reading goes in article order, keeping track of who spoke last, so that "he said" and unattributed
quotations go to the last person named. A reporting clause ("Hajiyev noted that …", "According to
him, …") runs on to the end of its paragraph: the sentences after it report the same person.
"""

import bisect
import re
from dataclasses import dataclass

from statements.articles.interviews import Exchange, answers_of, find_exchange
from statements.articles.lists import ends_in_colon, list_items
from statements.articles.phrases import (
    ADDING,
    SAYING,
    content_span,
    enclosure_test,
    in_spans,
    is_speech,
    patterns_for,
    repeated_from_body,
    sentence_subject,
)
from statements.articles.quotes import find_quotations
from statements.articles.reporting_sentences import LONGEST_SENTENCE, ReportingSentences
from statements.articles.sentences import Span, paragraphs, sentences, trim
from statements.articles.speakers import (
    ALONE,
    ANAPHORS,
    ANYONE,
    BACK_REFERENCE,
    NAMES,
    OTHER,
    POINTERS,
    SELF,
    UNNAMED_ONE,
    Company,
    Speaker,
    who_is,
)
from statements.articles.splitting import claim_sized
from statements.models import ClaimKind

MIN_RUN_ON_WORDS = 5
# The lede: the headline, if any, and the first paragraph.
LEDE_PARAGRAPH = 1
# Answers are read after the text around them; their paragraph numbers come after any other.
ANSWERS = 1_000_000
POINTER = re.compile(rf"{ANAPHORS}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Reported:
    kind: str
    span: Span
    attribution: str  # the words saying who spoke, and perhaps when and where
    paragraph: int


class AttributionReader(ReportingSentences):
    def __init__(
        self, text: str, body_start: int, speaker: Speaker, company: Company = ALONE
    ) -> None:
        self.text = text
        self.pattern_sets = tuple(
            patterns_for(speaker, reach) for reach in (NAMES, POINTERS, ANYONE)
        )
        self.speaker = speaker
        self.exchange = find_exchange(text, body_start)
        in_exchange = in_spans(self.exchange.paragraphs if self.exchange else [])
        quotations = find_quotations(text, body_start)
        inside = enclosure_test(quotations)
        headline = paragraphs(text, body_start)[:1]
        self.speech = [
            q
            for q in quotations
            if is_speech(text, q)
            and not in_exchange(q.opening)
            and not repeated_from_body(text, q, headline)
        ]
        read = [p for p in paragraphs(text, body_start) if not in_exchange(p.start)]
        self.lists = {
            index: items for index, p in enumerate(read) if (items := list_items(text, p))
        }
        self.units = [
            (index, sentence)
            for index, paragraph in enumerate(read)
            for sentence in sentences(text, paragraph, inside)
        ]
        self.unit_starts = [sentence.start for _, sentence in self.units]
        # Quotations never overlap, so their openings and their last marks are both in order.
        self.openings = [quotation.opening for quotation in self.speech]
        self.lasts = [quotation.last for quotation in self.speech]
        self.current: str | None = None
        self.found: list[Reported] = []
        self.interviewee = company.interviewee
        self.alone = not company.others
        self.in_lede = True
        self.subjects = [(SELF, sentence_subject(speaker))] + [
            (OTHER, sentence_subject(other)) for other in company.others
        ]

    def read(self) -> list[Reported]:
        running_on: Reported | None = None
        lead: Span | None = None  # "Mammadli made the following points:"
        for index, sentence in self.units:
            self.in_lede = index <= LEDE_PARAGRAPH
            if running_on and running_on.paragraph != index:
                running_on = None
            if index in self.lists:
                if lead is not None:
                    self.read_list(index, lead)
                continue
            lead = sentence if self.leads_a_list(sentence) else None
            touching = self.quotations_touching(sentence)
            if touching:
                self.read_clause_before(index, sentence, self.openings[touching[0]])
                for number in touching:
                    if sentence.holds(self.openings[number]):
                        self.read_quotation(number, index, sentence)
                running_on = None
                continue
            running_on = self.read_sentence(index, sentence, running_on)
        if self.exchange:
            self.read_answers(self.exchange)
        return sorted(self.found, key=lambda reported: reported.span.start)

    def leads_a_list(self, sentence: Span) -> bool:
        """A sentence ending in a colon that names the official, or points back at them."""
        if not ends_in_colon(self.text, sentence):
            return False
        if self.speaker.mention.search(self.text, sentence.start, sentence.end):
            return True
        return self.current == SELF and bool(POINTER.match(self.text, sentence.start))

    def read_list(self, paragraph: int, lead: Span) -> None:
        attribution = lead.text_of(self.text)
        for item in self.lists[paragraph]:
            span = content_span(self.text, item.start, item.end, keep_full_stop=True)
            if span:
                self.add(ClaimKind.PARAPHRASE, span, attribution, paragraph)

    def read_clause_before(self, paragraph: int, sentence: Span, opening: int) -> None:
        """ "X said that …: “…”" reports a position before the quotation as well as in it."""
        if not sentence.start < opening < sentence.end:
            return
        clause = trim(self.text, Span(sentence.start, opening))
        end = clause.end
        while end > clause.start and self.text[end - 1] in ":,;—–- ":
            end -= 1
        found = self.reporting(Span(clause.start, end), content_first=False)
        if found is None:
            return
        who, span, attribution, _ = found
        meant = self.current if who == BACK_REFERENCE else who
        if meant == SELF and span is not None:
            self.add(ClaimKind.PARAPHRASE, span, attribution, paragraph)

    def read_answers(self, exchange: Exchange) -> None:
        """The interviewee's answers are their own words, quoted."""
        for span, attribution, number in answers_of(
            self.text, exchange, self.speaker, self.interviewee
        ):
            self.add(ClaimKind.QUOTE, span, attribution, ANSWERS + number)

    def quotations_touching(self, sentence: Span) -> range:
        """The numbers of the quotations that open, close or run through the sentence."""
        first = bisect.bisect_left(self.lasts, sentence.start)
        return range(first, bisect.bisect_left(self.openings, sentence.end))

    def sentence_after(self, sentence: Span) -> Span:
        """The next sentence of the same paragraph, else this one."""
        index = bisect.bisect_right(self.unit_starts, sentence.start)
        if index < len(self.units) and self.units[index][0] == self.units[index - 1][0]:
            return self.units[index][1]
        return sentence

    def sentence_at(self, offset: int) -> Span:
        return self.units[bisect.bisect_right(self.unit_starts, offset) - 1][1]

    def speaker_of(self, who: str | None) -> str | None:
        """Who is meant: a back reference or no attribution at all means the last one named;
        "a senior official" in the lede is the official, as agencies name them a paragraph later,
        when no other stored official is in the article."""
        if who is None or who == BACK_REFERENCE:
            return self.current
        if who == UNNAMED_ONE:
            return SELF if self.alone and self.in_lede else OTHER
        self.current = who
        return who

    def add(self, kind: str, span: Span, attribution: str, paragraph: int) -> Reported:
        pieces = claim_sized(self.text, span) if kind == ClaimKind.QUOTE else [span]
        for piece in pieces:
            reported = Reported(kind, piece, attribution, paragraph)
            self.found.append(reported)
        return reported

    def read_quotation(self, number: int, paragraph: int, opening: Span) -> None:
        who, words = self.quotation_attribution(number, opening)
        if self.speaker_of(who) == SELF:
            self.add(ClaimKind.QUOTE, self.speech[number].words, words, paragraph)
            self.read_adding(number, words, paragraph)

    def read_adding(self, number: int, words: str, paragraph: int) -> None:
        """'"…," he said, adding that the talks would go on.' reports a position too."""
        closing = self.speech[number].closing
        if closing is None or not words:
            return
        end = self.sentence_after(self.sentence_at(closing)).end
        adding = ADDING.search(self.text, closing + 1, end)
        span = adding and content_span(self.text, adding.end(), end)
        if span:
            self.add(ClaimKind.PARAPHRASE, span, words, paragraph)

    def quotation_attribution(self, number: int, opening: Span) -> tuple[str | None, str]:
        """Who the words after the closing mark, or else before the opening mark, name."""
        text, quotation = self.text, self.speech[number]
        if quotation.closing is not None:
            closing = self.sentence_at(quotation.closing)
            if closing.end <= quotation.closing + 1:
                # '"… the end." Hajiyev said.': the attribution is the next sentence.
                closing = self.sentence_after(closing)
            following = self.openings[number + 1] if number + 1 < len(self.speech) else len(text)
            end = min(closing.end, following)
            for pattern in self.patterns("after_quote"):
                match = pattern.match(text, quotation.closing + 1, end)
                if match:
                    words = text[quotation.closing + 1 : end].strip(" ,.")
                    return who_is(match["subject"], self.speaker), words
        start = max(
            opening.start,
            self.lasts[number - 1] + 1 if number else 0,
            quotation.opening - LONGEST_SENTENCE,
        )
        for pattern in self.patterns("before_quote"):
            match = pattern.search(text, start, quotation.opening)
            if match:
                return who_is(match["subject"], self.speaker), text[start : match.end()].strip(" ,")
        return None, ""

    def read_sentence(self, paragraph: int, sentence: Span, running_on: Reported | None):
        """A reporting sentence, or one that runs on from the reporting clause before it."""
        found = self.reporting(sentence)
        if found is None:
            if running_on is None:
                self.note_subject(sentence)
                self.read_saying(paragraph, sentence)
                return None
            span = content_span(self.text, sentence.start, sentence.end, keep_full_stop=True)
            # "It was not." after a report is the writer's comment, not more of the report.
            if span is not None and len(span.text_of(self.text).split()) >= MIN_RUN_ON_WORDS:
                self.add(ClaimKind.PARAPHRASE, span, running_on.attribution, paragraph)
            return running_on
        who, span, attribution, runs_on = found
        if self.speaker_of(who) != SELF or span is None:
            return None
        reported = self.add(ClaimKind.PARAPHRASE, span, attribution, paragraph)
        return reported if runs_on else None

    def read_saying(self, paragraph: int, sentence: Span) -> None:
        """ "The aide touched upon the terminal, saying it would open in May." """
        saying = SAYING.search(self.text, sentence.start, sentence.end)
        if saying and self.current == SELF and self.opens_with_the_official(sentence):
            span = content_span(self.text, saying.end(), sentence.end)
            if span:
                self.add(ClaimKind.PARAPHRASE, span, sentence.text_of(self.text), paragraph)

    def opens_with_the_official(self, sentence: Span) -> bool:
        own = self.subjects[0][1]
        return bool(
            own.match(self.text, sentence.start) or POINTER.match(self.text, sentence.start)
        )

    def note_subject(self, sentence: Span) -> None:
        """ "Kovac was more cautious." names who "the minister" in the next sentence is."""
        for who, pattern in self.subjects:
            if pattern.match(self.text, sentence.start, sentence.end):
                self.current = who
                return


def reported_claims(
    text: str, body_start: int, speaker: Speaker, company: Company = ALONE
) -> list[Reported]:
    """The official's quotations and reported positions, in article order.

    In a question-and-answer interview the answers are the interviewee's: the one named before
    the first question, unless told whether this speaker is.
    """
    return AttributionReader(text, body_start, speaker, company).read()
