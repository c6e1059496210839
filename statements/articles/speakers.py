"""Who a phrase refers to: the official by name, alias or surname, a pronoun, or someone else."""

import re
from dataclasses import dataclass, replace
from functools import cached_property

from statements.articles.names import forms_in_text
from statements.articles.reporting_verbs import REPORTING_VERB

VERB = rf"(?:{REPORTING_VERB})\b"
ADVERBS = (
    r"(?:(?:also|further|then|again|once again|later|earlier|previously|in turn|back then|"
    r"at the time|\w+ly),?\s+)*"
)
ROLE_NOUNS = (
    "official|aide|adviser|advisor|diplomat|minister|spokesman|spokeswoman|spokesperson|"
    "ambassador|envoy|assistant|representative|head|chief|president|premier|secretary|"
    "commissioner|governor|mayor|chairman|chairwoman|director|deputy|senator|lawmaker|"
    "politician|leader|negotiator|mediator|ombudsman|ombudsperson|general|prosecutor"
)
# Words that point back at the last person named: "he", "the deputy minister", "the envoy".
ANAPHORS = rf"(?:he|she|him|her|the (?:[\w'’-]+\s+){{0,3}}?(?:{ROLE_NOUNS})\b)"
# Capitalised words that are nobody: "…, saying it would open in May".
NOT_A_NAME = (
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
PERSON_NAME = rf"{NOT_A_NAME}(?:[A-Z][\w'’.-]+\s+){{0,2}}[A-Z][\w'’-]+"


@dataclass(frozen=True)
class Speaker:
    """The official the article is read for: the names a text may use for them."""

    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        surnames = [name.split()[-1] for name in (self.name, *self.aliases) if is_full_name(name)]
        unique = dict.fromkeys(name for name in (self.name, *self.aliases, *surnames) if name)
        return sorted(unique, key=len, reverse=True)

    @cached_property
    def mention(self) -> re.Pattern:
        names = "|".join(re.escape(name) for name in self.names)
        return re.compile(rf"(?<!\w)(?:{names})(?!\w)", re.IGNORECASE)


def is_full_name(name: str) -> bool:
    """A personal name of two or more capitalised words, whose last word is the surname."""
    words = name.split()
    return len(words) >= 2 and all(word[:1].isupper() for word in words)


SELF, OTHER, BACK_REFERENCE, UNNAMED_ONE = "self", "other", "back", "unnamed"
# Someone not yet named: "a senior Russian official said" (in a lede that names them later).
UNNAMED = rf"(?:an? (?:[\w'’-]+\s+){{0,3}}?(?:{ROLE_NOUNS})\b)"


@dataclass(frozen=True)
class Company:
    """Who else is in the article: whether the speaker is the one interviewed (None: whoever
    the introduction names), and the other officials it names."""

    interviewee: bool | None = None
    others: tuple[Speaker, ...] = ()


# No one else named, and the interviewee (if any) whoever the introduction names.
ALONE = Company()


def who_is(subject: str, speaker: Speaker) -> str:
    """Whether the subject of a reporting verb names the official, points back, or names another."""
    subject = subject.strip()
    if speaker.mention.search(subject):
        return SELF
    if re.fullmatch(ANAPHORS, subject, re.IGNORECASE):
        return BACK_REFERENCE
    if re.fullmatch(UNNAMED, subject, re.IGNORECASE):
        return UNNAMED_ONE
    return OTHER


NAMES, POINTERS, ANYONE = 0, 1, 2


def subject_pattern(speaker: Speaker, reach: int = ANYONE) -> str:
    """As a regex group: the official's names; with POINTERS also a back reference ("he", "the
    minister"); with ANYONE also any capitalised name."""
    names = "|".join(re.escape(name) for name in speaker.names)
    pointers = f"|{ANAPHORS}|{UNNAMED}" if reach >= POINTERS else ""
    other = f"|{PERSON_NAME}" if reach >= ANYONE else ""
    # Initials may be glued to the surname: "E.Huseynli said".
    return rf"(?P<subject>(?:[A-Z]\.\s?){{0,2}}(?i:{names})|(?i:{pointers[1:] or '(?!)'}){other})"


def as_written_in(speaker: Speaker, text: str) -> Speaker:
    """The speaker with every spelling of their name the text uses added to their names."""
    forms = forms_in_text(text, [speaker.name, *speaker.aliases])
    added = tuple(form for form in forms if form not in speaker.names)
    return replace(speaker, aliases=(*speaker.aliases, *added)) if added else speaker
