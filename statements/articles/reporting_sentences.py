"""Whether one sentence reports what someone said, who, and which of its words are the report.

`ReportingSentences` is the part of the attribution reader that reads a single sentence: "X said
(that) …", "…, X said", "According to X, …", tried for the official's names first, then with back
references, then for anyone.
"""

import re

from statements.articles.phrases import (
    ADJUNCT,
    PLAIN_VERB_END,
    TOLD_WHOM,
    Patterns,
    content_span,
)
from statements.articles.reporting_verbs import NEEDS_THAT
from statements.articles.sentences import Span
from statements.articles.speakers import BACK_REFERENCE, Speaker, who_is

# Longer runs of text without a full stop are lists or debris, not reporting sentences; reading
# them would only cost time.
LONGEST_SENTENCE = 2000
# "Expressed hope", "voiced concern": what about is the position.
FEELING = re.compile(r"(?:express|voic)", re.IGNORECASE)
ABOUT = re.compile(r"\s+(?:about|over|regarding|at|for|in)\s+\S+(?:\s+\S+){2}")


class ReportingSentences:
    text: str
    speaker: Speaker
    pattern_sets: tuple[Patterns, ...]

    def patterns(self, name: str) -> list[re.Pattern]:
        return [pattern for patterns in self.pattern_sets for pattern in getattr(patterns, name)]

    def reporting(self, sentence: Span, content_first: bool = True):
        """(who, reported words, attributing words, runs on?) for a reporting sentence."""
        if sentence.end - sentence.start > LONGEST_SENTENCE:
            return None
        for patterns in self.pattern_sets:
            found = self.reporting_by(patterns, sentence, content_first)
            if found is not None:
                return found
        return None

    def reporting_by(self, patterns: Patterns, sentence: Span, content_first: bool):
        text = self.text
        forms = patterns.according_first
        match = next(
            (m for f in forms if (m := f.fullmatch(text, sentence.start, sentence.end))), None
        )
        if match:
            span = content_span(text, match.start("content"), sentence.end)
            attribution = text[sentence.start : match.start("content")]
            subject = match.groupdict().get("subject")
            who = who_is(subject, self.speaker) if subject else BACK_REFERENCE
            return who, span, attribution, True
        forward = patterns.forward.fullmatch(text, sentence.start, sentence.end)
        found = forward and self.forward_reporting(forward, sentence)
        if not content_first or (found and found[1] is not None):
            return found
        for pattern in patterns.said_at_end:
            match = pattern.search(text, sentence.start, sentence.end)
            if match:
                span = content_span(text, sentence.start, match.start())
                attribution = text[match.start() : sentence.end].strip(" ,.")
                return who_is(match["subject"], self.speaker), span, attribution, False
        return found

    def forward_reporting(self, match: re.Match, sentence: Span):
        """The words after "X said (in …) that", or straight after the verb."""
        text, rest = self.text, match.start("rest")
        that = re.compile(r"\bthat\s+").search(text, rest, min(rest + 150, sentence.end))
        told = TOLD_WHOM.match(text, rest, sentence.end)
        if that and ADJUNCT.match(text, rest, that.start()):
            content_start = that.end()
        elif told:
            content_start = told.end()
        elif FEELING.match(match["verb"]) and ABOUT.match(text, rest, sentence.end):
            content_start = rest  # "expressed optimism about the treaty's prospects"
        elif PLAIN_VERB_END.match(text, rest, sentence.end) or NEEDS_THAT.search(match["verb"]):
            return who_is(match["subject"], self.speaker), None, "", False
        else:
            content_start = rest
        span = content_span(text, content_start, sentence.end)
        attribution = text[sentence.start : content_start].strip()
        return who_is(match["subject"], self.speaker), span, attribution, True


def first_match(patterns: list[re.Pattern], text: str, sentence: Span) -> re.Match | None:
    return next(
        (match for p in patterns if (match := p.fullmatch(text, sentence.start, sentence.end))),
        None,
    )
