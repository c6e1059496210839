"""Who a phrase refers to: the official by name, alias or surname, a pronoun, or someone else."""

import re
from dataclasses import dataclass
from functools import cached_property

REPORTING_VERBS = (
    "said|says|noted|notes|added|adds|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|recalled|"
    "recalls|stated|told|tells|underlined|underlines|underscored|pointed out|points out|"
    "explained|explains|warned|warns|argued|argues|insisted|insists|declared|declares|remarked|"
    "mentioned|highlighted|highlights|announced|asserted|asserts|affirmed|reiterated|"
    "reaffirmed|concluded|believes|believed|commented|observed|maintained|went on to say"
)
VERB = rf"(?:{REPORTING_VERBS})\b"
ADVERBS = r"(?:(?:also|further|then|again|once again|later|earlier|previously|in turn|\w+ly),?\s+)*"
# Words that point back at the last person named.
ANAPHORS = (
    r"(?:he|she|him|her|the (?:official|aide|adviser|advisor|diplomat|minister|spokesman|"
    r"spokeswoman|spokesperson|ambassador|envoy|assistant))"
)
PERSON_NAME = r"(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’-]+"


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


SELF, OTHER, BACK_REFERENCE = "self", "other", "back"


def who_is(subject: str, speaker: Speaker) -> str:
    """Whether the subject of a reporting verb names the official, points back, or names another."""
    subject = subject.strip()
    if speaker.mention.search(subject):
        return SELF
    if re.fullmatch(ANAPHORS, subject, re.IGNORECASE):
        return BACK_REFERENCE
    return OTHER


def subject_pattern(speaker: Speaker) -> str:
    """The official's names, a back reference, or a capitalised name, as a regex group."""
    names = "|".join(re.escape(name) for name in speaker.names)
    return rf"(?P<subject>(?i:{names}|{ANAPHORS})|{PERSON_NAME})"
