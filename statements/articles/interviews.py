"""Question-and-answer interviews: which paragraphs are the interviewer's, which the answers.

Layouts read: "Q:"/"A:" (or "Question:"/"Answer:"), paragraphs opening with a dash, questions
named by the asker ("Caucasus Daily: …?") and answers by the speaker ("Lindqvist: …"), and
questions that are whole paragraphs ending in "?" followed by unmarked answers (only in a text
that calls itself an interview). An answer runs until the next question; its words, after the
marker, are the interviewee's own.
"""

import re
from collections import Counter
from dataclasses import dataclass

from statements.articles.sentences import Span, paragraphs, trim
from statements.articles.speakers import SELF, Speaker, who_is

QUESTION_MARK = re.compile(r"(?:Q|Question)\s*[:.]\s+|\*\*Q(?:uestion)?\s*[:.]?\*\*\s*")
ANSWER_MARK = re.compile(r"(?:A|Answer)\s*[:.]\s+|\*\*A(?:nswer)?\s*[:.]?\*\*\s*")
DASH = re.compile(r"[—–-]{1,2}\s+")
# "Lindqvist:", "**Q**", or a journalist with their outlet: "Anna Petrenko, Volga Business:".
NAMED = re.compile(
    r"\**(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:,\s+[A-Z][\w.&'’ -]{0,40})?"
    r"\**\s*:\**\s+"
)
INTERVIEW_WORD = re.compile(r"\binterview", re.IGNORECASE)
MIN_QUESTIONS = 2
# The end of the introduction goes with each answer: it may say when and where they were given.
INTRO_CHARACTERS = 300
SHORT_REQUEST = 200
REQUEST = re.compile(r"(?:Tell|Please|Describe|Explain|Let's|Let us|Comment|Share)\b")
LONGEST_QUESTION = 600
MIN_ANSWER_WORDS = 4
QUESTION, ANSWER, OTHER = "question", "answer", "other"


@dataclass(frozen=True)
class Exchange:
    """An interview in the text: its question and answer paragraphs, and who answers."""

    questions: list[Span]
    answers: list[tuple[Span, str | None]]  # the answer's words, and the name it is printed under
    paragraphs: list[Span]  # every paragraph of the exchange, in order

    @property
    def first_question(self) -> int:
        return self.questions[0].start


def classify(text: str, paragraph: Span) -> tuple[str, Span, str | None]:
    """Whether a paragraph is a question, an answer or neither; its words; the name before them."""
    words = paragraph.text_of(text)
    for pattern, role in ((QUESTION_MARK, QUESTION), (ANSWER_MARK, ANSWER)):
        match = pattern.match(words)
        if match:
            return role, rest(text, paragraph, match.end()), None
    dash = DASH.match(words)
    if dash:
        content = rest(text, paragraph, dash.end())
        return (QUESTION if asks(text, content) else ANSWER), content, None
    named = NAMED.match(words)
    if named and len(named["name"]) < 40:
        content = rest(text, paragraph, named.end())
        return (QUESTION if asks(text, content) else ANSWER), content, named["name"]
    return (QUESTION if asks(text, paragraph) else OTHER), paragraph, None


def rest(text: str, paragraph: Span, offset: int) -> Span:
    return trim(text, Span(paragraph.start + offset, paragraph.end))


def asks(text: str, span: Span) -> bool:
    """A question ends in "?", or asks in a few words: "Tell us about the new railway."."""
    words = span.text_of(text).rstrip(' *"”»')
    if len(words) > LONGEST_QUESTION:
        return False
    return words.endswith("?") or bool(len(words) <= SHORT_REQUEST and REQUEST.match(words))


def alternating(read: list) -> list:
    """In a dialogue of dashes the voices alternate: a dash paragraph between two answers asks
    ("— Your view on the reports."), whether or not it ends in "?"."""
    dashed = [
        role != OTHER and content != paragraph and name is None
        for paragraph, role, content, name in read
    ]
    fixed = list(read)
    for index in range(1, len(read) - 1):
        before, here, after = fixed[index - 1], fixed[index], fixed[index + 1]
        all_dashed = dashed[index - 1] and dashed[index] and dashed[index + 1]
        if all_dashed and before[1] == here[1] == after[1] == ANSWER:
            fixed[index] = (here[0], QUESTION, here[2], None)
    return fixed


def add_answer(text: str, answers: list, content: Span, name: str | None) -> None:
    if len(content.text_of(text).split()) >= MIN_ANSWER_WORDS:
        answers.append((content, name))


def find_exchange(text: str, body_start: int) -> Exchange | None:
    """The interview's questions and answers, if the text is laid out as one."""
    read = alternating([(p, *classify(text, p)) for p in paragraphs(text, body_start)])
    # Questions with a marker ("Q:", a dash, the asker's name) make answers need one too.
    marked = any(role == QUESTION and content != paragraph for paragraph, role, content, _ in read)
    # A transcript prints several paragraphs under one name; its words need no question before.
    voices = Counter(name for _, role, _, name in read if role == ANSWER and name)
    transcript = {name for name, count in voices.items() if count >= 2}
    if not marked and not transcript and not INTERVIEW_WORD.search(text):
        return None
    questions, answers, taken, open_question = [], [], [], False
    # In a marked layout an answer may run on into unmarked paragraphs; they count as the
    # answer's once another question follows, so that a closing "Thank you" never does.
    pending: list[tuple[Span, Span, None]] = []
    for paragraph, role, content, name in read:
        if role == QUESTION:
            for continued in pending:
                taken.append(continued[0])
                add_answer(text, answers, continued[1], None)
            pending = []
            questions.append(paragraph)
            taken.append(paragraph)
            open_question = True
        elif (open_question or name in transcript) and (
            role == ANSWER or (role == OTHER and not marked)
        ):
            taken.append(paragraph)
            add_answer(text, answers, content, name)
            pending = []
        elif role == OTHER and marked and open_question and answers:
            pending.append((paragraph, content, None))
        elif role == OTHER and marked:
            open_question = False
    if len(questions) < MIN_QUESTIONS or not answers:
        return None
    return Exchange(questions, answers, taken)


def answers_of(text: str, exchange: Exchange, speaker: Speaker, interviewee: bool | None):
    """(words, attribution, number) of each answer the speaker gives.

    An answer under a name is the speaker's when the name or initials ("H.H.:") are theirs;
    an unnamed one when the speaker is the interviewee (None: when the introduction names them).
    """
    intro = text[: exchange.first_question]
    if interviewee is None:
        interviewee = bool(speaker.mention.search(intro))
    attribution = " ".join(intro.split())[-INTRO_CHARACTERS:]
    initials = "".join(word[0] for word in speaker.name.split()).lower()
    found = []
    for number, (span, name) in enumerate(exchange.answers):
        if name:
            answering = who_is(name, speaker) == SELF or name.replace(".", "").lower() == initials
        else:
            answering = interviewee
        if answering:
            found.append((span, attribution, number))
    return found
